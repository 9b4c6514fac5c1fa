#include <stdlib.h>
#include <string.h>

#include "items.h"
#include "longform.h"
#include "tsv.h"
#include "xmalloc.h"

static const char check_header[] = "review\tsentence\tlayer\ttag\tproblem\n";

/* The columns rtags inserts, in order; the last only with --names. */
static const char *const tag_columns[] = { "layer", "tag", "polarity", "name" };

static const char *
layer_name(const struct longform *t, int l)
{
	return t->scheme->layers[l].name;
}

/* Finds the columns of the chosen layers (and, for --check, the ids). */
void
longform_bind(struct longform *t, struct tsvin *in)
{
	size_t i, c;

	t->first = (size_t)-1;
	t->last = 0;
	for (i = 0; i < t->nlayers; i++) {
		c = t->col[i] = tsvin_bind(in, layer_name(t, t->layer[i]),
		    NULL);
		if (c < t->first)
			t->first = c;
		if (c > t->last)
			t->last = c;
	}
	t->gaps = t->last - t->first + 1 != t->nlayers;
	t->nf = t->last + 1;
	if (t->check) {
		t->review = tsvin_bind(in, "review", NULL);
		t->sentence = tsvin_bind(in, "sentence", NULL);
		if (t->review >= t->nf)
			t->nf = t->review + 1;
		if (t->sentence >= t->nf)
			t->nf = t->sentence + 1;
	}
	t->f = xreallocarray(NULL, t->nf, sizeof(*t->f));
	/* Allocated now so that tail never points at NULL, even when empty. */
	if (t->gaps)
		xgrow(&t->tailbuf.p, &t->tailbuf.cap, 256);
}

static bool
chosen(const struct longform *t, size_t col)
{
	size_t i;

	for (i = 0; i < t->nlayers; i++)
		if (t->col[i] == col)
			return true;
	return false;
}

/*
 * Slices the fields rtags needs from line; returns false when it has too
 * few.  The columns not chosen are gathered once per row into prefix and
 * tail, so that each tag of the row costs three writes.
 */
bool
longform_split(struct longform *t, struct slice line)
{
	const char *end = line.p + line.n, *after;
	size_t i;

	if (tsv_split(line, t->f, t->nf) < t->nf)
		return false;
	if (t->check)
		return true;
	t->prefix.p = line.p;
	t->prefix.n = (size_t)(t->f[t->first].p - line.p);
	after = t->f[t->last].p + t->f[t->last].n;
	if (!t->gaps) {
		t->tail.p = after;
		t->tail.n = (size_t)(end - after);
		return true;
	}
	/* Non-adjacent columns: copy what stands between them. */
	t->tailbuf.len = 0;
	for (i = t->first + 1; i < t->last; i++)
		if (!chosen(t, i)) {
			buf_addc(&t->tailbuf, '\t');
			buf_add(&t->tailbuf, t->f[i].p, t->f[i].n);
		}
	buf_add(&t->tailbuf, after, (size_t)(end - after));
	t->tail.p = t->tailbuf.p;
	t->tail.n = t->tailbuf.len;
	return true;
}

/* Writes the current row with the columns ins in place of the chosen. */
static void
put_row(const struct longform *t, const struct slice *ins, size_t nins)
{
	size_t i;

	out_write(t->o, t->prefix.p, t->prefix.n);
	for (i = 0; i < nins; i++) {
		if (i > 0)
			out_char(t->o, '\t');
		out_write(t->o, ins[i].p, ins[i].n);
	}
	out_write(t->o, t->tail.p, t->tail.n);
	out_char(t->o, '\n');
}

static struct slice
cslice(const char *s)
{
	struct slice sl = { s, strlen(s) };

	return sl;
}

void
longform_header(struct longform *t, struct slice header)
{
	struct slice ins[4];
	size_t i, nins = t->names ? 4 : 3;

	if (t->check) {
		out_str(t->o, check_header);
		return;
	}
	longform_split(t, header);
	for (i = 0; i < nins; i++)
		ins[i] = cslice(tag_columns[i]);
	put_row(t, ins, nins);
}

static void
put_tag(const struct longform *t, int l, struct tag tag)
{
	const struct scheme_code *c;
	struct slice ins[4];
	bool elsewhere;

	ins[0] = cslice(layer_name(t, l));
	ins[1] = tag.code;
	ins[2] = tag.pol;
	if (t->names) {
		c = scheme_find(t->scheme, l, tag.code, &elsewhere);
		ins[3] = cslice(c != NULL ? c->name : "");
	}
	put_row(t, ins, t->names ? 4 : 3);
}

