/*
 * rcount: counts the rows of review TSV by the values of fields.  One
 * pass puts each row's keys in a hash table (lib/hash.c) whose dense ids
 * index the counts; the output is sorted at the end, so it never depends
 * on hash order.  Memory grows with the number of distinct keys only.
 */
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fields.h"
#include "hash.h"
#include "items.h"
#include "scheme.h"
#include "out.h"
#include "rk.h"
#include "tsv.h"
#include "xmalloc.h"

static const char usage_text[] =
"usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS\n"
"              [FILE...]\n";

static const char help_text[] =
"usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS\n"
"              [FILE...]\n"
"Count the rows of review TSV by the values of FIELDS, a comma-separated\n"
"list (aspect or aspect,severity).  Output: the fields, then count,\n"
"by count descending, ties by key in byte order.\n"
"\n"
"Label fields (the layers of the scheme; section, aspect, function and\n"
"severity by default) count per item, by\n"
"code without polarity; several label fields count every combination; a\n"
"row counts at most once for a key and an empty list adds nothing.\n"
"\n"
"  -k, --keep-polarity  keys keep the polarity: EMP-NEG, not EMP\n"
"  -p, --percent        add percent, the share of the total\n"
"  -t, --total          add a total row (and column with -x)\n"
"  -x, --crosstab       two fields as a table: a row per value of the\n"
"                       first, a column per value of the second\n"
"  -b, --bar            add a bar scaled to the largest count\n"
"  -d, --distinct F     count distinct values of F per key, not rows\n"
"  -w, --weight F       add F's integer value instead of 1\n"
"  -s, --sort count|key sort by count (default) or by key\n"
"  -N, --no-header      the input has no header; write none\n"
"      --scheme S       the scheme whose layers are the label fields: pra\n"
"                       (default), argu, or a file; $REVIEWKIT_SCHEME\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"F is a header name or a 1-based number.  With no FILE, or when FILE is\n"
"-, read standard input.\n";

enum { OPT_SCHEME = 256 };

static const struct option longopts[] = {
	{ "keep-polarity", no_argument,		NULL, 'k' },
	{ "percent",	   no_argument,		NULL, 'p' },
	{ "total",	   no_argument,		NULL, 't' },
	{ "crosstab",	   no_argument,		NULL, 'x' },
	{ "bar",	   no_argument,		NULL, 'b' },
	{ "distinct",	   required_argument,	NULL, 'd' },
	{ "weight",	   required_argument,	NULL, 'w' },
	{ "sort",	   required_argument,	NULL, 's' },
	{ "no-header",	   no_argument,		NULL, 'N' },
	{ "scheme",	   required_argument,	NULL, OPT_SCHEME },
	{ "help",	   no_argument,		NULL, 'h' },
	{ "version",	   no_argument,		NULL, 'V' },
	{ NULL,		   0,			NULL, 0 },
};

/* A counted key and its count; what the output is sorted as. */
struct result {
	struct slice	key;
	uint64_t	n;
};

static int	by_count(const void *, const void *);
static int	by_key(const void *, const void *);

static const struct sort {
	const char	*name;
	int		(*cmp)(const void *, const void *);
} sorts[] = {
	{ "count",	by_count },
	{ "key",	by_key },
};

struct opts {
	bool			 polarity;	/* -k */
	bool			 percent;	/* -p */
	bool			 total;		/* -t */
	bool			 crosstab;	/* -x */
	bool			 bar;		/* -b */
	bool			 noheader;	/* -N */
	const char		*distinct;	/* -d */
	const char		*weight;	/* -w */
	const struct sort	*sort;		/* -s */
	const char		*scheme;	/* --scheme */
};

/* A field rows are read for: where it is, and whether it holds items. */
struct ref {
	size_t	col;
	bool	items;
};

/* The values a row gives one field: its items, or the whole field. */
struct vals {
	struct slice	*v;
	size_t		 n;
	size_t		 cap;
};

struct tally {
	uint64_t	n;
	uint64_t	stamp;		/* the last row that counted here */
};

