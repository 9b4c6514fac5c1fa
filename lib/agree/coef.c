#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coef.h"
#include "xmalloc.h"

#define NONE	UINT32_MAX	/* no value: the rater gave no such unit */

/* The class rater r gave unit u, or NONE. */
static uint32_t
class_of(const struct ratings *R, size_t u, size_t r)
{
	uint32_t v = R->v[(u * R->nraters + r) * R->stride];

	return v == 0 ? NONE : R->cls[v - 1];
}

/* a - b for counts, as a double: exact while both are below 2^53. */
static double
diff(uint64_t a, uint64_t b)
{
	return a >= b ? (double)(a - b) : -(double)(b - a);
}

/*
 * Cohen's kappa of two raters over the units both gave (only those every
 * rater gave when complete): (p_o - p_e) / (1 - p_e), with p_e from each
 * rater's own marginals, computed as (N A - S) / (N^2 - S) where A is the
 * number of agreements and S the sum of the products of the marginals.
 * Undefined (NAN) without units, or when both raters put every unit in
 * one and the same class, so that p_e is 1.
 */
void
coef_pair(const struct ratings *R, size_t a, size_t b, bool complete,
    struct pair_agreement *p)
{
	uint64_t *ma = xcalloc(R->nclasses, sizeof(*ma));
	uint64_t *mb = xcalloc(R->nclasses, sizeof(*mb));
	uint64_t n = 0, agree = 0, s = 0;
	uint32_t ca, cb;
	size_t u, k;

	for (u = 0; u < R->nunits; u++) {
		if (complete && R->given[u] != R->nraters)
			continue;
		if ((ca = class_of(R, u, a)) == NONE ||
		    (cb = class_of(R, u, b)) == NONE)
			continue;
		n++;
		agree += ca == cb;
		ma[ca]++;
		mb[cb]++;
	}
	for (k = 0; k < R->nclasses; k++)
		s += ma[k] * mb[k];
	p->units = n;
	p->agree = n > 0 ? (double)agree / (double)n : NAN;
	p->cohen = n > 0 && n * n != s ?
	    diff(n * agree, s) / (double)(n * n - s) : NAN;
	free(ma);
	free(mb);
}

/* Light's kappa: the mean of the pairs' kappas, NAN if one is undefined. */
static double
light(const struct ratings *R)
{
	struct pair_agreement p;
	double sum = 0;
	size_t a, b, npairs = 0;

	for (a = 0; a < R->nraters; a++)
		for (b = a + 1; b < R->nraters; b++) {
			coef_pair(R, a, b, true, &p);
			if (isnan(p.cohen))
				return NAN;
			sum += p.cohen;
			npairs++;
		}
	return sum / (double)npairs;
}

/* What one pass over the units counts. */
struct tally {
	uint32_t	*cnt;		/* scratch: a unit's values by class */
	uint32_t	*cls;		/* scratch: the classes of its values */
	uint64_t	*t;		/* Fleiss: ratings by class, complete units */
	uint64_t	 sq;		/* Fleiss: sum over units of n_uc^2 */
	uint64_t	*nc;		/* alpha: pairable values by class */
	uint64_t	 n;		/* alpha: pairable values */
	uint64_t	*d;		/* alpha: by m, sum of m^2 - sum n_uc^2 */
};

/*
 * One unit: the counts of its values by class give the sum of their
 * squares as the sum, over the values, of the count of the value's class.
 */
static void
tally_unit(const struct ratings *R, struct tally *t, size_t u,
    struct agreement *g)
{
	uint32_t *cls = t->cls;
	uint64_t m = 0, sq = 0, max = 0;
	size_t r;

	for (r = 0; r < R->nraters; r++)
		if ((cls[m] = class_of(R, u, r)) != NONE)
			t->cnt[cls[m++]]++;
	for (r = 0; r < m; r++) {
		sq += t->cnt[cls[r]];
		if (t->cnt[cls[r]] > max)
			max = t->cnt[cls[r]];
	}
	if (m == R->nraters) {
		g->units++;
		if (max == m)
			g->unanimous++;
		else if (2 * max > m)
			g->majority++;
		else
			g->split++;
		t->sq += sq;
		for (r = 0; r < m; r++)
			t->t[cls[r]]++;
	} else if (m > 0)
		g->missing++;
	/* Krippendorff: a unit with one value has no pair, and no say. */
	if (m >= 2) {
		t->d[m] += m * m - sq;
		t->n += m;
		for (r = 0; r < m; r++)
			t->nc[cls[r]]++;
	}
	for (r = 0; r < m; r++)
		t->cnt[cls[r]] = 0;
}

/* Whether one class holds all of total (so chance agreement is 1). */
static bool
one_class(const uint64_t *by, size_t n, uint64_t total)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (by[k] == total)
			return true;
	return false;
}

