#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count.h"
#include "tablein.h"
#include "items.h"
#include "msg.h"
#include "xmalloc.h"

struct tally_cell {
	uint64_t	n;
	uint64_t	stamp;		/* the last row counted here, from 1 */
	/*
	 * -d: the id + 1 of the value last counted here (0: none): rows
	 * come by review, so the next row's value is mostly the same, and
	 * known without a lookup.
	 */
	uint32_t	 last1;
};

#define BAR_WIDTH	40	/* columns of the largest count's bar */

/* U+2588 FULL BLOCK, and U+258F to U+2589: one to seven eighths. */
static const char full_block[] = "\xe2\x96\x88";
static const char *const eighths[8] = {
	"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
	"\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89",
};

static const struct slice no_key = { "", 0 };

static void
tally_init(struct tally *t, bool distinct)
{
	memset(t, 0, sizeof(*t));
	hash_init(&t->keys);
	hash_set64_init(&t->seen);
	t->distinct = distinct;
}

static void
tally_free(struct tally *t)
{
	hash_free(&t->keys);
	hash_set64_free(&t->seen);
	free(t->near);
	free(t->cell);
}

/*
 * -d: adds the pair of key id and value id v; true when it is new.  The
 * keys of a label field are a few codes, whose ids are small: their
 * pairs are bits in a word by value, where a value's pairs sit together
 * as its rows do (a review's), not one cache miss each in the set.  A
 * pair is one word of the set whatever the value's length (ids are below
 * UINT32_MAX, so no pair is all ones).
 */
static bool
tally_pair(struct tally *t, size_t id, uint32_t v)
{
	size_t cap = t->nnear;
	uint64_t bit;

	if (id >= 64)
		return hash_set64_add(&t->seen, (uint64_t)id << 32 | v);
	if (v >= cap) {
		t->near = xgrowarray(t->near, &t->nnear, (size_t)v + 1,
		    sizeof(*t->near));
		memset(t->near + cap, 0, (t->nnear - cap) * sizeof(*t->near));
	}
	bit = 1ULL << id;
	if (t->near[v] & bit)
		return false;
	t->near[v] |= bit;
	return true;
}

/* -d: the key counts each of the row's values of the field once. */
static void
tally_distinct(struct tally *t, size_t id, const struct count_ids *d)
{
	struct tally_cell *c = &t->cell[id];
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (c->last1 == d->id[i] + 1)
			continue;
		c->last1 = d->id[i] + 1;
		c->n += tally_pair(t, id, d->id[i]);
	}
}

/*
 * A key of up to 8 bytes as one word: two loads of 4 that overlap, or
 * its bytes one by one, and with its length, told from any other.
 */
static inline uint64_t
pack(struct slice k)
{
	uint32_t a, b;

	if (k.n >= 4) {
		memcpy(&a, k.p, 4);
		memcpy(&b, k.p + k.n - 4, 4);
		return (uint64_t)b << 32 | a;
	}
	if (k.n == 0)
		return 0;
	return (uint64_t)(unsigned char)k.p[0] |
	    (uint64_t)(unsigned char)k.p[k.n / 2] << 8 |
	    (uint64_t)(unsigned char)k.p[k.n - 1] << 16;
}

/*
 * The id of key, through the memo when the key is short.  A key that
 * two memo slots' worth of keys share only misses the memo: the hash,
 * seeded, is still what bounds the work.
 */
static inline size_t
tally_id(struct tally *t, struct slice key, bool *isnew)
{
	struct tally_memo *m;
	uint64_t p;
	size_t id;

	if (key.n > 8)
		return hash_intern(&t->keys, key.p, key.n, isnew);
	p = pack(key);
	m = &t->memo[((p ^ key.n) * 0x9e3779b97f4a7c15ULL) >> 56];
	if (m->len1 == key.n + 1 && m->packed == p) {
		*isnew = false;
		return m->id;
	}
	id = hash_intern(&t->keys, key.p, key.n, isnew);
	m->packed = p;
	m->len1 = (uint32_t)key.n + 1;
	m->id = (uint32_t)id;
	return id;
}

/*
 * Adds row (a number from 1) to key with weight w, or with -d its values
 * d, unless the row was added there already.  Returns false when the
 * count would pass UINT64_MAX: it stays there and t->over is set.
 */
