#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "msg.h"
#include "tablein.h"
#include "xmalloc.h"

/* The table being read: which input, where, and whether it has ended. */
struct table {
	size_t		 input;		/* in->next while reading it; 0 */
	const char	*file;
	unsigned long	 line;		/* its last line read */
	unsigned long	 end;		/* its total line, 0 before it */
	struct slice	*f;		/* a line's fields */
	size_t		 cap;
	struct slice	 first;		/* the first table's first name */
	struct buf	 key;		/* a cell's key, line TAB column */
};

/*
 * A table's first line: the first field (as the first table names it),
 * the columns, each a key of the second field, and last total.
 */
static void
check_header(struct count *c, struct table *t, const struct tsvin *in)
{
	char q[MSG_QUOTE_BUFSIZE], q2[MSG_QUOTE_BUFSIZE];
	size_t j, m = in->nnames;

	if (m < 2 || !slice_eq(in->names[m - 1], "total"))
		msg_die_at(1, t->file, 1, "the table has no column total; "
		    "tables merge when rcount -x -t wrote them");
	if (in->names[0].n != t->first.n ||
	    memcmp(in->names[0].p, t->first.p, t->first.n) != 0)
		msg_die_at(1, t->file, 1, "a table of %s, not of %s",
		    msg_quote(in->names[0], q), msg_quote(t->first, q2));
	for (j = 1; j + 1 < m; j++)
		if (!count_is_key(c, 1, in->names[j]))
			msg_die_at(1, t->file, 1, "column %s is no key of "
			    "this count (a table written with -k merges "
			    "with -k)", msg_quote(in->names[j], q));
	if (t->cap < m + 1)
		t->f = xgrowarray(t->f, &t->cap, m + 1, sizeof(*t->f));
}

/* A table ends with its total line; the first line of another ends it. */
static void
end_table(struct table *t)
{
	if (t->input != 0 && t->end == 0)
		msg_die_at(1, t->file, t->line, "the table ends without its "
		    "total line; tables merge when rcount -x -t wrote them");
	t->end = 0;
}

/* A cell or total: a count, not a share (a table written with -p). */
static uint64_t
cell(struct slice s, const struct tsvin *in)
{
	char q[MSG_QUOTE_BUFSIZE];

	if (memchr(s.p, '.', s.n) != NULL)
		msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "cell %s is a "
		    "share, not a count: tables written with -p do not merge; "
		    "write them with rcount -x -t", msg_quote(s, q));
	return count_weight(s, "cell", in);
}

/* The last line: each column's rows counted, then all of them. */
static void
add_totals(struct count *c, struct table *t, const struct tsvin *in)
{
	size_t j, m = in->nnames;

	for (j = 1; j + 1 < m; j++)
		count_add(c, &c->side[1], in->names[j], cell(t->f[j], in));
	count_add_rows(c, cell(t->f[m - 1], in));
	t->end = tsvin_lineno(in);
}

/* A line: a value of the first field, its cells, its rows counted. */
static void
add_line(struct count *c, struct table *t, const struct tsvin *in)
{
	char q[MSG_QUOTE_BUFSIZE];
	struct slice a = t->f[0];
	size_t j, m = in->nnames;
	uint64_t n;

	if (!count_is_key(c, 0, a))
		msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "line %s is no "
		    "key of this count (a table written with -k merges with "
		    "-k)", msg_quote(a, q));
	count_add(c, &c->side[0], a, cell(t->f[m - 1], in));
	for (j = 1; j + 1 < m; j++) {
		if ((n = cell(t->f[j], in)) == 0)
			continue;
		t->key.len = 0;
		buf_add(&t->key, a.p, a.n);
		buf_addc(&t->key, '\t');
		buf_add(&t->key, in->names[j].p, in->names[j].n);
		if (!count_add(c, &c->keys, (struct slice){ t->key.p,
		    t->key.len }, n))
			msg_die_at(1, tsvin_file(in), tsvin_lineno(in),
			    "count overflows");
	}
}

static void
table_row(struct count *c, struct table *t, const struct tsvin *in,
    struct slice row)
{
	size_t nf, m = in->nnames;

	if (in->next != t->input) {
		end_table(t);
		t->input = in->next;
		t->file = tsvin_file(in);
		check_header(c, t, in);
	}
	if (t->end != 0)
		msg_die_at(1, t->file, t->end, "a total line before the end of "
		    "its table: each table must be an input of its own");
	t->line = tsvin_lineno(in);
	if ((nf = tsv_split(row, t->f, m + 1)) != m)
		msg_die_at(1, t->file, t->line, "line has %zu fields, its "
		    "table's first line %zu", nf, m);
	if (slice_eq(t->f[0], "total"))
		add_totals(c, t, in);
	else
		add_line(c, t, in);
}

/*
 * Reads every input as a table and adds it to c: a cell to the count
 * of its pair, a line's total to its value of the first field, the last
 * line's to the columns' and the rows counted.  Each table has its own
 * columns, so its own header.
 */
void
tablein_read(struct count *c, struct tsvin *in)
{
	struct table t;
	struct slice row;

	memset(&t, 0, sizeof(t));
	t.first.n = in->names[0].n;
	t.first.p = xmemdup(in->names[0].p, t.first.n);
	in->own_headers = true;
	while (tsvin_next(in, &row))
		table_row(c, &t, in, row);
	end_table(&t);
	free(t.f);
	free(t.key.p);
	free((void *)t.first.p);
}
