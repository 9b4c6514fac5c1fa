/*
 * The rows ragree(1) writes, a layer's or with -i a key's, and their
 * figures for each group of raters: computed once on the units, and with
 * --ci on each bootstrap resample, kept only for the percentiles.  With
 * --mean, a row per group holds the mean over the rows.
 */
#ifndef RK_AGREE_ROWS_H
#define RK_AGREE_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "figures.h"
#include "run.h"

/* What one layer's rows share. */
struct rows_layer {
	uint32_t	*order;		/* categories in byte order */
	uint32_t	*cls;		/* [category]: its class, its place there */
	size_t		 ncats;
	struct ratings	 R;		/* without -i */
	struct ratings_keys K;		/* with -i */
	struct gold_keys gk;		/* -g without -i */
	uint32_t	*rank;		/* --order: [class]: its place or none */
	struct ordered	 ord;
};

struct rows_row {
	size_t		 layer;		/* in g->layer */
	struct slice	 key;		/* -i */
	struct figures_row fr;
};

struct rows {
	struct rows_layer *layers;
	struct rows_row	*row;
	size_t		 n;
	struct figures_run run;
	const struct figures_column *cols;
	size_t		 ncols;
	size_t		*coef;		/* the coefficients' places in value */
	size_t		 ncoef;
	struct figures	*fig;		/* [row * ngroups + group] */
	double		*lo;		/* --ci: [(row * ngroups + g) * ncoef + c] */
	double		*hi;
	struct figures	*mean;		/* --mean: [group] */
	double		*mlo;		/* --mean --ci: [g * ncoef + c] */
	double		*mhi;
};

void	rows_build(struct rows *, struct ragree *);
void	rows_figures(struct rows *, const struct ragree *);
void	rows_free(struct rows *, const struct ragree *);

#endif