static inline bool
tally_count(struct tally *t, size_t id, bool isnew, uint64_t row, uint64_t w,
    const struct count_ids *d)
{
	struct tally_cell *c;

	if (isnew) {
		t->cell = xgrowarray(t->cell, &t->cap, id + 1, sizeof(*t->cell));
		t->cell[id].n = 0;
		t->cell[id].stamp = 0;
		t->cell[id].last1 = 0;
	}
	c = &t->cell[id];
	/* A row counts once for a key, even when items repeat a code. */
	if (c->stamp == row)
		return true;
	c->stamp = row;
	if (t->distinct) {
		tally_distinct(t, id, d);
		return true;
	}
	if (c->n > UINT64_MAX - w) {
		c->n = UINT64_MAX;
		t->over = true;
		return false;
	}
	c->n += w;
	return true;
}

/* tally_count of key, found or added. */
static bool
tally_add(struct tally *t, struct slice key, uint64_t row, uint64_t w,
    const struct count_ids *d)
{
	bool isnew;
	size_t id = tally_id(t, key, &isnew);

	return tally_count(t, id, isnew, row, w, d);
}

uint64_t
count_of(const struct tally *t, struct slice key)
{
	size_t id = hash_find(&t->keys, key.p, key.n);

	return id == HASH_NONE ? 0 : t->cell[id].n;
}

/*
 * What -p divides by and -t writes: the rows that added a key, or with
 * -d the distinct values in them.  Past UINT64_MAX it is an error, but
 * only here, where -p or -t use it.
 */
uint64_t
count_rows(const struct count *c)
{
	if (c->rows_over)
		errx(1, "total count overflows");
	return c->keys.distinct ? count_of(&c->all, no_key) : c->rows;
}

/* A total that stopped at UINT64_MAX is an error where it is used. */
void
count_check_total(const struct tally *t)
{
	if (t->over)
		errx(1, "total count overflows");
}

/*
 * A field that is a layer of the scheme (-1: none) holds items, keyed by
 * code and polarity with -k or in a layer of one code (SPEC 3).
 */
static void
set_layer(const struct count *c, struct count_ref *r,
    const struct scheme *s, int layer)
{
	r->items = layer >= 0;
	r->polarity = c->opts.polarity ||
	    (layer >= 0 && scheme_keys_polarity(s, layer));
}

static size_t
add_ref(struct count *c, struct tsvin *in, const char *name)
{
	struct count_ref *r = &c->refs[c->nrefs];
	int layer;

	r->col = tsvin_bind(in, name, &layer);
	set_layer(c, r, in->scheme, layer);
	return c->nrefs++;
}

/*
 * rcount -x -w total over tables that rcount -x -t wrote (tablein.c):
 * the first line names the first field, the columns (values of the
 * second field, which it does not name) and last total.  A number
 * always names a column, so only a name can be missing.
 */
static bool
is_table(const struct count_opts *o, const struct tsvin *in, char **keys,
    const char *weight)
{
	size_t i;

	if (!o->crosstab || weight == NULL || strcmp(weight, "total") != 0 ||
	    !in->have_header || (keys[1][0] >= '0' && keys[1][0] <= '9'))
		return false;
	for (i = 0; i < in->nnames; i++)
		if (slice_eq(in->names[i], keys[1]))
			return false;
	return true;
}

/*
 * A field no column holds: a table's second field, spread over its
 * columns, and its weights, its cells and totals.
 */
static size_t
add_absent_ref(struct count *c, const struct tsvin *in, const char *name)
{
	struct count_ref *r = &c->refs[c->nrefs];

	r->col = HASH_NONE;
	set_layer(c, r, in->scheme, in->scheme == NULL ? -1 :
	    scheme_layer(in->scheme, (struct slice){ name, strlen(name) }));
	return c->nrefs++;
}

/* A table's lines are values of the field its first column names. */
static void
add_table_refs(struct count *c, const struct tsvin *in, char **keys)
{
	char q[MSG_QUOTE_BUFSIZE], q2[MSG_QUOTE_BUFSIZE];
	char name[MSG_NAME_BUFSIZE];

	if (!slice_eq(in->names[0], keys[0]))
		errx(2, "%s: a table of %s, not of %s",
		    msg_name(in->header_file, name),
		    msg_quote(in->names[0], q), msg_quote((struct slice){
		    keys[0], strlen(keys[0]) }, q2));
	c->refs[0].col = 0;
	set_layer(c, &c->refs[0], in->scheme, tsvin_layer(in, 0));
	c->nrefs = 1;
	add_absent_ref(c, in, keys[1]);
}