struct counter {
	const struct opts *opts;
	struct ref	*refs;		/* the keys, then -d's, then -w's */
	size_t		 nrefs;
	size_t		 nkeys;
	size_t		 dist;		/* index in refs, or HASH_NONE */
	size_t		 weight;	/* index in refs, or HASH_NONE */
	size_t		 need;		/* fields a row must have */
	struct slice	*f;		/* the fields of the row */
	struct vals	*vals;		/* by ref */
	size_t		*idx;		/* the combination being counted */
	struct hash	 keys;
	struct tally	*t;		/* by key id */
	struct hash	 pairs;		/* -d: key id and value, seen */
	struct buf	 key;
	uint64_t	 row;
};

#define BAR_WIDTH	40	/* columns of the largest count's bar */

/* U+2588 FULL BLOCK, and U+258F to U+2589: one to seven eighths. */
static const char full_block[] = "\xe2\x96\x88";
static const char *const eighths[8] = {
	"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
	"\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89",
};

static void
usage(void)
{
	fputs(usage_text, stderr);
	exit(2);
}

static const struct sort *
find_sort(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(sorts) / sizeof(sorts[0]); i++)
		if (strcmp(name, sorts[i].name) == 0)
			return &sorts[i];
	errx(2, "-s takes count or key, not '%s'", name);
}

static void
parse_options(int argc, char *argv[], struct opts *o)
{
	int ch;

	while ((ch = getopt_long(argc, argv, "bd:hkNps:tVw:x", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'b': o->bar = true; break;
		case 'd': o->distinct = optarg; break;
		case 'k': o->polarity = true; break;
		case 'N': o->noheader = true; break;
		case 'p': o->percent = true; break;
		case 's': o->sort = find_sort(optarg); break;
		case 't': o->total = true; break;
		case 'w': o->weight = optarg; break;
		case 'x': o->crosstab = true; break;
		case OPT_SCHEME: o->scheme = optarg; break;
		case 'h': rk_help(help_text); break;
		case 'V': rk_version(); break;
		default: usage();
		}
	}
}

/* Splits FIELDS at its commas into names; an empty one is an error. */
static char **
split_fields(const char *arg, size_t *n)
{
	char *copy = xstrdup(arg), *p = copy, **names;
	size_t i;

	for (*n = 1; *p != '\0'; p++)
		*n += *p == ',';
	names = xreallocarray(NULL, *n, sizeof(*names));
	for (i = 0, p = copy; i < *n; i++) {
		names[i] = strsep(&p, ",");
		if (names[i][0] == '\0')
			errx(2, "empty field name in FIELDS '%s'", arg);
	}
	return names;
}

static void
check_options(const struct opts *o, size_t nkeys)
{
	if (o->crosstab && nkeys != 2)
		errx(2, "-x needs two fields, not %zu", nkeys);
	if (o->crosstab && (o->percent || o->bar))
		errx(2, "-x cannot be combined with -p or -b");
	if (o->distinct != NULL && o->weight != NULL)
		errx(2, "-d and -w cannot be combined");
}

/*
 * "rcount aspect severity" meant "aspect,severity": when an operand that
 * is no file is a field name, say so rather than "No such file".
 */
static void
field_hint(const char *fields, char **files, size_t nfiles,
    const struct scheme *scheme)
{
	struct slice cols[SCHEME_COLUMNS_MAX];
	size_t i, j, ncols = scheme_columns(scheme, cols);

	for (i = 0; i < nfiles; i++) {
		if (access(files[i], F_OK) == 0)
			continue;
		for (j = 0; j < ncols; j++)
			if (slice_eq(cols[j], files[i]))
				errx(2, "'%s' is a field, not a file; to count "
				    "by several fields write '%s,%s'", files[i],
				    fields, files[i]);
	}
}

static size_t
add_ref(struct counter *c, struct tsv_in *in, const char *name)
{
	struct ref *r = &c->refs[c->nrefs];
	int layer;

	r->col = tsvin_bind(in, name, &layer);
	r->items = layer >= 0;
	c->need = in->need;
	return c->nrefs++;
}

static void
counter_init(struct counter *c, const struct opts *o, char **names,
    size_t nkeys, struct tsv_in *in)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->opts = o;
	c->refs = xreallocarray(NULL, nkeys + 2, sizeof(*c->refs));
	for (i = 0; i < nkeys; i++)
		add_ref(c, in, names[i]);
	c->nkeys = nkeys;
	c->dist = o->distinct ? add_ref(c, in, o->distinct) : HASH_NONE;
	c->weight = o->weight ? add_ref(c, in, o->weight) : HASH_NONE;
	c->f = xreallocarray(NULL, c->need, sizeof(*c->f));
	c->vals = xcalloc(c->nrefs, sizeof(*c->vals));
	c->idx = xcalloc(nkeys, sizeof(*c->idx));
	hash_init(&c->keys);
	hash_init(&c->pairs);
}

