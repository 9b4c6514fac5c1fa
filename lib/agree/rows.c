/*
 * ragree's rows: each layer's categories sorted (so that classes, and
 * with them every sum, never depend on hash order), its ratings or with
 * -i its keys, and the figures of every row and group.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "boot.h"
#include "order.h"
#include "rows.h"
#include "xmalloc.h"

/*
 * --ci keeps every resample's coefficients of a run of rows at once, to
 * take their percentiles: at most this many values (32 MiB), but always
 * one row's, so that each resample is drawn once for all the rows it can.
 */
#define BOOT_BUDGET	((size_t)1 << 22)

static void
add_row(struct rows *rs, size_t *cap, size_t l, struct slice key,
    const struct figures_row *fr)
{
	if (rs->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		rs->row = xreallocarray(rs->row, *cap, sizeof(*rs->row));
	}
	rs->row[rs->n].layer = l;
	rs->row[rs->n].key = key;
	rs->row[rs->n++].fr = *fr;
}

/* Layer l's classes, and its rows: itself, or with -i one per key. */
static void
build_layer(struct rows *rs, const struct ragree *g, size_t l, size_t *cap)
{
	struct rows_layer *L = rs->layers + l;
	struct figures_row fr;
	size_t k;

	L->ncats = units_sorted(&g->u, l, &L->order, &L->cls);
	memset(&fr, 0, sizeof(fr));
	if (g->opts->items) {
		ratings_keys(&L->K, &g->u, l);
		fr.K = &L->K;
		for (k = 0; k < L->K.keys.n; k++) {
			fr.k = k;
			add_row(rs, cap, l, ratings_key(&L->K, k), &fr);
		}
		return;
	}
	ratings_layer(&L->R, &g->u, l, L->cls, L->ncats);
	fr.R = &L->R;
	if (g->opts->places != NULL) {
		L->rank = xcalloc(L->ncats + 1, sizeof(*L->rank));
		order_places(g->opts->places, g, l, L->order, L->ncats,
		    L->rank);
		L->ord.rank = L->rank;
		L->ord.nranks = g->opts->places->n;
		L->ord.weights = g->opts->weights;
		L->ord.metric = g->opts->metric;
		fr.ord = &L->ord;
	}
	if (g->opts->gold != NULL) {
		gold_keys(&L->gk, &g->u, l, L->cls, L->ncats);
		fr.gk = &L->gk;
	}
	add_row(rs, cap, l, (struct slice){ NULL, 0 }, &fr);
}

static enum figures_mode
mode_of(const struct agree_opts *o)
{
	if (o->gold != NULL)
		return FIGURES_GOLD;
	return o->pairs ? FIGURES_PAIRS : FIGURES_TABLE;
}

static void
note_unplaced(const struct rows *rs, const struct ragree *g)
{
	const uint32_t **cls = xcalloc(g->nlayers, sizeof(*cls));
	const uint32_t **rank = xcalloc(g->nlayers, sizeof(*rank));
	size_t l;

	for (l = 0; l < g->nlayers; l++) {
		cls[l] = rs->layers[l].cls;
		rank[l] = rs->layers[l].rank;
	}
	order_note(g, cls, rank);
	free(cls);
	free(rank);
}

void
rows_build(struct rows *rs, struct ragree *g)
{
	size_t l, cap = 0, c;

	memset(rs, 0, sizeof(*rs));
	rs->layers = xcalloc(g->nlayers, sizeof(*rs->layers));
	figures_init(&rs->run, mode_of(g->opts), &g->u, g->gold);
	rs->ncols = figures_columns(rs->run.mode, g->opts->items, &rs->cols);
	rs->coef = xcalloc(rs->ncols, sizeof(*rs->coef));
	for (c = 0; c < rs->ncols; c++)
		if (rs->cols[c].kind == FIGURES_COEF)
			rs->coef[rs->ncoef++] = rs->cols[c].i;
	for (l = 0; l < g->nlayers; l++)
		build_layer(rs, g, l, &cap);
	if (g->opts->places != NULL && (g->opts->weights != ORDERED_NO_WEIGHTS ||
	    g->opts->metric != ORDERED_NOMINAL))
		note_unplaced(rs, g);
}

/*
 * --mean: for each group, the mean over its rows (those not absent) of
 * each share and coefficient, undefined ones left out, from the values at
 * full precision; NAN when all are undefined.  The rows are summed in
 * order.
 */
static void
mean_of(const struct rows *rs, size_t grp, struct figures *m)
{
	size_t G = rs->run.ngroups, c, r, n, i;
	double sum, x;

	memset(m, 0, sizeof(*m));
	for (c = 0; c < rs->ncols; c++) {
		if (rs->cols[c].kind == FIGURES_COUNT)
			continue;
		i = rs->cols[c].i;
		for (sum = 0, n = 0, r = 0; r < rs->n; r++)
			if (!rs->fig[r * G + grp].absent &&
			    !isnan(x = rs->fig[r * G + grp].value[i])) {
				sum += x;
				n++;
			}
		m->value[i] = n > 0 ? sum / (double)n : NAN;
	}
}

/*
 * Resample b's coefficients of rows first..last, into vals by row, group,
 * coefficient and resample; with --mean, their sums and counts over the
 * rows that are a group's on the units (not absent), by group,
 * coefficient and resample.
 */