/*
 * Whether the header is that of rcount's own output for these keys and
 * weight: the keys, the weight, then percent and bar if any.  Its values
 * are then each one key (is_key), never a list.
 */
static bool
is_output(const struct tsvin *in, char **keys, size_t nkeys,
    const char *weight)
{
	size_t i, n = in->nnames;

	if (!in->have_header || n < nkeys + 1)
		return false;
	for (i = 0; i < nkeys; i++)
		if (!slice_eq(in->names[i], keys[i]))
			return false;
	if (!slice_eq(in->names[i++], weight))
		return false;
	if (i < n && slice_eq(in->names[i], "percent"))
		i++;
	if (i < n && slice_eq(in->names[i], "bar"))
		i++;
	return i == n;
}

void
count_init(struct count *c, const struct count_opts *o, struct tsvin *in,
    char **keys, size_t nkeys, const char *distinct, const char *weight)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->opts = *o;
	c->in = in;
	c->refs = xreallocarray(NULL, nkeys + 2, sizeof(*c->refs));
	c->tables = is_table(o, in, keys, weight);
	if (c->tables)
		add_table_refs(c, in, keys);
	else
		for (i = 0; i < nkeys; i++)
			add_ref(c, in, keys[i]);
	for (i = 0; i < nkeys; i++)
		c->items |= c->refs[i].items;
	c->nkeys = nkeys;
	c->dist = distinct ? add_ref(c, in, distinct) : HASH_NONE;
	c->weight = weight ? (c->tables ? add_absent_ref(c, in, weight) :
	    add_ref(c, in, weight)) : HASH_NONE;
	c->merging = !c->tables && weight != NULL &&
	    is_output(in, keys, nkeys, weight);
	c->vals = xcalloc(c->nrefs, sizeof(*c->vals));
	c->idx = xcalloc(nkeys, sizeof(*c->idx));
	tally_init(&c->keys, distinct != NULL);
	tally_init(&c->all, distinct != NULL);
	if (o->crosstab)
		c->cross = xcalloc(COUNT_CROSS_DENSE * COUNT_CROSS_DENSE,
		    sizeof(*c->cross));
	for (i = 0; i < 2; i++)
		tally_init(&c->side[i], distinct != NULL);
	hash_init(&c->dvals);
}

void
count_free(struct count *c)
{
	size_t i;

	for (i = 0; i < c->nrefs; i++)
		free(c->vals[i].v);
	free(c->vals);
	free(c->idx);
	free(c->refs);
	free(c->cross);
	free(c->key.p);
	free(c->dfield.p);
	free(c->dids.id);
	hash_free(&c->dvals);
	tally_free(&c->keys);
	tally_free(&c->all);
	for (i = 0; i < 2; i++)
		tally_free(&c->side[i]);
}

static void
vals_add(struct count_vals *v, struct slice s)
{
	/* Once a row at least: the call only when it must grow. */
	if (v->n == v->cap)
		v->v = xgrowarray(v->v, &v->cap, v->n + 1, sizeof(*v->v));
	v->v[v->n++] = s;
}

/*
 * The values field value s gives ref r: its items (codes, unless -k or
 * the layer holds one code), or s.
 */
static size_t
collect(struct count *c, size_t r, struct slice s)
{
	struct count_vals *v = &c->vals[r];
	const char *p, *q, *end;
	struct slice item;

	v->n = 0;
	if (!c->refs[r].items) {
		vals_add(v, s);
		return 1;
	}
	/*
	 * An item without a code ("-NEG") is skipped like an empty one,
	 * with -k too: it names nothing to count, and an empty key could
	 * not be read back as an item by -w.
	 */
	if (c->refs[r].polarity) {
		while (items_next(&s, &item))
			if (items_code(item).n > 0)
				vals_add(v, item);
		return v->n;
	}
	/* items_next and items_code in one pass: the code ends at '-'. */
	for (p = s.p, end = s.p + s.n; p < end; p = q + 1) {
		for (q = p; q < end && *q != '-' && *q != ','; q++)
			;
		if (q > p)
			vals_add(v, (struct slice){ p, (size_t)(q - p) });
		while (q < end && *q != ',')
			q++;
	}
	return v->n;
}

