/*
 * Agreement coefficients over integer classes (ragree(1)): Cohen's kappa
 * (1960) and its mean over pairs (Light 1971), Fleiss' kappa (1971) and
 * Krippendorff's alpha for nominal data.
 *
 * Each coefficient is a function of sums over units, kept in a tally.  A
 * unit adds to a tally as the vector of its raters' classes, with a
 * weight; a negative weight takes it out again.  So a row of -i is the
 * tally of "no rater has the key", known once, corrected by the few units
 * that have the key (linear in keys and units, not their product), and a
 * bootstrap resample is the same vectors with other weights.  The sums
 * are 64-bit integers; each coefficient is then one division of two
 * doubles that hold integers, so that it is exact (correctly rounded)
 * while the sums stay below 2^53, whatever the order of the units.
 */
#ifndef RK_AGREE_COEF_H
#define RK_AGREE_COEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define COEF_NONE	UINT32_MAX	/* the rater gave no value */

/* What the coefficients of several raters need. */
struct coef_tally {
	size_t		 nraters;
	size_t		 nclasses;
	int64_t		 units;		/* given by every rater */
	int64_t		 missing;	/* given by some, not all */
	int64_t		 unanimous;
	int64_t		 majority;
	int64_t		 split;
	int64_t		 sq;		/* Fleiss: sum of n_uc^2, complete units */
	int64_t		*t;		/* [c] Fleiss: values, complete units */
	int64_t		 n;		/* alpha: pairable values */
	int64_t		*nc;		/* [c] alpha: pairable values by class */
	int64_t		*d;		/* [m] alpha: sum of m^2 - sum n_uc^2 */
	int64_t		*mk;		/* [r * K + c] Light: marginals, complete */
	int64_t		*agr;		/* [pair] Light: agreements, complete */
	uint32_t	*cnt;		/* scratch: a unit's values by class */
	uint32_t	*seen;		/* scratch: the classes of its values */
};

/* What the row of a layer (or key) says; NAN where undefined. */
struct agreement {
	uint64_t	units;
	uint64_t	missing;
	uint64_t	unanimous;
	uint64_t	majority;
	uint64_t	split;
	double		agree;
	double		cohen;
	double		fleiss;
	double		alpha;
};

void	coef_tally_init(struct coef_tally *, size_t nraters, size_t nclasses);
void	coef_tally_clear(struct coef_tally *);
void	coef_tally_copy(struct coef_tally *, const struct coef_tally *);
void	coef_tally_add(struct coef_tally *, const uint32_t *cls, int64_t w);
void	coef_tally_free(struct coef_tally *);
void	coef_table(const struct coef_tally *, struct agreement *);
double	coef_alpha(double n, double e, const double *s, size_t maxm);

/* What Cohen's kappa of two raters needs: the units both gave. */
struct coef_pair {
	size_t		 nclasses;
	int64_t		 n;
	int64_t		 agree;
	int64_t		*ma;		/* [c] the first rater's marginals */
	int64_t		*mb;		/* [c] the second's */
};

void	coef_pair_init(struct coef_pair *, size_t nclasses);
void	coef_pair_clear(struct coef_pair *);
void	coef_pair_add(struct coef_pair *, uint32_t a, uint32_t b, int64_t w);
void	coef_pair_free(struct coef_pair *);
double	coef_agree(const struct coef_pair *);
double	coef_kappa(const struct coef_pair *);

/* The index of pair (a, b), a < b, of n raters, pairs in file order. */
static inline size_t
coef_pair_index(size_t n, size_t a, size_t b)
{
	return a * n - a * (a + 1) / 2 + (b - a - 1);
}

#endif
