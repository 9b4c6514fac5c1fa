#include <stdlib.h>
#include <string.h>

#include "items.h"
#include "units.h"
#include "xmalloc.h"

#define UNITS_MAX	UINT32_MAX	/* so that N^2 fits in 64 bits */
#define CATS_MAX	(UINT32_MAX - 1)	/* a value is category + 1 */

void
units_init(struct units *u, const struct unit_spec *spec, size_t nraters)
{
	size_t l;

	memset(u, 0, sizeof(*u));
	u->spec = spec;
	u->nraters = nraters;
	hash_init(&u->ids);
	hash_init(&u->raters);
	u->cats = xreallocarray(NULL, spec->nlayers, sizeof(*u->cats));
	for (l = 0; l < spec->nlayers; l++)
		hash_init(&u->cats[l]);
	u->col = xreallocarray(NULL, spec->nfields + spec->nlayers,
	    sizeof(*u->col));
}

void
units_free(struct units *u)
{
	size_t l;

	hash_free(&u->ids);
	hash_free(&u->raters);
	free(u->src);
	for (l = 0; l < u->spec->nlayers; l++)
		hash_free(&u->cats[l]);
	free(u->cats);
	free(u->line);
	free(u->val);
	free(u->given);
	free(u->col);
	free(u->f);
	free(u->items);
	free(u->key.p);
	free(u->set.p);
}

/*
 * A field reference as SPEC 2.1 has it, a header name or a 1-based
 * number (beyond the header's fields only with -N); -1 when neither.
 * Layers go by name only: a number is no layer.
 */
static long
find_field(const struct tsvin *in, const char *ref, bool numbers)
{
	size_t i, n = 0, max = in->noheader ? 1000000 : in->nnames;

	for (i = 0; i < in->nnames; i++)
		if (slice_eq(in->names[i], ref))
			return (long)i;
	if (!numbers || *ref == '\0')
		return -1;
	for (i = 0; ref[i] != '\0'; i++) {
		if (ref[i] < '0' || ref[i] > '9' || n > max)
			return -1;
		n = n * 10 + (size_t)(ref[i] - '0');
	}
	return n >= 1 && n <= max ? (long)n - 1 : -1;
}

static enum units_fault_kind
bind(struct units *u, const struct tsvin *in, struct units_fault *e)
{
	const struct unit_spec *s = u->spec;
	size_t i, n = s->nfields + s->nlayers;
	const char *ref;
	long col;

	u->need = 0;
	for (i = 0; i < n; i++) {
		ref = i < s->nfields ? s->fields[i] :
		    s->scheme->layers[s->layers[i - s->nfields]].name;
		if ((col = find_field(in, ref, i < s->nfields)) < 0) {
			e->ref = ref;
			return e->kind = i < s->nfields ? UNITS_NO_FIELD :
			    UNITS_NO_LAYER;
		}
		u->col[i] = (size_t)col;
		if ((size_t)col + 1 > u->need)
			u->need = (size_t)col + 1;
	}
	u->f = xreallocarray(u->f, u->need, sizeof(*u->f));
	return UNITS_OK;
}

/* Grows the arrays by unit to hold unit id. */
static void
grow(struct units *u, size_t id)
{
	size_t cap = u->cap ? u->cap : 256, r = u->nraters;
	size_t nl = u->spec->nlayers;

	while (cap <= id)
		cap *= 2;
	u->line = xreallocarray(u->line, cap * r, sizeof(*u->line));
	u->val = xreallocarray(u->val, cap * r * (nl ? nl : 1),
	    sizeof(*u->val));
	u->given = xreallocarray(u->given, cap, sizeof(*u->given));
	memset(u->line + u->cap * r, 0, (cap - u->cap) * r * sizeof(*u->line));
	memset(u->val + u->cap * r * nl, 0,
	    (cap - u->cap) * r * nl * sizeof(*u->val));
	memset(u->given + u->cap, 0, (cap - u->cap) * sizeof(*u->given));
	if (u->byfield) {
		u->src = xreallocarray(u->src, cap * r, sizeof(*u->src));
		memset(u->src + u->cap * r, 0,
		    (cap - u->cap) * r * sizeof(*u->src));
	}
	u->cap = cap;
}

/*
 * -r: room for nr raters per unit, nr above today's.  The arrays are laid
 * out anew; doubling nr each time keeps the copies linear in the end.
 */