static void
resample(struct rows *rs, const struct ragree *g, uint32_t *w, size_t b,
    size_t first, size_t last, double *vals, struct figures *f,
    double *msum, uint32_t *mcnt)
{
	size_t G = rs->run.ngroups, C = rs->ncoef, B = g->opts->nboot;
	size_t r, grp, c, at;
	double x;

	boot_draw(g->opts->seed, b, w, g->u.ids.nkeys);
	if (g->opts->items)
		figures_zero(&rs->run, w);
	for (r = first; r < last; r++) {
		figures_row(&rs->run, &rs->row[r].fr, w, f);
		for (grp = 0; grp < G; grp++)
			for (c = 0; c < C; c++) {
				x = f[grp].value[rs->coef[c]];
				vals[(((r - first) * G + grp) * C + c) * B + b] = x;
				at = (grp * C + c) * B + b;
				if (msum != NULL && !isnan(x) &&
				    !rs->fig[r * G + grp].absent) {
					msum[at] += x;
					mcnt[at]++;
				}
			}
	}
}

/* The percentile interval of the n values x, as --ci PCT asks. */
static void
interval(double *x, size_t n, double pct, double *lo, double *hi)
{
	size_t m = boot_sort(x, n);

	*lo = boot_quantile(x, m, (100 - pct) / 200);
	*hi = boot_quantile(x, m, (100 + pct) / 200);
}

/*
 * --ci: the rows in runs whose resampled coefficients fit the budget; in
 * each, every resample is drawn once, and each row's coefficients over
 * the resamples give their interval.  With --mean, each resample's mean
 * over the rows gives the mean's.
 */
static void
bootstrap(struct rows *rs, const struct ragree *g)
{
	size_t G = rs->run.ngroups, C = rs->ncoef, B = g->opts->nboot;
	size_t per = G * C * B, run = BOOT_BUDGET / (per ? per : 1);
	size_t first, last, b, r, i, at;
	uint32_t *w = xcalloc(g->u.ids.nkeys + 1, sizeof(*w)), *mcnt = NULL;
	struct figures *f = xcalloc(G + 1, sizeof(*f));
	double *vals, *msum = NULL;

	run = run < 1 ? 1 : run > rs->n ? rs->n : run;
	vals = xcalloc(run * per + 1, sizeof(*vals));
	rs->lo = xcalloc(rs->n * G * C + 1, sizeof(*rs->lo));
	rs->hi = xcalloc(rs->n * G * C + 1, sizeof(*rs->hi));
	if (g->opts->mean) {
		msum = xcalloc(per + 1, sizeof(*msum));
		mcnt = xcalloc(per + 1, sizeof(*mcnt));
	}
	for (first = 0; first < rs->n; first = last) {
		last = first + run < rs->n ? first + run : rs->n;
		for (b = 0; b < B; b++)
			resample(rs, g, w, b, first, last, vals, f, msum, mcnt);
		for (r = first; r < last; r++)
			for (i = 0; i < G * C; i++)
				interval(vals + ((r - first) * G * C + i) * B, B,
				    g->opts->ci, rs->lo + r * G * C + i,
				    rs->hi + r * G * C + i);
	}
	if (g->opts->mean) {
		rs->mlo = xcalloc(G * C + 1, sizeof(*rs->mlo));
		rs->mhi = xcalloc(G * C + 1, sizeof(*rs->mhi));
		for (i = 0; i < G * C; i++) {
			for (b = 0; b < B; b++) {
				at = i * B + b;
				vals[b] = mcnt[at] > 0 ?
				    msum[at] / (double)mcnt[at] : NAN;
			}
			interval(vals, B, g->opts->ci, rs->mlo + i,
			    rs->mhi + i);
		}
	}
	free(w);
	free(f);
	free(vals);
	free(msum);
	free(mcnt);
}

/* The figures of every row and group, their means and intervals. */
void
rows_figures(struct rows *rs, const struct ragree *g)
{
	size_t G = rs->run.ngroups, r;

	rs->fig = xcalloc(rs->n * G + 1, sizeof(*rs->fig));
	if (g->opts->items)
		figures_zero(&rs->run, NULL);
	for (r = 0; r < rs->n; r++)
		figures_row(&rs->run, &rs->row[r].fr, NULL, rs->fig + r * G);
	if (g->opts->mean) {
		rs->mean = xcalloc(G + 1, sizeof(*rs->mean));
		for (r = 0; r < G; r++)
			mean_of(rs, r, rs->mean + r);
	}
	if (g->opts->ci > 0 && rs->n > 0)
		bootstrap(rs, g);
}

void
rows_free(struct rows *rs, const struct ragree *g)
{
	struct rows_layer *L;
	size_t l;

	for (l = 0; l < g->nlayers; l++) {
		L = rs->layers + l;
		free(L->order);
		free(L->cls);
		free(L->rank);
		if (g->opts->items)
			ratings_keys_free(&L->K);
		else
			ratings_free(&L->R);
		if (g->opts->gold != NULL && !g->opts->items)
			gold_keys_free(&L->gk);
	}
	free(rs->layers);
	free(rs->row);
	free(rs->coef);
	free(rs->fig);
	free(rs->lo);
	free(rs->hi);
	free(rs->mean);
	free(rs->mlo);
	free(rs->mhi);
	figures_free(&rs->run);
}
