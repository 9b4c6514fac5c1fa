/*
 * libFuzzer target: ragree's inputs, read into units (lib/agree/units.c) and
 * measured (lib/agree/coef.c).
 *
 * The first byte chooses options (bit 0 -k, bit 1 -N, bit 2 -u
 * review,text, bit 3 -i); the rest is split at 0xFF bytes into two to
 * four rater files, read from memory files through tsvin as ragree reads
 * them.  A fault (a missing field, a short row, a unit given twice) must
 * come back with a file and, but for a header's, a line.  Then, per layer
 * of the scheme: the unit counts must add up; every share lies in [0, 1],
 * kappas in [-1, 1] and alpha at most 1, or are NAN exactly where the
 * definitions leave them undefined; Cohen's kappa of the first two raters
 * and alpha equal a plain model computed here from the values (pairs of
 * values, an explicit coincidence matrix), Fleiss' kappa and alpha do
 * not change when the raters are taken in reverse, and the confusion
 * table of the first two raters sums to the units both gave; with the
 * classes placed in an order, the weighted kappas and the ordinal and
 * interval alphas equal plain models of their definitions.  With -i,
 * each key's row and pairs, which ragree finds from the units that have
 * the key alone, must equal those tallied over every unit.
 */
#include <err.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "agree/coef.h"
#include "agree/figures.h"
#include "agree/ordered.h"
#include "agree/ratings.h"
#include "agree/units.h"
#include "scheme.h"
#include "tsvin.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define NFILES	4
#define SEP	0xFF

static int	fds[NFILES] = { -1, -1, -1, -1 };

static void
put(int fd, const void *p, size_t n)
{
	if (ftruncate(fd, 0) == -1 ||
	    (n > 0 && pwrite(fd, p, n, 0) != (ssize_t)n))
		err(1, "memfd");
}

static bool
near(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return fabs(a - b) <= 1e-9 * (1 + fabs(a) + fabs(b));
}

static bool
in_range(double x, double lo, double hi)
{
	return isnan(x) || (x >= lo - 1e-12 && x <= hi + 1e-12);
}

/* Rater r's class of unit u in layer l under cls, or COEF_NONE. */
static uint32_t
cls(const struct units *U, size_t u, size_t r, size_t l, const uint32_t *c)
{
	uint32_t v = U->val[(u * U->nraters + r) * U->spec->nlayers + l];

	return v == 0 ? COEF_NONE : c[v - 1];
}

/* Cohen's kappa of raters 0 and 1, straight from the definition. */
static double
model_cohen(const struct units *U, size_t l, const uint32_t *c, size_t K)
{
	double n = 0, agree = 0, pe = 0, *m0, *m1;
	size_t u, k;
	uint32_t a, b;

	m0 = calloc(K + 1, sizeof(*m0));
	m1 = calloc(K + 1, sizeof(*m1));
	if (m0 == NULL || m1 == NULL)
		abort();
	for (u = 0; u < U->ids.nkeys; u++) {
		if ((a = cls(U, u, 0, l, c)) == COEF_NONE ||
		    (b = cls(U, u, 1, l, c)) == COEF_NONE)
			continue;
		n++;
		agree += a == b;
		m0[a]++;
		m1[b]++;
	}
	for (k = 0; k < K; k++)
		pe += (m0[k] / n) * (m1[k] / n);
	free(m0);
	free(m1);
	if (n == 0 || pe >= 1 - 1e-15)
		return NAN;
	return (agree / n - pe) / (1 - pe);
}

/*
 * Alpha from an explicit coincidence matrix of every pairable unit, with
 * the squared difference delta[c * K + k].
 */
