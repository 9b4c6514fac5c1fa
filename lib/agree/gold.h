/*
 * -g: a rater judged against the gold standard (ragree(1)), on the units
 * both gave: accuracy (the share of units whose value equals the
 * gold's), Cohen's kappa, and precision, recall and F1 over items.  TP
 * are keys in both the gold's and the rater's set of a unit, FP keys
 * only the rater gave, FN keys only the gold gave, summed over units
 * (micro); macro F1 is the mean F1 over the keys either gave, as
 * scikit-learn's precision_recall_fscore_support(average="macro") has it
 * for the labels present.  A figure whose denominator is 0 is NAN.
 */
#ifndef RK_AGREE_GOLD_H
#define RK_AGREE_GOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coef.h"
#include "units.h"

/* The keys of each class of a layer, as key numbers in byte order. */
struct gold_keys {
	size_t		 nkeys;
	size_t		*start;		/* class c: key[start[c]..start[c + 1]) */
	uint32_t	*key;
};

void	gold_keys(struct gold_keys *, const struct units *, size_t l,
	    const uint32_t *cls, size_t nclasses);
void	gold_keys_free(struct gold_keys *);

struct gold_tally {
	struct coef_pair p;		/* gold first, then the rater */
	int64_t		 tp;
	int64_t		 fp;
	int64_t		 fn;
	int64_t		*ktp;		/* [key] */
	int64_t		*kfp;
	int64_t		*kfn;
	size_t		 nkeys;
};

/* What the figures are, in the order of ragree's columns. */
enum { GOLD_ACCURACY, GOLD_KAPPA, GOLD_PRECISION, GOLD_RECALL, GOLD_F1,
	GOLD_MACRO_F1, GOLD_NFIGURES };

void	gold_init(struct gold_tally *, size_t nclasses, size_t nkeys);
void	gold_clear(struct gold_tally *);
void	gold_add(struct gold_tally *, const struct gold_keys *, uint32_t g,
	    uint32_t r, int64_t w);
void	gold_figures(const struct gold_tally *, double *fig);
void	gold_binary(const struct coef_pair *, double *fig);
void	gold_free(struct gold_tally *);

#endif
