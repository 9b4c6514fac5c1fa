#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coef.h"
#include "ordered.h"
#include "xmalloc.h"

/* The place of rater r's value in vector e, or COEF_NONE. */
static uint32_t
place(const struct ratings *R, size_t e, size_t r, const struct ordered *o)
{
	uint32_t c = R->cls[e * R->nraters + r];

	return c == COEF_NONE ? COEF_NONE : o->rank[c];
}

/* The disagreement weight of places i and j. */
static int64_t
weight(enum ordered_weights wt, uint32_t i, uint32_t j)
{
	int64_t d = i > j ? (int64_t)(i - j) : (int64_t)(j - i);

	return wt == ORDERED_QUADRATIC ? d * d : d;
}

/*
 * The sum over places i and j of weight(i, j) a_i b_j, in one pass: for
 * quadratic weights, N_b sum a_i i^2 + N_a sum b_j j^2 - 2 (sum a_i i)
 * (sum b_j j); for linear ones, each i against the b below and above it.
 */
static int64_t
expected(const int64_t *a, const int64_t *b, size_t k,
    enum ordered_weights wt)
{
	int64_t na = 0, nb = 0, a1 = 0, b1 = 0, a2 = 0, b2 = 0, e = 0;
	int64_t blo = 0, b1lo = 0, i;

	for (i = 0; i < (int64_t)k; i++) {
		na += a[i];
		nb += b[i];
		a1 += a[i] * i;
		b1 += b[i] * i;
		a2 += a[i] * i * i;
		b2 += b[i] * i * i;
	}
	if (wt == ORDERED_QUADRATIC)
		return nb * a2 + na * b2 - 2 * a1 * b1;
	for (i = 0; i < (int64_t)k; i++) {
		e += a[i] * (i * blo - b1lo +
		    (b1 - b1lo - b[i] * i) - i * (nb - blo - b[i]));
		blo += b[i];
		b1lo += b[i] * i;
	}
	return e;
}

/*
 * Weighted kappa from n units, o their summed weights and the marginals:
 * 1 - n o / E, E the sum of weight(i, j) a_i b_j; undefined when E is 0
 * (no units, or both raters on one and the same place).
 */
static double
weighted(int64_t n, int64_t o, const int64_t *a, const int64_t *b,
    const struct ordered *ord)
{
	int64_t e = expected(a, b, ord->nranks, ord->weights);

	if (n <= 0 || e == 0)
		return NAN;
	return (double)(e - n * o) / (double)e;
}

/* Weighted kappa of raters a and b over the units both placed. */
double
ordered_kappa(const struct ratings *R, const uint64_t *w, size_t a, size_t b,
    const struct ordered *o)
{
	int64_t *ma = xcalloc(o->nranks, sizeof(*ma));
	int64_t *mb = xcalloc(o->nranks, sizeof(*mb));
	int64_t n = 0, sum = 0, we;
	uint32_t pa, pb;
	size_t e;
	double k;

	for (e = 0; e < R->n; e++) {
		if ((we = (int64_t)w[e]) == 0 ||
		    (pa = place(R, e, a, o)) == COEF_NONE ||
		    (pb = place(R, e, b, o)) == COEF_NONE)
			continue;
		n += we;
		sum += we * weight(o->weights, pa, pb);
		ma[pa] += we;
		mb[pb] += we;
	}
	k = weighted(n, sum, ma, mb, o);
	free(ma);
	free(mb);
	return k;
}

/*
 * Light's mean of the weighted kappas over the units every rater placed;
 * NAN when one pair's is undefined.
 */
double
ordered_light(const struct ratings *R, const uint64_t *w,
    const struct ordered *o)
{
	size_t nr = R->nraters, K = o->nranks, e, r, a, b, p;
	int64_t *mk = xcalloc(nr * K, sizeof(*mk));
	int64_t *dis = xcalloc(nr * nr, sizeof(*dis)), n = 0, we;
	uint32_t *pl = xcalloc(nr, sizeof(*pl));
	double sum = 0;

	for (e = 0; e < R->n; e++) {
		if ((we = (int64_t)w[e]) == 0)
			continue;
		for (r = 0; r < nr; r++)
			if ((pl[r] = place(R, e, r, o)) == COEF_NONE)
				break;
		if (r < nr)
			continue;
		n += we;
		for (a = 0; a < nr; a++) {
			mk[a * K + pl[a]] += we;
			for (b = a + 1; b < nr; b++)
				dis[a * nr + b] += we * weight(o->weights, pl[a],
				    pl[b]);
		}
	}
	for (a = 0, p = 0; a < nr; a++)
		for (b = a + 1; b < nr; b++, p++)
			sum += weighted(n, dis[a * nr + b], mk + a * K,
			    mk + b * K, o);
	free(mk);
	free(dis);
	free(pl);
	/* A pair's NAN makes the sum NAN, as Light's mean is then. */
	return p > 0 ? sum / (double)p : NAN;
}

