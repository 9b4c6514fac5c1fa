/*
 * ragree's output: a row per layer (and with -i per key) and group of
 * raters of the figures lib/agree/rows.c computes, in the columns
 * lib/agree/figures.c names, or -x's confusion table.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "tsv.h"
#include "xmalloc.h"

/* A share or coefficient with the run's decimals, or nan; never -0. */
static void
put_num(struct out *o, double x, int digits)
{
	char s[64];
	size_t i;

	if (isnan(x)) {
		out_str(o, "nan");
		return;
	}
	snprintf(s, sizeof(s), "%.*f", digits, x);
	for (i = s[0] == '-'; s[i] == '0' || s[i] == '.'; i++)
		;
	out_str(o, s[0] == '-' && s[i] == '\0' ? s + 1 : s);
}

static void
put_name(struct out *o, const char *name)
{
	tsv_put_escaped(o, name, strlen(name));
}

static void
put_header(const struct ragree *g, const struct rows *rs)
{
	struct out *o = g->o;
	size_t c;

	if (g->opts->noheader)
		return;
	out_str(o, g->opts->items ? "layer\tkey" : "layer");
	if (rs->run.mode == FIGURES_PAIRS)
		out_str(o, "\trater1\trater2");
	else if (rs->run.mode == FIGURES_GOLD)
		out_str(o, "\trater");
	for (c = 0; c < rs->ncols; c++) {
		out_char(o, '\t');
		out_str(o, rs->cols[c].name);
		if (rs->cols[c].kind != FIGURES_COEF || g->opts->ci == 0)
			continue;
		out_char(o, '\t');
		out_str(o, rs->cols[c].name);
		out_str(o, "_lo\t");
		out_str(o, rs->cols[c].name);
		out_str(o, "_hi");
	}
	out_char(o, '\n');
}

/* The raters a group names: a pair's two, or the rater against the gold. */
static void
put_group(const struct ragree *g, const struct rows *rs, size_t group)
{
	size_t a, b;

	if (figures_group_raters(&rs->run, group, &a, &b) == 0)
		return;
	if (rs->run.mode == FIGURES_PAIRS) {
		out_char(g->o, '\t');
		put_name(g->o, g->names[a]);
	}
	out_char(g->o, '\t');
	put_name(g->o, g->names[b]);
}

/*
 * A group's columns: counts (none in a mean row, which has no counts of
 * its own), shares and coefficients, each coefficient with --ci followed
 * by its interval, lo[k] and hi[k] for the k-th coefficient.
 */
static void
put_figures(const struct ragree *g, const struct rows *rs,
    const struct figures *f, bool counts, const double *lo,
    const double *hi)
{
	const struct figures_column *col;
	int digits = g->opts->digits;
	size_t c, k = 0;

	for (c = 0; c < rs->ncols; c++) {
		col = rs->cols + c;
		out_char(g->o, '\t');
		if (col->kind == FIGURES_COUNT) {
			if (counts)
				out_ulong(g->o, f->count[col->i]);
			continue;
		}
		put_num(g->o, f->value[col->i], digits);
		if (col->kind != FIGURES_COEF || g->opts->ci == 0)
			continue;
		out_char(g->o, '\t');
		put_num(g->o, lo != NULL ? lo[k] : NAN, digits);
		out_char(g->o, '\t');
		put_num(g->o, hi != NULL ? hi[k] : NAN, digits);
		k++;
	}
	out_char(g->o, '\n');
}

/* The first columns of a row: its layer, and with -i its key. */
static void
put_what(const struct ragree *g, const char *layer, struct slice key)
{
	out_str(g->o, layer);
	if (g->opts->items) {
		out_char(g->o, '\t');
		out_write(g->o, key.p, key.n);
	}
}

void
report_write(struct ragree *g, const struct rows *rs)
{
	const struct rows_row *row;
	size_t r, grp, G = rs->run.ngroups, C = rs->ncoef, at;

	put_header(g, rs);
	for (r = 0; r < rs->n; r++)
		for (grp = 0; grp < G; grp++) {
			row = rs->row + r;
			at = r * G + grp;
			if (rs->fig[at].absent)
				continue;
			put_what(g, g->scheme->layers[g->layer[row->layer]].name,
			    row->key);
			put_group(g, rs, grp);
			put_figures(g, rs, rs->fig + at, true,
			    rs->lo != NULL ? rs->lo + at * C : NULL,
			    rs->hi != NULL ? rs->hi + at * C : NULL);
		}
	if (!g->opts->mean)
		return;
	for (grp = 0; grp < G; grp++) {
		put_what(g, "mean", (struct slice){ "", 0 });
		put_group(g, rs, grp);
		put_figures(g, rs, rs->mean + grp, false,
		    rs->mlo != NULL ? rs->mlo + grp * C : NULL,
		    rs->mhi != NULL ? rs->mhi + grp * C : NULL);
	}
}

/* A cell of the confusion table: the classes of the raters, and units. */
struct cell {
	uint32_t	a;
	uint32_t	b;
	uint64_t	n;
};

static int
by_cell(const void *x, const void *y)
{
	const struct cell *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

/*
 * The non-zero cells of raters 0 and 1 over the units both gave, sorted
 * by class of the first, then of the second; returns their number.
 * Memory grows with the vectors, not with the square of the classes.
 */
static size_t
confusion_cells(const struct ratings *R, struct cell **cells)
{
	struct cell *c = xreallocarray(NULL, R->n + 1, sizeof(*c));
	size_t e, n = 0, k, out = 0;
	const uint32_t *v;

	for (e = 0; e < R->n; e++) {
		v = R->cls + e * R->nraters;
		if (v[0] != COEF_NONE && v[1] != COEF_NONE) {
			c[n].a = v[0];
			c[n].b = v[1];
			c[n++].n = R->w[e];
		}
	}
	qsort(c, n, sizeof(*c), by_cell);
	for (k = 0; k < n; k++)
		if (out > 0 && c[out - 1].a == c[k].a && c[out - 1].b == c[k].b)
			c[out - 1].n += c[k].n;
		else
			c[out++] = c[k];
	*cells = c;
	return out;
}

/*
 * -x: rows the first rater's values, columns the second's, over the
 * units both gave, both in byte order of the sets and each value either
 * rater gave on them, so that the diagonal is agreement.  The first cell
 * names the first rater, as rcount -x's names the rows' field; the line
 * is written even with -N, since it names the columns.
 */
void
report_confusion(struct ragree *g, const struct rows *rs)
{
	const struct rows_layer *L = rs->layers;
	struct out *o = g->o;
	struct cell *c;
	bool *used;
	size_t n = L->ncats, ncells, i, j, k;
	struct slice v;

	ncells = confusion_cells(&L->R, &c);
	used = xcalloc(n + 1, sizeof(*used));
	for (k = 0; k < ncells; k++)
		used[c[k].a] = used[c[k].b] = true;
	put_name(o, g->names[0]);
	for (j = 0; j < n; j++)
		if (used[j]) {
			v = units_category(&g->u, 0, L->order[j]);
			out_char(o, '\t');
			out_write(o, v.p, v.n);
		}
	out_char(o, '\n');
	for (i = 0, k = 0; i < n; i++) {
		if (!used[i])
			continue;
		v = units_category(&g->u, 0, L->order[i]);
		out_write(o, v.p, v.n);
		for (j = 0; j < n; j++) {
			if (!used[j])
				continue;
			out_char(o, '\t');
			out_ulong(o, k < ncells && c[k].a == i && c[k].b == j ?
			    c[k++].n : 0);
		}
		out_char(o, '\n');
	}
	free(used);
	free(c);
}