/*
 * A weight (what says which: "weight", or a table's "cell"): a
 * non-negative decimal integer that fits in 64 bits.
 */
uint64_t
count_weight(struct slice s, const char *what, const struct tsvin *in)
{
	char q[MSG_QUOTE_BUFSIZE];
	uint64_t w = 0;
	unsigned d;
	size_t i;

	if (s.n == 0)
		msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "%s '' is "
		    "not a non-negative integer", what);
	for (i = 0; i < s.n; i++) {
		if ((d = (unsigned)(s.p[i] - '0')) > 9)
			msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "%s %s "
			    "is not a non-negative integer", what,
			    msg_quote(s, q));
		if (w > (UINT64_MAX - d) / 10)
			msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "%s %s "
			    "is too large", what, msg_quote(s, q));
		w = w * 10 + d;
	}
	return w;
}

static uint64_t
weight_of(struct slice s, const struct tsvin *in)
{
	return count_weight(s, "weight", in);
}

/* Steps idx to the next combination of values, like an odometer. */
static bool
next_combo(size_t *idx, const struct count_vals *v, size_t n)
{
	while (n-- > 0) {
		if (++idx[n] < v[n].n)
			return true;
		idx[n] = 0;
	}
	return false;
}

/* Joins the values of the combination with TABs, as they will print. */
static struct slice
combo_key(struct count *c)
{
	struct slice k;
	size_t i;

	if (c->nkeys == 1)
		return c->vals[0].v[c->idx[0]];
	c->key.len = 0;
	for (i = 0; i < c->nkeys; i++) {
		if (i > 0)
			buf_addc(&c->key, '\t');
		k = c->vals[i].v[c->idx[i]];
		buf_add(&c->key, k.p, k.n);
	}
	k.p = c->key.p;
	k.n = c->key.len;
	return k;
}

/* Byte order of two values, for vals_unique. */
static int
val_cmp(const void *a, const void *b)
{
	const struct slice *x = a, *y = b;
	int r = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);

	return r != 0 ? r : (x->n > y->n) - (x->n < y->n);
}

/* Sorts v's values and drops the repeats. */
static void
vals_unique(struct count_vals *v)
{
	size_t i, k;

	if (v->n < 2)
		return;
	qsort(v->v, v->n, sizeof(*v->v), val_cmp);
	for (i = k = 1; i < v->n; i++)
		if (val_cmp(&v->v[i], &v->v[k - 1]) != 0)
			v->v[k++] = v->v[i];
	v->n = k;
}

/* The combinations c->vals make, or SIZE_MAX past COUNT_ROW_MAX. */
static size_t
combos(const struct count *c)
{
	size_t i, p = 1;

	for (i = 0; i < c->nrefs; i++) {
		if (i == c->weight)
			continue;
		if (c->vals[i].n > COUNT_ROW_MAX / p)
			return SIZE_MAX;
		p *= c->vals[i].n;
	}
	return p;
}

/*
 * A field named twice is legal (aspect,aspect is a co-occurrence table),
 * so the keys a row adds are a product: bound it before adding any.
 * What is bounded is the distinct keys (with -d, pairs of key and
 * value): a row that repeats one item 100001 times adds one key.  Only
 * a row past the bound pays for sorting out its repeats.
 */
static void
check_product(struct count *c, const char *file, unsigned long line)
{
	char q[MSG_QUOTE_BUFSIZE];
	size_t i;

	if (combos(c) <= COUNT_ROW_MAX)
		return;
	for (i = 0; i < c->nrefs; i++)
		if (i != c->weight)
			vals_unique(&c->vals[i]);
	if (combos(c) <= COUNT_ROW_MAX)
		return;
	if (c->nkeys > 1 || c->dist != HASH_NONE)
		msg_die_at(1, file, line, "the row's values make more than %d "
		    "distinct %s, the most one row may add", COUNT_ROW_MAX,
		    c->dist != HASH_NONE ? "pairs of key and value" :
		    "combinations");
	/* One field with items is a label field, so the header names it. */
	msg_die_at(1, file, line, "the row holds more than %d distinct keys "
	    "of %s, the most one row may add", COUNT_ROW_MAX,
	    msg_clip(c->in->names[c->refs[0].col], q));
}