static double
model_alpha(const struct units *U, size_t l, const uint32_t *c, size_t K,
    const double *delta)
{
	size_t u, i, j, x, k, m, R = U->nraters;
	double *o = calloc(K * K + 1, sizeof(*o)), *nc = calloc(K + 1,
	    sizeof(*nc)), n = 0, d = 0, e = 0;
	uint32_t a, b;

	if (o == NULL || nc == NULL)
		abort();
	for (u = 0; u < U->ids.nkeys; u++) {
		for (m = 0, i = 0; i < R; i++)
			m += cls(U, u, i, l, c) != COEF_NONE;
		if (m < 2)
			continue;
		for (i = 0; i < R; i++)
			for (j = 0; j < R; j++)
				if (i != j && (a = cls(U, u, i, l, c)) != COEF_NONE &&
				    (b = cls(U, u, j, l, c)) != COEF_NONE)
					o[a * K + b] += 1.0 / (double)(m - 1);
	}
	for (x = 0; x < K; x++)
		for (k = 0; k < K; k++) {
			nc[x] += o[x * K + k];
			d += o[x * K + k] * delta[x * K + k];
		}
	for (x = 0; x < K; x++) {
		n += nc[x];
		for (k = 0; k < K; k++)
			e += nc[x] * nc[k] * delta[x * K + k];
	}
	free(o);
	free(nc);
	if (n < 2 || e < 1e-9)
		return NAN;
	return 1 - (n - 1) * d / e;
}

/* The nominal difference: 0 on the diagonal, 1 off it. */
static double *
nominal(size_t K)
{
	double *delta = calloc(K * K + 1, sizeof(*delta));
	size_t c, k;

	if (delta == NULL)
		abort();
	for (c = 0; c < K; c++)
		for (k = 0; k < K; k++)
			delta[c * K + k] = c != k;
	return delta;
}

/* The tally of ratings R's vectors, with the raters in reverse. */
static void
reversed(const struct ratings *R, struct agreement *g)
{
	struct coef_tally t;
	uint32_t *v = calloc(R->nraters + 1, sizeof(*v));
	size_t e, r;

	if (v == NULL)
		abort();
	coef_tally_init(&t, R->nraters, R->nclasses);
	for (e = 0; e < R->n; e++) {
		for (r = 0; r < R->nraters; r++)
			v[r] = R->cls[e * R->nraters + R->nraters - 1 - r];
		coef_tally_add(&t, v, (int64_t)R->w[e]);
	}
	coef_table(&t, g);
	coef_tally_free(&t);
	free(v);
}

static bool
same(const struct figures *a, const struct figures *b)
{
	size_t i;

	for (i = 0; i < FIGURES_NCOUNTS; i++)
		if (a->count[i] != b->count[i])
			return false;
	for (i = 0; i < FIGURES_NVALUES; i++)
		if (!(isnan(a->value[i]) ? isnan(b->value[i]) :
		    a->value[i] == b->value[i]))
			return false;
	return true;
}

/*
 * The checks of one layer's table row: the counts add up, every share
 * lies in [0, 1], kappas in [-1, 1] and alpha at most 1, or are NAN
 * exactly where the definitions leave them undefined; Cohen's kappa of
 * the first two raters and alpha equal the plain models, Fleiss' kappa
 * and alpha do not change with the raters in reverse, and the first
 * pair's units are those of a two-rater table.
 */
static void
check_table(const struct units *U, size_t l, const uint32_t *c, size_t K,
    const struct ratings *R, const struct figures *f,
    const struct figures *pair)
{
	struct agreement h;
	double *delta = nominal(K);

	if (f->count[3] + f->count[4] + f->count[5] != f->count[1] ||
	    f->count[1] + f->count[2] > U->ids.nkeys ||
	    (f->count[1] == 0) != isnan(f->value[0]) ||
	    (f->count[1] == 0 && !(isnan(f->value[1]) &&
	    isnan(f->value[2]))) ||
	    !in_range(f->value[0], 0, 1) || !in_range(f->value[1], -1, 1) ||
	    !in_range(f->value[2], -1, 1) ||
	    !in_range(f->value[3], -INFINITY, 1))
		abort();
	if (!near(f->value[3], model_alpha(U, l, c, K, delta)))
		abort();
	free(delta);
	if (!near(pair[0].value[1], model_cohen(U, l, c, K)) ||
	    !in_range(pair[0].value[0], 0, 1))
		abort();
	if (U->nraters == 2 && (pair[0].count[0] != f->count[1] ||
	    !near(pair[0].value[1], f->value[1])))
		abort();
	reversed(R, &h);
	if (h.units != f->count[1] || h.unanimous != f->count[3] ||
	    !near(h.fleiss, f->value[2]) || !near(h.alpha, f->value[3]))
		abort();
}

/*
 * -i: each key's figures, which figures.c finds from the zero vectors
 * and the key's members, equal those of the key's binary vectors of
 * every unit, tallied straight; the same for each pair.
 */
