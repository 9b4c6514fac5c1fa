/*
 * "Did you mean": the closest of a set of names to one that matched none,
 * for every tool's messages (an unknown field name, a value rfilter's
 * scheme cannot hold).  Closeness is the edit distance with swaps of
 * neighbours (optimal string alignment): MJA is one edit from MAJ, as
 * aspcet is from aspect.
 *
 *	suggest_init(&sg, want, within);
 *	for (i = 0; i < n; i++)
 *		if (suggest_try(&sg, names[i]))
 *			best = i;
 *	if (sg.found)
 *		... did you mean names[best]?
 */
#ifndef RK_SUGGEST_H
#define RK_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "slice.h"

struct suggest {
	struct slice	 want;		/* what matched no name */
	size_t		 within;	/* the farthest distance to suggest */
	size_t		 dist;		/* of the closest name so far */
	bool		 found;		/* a name within reach was tried */
};

void	suggest_init(struct suggest *, struct slice want, size_t within);
bool	suggest_try(struct suggest *, struct slice name);
size_t	suggest_distance(struct slice, struct slice);

#endif