/* n + w, or UINT64_MAX and an error to come if -p or -t use it. */
static uint64_t
add_rows(struct count *c, uint64_t n, uint64_t w)
{
	if (n > UINT64_MAX - w) {
		c->rows_over = true;
		return UINT64_MAX;
	}
	return n + w;
}

/*
 * -x: the key of the pair of the side values whose ids are a and b, from
 * a dense table while both ids are small (the codes of two layers), else
 * by the key's bytes.
 */
static size_t
cross_id(struct count *c, size_t a, size_t b, bool *isnew)
{
	uint32_t *slot = a < COUNT_CROSS_DENSE && b < COUNT_CROSS_DENSE ?
	    &c->cross[a * COUNT_CROSS_DENSE + b] : NULL;
	size_t id;

	if (slot != NULL && *slot != 0) {
		*isnew = false;
		return *slot - 1;
	}
	id = tally_id(&c->keys, combo_key(c), isnew);
	if (slot != NULL)
		*slot = (uint32_t)id + 1;
	return id;
}

/*
 * -d: the ids of the values of the row's -d field, in c->dids.  Rows
 * come by review, so the field is mostly the last row's, and its ids
 * are known without a lookup.
 */
static const struct count_ids *
distinct_ids(struct count *c)
{
	const struct count_vals *v = &c->vals[c->dist];
	struct slice f = c->f[c->refs[c->dist].col];
	bool isnew;
	size_t i;

	if (c->dfield_ok && f.n == c->dfield.len &&
	    (f.n == 0 || memcmp(f.p, c->dfield.p, f.n) == 0))
		return &c->dids;
	c->dids.n = 0;
	for (i = 0; i < v->n; i++) {
		if (c->dids.n == c->dids.cap)
			c->dids.id = xgrowarray(c->dids.id, &c->dids.cap,
			    c->dids.n + 1, sizeof(*c->dids.id));
		c->dids.id[c->dids.n++] = (uint32_t)hash_intern(&c->dvals,
		    v->v[i].p, v->v[i].n, &isnew);
	}
	c->dfield.len = 0;
	buf_add(&c->dfield, f.p, f.n);
	c->dfield_ok = true;
	return &c->dids;
}

/* Adds a row whose values are in c->vals: every combination, w each. */
static void
add_row(struct count *c, uint64_t w, const char *file, unsigned long line)
{
	const struct count_ids *d = c->dist != HASH_NONE ?
	    distinct_ids(c) : NULL;
	size_t i, a, b, id;
	bool isnew;

	check_product(c, file, line);
	c->row++;
	if (d != NULL)
		tally_add(&c->all, no_key, c->row, w, d);
	else
		c->part = add_rows(c, c->part, w);
	/* One key field: its values are the keys, with no combination. */
	if (c->nkeys == 1 && !c->opts.crosstab) {
		for (i = 0; i < c->vals[0].n; i++)
			if (!tally_add(&c->keys, c->vals[0].v[i], c->row, w, d))
				msg_die_at(1, file, line, "count overflows");
		return;
	}
	memset(c->idx, 0, c->nkeys * sizeof(*c->idx));
	do {
		if (c->opts.crosstab) {
			a = tally_id(&c->side[0], c->vals[0].v[c->idx[0]], &isnew);
			tally_count(&c->side[0], a, isnew, c->row, w, d);
			b = tally_id(&c->side[1], c->vals[1].v[c->idx[1]], &isnew);
			tally_count(&c->side[1], b, isnew, c->row, w, d);
			id = cross_id(c, a, b, &isnew);
		} else
			id = tally_id(&c->keys, combo_key(c), &isnew);
		if (!tally_count(&c->keys, id, isnew, c->row, w, d))
			msg_die_at(1, file, line, "count overflows");
	} while (next_combo(c->idx, c->vals, c->nkeys));
}

/*
 * rcount -t writes its total row last: key "total", the other key fields
 * empty.  Merging with -w and -p or -t, such a row is its input's total,
 * and must end it (next_input).
 */
static bool
maybe_total(const struct count *c)
{
	size_t i;

	if (c->weight == HASH_NONE || !(c->opts.percent || c->opts.total) ||
	    !slice_eq(c->f[c->refs[0].col], "total"))
		return false;
	for (i = 1; i < c->nkeys; i++)
		if (c->f[c->refs[i].col].n > 0)
			return false;
	return true;
}

