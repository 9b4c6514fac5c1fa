/*
 * The tag scheme (SPEC 6, review-tags(7)): which codes each label layer
 * may hold, their names, and which layers need a polarity.  Built in, or
 * read from a file in the form "rtags --list" writes.  scheme_parse reads
 * such a file from memory and never exits, so a fuzzer can call it;
 * scheme_load reads a path and exits 2 on any fault.
 */
#ifndef RK_SCHEME_H
#define RK_SCHEME_H

#include <stdbool.h>
#include <stddef.h>

#include "out.h"
#include "tsv.h"

/* The four label columns of review TSV, then "any" for codes of no one. */
enum layer {
	LAYER_SECTION,
	LAYER_ASPECT,
	LAYER_FUNCTION,
	LAYER_SEVERITY,
	LAYER_ANY,
	NLAYERS
};
#define NLABEL_LAYERS	LAYER_ANY

const char	*layer_name(enum layer);
int		 layer_lookup(struct slice name);	/* -1 when unknown */

struct scheme_code {
	const char	*code;
	const char	*name;
	const char	*desc;
	size_t		 codelen;
	enum layer	 layer;
	unsigned long	 line;		/* in the scheme file, for messages */
	char		*text;		/* the line that holds them, or NULL */
};

struct scheme {
	struct scheme_code	 *codes;	/* in the order of the scheme */
	size_t			  n;
	const struct scheme_code **bycode;	/* sorted by code, then order */
};

/* What is wrong with a scheme file, and on which line (1-based). */
struct scheme_error {
	unsigned long	line;
	char		msg[256];
};

void	scheme_builtin(struct scheme *);
int	scheme_parse(struct scheme *, const char *buf, size_t len,
	    struct scheme_error *);
void	scheme_load(struct scheme *, const char *path);
void	scheme_free(struct scheme *);
void	scheme_write(const struct scheme *, struct out *, bool header);

/* An item of a label field, split at its first '-'. */
struct tag {
	struct slice	code;
	struct slice	pol;
	bool		has_pol;
};

enum problem {
	TAG_OK,
	TAG_EMPTY,
	TAG_UNKNOWN_CODE,
	TAG_OTHER_LAYER,
	TAG_MISSING_POL,
	TAG_UNEXPECTED_POL,
	TAG_UNKNOWN_POL
};

struct tag	 tag_split(struct slice item);
const struct scheme_code *scheme_find(const struct scheme *, enum layer,
		    struct slice code, bool *elsewhere);
enum problem	 scheme_check(const struct scheme *, enum layer, struct tag);
const char	*problem_name(enum problem);

#endif
