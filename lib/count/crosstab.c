#include <err.h>
#include <stdlib.h>

#include "buf.h"
#include "crosstab.h"

/* One side of the table: the values of one field with their totals. */
struct side {
	struct count_result *r;
	size_t		 n;
};

static void
side_sort(struct side *s, const struct tally *t, enum count_sort sort)
{
	s->r = count_sorted(t, sort);
	s->n = t->keys.nkeys;
}

/* The count of the pair (a, b): the key "a<TAB>b", 0 when none. */
static uint64_t
cell(const struct count *c, struct buf *key, struct slice a, struct slice b)
{
	struct slice k;

	key->len = 0;
	buf_add(key, a.p, a.n);
	buf_addc(key, '\t');
	buf_add(key, b.p, b.n);
	k.p = key->p;
	k.n = key->len;
	return count_of(&c->keys, k);
}

/* A cell: its count, or with -p its share of its line's total. */
static void
put_cell(struct out *o, const struct count *c, uint64_t n, uint64_t total)
{
	out_char(o, '\t');
	if (c->opts.percent)
		count_put_percent(o, n, total);
	else
		out_ulong(o, n);
}

static void
put_head(struct out *o, const struct count *c, const struct tsvin *in,
    const struct side *col)
{
	size_t j;

	count_put_name(o, in, c->refs[0].col);
	for (j = 0; j < col->n; j++) {
		out_char(o, '\t');
		out_write(o, col->r[j].key.p, col->r[j].key.n);
	}
	out_str(o, c->opts.total ? "\ttotal\n" : "\n");
}

/*
 * With -t, the last column holds each line's total as a count, even
 * with -p: the number the line's shares are of.  The last line holds the
 * columns' totals (with -p their shares of all rows counted), then the
 * rows counted.  The first line names the columns, so it is written even
 * with -N.
 */
void
crosstab_write(const struct count *c, struct out *o, const struct tsvin *in)
{
	struct side row, col;
	struct buf key = { NULL, 0, 0 };
	uint64_t all = 0;
	size_t i, j, nrow = c->side[0].keys.nkeys, ncol = c->side[1].keys.nkeys;

	if (ncol > 0 && nrow > CROSSTAB_CELLS_MAX / ncol)
		errx(1, "-x: %zu values by %zu make more than %d cells, the "
		    "most a table may have; without -x the pairs are counted "
		    "one a line", nrow, ncol, CROSSTAB_CELLS_MAX);
	count_check_total(&c->side[0]);
	count_check_total(&c->side[1]);
	if (c->opts.total || c->opts.percent)
		all = count_rows(c);
	side_sort(&row, &c->side[0], c->opts.sort);
	side_sort(&col, &c->side[1], c->opts.sort);
	put_head(o, c, in, &col);
	for (i = 0; i < row.n; i++) {
		out_write(o, row.r[i].key.p, row.r[i].key.n);
		for (j = 0; j < col.n; j++)
			put_cell(o, c, cell(c, &key, row.r[i].key,
			    col.r[j].key), row.r[i].n);
		if (c->opts.total) {
			out_char(o, '\t');
			out_ulong(o, row.r[i].n);
		}
		out_char(o, '\n');
	}
	if (c->opts.total) {
		out_str(o, "total");
		for (j = 0; j < col.n; j++)
			put_cell(o, c, col.r[j].n, all);
		out_char(o, '\t');
		out_ulong(o, all);
		out_char(o, '\n');
	}
	free(key.p);
	free(row.r);
	free(col.r);
}