/*
 * With -w an input's rows counted are known at its end: its total row's
 * weight when it ends with one, else the weights of the rows counted.
 * Those are the rows counted only when each row added one key: with a
 * label field, a row of several items adds to several, so -p and -t need
 * the total row.
 */
static void
end_input(struct count *c)
{
	if (c->weight != HASH_NONE && c->input != 0 && !c->held && c->items &&
	    (c->opts.percent || c->opts.total))
		msg_die_at(1, c->last_file, c->last_line, "the input ends "
		    "without a total row: counts by item do not add up to the "
		    "rows counted, which -p and -t need; write the parts with "
		    "rcount -t");
	c->rows = add_rows(c, c->rows, c->held ? c->held_w : c->part);
	c->held = false;
	c->part = 0;
}

/*
 * -w: a row of another input than the last row's ends that input.  A
 * total row that a row of its own input follows is refused: parts run
 * together into one stream would make every total but the last a key
 * "total", and a true key "total" (rcount -t writes it before its
 * total row) cannot be told from such a one.
 */
static void
next_input(struct count *c, const struct tsvin *in)
{
	if (c->held && in->next == c->held_input)
		msg_die_at(1, c->held_file, c->held_line, "a total row before "
		    "the end of its input: with -p or -t, each part must be an "
		    "input of its own, its total row last");
	if (in->next != c->input) {
		if (c->input != 0)
			end_input(c);
		c->input = in->next;
	}
	c->last_file = tsvin_file(in);
	c->last_line = tsvin_lineno(in);
}

/*
 * -w over rcount's own output: the value of key field r must be a key of
 * this count.  Counts written with -k and merged without it are not: a
 * row with EMP-NEG,EMP-POS counted once for each but once for EMP.
 */
static void
merged_key(struct count *c, size_t r, const struct tsvin *in)
{
	char q[MSG_QUOTE_BUFSIZE], nm[MSG_QUOTE_BUFSIZE];
	struct slice s = c->f[c->refs[r].col];

	if (!c->refs[r].items ||
	    (c->vals[r].n == 1 && c->vals[r].v[0].n == s.n))
		return;
	msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "%s %s is no key of "
	    "this count (counts written with -k merge with -k)",
	    msg_clip(in->names[c->refs[r].col], nm), msg_quote(s, q));
}

void
count_line(struct count *c, const struct tsvin *in, struct slice row)
{
	uint64_t w = 1;
	size_t i;

	(void)row;	/* tsvin_next found its fields on the way */
	c->f = tsvin_fields(in);
	if (c->weight != HASH_NONE)
		next_input(c, in);
	if (maybe_total(c)) {
		c->held = true;
		c->held_w = weight_of(c->f[c->refs[c->weight].col], in);
		c->held_input = in->next;
		c->held_file = tsvin_file(in);
		c->held_line = tsvin_lineno(in);
		return;
	}
	for (i = 0; i < c->nrefs; i++) {
		if (i == c->weight)
			continue;
		if (collect(c, i, c->f[c->refs[i].col]) == 0)
			return;		/* an empty list adds nothing */
		if (c->merging)
			merged_key(c, i, in);
	}
	if (c->weight != HASH_NONE)
		w = weight_of(c->f[c->refs[c->weight].col], in);
	add_row(c, w, tsvin_file(in), tsvin_lineno(in));
}

/* The end of the inputs: a row still held was the last input's total. */
void
count_end(struct count *c)
{
	end_input(c);
}

/* Counts every row of the inputs, or with -x -w total adds every table. */
void
count_read(struct count *c, struct tsvin *in)
{
	struct slice row;

	if (c->tables) {
		tablein_read(c, in);
		return;
	}
	while (tsvin_next(in, &row))
		count_line(c, in, row);
	count_end(c);
}

/*
 * Why the options cannot count these fields exactly, or NULL.  -x -w
 * over counts of pairs: the totals of lines and columns, which -t
 * writes, -p divides by and the default order sorts by, count a row
 * once though it adds to several of their cells, so where a key field
 * is a label field the counts of pairs cannot give them.
 */
const char *
count_refusal(const struct count *c)
{
	const struct count_opts *o = &c->opts;

	if (o->crosstab && c->weight != HASH_NONE && !c->tables && c->items &&
	    (o->percent || o->total || o->sort == COUNT_BY_COUNT))
		return "-x -w cannot merge counts of pairs of label fields "
		    "unless by -s key without -t and -p: a row counts once in "
		    "the total of its line or column though it adds to several "
		    "of its cells; merge tables written by rcount -x -t, with "
		    "-w total";
	return NULL;
}