static void
check_keys(const struct units *U, size_t l, struct figures_run *table,
    struct figures_run *pairs)
{
	struct ratings_keys K;
	struct figures_row fr;
	struct figures f, g, *fp, *gp;
	struct coef_tally t;
	struct coef_pair p;
	struct agreement a;
	uint32_t *v, *has;
	size_t k, i, u, r, x, y, j, np = pairs->ngroups;

	ratings_keys(&K, U, l);
	memset(&fr, 0, sizeof(fr));
	fr.K = &K;
	v = calloc(U->nraters + 1, sizeof(*v));
	has = calloc(U->cats[l].nkeys + 1, sizeof(*has));
	fp = calloc(np + 1, sizeof(*fp));
	gp = calloc(np + 1, sizeof(*gp));
	if (v == NULL || has == NULL || fp == NULL || gp == NULL)
		abort();
	for (k = 0; k < K.keys.n; k++) {
		fr.k = k;
		figures_row(table, &fr, NULL, &f);
		figures_row(pairs, &fr, NULL, fp);
		for (i = K.keys.start[k]; i < K.keys.start[k + 1]; i++)
			has[K.keys.cats[i]] = 1;
		coef_tally_init(&t, U->nraters, 2);
		for (u = 0; u < U->ids.nkeys; u++) {
			for (r = 0; r < U->nraters; r++)
				v[r] = cls(U, u, r, l, has);
			coef_tally_add(&t, v, 1);
		}
		coef_table(&t, &a);
		coef_tally_free(&t);
		memset(&g, 0, sizeof(g));
		g.count[0] = U->nraters;
		g.count[1] = a.units;
		g.count[2] = a.missing;
		g.count[3] = a.unanimous;
		g.count[4] = a.majority;
		g.count[5] = a.split;
		g.value[0] = a.agree;
		g.value[1] = a.cohen;
		g.value[2] = a.fleiss;
		g.value[3] = a.alpha;
		if (!same(&f, &g))
			abort();
		for (j = 0; j < np; j++) {
			figures_group_raters(pairs, j, &x, &y);
			coef_pair_init(&p, 2);
			for (u = 0; u < U->ids.nkeys; u++)
				if (cls(U, u, x, l, has) != COEF_NONE &&
				    cls(U, u, y, l, has) != COEF_NONE)
					coef_pair_add(&p, cls(U, u, x, l, has),
					    cls(U, u, y, l, has), 1);
			memset(gp + j, 0, sizeof(*gp));
			gp[j].count[0] = (uint64_t)p.n;
			gp[j].value[0] = coef_agree(&p);
			gp[j].value[1] = coef_kappa(&p);
			coef_pair_free(&p);
			if (!same(fp + j, gp + j))
				abort();
		}
		for (i = K.keys.start[k]; i < K.keys.start[k + 1]; i++)
			has[K.keys.cats[i]] = 0;
	}
	free(v);
	free(has);
	free(fp);
	free(gp);
	ratings_keys_free(&K);
}

/*
 * Alpha with an ordered metric, from an explicit coincidence matrix of the
 * places: interval (c - k)^2, or ordinal, the squared sum of n_g from c to
 * k less (n_c + n_k) / 2, as Krippendorff (2011) writes them.
 */
static double
model_ordered_alpha(const struct units *U, size_t l, const uint32_t *place,
    size_t K, bool ordinal)
{
	double *delta = calloc(K * K + 1, sizeof(*delta));
	double *o = calloc(K * K + 1, sizeof(*o)), *nc = calloc(K + 1,
	    sizeof(*nc)), sum, a;
	size_t u, i, j, c, k, g, m, R = U->nraters;
	uint32_t x, y;

	if (delta == NULL || o == NULL || nc == NULL)
		abort();
	for (u = 0; u < U->ids.nkeys; u++) {
		for (m = 0, i = 0; i < R; i++)
			m += cls(U, u, i, l, place) != COEF_NONE;
		if (m < 2)
			continue;
		for (i = 0; i < R; i++)
			for (j = 0; j < R; j++)
				if (i != j && (x = cls(U, u, i, l, place)) != COEF_NONE &&
				    (y = cls(U, u, j, l, place)) != COEF_NONE)
					o[x * K + y] += 1.0 / (double)(m - 1);
	}
	for (c = 0; c < K; c++)
		for (k = 0; k < K; k++)
			nc[c] += o[c * K + k];
	for (c = 0; c < K; c++)
		for (k = 0; k < K; k++) {
			if (!ordinal) {
				delta[c * K + k] = ((double)c - (double)k) *
				    ((double)c - (double)k);
				continue;
			}
			for (sum = 0, g = c < k ? c : k; g <= (c < k ? k : c); g++)
				sum += nc[g];
			sum -= (nc[c] + nc[k]) / 2;
			delta[c * K + k] = sum * sum;
		}
	a = model_alpha(U, l, place, K, delta);
	free(delta);
	free(o);
	free(nc);
	return a;
}

