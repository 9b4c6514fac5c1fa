/*
 * rtags(1)'s writers: review TSV in long form, one row per tag, where
 * the label columns of the chosen layers become layer, tag and polarity
 * (and with --names the code's name) in the place of the first of them;
 * or with --check one row per tag that breaks the scheme.
 */
#ifndef RK_LONGFORM_H
#define RK_LONGFORM_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "out.h"
#include "scheme.h"
#include "slice.h"
#include "tsvin.h"

/* An item of a list, and its place there, for --check's repeats. */
struct longform_item {
	struct slice	 item;
	size_t		 at;
};

/* What one run works with: the options, then per-row slices. */
struct longform {
	int		 layer[SCHEME_LAYERS_MAX];	/* chosen, in -l order */
	size_t		 nlayers;
	bool		 all;				/* -a */
	bool		 names;				/* --names */
	bool		 check;				/* --check */
	const struct scheme *scheme;
	struct out	*o;

	size_t		 col[SCHEME_LAYERS_MAX];	/* of each chosen layer */
	size_t		 first;			/* leftmost chosen column */
	size_t		 last;			/* rightmost */
	bool		 gaps;			/* others stand between them */
	size_t		 review, sentence;	/* columns, with --check */
	size_t		 nf;			/* fields a row must have */
	struct slice	*f;
	struct slice	 prefix;		/* the row up to first */
	struct slice	 tail;			/* the other columns after it */
	struct buf	 tailbuf;		/* holds tail when gaps */
	unsigned long	 nproblems;
	struct longform_item *items;		/* --check: a list's items, */
	struct longform_item *sorted;		/* the same sorted, */
	bool		*repeated;		/* and which repeat one */
	size_t		 itemcap;
};

void	longform_bind(struct longform *, struct tsvin *);
bool	longform_split(struct longform *, struct slice line);
void	longform_header(struct longform *, struct slice header);
void	longform_tags(struct longform *);
void	longform_check(struct longform *);
void	longform_free(struct longform *);

#endif
