/*
 * Which built-in scheme a review's first marker fits (SPEC 3, "The
 * scheme in effect").  Under the wrong scheme a marker's groups land in
 * columns that are not theirs with no other sign (a pra marker's
 * "[PDI-NEU]" under argu's clarity), or a marker of more groups is kept
 * as text and its review gives no rows; rsplit refuses a review whose
 * first marker fits another built-in scheme better than the scheme in
 * effect.  A first marker that holds no code of any built-in scheme
 * ("[[null], [null]]") tells nothing, and the next marker that holds one
 * decides instead: under argu, the pra markers after it would land in
 * argu's columns.  The check reads a marker or a few per review.
 */
#ifndef RK_FIT_H
#define RK_FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "marker.h"
#include "scheme.h"

#define FIT_SCHEMES	4	/* built-in schemes, at most */
#define FIT_SAME	(-1)	/* the scheme in effect fits as well as any */
#define FIT_MORE	(-2)	/* more input is needed to tell */
#define FIT_NONE	(-3)	/* no built-in scheme has a code there */
#define FIT_PAIRS	(26 * 26)	/* two capital letters */

struct fit {
	struct scheme	 builtin[FIT_SCHEMES];
	int		 n;
	int		 effect;	/* index of the scheme in effect */
	/* The first two letters of each scheme's codes, as bits. */
	uint64_t	 pairs[FIT_SCHEMES][(FIT_PAIRS + 63) / 64];
};

struct fit	*fit_new(const struct scheme *effect);
void		 fit_free(struct fit *);
int		 fit_check(const struct fit *, const struct marker *,
		    const char *p, size_t n, bool eof);
const char	*fit_name(const struct fit *, int);

#endif
