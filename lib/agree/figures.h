/*
 * The figures of one row of ragree(1), a layer or with -i a layer's key,
 * for each group of raters the output has: all of them (the table), each
 * pair (--pairs), or each rater against the gold (-g).  The units weigh
 * 1 each for the figures themselves, or what a bootstrap resample gives
 * them (lib/agree/boot.c).
 */
#ifndef RK_AGREE_FIGURES_H
#define RK_AGREE_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coef.h"
#include "gold.h"
#include "ordered.h"
#include "ratings.h"

enum figures_mode { FIGURES_TABLE, FIGURES_PAIRS, FIGURES_GOLD };

/*
 * A group's counts and figures, in the order of its columns: the table's
 * raters, units, missing, unanimous, majority, split and agree, cohen,
 * fleiss, alpha; a pair's units and agree, cohen; the gold's units and
 * accuracy, kappa, precision, recall, f1, macro_f1.
 */
#define FIGURES_NCOUNTS	6
#define FIGURES_NVALUES	6

struct figures {
	uint64_t	count[FIGURES_NCOUNTS];
	double		value[FIGURES_NVALUES];
	bool		absent;		/* -i, two raters: see key_two */
};

/*
 * The columns of a group, in order: a count, a share, or a coefficient
 * (which --ci gives an interval); i is its place in count or value.
 */
enum figures_kind { FIGURES_COUNT, FIGURES_SHARE, FIGURES_COEF };

struct figures_column {
	const char	*name;
	enum figures_kind kind;
	size_t		 i;
};

size_t	figures_columns(enum figures_mode, bool items,
	    const struct figures_column **);

/* A row: a layer's ratings, or -i's key k of a layer. */
struct figures_row {
	const struct ratings	  *R;
	const struct ratings_keys *K;
	size_t			   k;
	const struct gold_keys	  *gk;	/* -g on a layer: its classes' keys */
	const struct ordered	  *ord;	/* --order on a layer, or NULL */
};

/* What every row of a run shares, and its scratch space. */
struct figures_run {
	enum figures_mode mode;
	const struct units *u;
	size_t		 nraters;
	size_t		 gold;		/* -g: the gold's rater */
	size_t		 ngroups;
	/* -i: every unit's zero vector, under the weights last given */
	struct coef_tally zero;
	int64_t		*both;		/* [pair] units both raters gave */
	struct coef_tally key;		/* scratch: a key's tally */
	struct coef_pair pair;		/* scratch: a key's pair */
	uint64_t	*acc;		/* scratch: [v] a key's members by vector */
	uint32_t	*touched;	/* scratch: the vectors it has */
	size_t		 ntouched;
	size_t		 acccap;
	uint32_t	*vec;
	uint64_t	*w;		/* a layer's vectors' weights */
	size_t		 wcap;
};

void	figures_init(struct figures_run *, enum figures_mode,
	    const struct units *, size_t gold);
void	figures_zero(struct figures_run *, const uint32_t *unitw);
void	figures_row(struct figures_run *, const struct figures_row *,
	    const uint32_t *unitw, struct figures *);
void	figures_free(struct figures_run *);
size_t	figures_group_raters(const struct figures_run *, size_t group,
	    size_t *a, size_t *b);

#endif