/*
 * Whether s, a value of key field r, is a key this count would make of
 * it: one item, a code unless -k.  A table written with -k and merged
 * without it is not: its lines' totals could not be added up.
 */
bool
count_is_key(struct count *c, size_t r, struct slice s)
{
	return collect(c, r, s) == 1 && c->vals[r].v[0].n == s.n;
}

/* Adds w to key in t, as a row of its own; false past UINT64_MAX. */
bool
count_add(struct count *c, struct tally *t, struct slice key, uint64_t w)
{
	return tally_add(t, key, ++c->row, w, NULL);
}

/* Adds w to the rows counted. */
void
count_add_rows(struct count *c, uint64_t w)
{
	c->rows = add_rows(c, c->rows, w);
}

/*
 * Byte order, field by field: where one key's field ends (a TAB) and the
 * other's goes on, the shorter field sorts first.
 */
static int
byte_cmp(struct slice a, struct slice b)
{
	size_t i, n = a.n < b.n ? a.n : b.n;
	unsigned char x, y;

	for (i = 0; i < n; i++) {
		x = (unsigned char)a.p[i];
		y = (unsigned char)b.p[i];
		if (x != y) {
			if (x == '\t' || y == '\t')
				return x == '\t' ? -1 : 1;
			return x < y ? -1 : 1;
		}
	}
	return a.n < b.n ? -1 : a.n > b.n;
}

static bool
is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* The run of digits at p[*i..n), leading zeros skipped: its start, length. */
static size_t
digits(const char *p, size_t n, size_t *i, size_t *len)
{
	size_t start;

	while (*i + 1 < n && p[*i] == '0' && is_digit(p[*i + 1]))
		(*i)++;
	start = *i;
	while (*i < n && is_digit(p[*i]))
		(*i)++;
	*len = *i - start;
	return start;
}

/*
 * -s key: like sort -V, a run of digits compares as the number it
 * writes (2 before 10), every other byte in byte order, field by field.
 * Keys equal so ("01" and "1") fall back to byte order.
 */
static int
natural_cmp(struct slice a, struct slice b)
{
	size_t i = 0, j = 0, sa, sb, la, lb;
	unsigned char x, y;
	int r;

	while (i < a.n && j < b.n) {
		if (is_digit(a.p[i]) && is_digit(b.p[j])) {
			sa = digits(a.p, a.n, &i, &la);
			sb = digits(b.p, b.n, &j, &lb);
			if (la != lb)
				return la < lb ? -1 : 1;
			if ((r = memcmp(a.p + sa, b.p + sb, la)) != 0)
				return r < 0 ? -1 : 1;
			continue;
		}
		x = (unsigned char)a.p[i++];
		y = (unsigned char)b.p[j++];
		if (x != y) {
			if (x == '\t' || y == '\t')
				return x == '\t' ? -1 : 1;
			return x < y ? -1 : 1;
		}
	}
	if (i < a.n || j < b.n)
		return i < a.n ? 1 : -1;
	return byte_cmp(a, b);
}

static int
by_key(const void *a, const void *b)
{
	return natural_cmp(((const struct count_result *)a)->key,
	    ((const struct count_result *)b)->key);
}

static int
by_count(const void *a, const void *b)
{
	const struct count_result *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return byte_cmp(x->key, y->key);
}

/* The keys of t with their counts, sorted; the caller frees them. */
struct count_result *
count_sorted(const struct tally *t, enum count_sort sort)
{
	size_t n = t->keys.nkeys, id;
	struct count_result *r;

	r = xreallocarray(NULL, n, sizeof(*r));
	for (id = 0; id < n; id++) {
		r[id].key = hash_key(&t->keys, id);
		r[id].n = t->cell[id].n;
	}
	/* Not qsort(r, 0, ...) when nothing counted: r may be any pointer. */
	if (n > 1)
		qsort(r, n, sizeof(*r), sort == COUNT_BY_KEY ? by_key :
		    by_count);
	return r;
}

