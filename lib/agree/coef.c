#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coef.h"
#include "xmalloc.h"

void
coef_tally_init(struct coef_tally *t, size_t nraters, size_t nclasses)
{
	size_t k = nclasses ? nclasses : 1, np = nraters * (nraters - 1) / 2;

	memset(t, 0, sizeof(*t));
	t->nraters = nraters;
	t->nclasses = nclasses;
	t->t = xcalloc(k, sizeof(*t->t));
	t->nc = xcalloc(k, sizeof(*t->nc));
	t->d = xcalloc(nraters + 1, sizeof(*t->d));
	t->mk = xcalloc(nraters * k, sizeof(*t->mk));
	t->agr = xcalloc(np ? np : 1, sizeof(*t->agr));
	t->cnt = xcalloc(k, sizeof(*t->cnt));
	t->seen = xcalloc(nraters, sizeof(*t->seen));
}

void
coef_tally_clear(struct coef_tally *t)
{
	size_t k = t->nclasses ? t->nclasses : 1, r = t->nraters;

	t->units = t->missing = t->unanimous = t->majority = t->split = 0;
	t->sq = t->n = 0;
	memset(t->t, 0, k * sizeof(*t->t));
	memset(t->nc, 0, k * sizeof(*t->nc));
	memset(t->d, 0, (r + 1) * sizeof(*t->d));
	memset(t->mk, 0, r * k * sizeof(*t->mk));
	memset(t->agr, 0, (r > 1 ? r * (r - 1) / 2 : 1) * sizeof(*t->agr));
}

/* Copies src's sums into t, of the same raters and classes. */
void
coef_tally_copy(struct coef_tally *t, const struct coef_tally *src)
{
	size_t k = t->nclasses ? t->nclasses : 1, r = t->nraters;

	t->units = src->units;
	t->missing = src->missing;
	t->unanimous = src->unanimous;
	t->majority = src->majority;
	t->split = src->split;
	t->sq = src->sq;
	t->n = src->n;
	memcpy(t->t, src->t, k * sizeof(*t->t));
	memcpy(t->nc, src->nc, k * sizeof(*t->nc));
	memcpy(t->d, src->d, (r + 1) * sizeof(*t->d));
	memcpy(t->mk, src->mk, r * k * sizeof(*t->mk));
	memcpy(t->agr, src->agr,
	    (r > 1 ? r * (r - 1) / 2 : 1) * sizeof(*t->agr));
}

void
coef_tally_free(struct coef_tally *t)
{
	free(t->t);
	free(t->nc);
	free(t->d);
	free(t->mk);
	free(t->agr);
	free(t->cnt);
	free(t->seen);
}

/* A complete unit: its kind, Fleiss' sums and Light's. */
static void
add_complete(struct coef_tally *t, const uint32_t *cls, int64_t w,
    int64_t sq, uint32_t max)
{
	size_t r, a, b, nr = t->nraters, K = t->nclasses, p = 0;

	t->units += w;
	if (max == nr)
		t->unanimous += w;
	else if (2 * max > nr)
		t->majority += w;
	else
		t->split += w;
	t->sq += w * sq;
	for (r = 0; r < nr; r++) {
		t->t[cls[r]] += w;
		t->mk[r * K + cls[r]] += w;
	}
	for (a = 0; a < nr; a++)
		for (b = a + 1; b < nr; b++)
			t->agr[p++] += cls[a] == cls[b] ? w : 0;
}

/*
 * Adds w units of the classes cls (one per rater, COEF_NONE where none).
 * The counts of a unit's values by class give the sum of their squares
 * as the sum, over the values, of the count of the value's class.
 */
void
coef_tally_add(struct coef_tally *t, const uint32_t *cls, int64_t w)
{
	uint32_t *seen = t->seen, max = 0;
	int64_t m = 0, sq = 0;
	size_t r;

	for (r = 0; r < t->nraters; r++)
		if (cls[r] != COEF_NONE)
			t->cnt[seen[m++] = cls[r]]++;
	for (r = 0; r < (size_t)m; r++) {
		sq += t->cnt[seen[r]];
		if (t->cnt[seen[r]] > max)
			max = t->cnt[seen[r]];
	}
	if ((size_t)m == t->nraters)
		add_complete(t, cls, w, sq, max);
	else if (m > 0)
		t->missing += w;
	/* Krippendorff: a unit with one value has no pair, and no say. */
	if (m >= 2) {
		t->d[m] += w * (m * m - sq);
		t->n += w * m;
		for (r = 0; r < (size_t)m; r++)
			t->nc[seen[r]] += w;
	}
	for (r = 0; r < (size_t)m; r++)
		t->cnt[seen[r]] = 0;
}

/* Whether one class holds all of total (so chance agreement is 1). */
static bool
one_class(const int64_t *by, size_t n, int64_t total)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (by[k] == total)
			return true;
	return false;
}

/*
 * Cohen's kappa from n units, a agreements and s, the sum of the products
 * of the two raters' marginals: (p_o - p_e) / (1 - p_e) = (n a - s) /
 * (n^2 - s).  Undefined (NAN) without units, or when both raters put
 * every unit in one and the same class, so that p_e is 1.
 */
static double
kappa(int64_t n, int64_t a, int64_t s)
{
	if (n <= 0 || n * n == s)
		return NAN;
	return (double)(n * a - s) / (double)(n * n - s);
}