static void
widen(struct units *u, size_t nr)
{
	size_t nl = u->spec->nlayers, old = u->nraters, id, r, at;
	unsigned long *line = xcalloc(u->cap * nr + 1, sizeof(*line));
	uint32_t *val = xcalloc(u->cap * nr * nl + 1, sizeof(*val));
	uint32_t *src = xcalloc(u->cap * nr + 1, sizeof(*src));

	for (id = 0; id < u->cap; id++)
		for (r = 0; r < old; r++) {
			at = id * old + r;
			line[id * nr + r] = u->line[at];
			src[id * nr + r] = u->src[at];
			memcpy(val + (id * nr + r) * nl, u->val + at * nl,
			    nl * sizeof(*val));
		}
	free(u->line);
	free(u->val);
	free(u->src);
	u->line = line;
	u->val = val;
	u->src = src;
	u->nraters = nr;
}

static int
slice_cmp(const void *x, const void *y)
{
	const struct slice *a = x, *b = y;
	size_t n = a->n < b->n ? a->n : b->n;
	int c = n > 0 ? memcmp(a->p, b->p, n) : 0;

	return c != 0 ? c : (a->n > b->n) - (a->n < b->n);
}

/*
 * The canonical form of a label field's set: its items (codes unless
 * -k or in a layer of one code, scheme_keys_polarity; an item without a
 * code, "-NEG", counts as none, as in rcount), sorted, each once, joined
 * by commas.
 */
static struct slice
canonical(struct units *u, struct slice field, bool polarity)
{
	struct slice item, s;
	size_t n = 0, i;

	while (items_next(&field, &item)) {
		if (!polarity)
			item = items_code(item);
		if (item.n == 0)
			continue;
		if (n == u->itemcap) {
			u->itemcap = u->itemcap ? u->itemcap * 2 : 16;
			u->items = xreallocarray(u->items, u->itemcap,
			    sizeof(*u->items));
		}
		u->items[n++] = item;
	}
	if (n > 1)
		qsort(u->items, n, sizeof(*u->items), slice_cmp);
	u->set.len = 0;
	for (i = 0; i < n; i++) {
		if (i > 0 && slice_cmp(&u->items[i - 1], &u->items[i]) == 0)
			continue;
		if (u->set.len > 0)
			buf_addc(&u->set, ',');
		buf_add(&u->set, u->items[i].p, u->items[i].n);
	}
	s.p = u->set.len > 0 ? u->set.p : "";
	s.n = u->set.len;
	return s;
}

/* The unit's key: the values of the unit fields joined by TAB. */
static struct slice
unit_key(struct units *u)
{
	struct slice k;
	size_t i;

	u->key.len = 0;
	for (i = 0; i < u->spec->nfields; i++) {
		if (i > 0)
			buf_addc(&u->key, '\t');
		buf_add(&u->key, u->f[u->col[i]].p, u->f[u->col[i]].n);
	}
	k.p = u->key.len > 0 ? u->key.p : "";
	k.n = u->key.len;
	return k;
}

static enum units_fault_kind
add_row(struct units *u, const struct tsvin *in, size_t r,
    struct units_fault *e)
{
	const struct unit_spec *s = u->spec;
	struct slice k = unit_key(u), set;
	size_t id, cat, l, at;
	bool isnew;

	if (u->ids.nkeys == UNITS_MAX && hash_find(&u->ids, k.p, k.n) ==
	    HASH_NONE)
		return e->kind = UNITS_TOO_MANY;
	id = hash_intern(&u->ids, k.p, k.n, &isnew);
	if (id >= u->cap)
		grow(u, id);
	at = id * u->nraters + r;
	if (u->line[at] != 0) {
		e->first = u->line[at];
		e->first_file = u->byfield ? in->paths[u->src[at]] : e->file;
		e->unit = hash_key(&u->ids, id);
		return e->kind = UNITS_TWICE;
	}
	u->line[at] = tsvin_lineno(in);
	if (u->byfield)
		u->src[at] = (uint32_t)(in->next - 1);
	u->given[id]++;
	for (l = 0; l < s->nlayers; l++) {
		set = canonical(u, u->f[u->col[s->nfields + l]], s->polarity ||
		    scheme_keys_polarity(s->scheme, s->layers[l]));
		if (u->cats[l].nkeys == CATS_MAX &&
		    hash_find(&u->cats[l], set.p, set.n) == HASH_NONE)
			return e->kind = UNITS_TOO_MANY;
		cat = hash_intern(&u->cats[l], set.p, set.n, &isnew);
		u->val[at * s->nlayers + l] = (uint32_t)cat + 1;
	}
	return UNITS_OK;
}