/*
 * The values of the difference function (Krippendorff 2011): interval,
 * the place; ordinal, twice the place's midpoint among the n_g pairable
 * values in order, 2 (n_0 + ... + n_{c-1}) + n_c, since the ordinal
 * difference of c and k is the sum of n_g from c to k less (n_c + n_k) / 2,
 * half the distance of these.  A factor of the values cancels in alpha.
 */
static void
metric_values(const struct ordered *o, const int64_t *nc, int64_t *v)
{
	int64_t below = 0;
	size_t c;

	for (c = 0; c < o->nranks; c++) {
		v[c] = o->metric == ORDERED_INTERVAL ? (int64_t)c :
		    2 * below + nc[c];
		below += nc[c];
	}
}

/*
 * E, the sum over pairs of places c < k of n_c n_k (v_c - v_k)^2, as
 * N S2 - S1^2, S1 and S2 the sums of n_c d_c and n_c d_c^2, N of n_c,
 * d_c = v_c - v_z.  It grows as N^4 (an ordinal value is up to 2N), so
 * it is summed in doubles, not integers, which overflowed past a million
 * values or so.  z is the place of most values: E is at least n_z S2, the
 * pairs with z, and N S2 at most K n_z S2 for K places, so the two terms
 * are within K times E and no rounding grows by their difference.  With
 * fewer than 2^53, every sum is exact.
 */
static double
metric_expected(const struct ordered *o, const int64_t *nc, const int64_t *v)
{
	double n = 0, s1 = 0, s2 = 0, d;
	size_t c, z = 0;

	for (c = 0; c < o->nranks; c++)
		if (nc[c] > nc[z])
			z = c;
	for (c = 0; c < o->nranks; c++) {
		d = (double)(v[c] - v[z]);
		n += (double)nc[c];
		s1 += (double)nc[c] * d;
		s2 += (double)nc[c] * d * d;
	}
	return n * s2 - s1 * s1;
}

/*
 * The disagreement within a unit of m values v_i, the sum over its pairs
 * of (v_i - v_j)^2: m S2 - S1^2 of the d_i = v_i - v_0, in doubles as E
 * is; it is at least S2, the pairs with v_0, so m S2 is within m times
 * it.
 */
static double
unit_disagreement(const int64_t *v, const uint32_t *pl, size_t m)
{
	double s1 = 0, s2 = 0, d;
	size_t i;

	for (i = 0; i < m; i++) {
		d = (double)(v[pl[i]] - v[pl[0]]);
		s1 += d;
		s2 += d * d;
	}
	return (double)m * s2 - s1 * s1;
}

/* The places of vector e's placed values; returns how many. */
static size_t
places(const struct ratings *R, size_t e, const struct ordered *o,
    uint32_t *pl)
{
	size_t r, m = 0;

	for (r = 0; r < R->nraters; r++)
		if ((pl[m] = place(R, e, r, o)) != COEF_NONE)
			m++;
	return m;
}

/*
 * Krippendorff's alpha with the ordinal or interval metric: the values of
 * the units with two placed values or more give n_c, hence the metric's
 * values v, and each unit its disagreement.
 */
double
ordered_alpha(const struct ratings *R, const uint64_t *w,
    const struct ordered *o)
{
	size_t nr = R->nraters, e, m, i;
	int64_t *nc = xcalloc(o->nranks, sizeof(*nc)), n = 0;
	int64_t *v = xcalloc(o->nranks, sizeof(*v));
	uint32_t *pl = xcalloc(nr, sizeof(*pl));
	double *s = xcalloc(nr + 1, sizeof(*s)), de, a = NAN;

	for (e = 0; e < R->n; e++)
		if (w[e] != 0 && (m = places(R, e, o, pl)) >= 2) {
			n += (int64_t)w[e] * (int64_t)m;
			for (i = 0; i < m; i++)
				nc[pl[i]] += (int64_t)w[e];
		}
	metric_values(o, nc, v);
	if (n > 0 && (de = metric_expected(o, nc, v)) != 0) {
		for (e = 0; e < R->n; e++)
			if (w[e] != 0 && (m = places(R, e, o, pl)) >= 2)
				s[m] += (double)w[e] *
				    unit_disagreement(v, pl, m);
		a = coef_alpha((double)n, de, s, nr);
	}
	free(nc);
	free(v);
	free(pl);
	free(s);
	return a;
}
