/*
 * libFuzzer target: ragree's inputs, read into units (lib/agree/units.c) and
 * measured (lib/agree/coef.c).
 *
 * The first byte chooses options (bit 0 -k, bit 1 -N, bit 2 -u
 * review,text); the rest is split at 0xFF bytes into two to four rater
 * files, read from memory files through tsvin as ragree reads them.  A
 * fault (a missing field, a short row, a unit given twice) must come
 * back with a file and, but for a header's, a line.  Then, per layer of
 * the scheme: the unit counts must add up; every share lies in [0, 1],
 * kappas in [-1, 1] and alpha at most 1, or are NAN exactly where the
 * definitions leave them undefined; Cohen's kappa of the first two raters
 * and alpha equal a plain model computed here from the values (pairs of
 * values, an explicit coincidence matrix), Fleiss' kappa and alpha do
 * not change when the raters are taken in reverse, and the confusion
 * table of the first two raters sums to the units both gave; with -i,
 * each key's row is computed too.
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

static uint32_t
cls(const struct ratings *R, size_t u, size_t r)
{
	uint32_t v = R->v[(u * R->nraters + r) * R->stride];

	return v == 0 ? UINT32_MAX : R->cls[v - 1];
}

/* Cohen's kappa of raters 0 and 1, straight from the definition. */
static double
model_cohen(const struct ratings *R)
{
	double n = 0, agree = 0, pe = 0, *m0, *m1;
	size_t u, k;
	uint32_t a, b;

	m0 = calloc(R->nclasses + 1, sizeof(*m0));
	m1 = calloc(R->nclasses + 1, sizeof(*m1));
	if (m0 == NULL || m1 == NULL)
		abort();
	for (u = 0; u < R->nunits; u++) {
		if ((a = cls(R, u, 0)) == UINT32_MAX ||
		    (b = cls(R, u, 1)) == UINT32_MAX)
			continue;
		n++;
		agree += a == b;
		m0[a]++;
		m1[b]++;
	}
	for (k = 0; k < R->nclasses; k++)
		pe += (m0[k] / n) * (m1[k] / n);
	free(m0);
	free(m1);
	if (n == 0 || pe >= 1 - 1e-15)
		return NAN;
	return (agree / n - pe) / (1 - pe);
}

/* Alpha from an explicit coincidence matrix of every pairable unit. */
static double
model_alpha(const struct ratings *R)
{
	size_t K = R->nclasses, u, i, j, c, k;
	double *o = calloc(K * K + 1, sizeof(*o)), *nc = calloc(K + 1,
	    sizeof(*nc)), n = 0, d = 0, e = 0;
	uint32_t a, b;
	size_t m;

	if (o == NULL || nc == NULL)
		abort();
	for (u = 0; u < R->nunits; u++) {
		for (m = 0, i = 0; i < R->nraters; i++)
			m += cls(R, u, i) != UINT32_MAX;
		if (m < 2)
			continue;
		for (i = 0; i < R->nraters; i++)
			for (j = 0; j < R->nraters; j++)
				if (i != j && (a = cls(R, u, i)) != UINT32_MAX &&
				    (b = cls(R, u, j)) != UINT32_MAX)
					o[a * K + b] += 1.0 / (double)(m - 1);
	}
	for (c = 0; c < K; c++)
		for (k = 0; k < K; k++) {
			nc[c] += o[c * K + k];
			if (c != k)
				d += o[c * K + k];
		}
	for (c = 0; c < K; c++) {
		n += nc[c];
		for (k = 0; k < K; k++)
			if (c != k)
				e += nc[c] * nc[k];
	}
	free(o);
	free(nc);
	if (n < 2 || e < 0.5)
		return NAN;
	return 1 - (n - 1) * d / e;
}

/* The same ratings with the raters in reverse order. */
static uint32_t *
reversed(const struct ratings *R, struct ratings *Q)
{
	uint32_t *v = calloc(R->nunits * R->nraters + 1, sizeof(*v));
	size_t u, r;

	if (v == NULL)
		abort();
	for (u = 0; u < R->nunits; u++)
		for (r = 0; r < R->nraters; r++)
			v[u * R->nraters + r] = R->v[(u * R->nraters +
			    R->nraters - 1 - r) * R->stride];
	*Q = *R;
	Q->v = v;
	Q->stride = 1;
	return v;
}

static void
check(const struct ratings *R)
{
	struct agreement g, h;
	struct pair_agreement p;
	struct coef_cell *cells;
	struct ratings Q;
	uint32_t *v;
	uint64_t sum = 0;
	size_t n, k;

	coef_all(R, &g);
	if (g.unanimous + g.majority + g.split != g.units ||
	    g.units + g.missing > R->nunits ||
	    (g.units == 0) != isnan(g.agree) ||
	    (g.units == 0 && !(isnan(g.cohen) && isnan(g.fleiss))) ||
	    !in_range(g.agree, 0, 1) || !in_range(g.cohen, -1, 1) ||
	    !in_range(g.fleiss, -1, 1) || !in_range(g.alpha, -INFINITY, 1))
		abort();
	if (!near(g.alpha, model_alpha(R)))
		abort();
	coef_pair(R, 0, 1, false, &p);
	if (!near(p.cohen, model_cohen(R)) || !in_range(p.agree, 0, 1))
		abort();
	if (R->nraters == 2 && (p.units != g.units || !near(p.cohen,
	    g.cohen)))
		abort();
	v = reversed(R, &Q);
	coef_all(&Q, &h);
	free(v);
	if (h.units != g.units || h.unanimous != g.unanimous ||
	    !near(h.fleiss, g.fleiss) || !near(h.alpha, g.alpha))
		abort();
	n = coef_confusion(R, 0, 1, &cells);
	for (k = 0; k < n; k++)
		sum += cells[k].n;
	free(cells);
	if (sum != p.units)
		abort();
}

static void
check_layer(const struct units *u, size_t l, bool items)
{
	struct unit_keys keys;
	struct ratings R;
	uint32_t *order, *rank, *has;
	size_t n, i, j;

	n = units_sorted(u, l, &order, &rank);
	for (i = 1; i < n; i++) {
		struct slice a = units_category(u, l, order[i - 1]);
		struct slice b = units_category(u, l, order[i]);
		size_t m = a.n < b.n ? a.n : b.n;
		int c = m ? memcmp(a.p, b.p, m) : 0;

		if (c > 0 || (c == 0 && a.n >= b.n))
			abort();
	}
	units_ratings(u, l, rank, n, &R);
	check(&R);
	if (items) {
		units_keys(u, l, &keys);
		if ((has = calloc(n + 1, sizeof(*has))) == NULL)
			abort();
		for (i = 0; i < keys.n; i++) {
			for (j = keys.start[i]; j < keys.start[i + 1]; j++)
				has[keys.cats[j]] = 1;
			units_ratings(u, l, has, 2, &R);
			check(&R);
			for (j = keys.start[i]; j < keys.start[i + 1]; j++)
				has[keys.cats[j]] = 0;
		}
		free(has);
		units_keys_free(&keys);
	}
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