static void
counter_free(struct counter *c)
{
	size_t i;

	for (i = 0; i < c->nrefs; i++)
		free(c->vals[i].v);
	free(c->vals);
	free(c->idx);
	free(c->f);
	free(c->refs);
	free(c->t);
	free(c->key.p);
	hash_free(&c->keys);
	hash_free(&c->pairs);
}

static void
vals_add(struct vals *v, struct slice s)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->v = xreallocarray(v->v, v->cap, sizeof(*v->v));
	}
	v->v[v->n++] = s;
}

/* The values of the row's field r: its items (codes unless -k), or itself. */
static size_t
collect(struct counter *c, size_t r)
{
	struct vals *v = &c->vals[r];
	struct slice rest = c->f[c->refs[r].col], item;

	v->n = 0;
	if (!c->refs[r].items) {
		vals_add(v, rest);
		return 1;
	}
	/*
	 * An item without a code ("-NEG") is skipped like an empty one:
	 * an empty key could not be read back as an item by -w.
	 */
	while (items_next(&rest, &item)) {
		if (!c->opts->polarity)
			item = items_code(item);
		if (item.n > 0)
			vals_add(v, item);
	}
	return v->n;
}

/* -w's value: a non-negative decimal integer that fits in 64 bits. */
static uint64_t
weight_of(struct slice s, const struct tsv_in *in)
{
	uint64_t w = 0;
	unsigned d;
	size_t i;

	if (s.n == 0)
		errx(1, "%s:%lu: weight '' is not a non-negative integer",
		    tsvin_file(in), tsvin_lineno(in));
	for (i = 0; i < s.n; i++) {
		if ((d = (unsigned)(s.p[i] - '0')) > 9)
			errx(1, "%s:%lu: weight '%.*s' is not a non-negative "
			    "integer", tsvin_file(in), tsvin_lineno(in),
			    (int)s.n, s.p);
		if (w > (UINT64_MAX - d) / 10)
			errx(1, "%s:%lu: weight '%.*s' is too large",
			    tsvin_file(in), tsvin_lineno(in), (int)s.n, s.p);
		w = w * 10 + d;
	}
	return w;
}

/* -d: the key counts each value of the distinct field once. */
static void
add_distinct(struct counter *c, size_t id)
{
	const struct vals *v = &c->vals[c->dist];
	size_t i;
	bool isnew;

	for (i = 0; i < v->n; i++) {
		c->key.len = 0;
		buf_add(&c->key, &id, sizeof(id));
		buf_add(&c->key, v->v[i].p, v->v[i].n);
		hash_intern(&c->pairs, c->key.p, c->key.len, &isnew);
		c->t[id].n += isnew;
	}
}

static void
add(struct counter *c, struct slice key, uint64_t w, const struct tsv_in *in)
{
	size_t id;
	bool isnew;

	id = hash_intern(&c->keys, key.p, key.n, &isnew);
	if (isnew) {
		if ((id & (id - 1)) == 0)	/* 0, 1, 2, 4...: grow */
			c->t = xreallocarray(c->t, id ? id * 2 : 1,
			    sizeof(*c->t));
		c->t[id].n = 0;
		c->t[id].stamp = 0;
	}
	/* A row counts once for a key, even when items repeat a code. */
	if (c->t[id].stamp == c->row)
		return;
	c->t[id].stamp = c->row;
	if (c->dist != HASH_NONE)
		add_distinct(c, id);
	else if (c->t[id].n > UINT64_MAX - w)
		errx(1, "%s:%lu: count overflows", tsvin_file(in),
		    tsvin_lineno(in));
	else
		c->t[id].n += w;
}

/* Steps idx to the next combination of values, like an odometer. */
static bool
next_combo(size_t *idx, const struct vals *v, size_t n)
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
combo_key(struct counter *c)
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

static void
count_row(struct counter *c, const struct tsv_in *in, struct out *o,
    struct slice row)
{
	uint64_t w = 1;
	size_t i;