/* Starts reading in, whose header has been read: binds the fields. */
static enum units_fault_kind
start(struct units *u, const struct tsvin *in, struct units_fault *e)
{
	memset(e, 0, sizeof(*e));
	e->file = in->paths[0];
	return bind(u, in, e);
}

/*
 * The next row of in, split into u->f; false at the end, or at a row
 * short of a field (UNITS_SHORT_ROW in *e).
 */
static bool
next_row(struct units *u, struct tsvin *in, struct units_fault *e)
{
	struct slice row;

	if (!tsvin_next(in, &row))
		return false;
	e->file = tsvin_file(in);
	e->line = tsvin_lineno(in);
	if (tsv_split(row, u->f, u->need) < u->need) {
		e->field = u->need;
		e->kind = UNITS_SHORT_ROW;
		return false;
	}
	return true;
}

/*
 * Reads rater r's rows from in, whose header has been read.  Returns
 * UNITS_OK, or a fault described in *e (e->file, e->line and what the
 * kind needs).  Read errors are left in in->status.
 */
enum units_fault_kind
units_read(struct units *u, struct tsvin *in, size_t r,
    struct units_fault *e)
{
	if (start(u, in, e) != UNITS_OK)
		return e->kind;
	while (next_row(u, in, e))
		if (add_row(u, in, r, e) != UNITS_OK)
			return e->kind;
	return e->kind;
}

/*
 * -r: reads the rows of every input of in, whose header has been read,
 * each rater's being the value of field; raters are numbered in order of
 * first appearance.  As units_read, but that a row whose rater field is
 * empty is UNITS_NO_RATER.
 */
enum units_fault_kind
units_read_raters(struct units *u, struct tsvin *in, const char *field,
    struct units_fault *e)
{
	struct slice name;
	size_t r, n;
	long col;
	bool isnew;
	bool *keep;

	u->byfield = true;
	if (start(u, in, e) != UNITS_OK)
		return e->kind;
	if ((col = find_field(in, field, true)) < 0) {
		e->ref = field;
		return e->kind = UNITS_NO_FIELD;
	}
	u->rcol = (size_t)col;
	if (u->rcol + 1 > u->need) {
		u->need = u->rcol + 1;
		u->f = xreallocarray(u->f, u->need, sizeof(*u->f));
	}
	while (next_row(u, in, e)) {
		if ((name = u->f[u->rcol]).n == 0) {
			e->ref = field;
			return e->kind = UNITS_NO_RATER;
		}
		r = hash_intern(&u->raters, name.p, name.n, &isnew);
		if (r >= u->nraters)
			widen(u, 2 * u->nraters > r ? 2 * u->nraters : r + 1);
		if (add_row(u, in, r, e) != UNITS_OK) {
			e->rater = hash_key(&u->raters, r);
			return e->kind;
		}
	}
	if (e->kind != UNITS_OK)
		return e->kind;
	/* The room made ahead goes: the raters are those seen. */
	if ((n = u->raters.nkeys) < u->nraters) {
		keep = xcalloc(u->nraters, sizeof(*keep));
		for (r = 0; r < n; r++)
			keep[r] = true;
		units_drop(u, keep);
		free(keep);
	}
	return UNITS_OK;
}

/* -r: the name of rater r. */
struct slice
units_rater(const struct units *u, size_t r)
{
	return hash_key(&u->raters, r);
}

/*
 * Where a value of layer l that cats marks first occurs, in the order the
 * inputs were read: the category, and the rater, line and input (with
 * -r; else the rater's file) of the first unit that has it.  False when
 * none does.
 */
bool
units_first(const struct units *u, size_t l, const bool *cats,
    struct units_place *p)
{
	size_t nl = u->spec->nlayers, nr = u->nraters, id, r, at, s;
	bool found = false;
	uint32_t v;

	for (id = 0; id < u->ids.nkeys; id++)
		for (r = 0; r < nr; r++) {
			at = id * nr + r;
			if ((v = u->val[at * nl + l]) == 0 || !cats[v - 1])
				continue;
			s = u->src != NULL ? u->src[at] : r;
			if (!found || s < p->src ||
			    (s == p->src && u->line[at] < p->line)) {
				p->cat = v - 1;
				p->rater = r;
				p->src = s;
				p->line = u->line[at];
				found = true;
			}
		}
	return found;
}

