/*
 * Agreement coefficients over integer category ids (ragree(1)): Cohen's
 * kappa (1960) and its mean over pairs (Light 1971), Fleiss' kappa (1971)
 * and Krippendorff's alpha for nominal data.  Counts are accumulated in
 * 64-bit integers; each coefficient is then one division of two doubles
 * that hold integers, so that it is exact (correctly rounded) while the
 * counts stay below 2^53, whatever the order of categories.
 */
#ifndef RK_AGREE_H
#define RK_AGREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The values of one layer: v[(u * nraters + r) * stride] is 0 when rater
 * r gave no unit u, else 1 + the category; cls maps a category to its
 * class, 0 to nclasses - 1 (what counts as the same value).  given[u] is
 * the number of raters that gave unit u.
 */
struct ratings {
	const uint32_t	*v;
	size_t		 stride;
	size_t		 nunits;
	size_t		 nraters;
	const uint32_t	*given;
	const uint32_t	*cls;
	size_t		 nclasses;
};

/* What the row of a layer (or key) says; NAN where undefined. */
struct agreement {
	uint64_t	units;		/* given by every rater */
	uint64_t	missing;	/* given by some, not all */
	uint64_t	unanimous;
	uint64_t	majority;
	uint64_t	split;
	double		agree;
	double		cohen;
	double		fleiss;
	double		alpha;
};

struct pair_agreement {
	uint64_t	units;
	double		agree;
	double		cohen;
};

void	coef_all(const struct ratings *, struct agreement *);
void	coef_pair(const struct ratings *, size_t a, size_t b, bool complete,
	    struct pair_agreement *);

/* One cell of a confusion table: the classes of raters a and b. */
struct coef_cell {
	uint32_t	a;
	uint32_t	b;
	uint64_t	n;
};

size_t	coef_confusion(const struct ratings *, size_t a, size_t b,
	    struct coef_cell **cells);

#endif