/* Light's kappa: the mean of the pairs' kappas, NAN if one is undefined. */
static double
light(const struct coef_tally *t)
{
	size_t a, b, c, K = t->nclasses, p = 0;
	double sum = 0, k;
	int64_t s;

	for (a = 0; a < t->nraters; a++)
		for (b = a + 1; b < t->nraters; b++) {
			for (s = 0, c = 0; c < K; c++)
				s += t->mk[a * K + c] * t->mk[b * K + c];
			if (isnan(k = kappa(t->units, t->agr[p++], s)))
				return NAN;
			sum += k;
		}
	return p > 0 ? sum / (double)p : NAN;
}

/*
 * Fleiss' kappa over the N complete units of n raters, M = N n ratings:
 * (P - Pe) / (1 - Pe) with P = (S - M) / (M (n - 1)), S the sum of the
 * squared counts, and Pe = Q / M^2, Q the sum of the squared class totals;
 * so (M (S - M) - (n - 1) Q) / ((n - 1) (M^2 - Q)).
 */
static double
fleiss(const struct coef_tally *t)
{
	double m = (double)t->units * (double)t->nraters, q = 0;
	double n1 = (double)(t->nraters - 1);
	size_t k;

	if (t->units <= 0 || one_class(t->t, t->nclasses,
	    t->units * (int64_t)t->nraters))
		return NAN;
	for (k = 0; k < t->nclasses; k++)
		q += (double)t->t[k] * (double)t->t[k];
	return (m * (double)(t->sq - t->units * (int64_t)t->nraters) -
	    n1 * q) / (n1 * (m * m - q));
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
 * Krippendorff's alpha, 1 - (n - 1) D / E, from the n pairable values, the
 * expected disagreement E (times n (n - 1)) and the observed D (times n),
 * which is the sum over m of s[m] / (m - 1), s[m] the disagreement within
 * the units of m values.  D is kept as X / L, L the least common multiple
 * of the m - 1, so that alpha is one division: (E L - (n - 1) X) / (E L).
 */
double
coef_alpha(double n, double e, const double *s, size_t maxm)
{
	double x = 0, l;
	uint64_t lcm = 1;
	size_t m;

	for (m = 2; m <= maxm; m++)
		if (s[m] != 0 && lcm <= UINT32_MAX)
			lcm = lcm / gcd(lcm, m - 1) * (m - 1);
	if (lcm > UINT32_MAX)
		lcm = 0;	/* too many kinds of unit: sum D as doubles */
	l = lcm != 0 ? (double)lcm : 1;
	for (m = 2; m <= maxm; m++)
		x += lcm != 0 ? s[m] * (double)(lcm / (m - 1)) :
		    s[m] / (double)(m - 1);
	return (e * l - (n - 1) * x) / (e * l);
}

/*
 * Nominal alpha: the off-diagonal sum of the coincidence matrix is the
 * sum over pairable units of (m^2 - sum n_uc^2) / (m - 1), and E, the
 * sum of n_c n_k over different classes, n^2 - sum n_c^2.
 */
static double
alpha(const struct coef_tally *t)
{
	double e, *s;
	size_t m, k;

	if (t->n <= 0 || one_class(t->nc, t->nclasses, t->n))
		return NAN;
	s = xcalloc(t->nraters + 1, sizeof(*s));
	for (m = 2; m <= t->nraters; m++)
		s[m] = (double)t->d[m];
	e = (double)t->n * (double)t->n;
	for (k = 0; k < t->nclasses; k++)
		e -= (double)t->nc[k] * (double)t->nc[k];
	e = coef_alpha((double)t->n, e, s, t->nraters);
	free(s);
	return e;
}

void
coef_table(const struct coef_tally *t, struct agreement *g)
{
	g->units = (uint64_t)t->units;
	g->missing = (uint64_t)t->missing;
	g->unanimous = (uint64_t)t->unanimous;
	g->majority = (uint64_t)t->majority;
	g->split = (uint64_t)t->split;
	g->agree = t->units > 0 ?
	    (double)t->unanimous / (double)t->units : NAN;
	g->cohen = t->units > 0 ? light(t) : NAN;
	g->fleiss = fleiss(t);
	g->alpha = alpha(t);
}

void
coef_pair_init(struct coef_pair *p, size_t nclasses)
{
	size_t k = nclasses ? nclasses : 1;

	memset(p, 0, sizeof(*p));
	p->nclasses = nclasses;
	p->ma = xcalloc(k, sizeof(*p->ma));
	p->mb = xcalloc(k, sizeof(*p->mb));
}

void
coef_pair_clear(struct coef_pair *p)
{
	size_t k = p->nclasses ? p->nclasses : 1;

	p->n = p->agree = 0;
	memset(p->ma, 0, k * sizeof(*p->ma));
	memset(p->mb, 0, k * sizeof(*p->mb));
}

/* Adds w units on which the raters gave classes a and b. */
void
coef_pair_add(struct coef_pair *p, uint32_t a, uint32_t b, int64_t w)
{
	p->n += w;
	p->agree += a == b ? w : 0;
	p->ma[a] += w;
	p->mb[b] += w;
}

void
coef_pair_free(struct coef_pair *p)
{
	free(p->ma);
	free(p->mb);
}

double
coef_agree(const struct coef_pair *p)
{
	return p->n > 0 ? (double)p->agree / (double)p->n : NAN;
}

double
coef_kappa(const struct coef_pair *p)
{
	int64_t s = 0;
	size_t k;

	for (k = 0; k < p->nclasses; k++)
		s += p->ma[k] * p->mb[k];
	return kappa(p->n, p->agree, s);
}