/* Weighted kappa of raters 0 and 1 from its definition (Cohen 1968). */
static double
model_weighted(const struct units *U, size_t l, const uint32_t *place,
    size_t K, bool quadratic)
{
	double n = 0, obs = 0, exp = 0, *m0 = calloc(K + 1, sizeof(*m0));
	double *m1 = calloc(K + 1, sizeof(*m1)), w;
	size_t u, i, j;
	uint32_t a, b;

	if (m0 == NULL || m1 == NULL)
		abort();
	for (u = 0; u < U->ids.nkeys; u++) {
		if ((a = cls(U, u, 0, l, place)) == COEF_NONE ||
		    (b = cls(U, u, 1, l, place)) == COEF_NONE)
			continue;
		n++;
		w = a > b ? a - b : b - a;
		obs += quadratic ? w * w : w;
		m0[a]++;
		m1[b]++;
	}
	for (i = 0; i < K; i++)
		for (j = 0; j < K; j++) {
			w = i > j ? (double)(i - j) : (double)(j - i);
			exp += (quadratic ? w * w : w) * m0[i] * m1[j] / n;
		}
	free(m0);
	free(m1);
	if (n == 0 || exp < 1e-9)
		return NAN;
	return 1 - obs / exp;
}

/*
 * --order: with the classes placed three to an order (every fourth left
 * unplaced), the weighted kappa of the first pair and the ordinal and
 * interval alphas equal the plain models of their definitions.
 */
static void
check_ordered(const struct units *U, size_t l, const uint32_t *rank,
    size_t n, const struct ratings *R, struct figures_run *pairs)
{
	uint32_t *place = calloc(n + 1, sizeof(*place));
	uint32_t *byclass = calloc(n + 1, sizeof(*byclass));
	struct figures_row fr;
	struct figures *fp = calloc(pairs->ngroups + 1, sizeof(*fp));
	struct ordered o;
	uint64_t *w = calloc(R->n + 1, sizeof(*w));
	size_t c;

	if (place == NULL || byclass == NULL || fp == NULL || w == NULL)
		abort();
	for (c = 0; c < n; c++)
		byclass[c] = c % 4 == 3 ? COEF_NONE : (uint32_t)(c % 4);
	for (c = 0; c < n; c++)
		place[c] = byclass[rank[c]];
	memset(&o, 0, sizeof(o));
	o.rank = byclass;
	o.nranks = 3;
	for (c = 0; c < R->n; c++)
		w[c] = R->w[c];
	o.metric = ORDERED_INTERVAL;
	if (!near(ordered_alpha(R, w, &o),
	    model_ordered_alpha(U, l, place, 3, false)))
		abort();
	o.metric = ORDERED_ORDINAL;
	if (!near(ordered_alpha(R, w, &o),
	    model_ordered_alpha(U, l, place, 3, true)))
		abort();
	memset(&fr, 0, sizeof(fr));
	fr.R = R;
	fr.ord = &o;
	o.weights = ORDERED_QUADRATIC;
	figures_row(pairs, &fr, NULL, fp);
	if (!near(fp[0].value[1], model_weighted(U, l, place, 3, true)))
		abort();
	o.weights = ORDERED_LINEAR;
	figures_row(pairs, &fr, NULL, fp);
	if (!near(fp[0].value[1], model_weighted(U, l, place, 3, false)))
		abort();
	free(place);
	free(byclass);
	free(fp);
	free(w);
}

/* The confusion cells of raters 0 and 1 sum to the units both gave. */
static void
check_confusion(const struct ratings *R, const struct figures *pair)
{
	uint64_t sum = 0;
	size_t e;

	for (e = 0; e < R->n; e++)
		if (R->cls[e * R->nraters] != COEF_NONE &&
		    R->cls[e * R->nraters + 1] != COEF_NONE)
			sum += R->w[e];
	if (sum != pair[0].count[0])
		abort();
}