/* Keeps only the raters keep says, in order (an unreadable file's). */
void
units_drop(struct units *u, const bool *keep)
{
	size_t id, r, k, nl = u->spec->nlayers, nr = 0, n = u->ids.nkeys;

	for (r = 0; r < u->nraters; r++)
		nr += keep[r];
	for (id = 0; id < n; id++) {
		u->given[id] = 0;
		for (r = 0, k = 0; r < u->nraters; r++) {
			if (!keep[r])
				continue;
			u->line[id * nr + k] = u->line[id * u->nraters + r];
			if (u->src != NULL)
				u->src[id * nr + k] = u->src[id * u->nraters + r];
			memmove(u->val + (id * nr + k) * nl,
			    u->val + (id * u->nraters + r) * nl,
			    nl * sizeof(*u->val));
			u->given[id] += u->line[id * nr + k] != 0;
			k++;
		}
	}
	u->nraters = nr;
}

/* The units that two raters or more gave. */
size_t
units_shared(const struct units *u)
{
	size_t id, n = 0;

	for (id = 0; id < u->ids.nkeys; id++)
		n += u->given[id] >= 2;
	return n;
}

struct slice
units_category(const struct units *u, size_t l, uint32_t cat)
{
	return hash_key(&u->cats[l], cat);
}

/* qsort has no context: categories sort as slices carrying their id. */
struct sortcat {
	struct slice	s;
	uint32_t	id;
};

static int
sortcat_cmp(const void *x, const void *y)
{
	return slice_cmp(&((const struct sortcat *)x)->s,
	    &((const struct sortcat *)y)->s);
}

size_t
units_sorted(const struct units *u, size_t l, uint32_t **order,
    uint32_t **rank)
{
	size_t n = u->cats[l].nkeys, i;
	struct sortcat *sc = xreallocarray(NULL, n, sizeof(*sc));

	for (i = 0; i < n; i++) {
		sc[i].s = hash_key(&u->cats[l], i);
		sc[i].id = (uint32_t)i;
	}
	qsort(sc, n, sizeof(*sc), sortcat_cmp);
	*order = xreallocarray(NULL, n, sizeof(**order));
	*rank = xreallocarray(NULL, n, sizeof(**rank));
	for (i = 0; i < n; i++) {
		(*order)[i] = sc[i].id;
		(*rank)[sc[i].id] = (uint32_t)i;
	}
	free(sc);
	return n;
}

/* A key and a category whose set holds it, to be sorted by key. */
struct keycat {
	struct slice	key;
	uint32_t	cat;
};

static int
keycat_cmp(const void *x, const void *y)
{
	const struct keycat *a = x, *b = y;
	int c = slice_cmp(&a->key, &b->key);

	return c != 0 ? c : (a->cat > b->cat) - (a->cat < b->cat);
}

void
units_keys(const struct units *u, size_t l, struct unit_keys *k)
{
	struct keycat *kc = NULL;
	struct slice set, item;
	size_t n = 0, cap = 0, cat, i;
	bool isnew;

	memset(k, 0, sizeof(*k));
	hash_init(&k->h);
	for (cat = 0; cat < u->cats[l].nkeys; cat++) {
		set = hash_key(&u->cats[l], cat);
		/* A canonical set's items are distinct and never empty. */
		while (items_next(&set, &item)) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				kc = xreallocarray(kc, cap, sizeof(*kc));
			}
			hash_intern(&k->h, item.p, item.n, &isnew);
			kc[n].key = item;
			kc[n++].cat = (uint32_t)cat;
		}
	}
	/* kc is still NULL when no set holds an item: qsort may not see it. */
	if (n > 1)
		qsort(kc, n, sizeof(*kc), keycat_cmp);
	k->order = xreallocarray(NULL, k->h.nkeys, sizeof(*k->order));
	k->start = xreallocarray(NULL, k->h.nkeys + 1, sizeof(*k->start));
	k->cats = xreallocarray(NULL, n, sizeof(*k->cats));
	for (i = 0; i < n; i++) {
		if (i == 0 || slice_cmp(&kc[i - 1].key, &kc[i].key) != 0) {
			k->order[k->n] = (uint32_t)hash_find(&k->h,
			    kc[i].key.p, kc[i].key.n);
			k->start[k->n++] = i;
		}
		k->cats[i] = kc[i].cat;
	}
	k->start[k->n] = n;
	free(kc);
}

void
units_keys_free(struct unit_keys *k)
{
	hash_free(&k->h);
	free(k->order);
	free(k->start);
	free(k->cats);
}