	tsvin_split(in, o, row, c->f);
	for (i = 0; i < c->nrefs; i++)
		if (i != c->weight && collect(c, i) == 0)
			return;		/* an empty list adds nothing */
	if (c->weight != HASH_NONE)
		w = weight_of(c->f[c->refs[c->weight].col], in);
	c->row++;
	memset(c->idx, 0, c->nkeys * sizeof(*c->idx));
	do
		add(c, combo_key(c), w, in);
	while (next_combo(c->idx, c->vals, c->nkeys));
}

/*
 * Byte order, field by field: where one key's field ends (a TAB) and the
 * other's goes on, the shorter field sorts first.
 */
static int
key_cmp(struct slice a, struct slice b)
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

static int
by_key(const void *a, const void *b)
{
	return key_cmp(((const struct result *)a)->key,
	    ((const struct result *)b)->key);
}

static int
by_count(const void *a, const void *b)
{
	const struct result *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return key_cmp(x->key, y->key);
}

static uint64_t
sum(uint64_t total, uint64_t n)
{
	if (total > UINT64_MAX - n)
		errx(1, "total count overflows");
	return total + n;
}

/* The counted keys, sorted; *total and *max over them. */
static struct result *
results(const struct counter *c, uint64_t *total, uint64_t *max)
{
	size_t n = c->keys.nkeys, id;
	struct result *r;

	r = xreallocarray(NULL, n, sizeof(*r));
	*total = *max = 0;
	for (id = 0; id < n; id++) {
		r[id].key = hash_key(&c->keys, id);
		r[id].n = c->t[id].n;
		/* Only -p and -t use the total: no overflow error without them. */
		*total = c->opts->percent || c->opts->total ?
		    sum(*total, r[id].n) : 0;
		if (r[id].n > *max)
			*max = r[id].n;
	}
	qsort(r, n, sizeof(*r), c->opts->sort->cmp);
	return r;
}

/* n as a share of total in percent, one decimal, halves rounded up. */
static void
put_percent(struct out *o, uint64_t n, uint64_t total)
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

static void
put_name(struct out *o, const struct tsv_in *in, size_t col)
{
	if (col < in->nnames)
		out_write(o, in->names[col].p, in->names[col].n);
	else
		out_ulong(o, col + 1);
}

static void
put_header(const struct counter *c, struct out *o, const struct tsv_in *in)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		put_name(o, in, c->refs[i].col);
		out_char(o, '\t');
	}
	out_str(o, "count");
	if (c->opts->percent)
		out_str(o, "\tpercent");
	if (c->opts->bar)
		out_str(o, "\tbar");
	out_char(o, '\n');
}

static void
put_line(const struct counter *c, struct out *o, struct result r,
    uint64_t total, uint64_t max)
{
	out_write(o, r.key.p, r.key.n);
	out_char(o, '\t');
	out_ulong(o, r.n);
	if (c->opts->percent) {
		out_char(o, '\t');
		put_percent(o, r.n, total);
	}
	if (c->opts->bar) {
		out_char(o, '\t');
		put_bar(o, r.n, max);
	}
	out_char(o, '\n');
}

static void
write_counts(const struct counter *c, struct out *o, const struct tsv_in *in)
{
	struct result *r, tot = { { "", 0 }, 0 };
	uint64_t total, max;
	size_t i;

	r = results(c, &total, &max);
	if (!c->opts->noheader)
		put_header(c, o, in);
	for (i = 0; i < c->keys.nkeys; i++)
		put_line(c, o, r[i], total, max);
	if (c->opts->total) {
		out_str(o, "total");
		for (i = 1; i < c->nkeys; i++)
			out_char(o, '\t');
		tot.n = total;
		put_line(c, o, tot, total, 0);
	}
	free(r);
}

/*
 * The values of one side of a cross-tabulation, with their totals:
 * side 0 is the first field (rows), side 1 the second (columns).
 */
struct side {
	struct hash	 h;
	struct result	*r;		/* by id, then sorted */
};

static void
side_add(struct side *s, struct slice v, uint64_t n)
{
	size_t id;
	bool isnew;

	id = hash_intern(&s->h, v.p, v.n, &isnew);
	if (isnew) {
		if ((id & (id - 1)) == 0)
			s->r = xreallocarray(s->r, id ? id * 2 : 1,
			    sizeof(*s->r));
		s->r[id].key = hash_key(&s->h, id);
		s->r[id].n = 0;
	}
	s->r[id].n = sum(s->r[id].n, n);
}

