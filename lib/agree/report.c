/*
 * ragree's output: a row per layer (and with -i per key) of the
 * coefficients lib/agree/coef.c computes, or with --pairs a row per pair of
 * raters, or -x's confusion table.  Numbers have three decimals.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "tsv.h"
#include "xmalloc.h"

static const char *const table_columns[] = {
	"raters", "units", "missing", "agree", "cohen", "fleiss", "alpha",
	"unanimous", "majority", "split",
};

static const char *const pair_columns[] = {
	"rater1", "rater2", "units", "agree", "cohen",
};

/* Three decimals, or nan; never -0.000. */
static void
put_num(struct out *o, double x)
{
	char s[64];

	if (isnan(x)) {
		out_str(o, "nan");
		return;
	}
	snprintf(s, sizeof(s), "%.3f", x);
	out_str(o, strcmp(s, "-0.000") == 0 ? "0.000" : s);
}

static void
put_tab_ulong(struct out *o, unsigned long long n)
{
	out_char(o, '\t');
	out_ulong(o, n);
}

static void
put_tab_num(struct out *o, double x)
{
	out_char(o, '\t');
	put_num(o, x);
}

static void
put_tab_counts(struct out *o, const uint64_t *n, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		put_tab_ulong(o, n[i]);
}

static void
put_tab_nums(struct out *o, const double *x, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		put_tab_num(o, x[i]);
}

static void
put_header(const struct ragree *g, const char *const *cols, size_t ncols)
{
	size_t i;

	if (g->opts->noheader)
		return;
	out_str(g->o, g->opts->items ? "layer\tkey" : "layer");
	for (i = 0; i < ncols; i++) {
		out_char(g->o, '\t');
		out_str(g->o, cols[i]);
	}
	out_char(g->o, '\n');
}

/* The first columns of a row: the layer, and with -i the key. */
static void
put_what(const struct ragree *g, size_t l, const struct slice *key)
{
	out_str(g->o, g->scheme->layers[g->layer[l]].name);
	if (key != NULL) {
		out_char(g->o, '\t');
		out_write(g->o, key->p, key->n);
	}
}

static void
put_name(struct out *o, const char *name)
{
	tsv_put_escaped(o, name, strlen(name));
}

static void
put_table_row(struct ragree *g, size_t l, const struct slice *key,
    const struct ratings *R)
{
	struct agreement a;
	struct out *o = g->o;

	coef_all(R, &a);
	put_what(g, l, key);
	put_tab_counts(o, (const uint64_t[]){ R->nraters, a.units,
	    a.missing }, 3);
	put_tab_nums(o, (const double[]){ a.agree, a.cohen, a.fleiss,
	    a.alpha }, 4);
	put_tab_counts(o, (const uint64_t[]){ a.unanimous, a.majority,
	    a.split }, 3);
	out_char(o, '\n');
}

/* --pairs: each pair of raters over the units both gave. */
static void
put_pair_rows(struct ragree *g, size_t l, const struct slice *key,
    const struct ratings *R)
{
	struct pair_agreement p;
	struct out *o = g->o;
	size_t a, b;

	for (a = 0; a < R->nraters; a++)
		for (b = a + 1; b < R->nraters; b++) {
			coef_pair(R, a, b, false, &p);
			put_what(g, l, key);
			out_char(o, '\t');
			put_name(o, g->names[a]);
			out_char(o, '\t');
			put_name(o, g->names[b]);
			put_tab_ulong(o, p.units);
			put_tab_nums(o, (const double[]){ p.agree, p.cohen },
			    2);
			out_char(o, '\n');
		}
}

static void
put_rows(struct ragree *g, size_t l, const struct slice *key,
    const struct ratings *R)
{
	if (g->opts->pairs)
		put_pair_rows(g, l, key, R);
	else
		put_table_row(g, l, key, R);
}

/* -i: per key, the classes are 0 (the set lacks it) and 1 (has it). */
static void
put_keys(struct ragree *g, size_t l, size_t ncats)
{
	struct unit_keys k;
	struct ratings R;
	struct slice key;
	uint32_t *has = xcalloc(ncats, sizeof(*has));
	size_t i, j;

	units_keys(&g->u, l, &k);
	for (i = 0; i < k.n; i++) {
		for (j = k.start[i]; j < k.start[i + 1]; j++)
			has[k.cats[j]] = 1;
		key = hash_key(&k.h, k.order[i]);
		units_ratings(&g->u, l, has, 2, &R);
		put_rows(g, l, &key, &R);
		for (j = k.start[i]; j < k.start[i + 1]; j++)
			has[k.cats[j]] = 0;
	}
	units_keys_free(&k);
	free(has);
}

void
report_write(struct ragree *g)
{
	struct ratings R;
	uint32_t *order, *rank;
	size_t l, n;

	if (g->opts->pairs)
		put_header(g, pair_columns,
		    sizeof(pair_columns) / sizeof(pair_columns[0]));
	else
		put_header(g, table_columns,
		    sizeof(table_columns) / sizeof(table_columns[0]));
	for (l = 0; l < g->nlayers; l++) {
		n = units_sorted(&g->u, l, &order, &rank);
		if (g->opts->items)
			put_keys(g, l, n);
		else {
			units_ratings(&g->u, l, rank, n, &R);
			put_rows(g, l, NULL, &R);
		}
		free(order);
		free(rank);
	}
}

/*
 * -x: rows the first rater's values, columns the second's, over the
 * units both gave, both in byte order of the sets and each value either
 * rater gave on them, so that the diagonal is agreement.  The first cell
 * names the first rater, as rcount -x's names the rows' field; the line
 * is written even with -N, since it names the columns.
 */
void
report_confusion(struct ragree *g)
{
	struct coef_cell *c;
	struct ratings R;
	struct out *o = g->o;
	uint32_t *order, *rank;
	bool *used;
	size_t n, ncells, i, j, k;
	struct slice v;

	n = units_sorted(&g->u, 0, &order, &rank);
	units_ratings(&g->u, 0, rank, n, &R);
	ncells = coef_confusion(&R, 0, 1, &c);
	used = xcalloc(n, sizeof(*used));
	for (k = 0; k < ncells; k++)
		used[c[k].a] = used[c[k].b] = true;
	put_name(o, g->names[0]);
	for (j = 0; j < n; j++)
		if (used[j]) {
			v = units_category(&g->u, 0, order[j]);
			out_char(o, '\t');
			out_write(o, v.p, v.n);
		}
	out_char(o, '\n');
	for (i = 0, k = 0; i < n; i++) {
		if (!used[i])
			continue;
		v = units_category(&g->u, 0, order[i]);
		out_write(o, v.p, v.n);
		for (j = 0; j < n; j++) {
			if (!used[j])
				continue;
			if (k < ncells && c[k].a == i && c[k].b == j)
				put_tab_ulong(o, c[k++].n);
			else
				put_tab_ulong(o, 0);
		}
		out_char(o, '\n');
	}
	free(used);
	free(c);
	free(order);
	free(rank);
}
