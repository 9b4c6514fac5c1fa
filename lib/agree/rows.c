/*
 * ragree's rows: each layer's categories sorted (so that classes, and
 * with them every sum, never depend on hash order), its ratings or with
 * -i its keys, and the figures of every row and group.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "xmalloc.h"

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
}

/* The figures of every row and group. */
void
rows_figures(struct rows *rs, const struct ragree *g)
{
	size_t G = rs->run.ngroups, r;

	rs->fig = xcalloc(rs->n * G + 1, sizeof(*rs->fig));
	if (g->opts->items)
		figures_zero(&rs->run, NULL);
	for (r = 0; r < rs->n; r++)
		figures_row(&rs->run, &rs->row[r].fr, NULL, rs->fig + r * G);
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