/* n as a share of total in percent, one decimal, halves rounded up. */
void
count_put_percent(struct out *o, uint64_t n, uint64_t total)
{
	uint64_t tenths;

	if (total == 0)
		tenths = 0;
	else if (n <= UINT64_MAX / 2000)
		tenths = (n * 2000 / total + 1) / 2;
	else
		tenths = (uint64_t)((long double)n * 1000 / total + 0.5L);
	out_ulong(o, tenths / 10);
	out_char(o, '.');
	out_char(o, (char)('0' + tenths % 10));
}

/*
 * A bar in eighths of a column; any count above 0 shows at least one.
 * max 0 means no bar (the total row).
 */
static void
put_bar(struct out *o, uint64_t n, uint64_t max)
{
	const uint64_t scale = BAR_WIDTH * 8;
	uint64_t units, i;

	if (n == 0 || max == 0)
		return;
	if (n <= UINT64_MAX / (scale + 1))
		units = (n * scale + max / 2) / max;
	else
		units = (uint64_t)((long double)n * scale / max + 0.5L);
	if (units == 0)
		units = 1;
	for (i = 0; i < units / 8; i++)
		out_str(o, full_block);
	out_str(o, eighths[units % 8]);
}

void
count_put_name(struct out *o, const struct tsvin *in, size_t col)
{
	if (col < in->nnames)
		out_write(o, in->names[col].p, in->names[col].n);
	else
		out_ulong(o, col + 1);
}

static bool
names_key(const struct count *c, const struct tsvin *in, const char *name)
{
	char num[32];
	size_t i, col;

	for (i = 0; i < c->nkeys; i++) {
		col = c->refs[i].col;
		if (col < in->nnames) {
			if (slice_eq(in->names[col], name))
				return true;
		} else {
			snprintf(num, sizeof(num), "%zu", col + 1);
			if (strcmp(num, name) == 0)
				return true;
		}
	}
	return false;
}

/*
 * A column rcount adds: name, or when a key field has that name
 * ("rcount review | rcount count"), name2, name3..., the first no key
 * field has, so that every name of the header says one thing.
 */
static void
put_column(struct out *o, const struct count *c, const struct tsvin *in,
    const char *name)
{
	char alt[64];
	unsigned k;

	out_char(o, '\t');
	if (!names_key(c, in, name)) {
		out_str(o, name);
		return;
	}
	for (k = 2;; k++) {
		snprintf(alt, sizeof(alt), "%s%u", name, k);
		if (!names_key(c, in, alt))
			break;
	}
	out_str(o, alt);
}

static void
put_header(const struct count *c, struct out *o, const struct tsvin *in)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		if (i > 0)
			out_char(o, '\t');
		count_put_name(o, in, c->refs[i].col);
	}
	put_column(o, c, in, "count");
	if (c->opts.percent)
		put_column(o, c, in, "percent");
	if (c->opts.bar)
		put_column(o, c, in, "bar");
	out_char(o, '\n');
}

static void
put_line(const struct count *c, struct out *o, struct count_result r,
    uint64_t total, uint64_t max)
{
	out_write(o, r.key.p, r.key.n);
	out_char(o, '\t');
	out_ulong(o, r.n);
	if (c->opts.percent) {
		out_char(o, '\t');
		count_put_percent(o, r.n, total);
	}
	if (c->opts.bar) {
		out_char(o, '\t');
		put_bar(o, r.n, max);
	}
	out_char(o, '\n');
}

/*
 * The counts as a list: a line per key, then with -t the rows counted.
 * A key's count is at most the rows counted, since a row adds to a key
 * once, so percents are at most 100.
 */
void
count_write(const struct count *c, struct out *o, const struct tsvin *in)
{
	struct count_result *r, tot;
	uint64_t total = 0, max = 0;
	size_t i, n = c->keys.keys.nkeys;

	if (c->opts.percent || c->opts.total)
		total = count_rows(c);
	r = count_sorted(&c->keys, c->opts.sort);
	for (i = 0; i < n; i++)
		if (r[i].n > max)
			max = r[i].n;
	if (!c->opts.noheader)
		put_header(c, o, in);
	for (i = 0; i < n; i++)
		put_line(c, o, r[i], total, max);
	if (c->opts.total) {
		out_str(o, "total");
		for (i = 1; i < c->nkeys; i++)
			out_char(o, '\t');
		tot.key = no_key;
		tot.n = total;
		put_line(c, o, tot, total, 0);
	}
	free(r);
}