void
longform_tags(struct longform *t)
{
	static const struct slice none[4] = {
		{ "", 0 }, { "", 0 }, { "", 0 }, { "", 0 }
	};
	struct slice rest, item;
	size_t i, ntags = 0;

	for (i = 0; i < t->nlayers; i++) {
		rest = t->f[t->col[i]];
		while (items_next(&rest, &item)) {
			put_tag(t, t->layer[i], items_tag(item));
			ntags++;
		}
	}
	if (ntags == 0 && t->all)
		put_row(t, none, t->names ? 4 : 3);
}

static void
put_problem(struct longform *t, int l, struct slice item, enum problem p)
{
	struct out *o = t->o;

	out_write(o, t->f[t->review].p, t->f[t->review].n);
	out_char(o, '\t');
	out_write(o, t->f[t->sentence].p, t->f[t->sentence].n);
	out_char(o, '\t');
	out_str(o, layer_name(t, l));
	out_char(o, '\t');
	out_write(o, item.p, item.n);
	out_char(o, '\t');
	out_str(o, scheme_problem_name(p));
	out_char(o, '\n');
	t->nproblems++;
}

/* By bytes, then by place, so that the first of equal items comes first. */
static int
item_cmp(const void *x, const void *y)
{
	const struct longform_item *a = x, *b = y;
	size_t n = a->item.n < b->item.n ? a->item.n : b->item.n;
	int c = n > 0 ? memcmp(a->item.p, b->item.p, n) : 0;

	if (c != 0)
		return c;
	if (a->item.n != b->item.n)
		return a->item.n < b->item.n ? -1 : 1;
	return (a->at > b->at) - (a->at < b->at);
}

/*
 * Takes the items of list, empty ones included, into t->items, and marks
 * in t->repeated each that repeats an earlier one whole ("DAT-NEU,DAT-NEU";
 * "DAT-NEU,DAT-POS" are two items).  Sorting a copy keeps a list of any
 * length n log n; an empty item is no item to repeat.  Returns how many.
 */
static size_t
gather(struct longform *t, struct slice list)
{
	struct slice item;
	size_t n = 0, i;
	bool done = list.n == 0;

	while (items_next_any(&list, &done, &item)) {
		if (n == t->itemcap) {
			t->itemcap = t->itemcap ? 2 * t->itemcap : 16;
			t->items = xreallocarray(t->items, t->itemcap,
			    sizeof(*t->items));
			t->sorted = xreallocarray(t->sorted, t->itemcap,
			    sizeof(*t->sorted));
			t->repeated = xreallocarray(t->repeated, t->itemcap,
			    sizeof(*t->repeated));
		}
		t->items[n].item = item;
		t->items[n].at = n;
		t->repeated[n++] = false;
	}
	if (n < 2)
		return n;
	memcpy(t->sorted, t->items, n * sizeof(*t->sorted));
	qsort(t->sorted, n, sizeof(*t->sorted), item_cmp);
	for (i = 1; i < n; i++)
		if (t->sorted[i].item.n > 0 &&
		    t->sorted[i].item.n == t->sorted[i - 1].item.n &&
		    memcmp(t->sorted[i].item.p, t->sorted[i - 1].item.p,
		    t->sorted[i].item.n) == 0)
			t->repeated[t->sorted[i].at] = true;
	return n;
}

/*
 * One row per problem item.  A repeated item is reported as such, and
 * only so: whatever else is wrong with it was said of its first.
 */
void
longform_check(struct longform *t)
{
	enum problem p;
	struct slice item;
	size_t i, k, n;

	for (i = 0; i < t->nlayers; i++) {
		n = gather(t, t->f[t->col[i]]);
		for (k = 0; k < n; k++) {
			item = t->items[k].item;
			p = t->repeated[k] ? TAG_REPEATED : scheme_check(
			    t->scheme, t->layer[i], items_tag(item));
			if (p != TAG_OK)
				put_problem(t, t->layer[i], item, p);
		}
	}
}

void
longform_free(struct longform *t)
{
	free(t->f);
	free(t->tailbuf.p);
	free(t->items);
	free(t->sorted);
	free(t->repeated);
}