/*
 * Fleiss' kappa over the N complete units of n raters, M = N n ratings:
 * (P - Pe) / (1 - Pe) with P = (S - M) / (M (n - 1)), S the sum of the
 * squared counts, and Pe = Q / M^2, Q the sum of the squared class totals;
 * so (M (S - M) - (n - 1) Q) / ((n - 1) (M^2 - Q)).
 */
static double
fleiss(const struct ratings *R, const struct tally *t, uint64_t units)
{
	double m = (double)units * (double)R->nraters, q = 0;
	double n1 = (double)(R->nraters - 1);
	size_t k;

	if (units == 0 || one_class(t->t, R->nclasses,
	    units * R->nraters))
		return NAN;
	for (k = 0; k < R->nclasses; k++)
		q += (double)t->t[k] * (double)t->t[k];
	return (m * (double)(t->sq - units * R->nraters) - n1 * q) /
	    (n1 * (m * m - q));
}

static uint64_t
gcd(uint64_t a, uint64_t b)
{
	uint64_t r;

	while (b != 0) {
		r = a % b;
		a = b;
		b = r;
	}
	return a;
}

/*
 * Krippendorff's alpha, nominal: 1 - (n - 1) D / E, where D, the sum of
 * the coincidence matrix off its diagonal, is the sum over pairable units
 * of (m^2 - sum n_uc^2) / (m - 1), and E = n^2 - sum n_c^2.  D is kept as
 * X / L, L the least common multiple of the m - 1, so that alpha is one
 * division: (E L - (n - 1) X) / (E L).
 */
static double
alpha(const struct ratings *R, const struct tally *t)
{
	double e, x = 0, l;
	uint64_t lcm = 1;
	size_t m, k;

	if (t->n == 0 || one_class(t->nc, R->nclasses, t->n))
		return NAN;
	for (m = 2; m <= R->nraters; m++)
		if (t->d[m] != 0 && lcm <= UINT32_MAX)
			lcm = lcm / gcd(lcm, m - 1) * (m - 1);
	if (lcm > UINT32_MAX)
		lcm = 0;	/* too many kinds of unit: sum D as doubles */
	l = lcm != 0 ? (double)lcm : 1;
	for (m = 2; m <= R->nraters; m++)
		x += lcm != 0 ? (double)t->d[m] * (double)(lcm / (m - 1)) :
		    (double)t->d[m] / (double)(m - 1);
	e = (double)t->n * (double)t->n;
	for (k = 0; k < R->nclasses; k++)
		e -= (double)t->nc[k] * (double)t->nc[k];
	return (e * l - (double)(t->n - 1) * x) / (e * l);
}

void
coef_all(const struct ratings *R, struct agreement *g)
{
	struct tally t;
	size_t u;

	memset(g, 0, sizeof(*g));
	memset(&t, 0, sizeof(t));
	t.cnt = xcalloc(R->nclasses, sizeof(*t.cnt));
	t.cls = xcalloc(R->nraters, sizeof(*t.cls));
	t.t = xcalloc(R->nclasses, sizeof(*t.t));
	t.nc = xcalloc(R->nclasses, sizeof(*t.nc));
	t.d = xcalloc(R->nraters + 1, sizeof(*t.d));
	for (u = 0; u < R->nunits; u++)
		tally_unit(R, &t, u, g);
	g->agree = g->units > 0 ?
	    (double)g->unanimous / (double)g->units : NAN;
	g->cohen = g->units > 0 ? light(R) : NAN;
	g->fleiss = fleiss(R, &t, g->units);
	g->alpha = alpha(R, &t);
	free(t.cnt);
	free(t.cls);
	free(t.t);
	free(t.nc);
	free(t.d);
}

static int
by_cell(const void *x, const void *y)
{
	const struct coef_cell *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

/*
 * The confusion table of raters a and b over the units both gave, as its
 * non-zero cells sorted by class of a, then of b; returns their number.
 * Memory grows with the units, not with the square of the classes.
 */
size_t
coef_confusion(const struct ratings *R, size_t a, size_t b,
    struct coef_cell **cells)
{
	struct coef_cell *c = xreallocarray(NULL, R->nunits + 1, sizeof(*c));
	size_t u, n = 0, k, out = 0;
	uint32_t ca, cb;

	for (u = 0; u < R->nunits; u++)
		if ((ca = class_of(R, u, a)) != NONE &&
		    (cb = class_of(R, u, b)) != NONE) {
			c[n].a = ca;
			c[n].b = cb;
			c[n++].n = 1;
		}
	qsort(c, n, sizeof(*c), by_cell);
	for (k = 0; k < n; k++)
		if (out > 0 && c[out - 1].a == c[k].a && c[out - 1].b == c[k].b)
			c[out - 1].n++;
		else
			c[out++] = c[k];
	*cells = c;
	return out;
}