static void
check_layer(const struct units *u, size_t l, bool items)
{
	struct figures_run table, pairs;
	struct figures_row fr;
	struct figures f, *fp;
	struct ratings R;
	uint32_t *order, *rank;
	size_t n, i;

	n = units_sorted(u, l, &order, &rank);
	for (i = 1; i < n; i++) {
		struct slice a = units_category(u, l, order[i - 1]);
		struct slice b = units_category(u, l, order[i]);
		size_t m = a.n < b.n ? a.n : b.n;
		int c = m ? memcmp(a.p, b.p, m) : 0;

		if (c > 0 || (c == 0 && a.n >= b.n))
			abort();
	}
	figures_init(&table, FIGURES_TABLE, u, 0);
	figures_init(&pairs, FIGURES_PAIRS, u, 0);
	if ((fp = calloc(pairs.ngroups + 1, sizeof(*fp))) == NULL)
		abort();
	ratings_layer(&R, u, l, rank, n);
	memset(&fr, 0, sizeof(fr));
	fr.R = &R;
	figures_row(&table, &fr, NULL, &f);
	figures_row(&pairs, &fr, NULL, fp);
	check_table(u, l, rank, n, &R, &f, fp);
	check_confusion(&R, fp);
	check_ordered(u, l, rank, n, &R, &pairs);
	if (items) {
		figures_zero(&table, NULL);
		figures_zero(&pairs, NULL);
		check_keys(u, l, &table, &pairs);
	}
	ratings_free(&R);
	figures_free(&table);
	figures_free(&pairs);
	free(fp);
	free(order);
	free(rank);
}

static void
run(char **paths, size_t n, unsigned opt, const struct scheme *pra)
{
	static char *byline[] = { "review", "sentence" };
	static char *bytext[] = { "review", "text" };
	int layers[SCHEME_LAYERS_MAX];
	struct unit_spec spec;
	struct units u;
	struct units_fault e;
	struct tsvin in;
	size_t r, l;
	bool ok = true;

	memset(&spec, 0, sizeof(spec));
	spec.fields = opt & 4 ? bytext : byline;
	spec.nfields = 2;
	for (l = 0; l < (size_t)pra->nlayers; l++)
		layers[l] = (int)l;
	spec.layers = layers;
	spec.nlayers = (size_t)pra->nlayers;
	spec.scheme = pra;
	spec.polarity = opt & 1;
	units_init(&u, &spec, n);
	for (r = 0; r < n && ok; r++) {
		tsvin_init(&in, paths + r, 1, opt & 2, pra);
		tsvin_header(&in);
		if (units_read(&u, &in, r, &e) != UNITS_OK) {
			if (e.file == NULL || (e.kind != UNITS_NO_FIELD &&
			    e.kind != UNITS_NO_LAYER && e.line == 0))
				abort();
			if (e.kind == UNITS_TWICE && (e.first == 0 ||
			    e.first >= e.line))
				abort();
			ok = false;
		}
		tsvin_free(&in);
	}
	if (ok && units_shared(&u) > 0)
		for (l = 0; l < spec.nlayers; l++)
			check_layer(&u, l, opt & 8);
	units_free(&u);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scheme pra;
	const char *p = (const char *)data + 1, *end = (const char *)data +
	    size, *sep;
	char names[NFILES][64], *paths[NFILES];
	size_t n = 0, len, i;

	if (size < 1)
		return 0;
	if (pra.n == 0 && scheme_builtin(&pra, "pra") == -1)
		abort();
	if (fds[0] == -1)
		for (i = 0; i < NFILES; i++)
			if ((fds[i] = memfd_create("rater", 0)) == -1)
				err(1, "memfd_create");
	while (n < NFILES) {
		sep = n + 1 < NFILES ? memchr(p, SEP, (size_t)(end - p)) : NULL;
		len = (size_t)((sep ? sep : end) - p);
		put(fds[n], p, len);
		snprintf(names[n], sizeof(names[n]), "/proc/self/fd/%d",
		    fds[n]);
		paths[n] = names[n];
		n++;
		if (sep == NULL)
			break;
		p = sep + 1;
	}
	if (n >= 2)
		run(paths, n, data[0], &pra);
	return 0;
}
