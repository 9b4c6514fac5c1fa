/*
 * Figures of ordered categories (ragree --order): Cohen's weighted kappa
 * (Cohen 1968) with the disagreement weights |i - j| (linear) or
 * (i - j)^2 (quadratic) of the places i and j in the order, as Fleiss,
 * Cohen and Everitt (1969) and scikit-learn's cohen_kappa_score have
 * them, and Krippendorff's alpha (2011) with the ordinal or interval
 * difference function.  A value with no place in the order (COEF_NONE
 * in rank) counts as no value.  Kappa's sums are integers, each figure
 * one division, as in coef.c; alpha's, which grow as the fourth power of
 * the values, are doubles, exact below 2^53.
 */
#ifndef RK_AGREE_ORDERED_H
#define RK_AGREE_ORDERED_H

#include <stddef.h>
#include <stdint.h>

#include "ratings.h"

enum ordered_weights { ORDERED_NO_WEIGHTS, ORDERED_LINEAR, ORDERED_QUADRATIC };
enum ordered_metric { ORDERED_NOMINAL, ORDERED_ORDINAL, ORDERED_INTERVAL };

struct ordered {
	const uint32_t	*rank;		/* [class]: its place, or COEF_NONE */
	size_t		 nranks;
	enum ordered_weights weights;
	enum ordered_metric metric;
};

double	ordered_kappa(const struct ratings *, const uint64_t *w, size_t a,
	    size_t b, const struct ordered *);
double	ordered_light(const struct ratings *, const uint64_t *w,
	    const struct ordered *);
double	ordered_alpha(const struct ratings *, const uint64_t *w,
	    const struct ordered *);

#endif