/* Splits every counted key "A<TAB>B" into its row A and its column B. */
static uint64_t
build_sides(const struct counter *c, struct side *s)
{
	struct slice k, a, b;
	uint64_t total = 0;
	size_t id;
	const char *tab;

	hash_init(&s[0].h);
	hash_init(&s[1].h);
	s[0].r = s[1].r = NULL;
	for (id = 0; id < c->keys.nkeys; id++) {
		k = hash_key(&c->keys, id);
		tab = memchr(k.p, '\t', k.n);
		a.p = k.p;
		a.n = (size_t)(tab - k.p);
		b.p = tab + 1;
		b.n = k.n - a.n - 1;
		side_add(&s[0], a, c->t[id].n);
		side_add(&s[1], b, c->t[id].n);
		total = sum(total, c->t[id].n);
	}
	qsort(s[0].r, s[0].h.nkeys, sizeof(*s[0].r), c->opts->sort->cmp);
	qsort(s[1].r, s[1].h.nkeys, sizeof(*s[1].r), c->opts->sort->cmp);
	return total;
}

static uint64_t
cell(struct counter *c, struct slice a, struct slice b)
{
	size_t id;

	c->key.len = 0;
	buf_add(&c->key, a.p, a.n);
	buf_addc(&c->key, '\t');
	buf_add(&c->key, b.p, b.n);
	id = hash_find(&c->keys, c->key.p, c->key.len);
	return id == HASH_NONE ? 0 : c->t[id].n;
}

/*
 * -x: a row per value of the first field, a column per value of the
 * second, both in the order of -s by their totals.  The first line names
 * the columns, so it is written even with -N.
 */
static void
write_crosstab(struct counter *c, struct out *o, const struct tsv_in *in)
{
	struct side s[2];
	uint64_t total;
	size_t i, j;

	total = build_sides(c, s);
	put_name(o, in, c->refs[0].col);
	for (j = 0; j < s[1].h.nkeys; j++) {
		out_char(o, '\t');
		out_write(o, s[1].r[j].key.p, s[1].r[j].key.n);
	}
	out_str(o, c->opts->total ? "\ttotal\n" : "\n");
	for (i = 0; i < s[0].h.nkeys; i++) {
		out_write(o, s[0].r[i].key.p, s[0].r[i].key.n);
		for (j = 0; j < s[1].h.nkeys; j++) {
			out_char(o, '\t');
			out_ulong(o, cell(c, s[0].r[i].key, s[1].r[j].key));
		}
		if (c->opts->total) {
			out_char(o, '\t');
			out_ulong(o, s[0].r[i].n);
		}
		out_char(o, '\n');
	}
	if (c->opts->total) {
		out_str(o, "total");
		for (j = 0; j < s[1].h.nkeys; j++) {
			out_char(o, '\t');
			out_ulong(o, s[1].r[j].n);
		}
		out_char(o, '\t');
		out_ulong(o, total);
		out_char(o, '\n');
	}
	for (i = 0; i < 2; i++) {
		free(s[i].r);
		hash_free(&s[i].h);
	}
}

int
main(int argc, char *argv[])
{
	struct opts opts = { false, false, false, false, false, false, NULL,
	    NULL, &sorts[0], NULL };
	struct counter c;
	struct scheme scheme;
	struct tsv_in in;
	struct slice row;
	struct out o;
	char **names;
	size_t nkeys;
	int rval;

	parse_options(argc, argv, &opts);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		warnx("no FIELDS given");
		usage();
	}
	names = split_fields(argv[0], &nkeys);
	check_options(&opts, nkeys);
	scheme_in_effect(&scheme, opts.scheme);
	field_hint(argv[0], argv + 1, (size_t)argc - 1, &scheme);

	tsvin_init(&in, argv + 1, (size_t)argc - 1, opts.noheader, &scheme);
	tsvin_header(&in);
	counter_init(&c, &opts, names, nkeys, &in);
	out_init(&o, STDOUT_FILENO);
	while (tsvin_next(&in, &row))
		count_row(&c, &in, &o, row);
	if (opts.crosstab)
		write_crosstab(&c, &o, &in);
	else
		write_counts(&c, &o, &in);
	out_free(&o);
	rval = in.status;

	counter_free(&c);
	tsvin_free(&in);
	scheme_free(&scheme);
	free(names[0]);
	free(names);
	return rval;
}
