/*
 * libFuzzer target: rcount's counting, cross-tab and -w merge (lib/count/count.c,
 * lib/count/crosstab.c), driven as cmd/rcount.c drives them.
 *
 * The first OPTS bytes choose options (-k -p -t -x -b -s key -d -w -N) and
 * up to three key fields by number; the rest is a review TSV file.  Inputs
 * that rcount rightly stops on (a short row, a bad or huge weight, a row
 * past COUNT_ROW_MAX combinations, another header run together with the
 * first, with -N a first row of other columns than rsplit's) are left
 * out by a first pass, since an exit is no finding.  Checks, beyond
 * crashes, leaks and UB:
 *   - without -w, no key, and with -x no line, column or cell, counts
 *     more than the rows counted, and a cell no more than its line and
 *     column;
 *   - the output is written whole (count_write or crosstab_write), every
 *     line of a -x table has its columns;
 *   - without -d, -w, -x, -N: the file's rows cut in two at a chosen
 *     line, each part counted with -t and the parts merged with
 *     -p -t -w count give exactly the table of one -p -t run;
 *   - with -x, without -d, -w, -N: each part as a table of -x -t, the
 *     tables merged with -w total give exactly the one run's table.
 * Merges rcount rightly refuses (a key "total", which cannot be told
 * from a part's total) are left out.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "count/count.h"
#include "count/crosstab.h"
#include "items.h"
#include "out.h"
#include "tsvin.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define OPTS	6
/* Memory files: the input, its two parts, their counts, two outputs. */
enum { IN, PART1, PART2, COUNT1, COUNT2, OUT, MERGED, NFD };

enum { F_K = 1, F_P = 2, F_T = 4, F_X = 8, F_B = 16, F_SKEY = 32, F_D = 64,
    F_W = 128 };

static int	fds[NFD] = { -1, -1, -1, -1, -1, -1, -1 };

struct run {
	struct count_opts opts;
	char		 refs[3][24];
	char		*keys[3];
	size_t		 nkeys;
	const char	*distinct;
	const char	*weight;
	char		 dref[24];
	char		 wref[24];
};

static struct scheme *
pra(void)
{
	static struct scheme s;

	if (s.n == 0 && scheme_builtin(&s, "pra") == -1)
		abort();
	return &s;
}

static const char *
path_of(int i)
{
	static char names[NFD][40];

	snprintf(names[i], sizeof(names[i]), "/proc/self/fd/%d", fds[i]);
	return names[i];
}

static void
put(int i, const void *p, size_t n)
{
	if (ftruncate(fds[i], 0) == -1 ||
	    (n > 0 && pwrite(fds[i], p, n, 0) != (ssize_t)n))
		err(1, "memfd");
}

/* The bytes of memory file i, NUL-terminated; the caller frees them. */
static char *
get(int i, size_t *n)
{
	off_t len = lseek(fds[i], 0, SEEK_END);
	char *p;

	if (len == -1 || (p = malloc((size_t)len + 1)) == NULL ||
	    pread(fds[i], p, (size_t)len, 0) != len)
		err(1, "memfd");
	p[len] = '\0';
	*n = (size_t)len;
	return p;
}

static bool
is_weight(struct slice s)
{
	size_t i;

	if (s.n == 0 || s.n > 9)
		return false;
	for (i = 0; i < s.n; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
	return true;
}

/* Raw items of a field, an upper bound of the values rcount collects. */
static size_t
nitems(struct slice s, bool items)
{
	struct slice item;
	size_t n = 0;

	if (!items)
		return 1;
	while (items_next(&s, &item))
		n++;
	return n;
}

/* Whether the row with fields f is a total row as -w reads it. */
static bool
is_total_row(const struct count *c, const struct slice *f)
{
	size_t i;

	if (c->weight == HASH_NONE || !(c->opts.percent || c->opts.total) ||
	    !slice_eq(f[c->refs[0].col], "total"))
		return false;
	for (i = 1; i < c->nkeys; i++)
		if (f[c->refs[i].col].n > 0)
			return false;
	return true;
}

/* With -w and -p or -t, counts by item need each input's total row. */
static bool
total_ok(const struct count *c, bool total)
{
	return total || !c->items || c->weight == HASH_NONE ||
	    !(c->opts.percent || c->opts.total);
}

/* The line at p[*pos..n) without its LF and the CRs before it. */
static struct slice
next_line(const char *p, size_t n, size_t *pos)
{
	const char *nl = memchr(p + *pos, '\n', n - *pos);
	struct slice s = { p + *pos, (size_t)((nl ? nl : p + n) - p) - *pos };

	*pos = nl ? (size_t)(nl - p) + 1 : n;
	while (s.n > 0 && s.p[s.n - 1] == '\r')
		s.n--;
	return s;
}

/*
 * Whether a line after the header starts with its first two names but is
 * not it: another input's header run together with this one, where
 * tsvin_next stops the tool (lib/tsvin.c).
 */
static bool
runs_together(const char *p, size_t n)
{
	struct slice h, s;
	const char *tab;
	size_t pos = 0, k;

	h = next_line(p, n, &pos);
	if ((tab = memchr(h.p, '\t', h.n)) == NULL)
		return false;
	tab = memchr(tab + 1, '\t', (size_t)(h.p + h.n - tab - 1));
	k = (size_t)((tab ? tab : h.p + h.n) - h.p);
	while (pos < n) {
		s = next_line(p, n, &pos);
		if (s.n >= k && memcmp(s.p, h.p, k) == 0 &&
		    (s.n == k || s.p[k] == '\t') &&
		    !(s.n == h.n && memcmp(s.p, h.p, s.n) == 0))
			return true;
	}
	return false;
}

/* runs_together for the file at path (a memory file's, path_of). */
static bool
path_runs_together(const char *path)
{
	size_t i, n;
	char *p;
	bool yes;

	for (i = 0; i < NFD && strcmp(path, path_of((int)i)) != 0; i++)
		;
	if (i == NFD)
		abort();
	p = get((int)i, &n);
	yes = runs_together(p, n);
	free(p);
	return yes;
}

/*
 * With -N and a label field (every field number here but 1, 2 and the
 * last), the first row of the file at path must have ncols fields, or
 * tsvin_next stops the tool (lib/tsvin.c, check_layout).
 */
static bool
path_layout_fits(const char *path, size_t ncols)
{
	size_t i, n, tabs = 0;
	char *p;

	for (i = 0; i < NFD && strcmp(path, path_of((int)i)) != 0; i++)
		;
	if (i == NFD)
		abort();
	p = get((int)i, &n);
	for (i = 0; i < n && p[i] != '\n'; i++)
		tabs += p[i] == '\t';
	free(p);
	return n == 0 || tabs + 1 == ncols;
}

/* False when some row would make rcount exit: no finding, but no run. */
static bool
rows_ok(const struct count *c, struct tsvin *in)
{
	struct slice row, f[64];
	size_t i, p, k, input = 0;
	bool total = false;

	if (in->need > 64)
		return false;
	while (tsvin_next(in, &row)) {
		if (in->next != input) {
			if (input != 0 && !total_ok(c, total))
				return false;
			input = in->next;
		} else if (total)
			return false;	/* a row after its input's total */
		if (tsv_split(row, f, in->need) < in->need)
			return false;
		total = is_total_row(c, f);
		if (c->weight != HASH_NONE &&
		    !is_weight(f[c->refs[c->weight].col]))
			return false;
		for (p = 1, i = 0; i < c->nrefs; i++) {
			if (i == c->weight)
				continue;
			k = nitems(f[c->refs[i].col], c->refs[i].items);
			if (k > 0 && k > COUNT_ROW_MAX / p)
				return false;
			p *= k > 0 ? k : 1;
		}
	}
	if (input != 0 && !total_ok(c, total))
		return false;
	return in->status == 0;
}

/* Counts path with r's options into memory file outfd; false if skipped. */
static bool
count_file(const struct run *r, const char **paths, size_t npaths,
    int outfd, struct count *keep)
{
	struct tsvin in, pre;
	struct count c;
	struct out o;
	size_t i;
	bool ok;

	/* The input and each table merged: tsvin_next would stop rcount. */
	for (i = 0; i < npaths && !r->opts.noheader; i++)
		if (path_runs_together(paths[i]))
			return false;
	tsvin_init(&pre, (char **)paths, npaths, r->opts.noheader, pra());
	tsvin_header(&pre);
	count_init(&c, &r->opts, &pre, (char **)r->keys, r->nkeys,
	    r->distinct, r->weight);
	for (i = 0; i < npaths && pre.by_layout; i++)
		if (!path_layout_fits(paths[i], pre.nnames)) {
			count_free(&c);
			tsvin_free(&pre);
			return false;
		}
	/* Tables are rcount's own output: no row of theirs stops it. */
	ok = count_refusal(&c) == NULL && (c.tables || rows_ok(&c, &pre));
	count_free(&c);
	tsvin_free(&pre);
	if (!ok)
		return false;

	tsvin_init(&in, (char **)paths, npaths, r->opts.noheader, pra());
	tsvin_header(&in);
	count_init(&c, &r->opts, &in, (char **)r->keys, r->nkeys, r->distinct,
	    r->weight);
	put(outfd, "", 0);
	lseek(fds[outfd], 0, SEEK_SET);
	out_init(&o, fds[outfd]);
	count_read(&c, &in);
	if (r->opts.crosstab)
		crosstab_write(&c, &o, &in);
	else
		count_write(&c, &o, &in);
	out_free(&o);
	tsvin_free(&in);
	if (keep != NULL)
		*keep = c;
	else
		count_free(&c);
	return true;
}

/* Without -w, nothing counts more rows than were counted. */
static void
check_bounds(const struct count *c)
{
	struct count_result *r;
	uint64_t all = count_rows(c), a, b, n;
	size_t i, j, k;
	const struct tally *t[3] = { &c->keys, &c->side[0], &c->side[1] };
	struct buf key = { NULL, 0, 0 };

	for (k = 0; k < 3; k++) {
		r = count_sorted(t[k], COUNT_BY_COUNT);
		for (i = 0; i < t[k]->keys.nkeys; i++)
			if (r[i].n > all || r[i].n == 0 || (i > 0 &&
			    r[i].n > r[i - 1].n))
				abort();
		free(r);
	}
	if (!c->opts.crosstab)
		return;
	for (i = 0; i < c->side[0].keys.nkeys; i++)
		for (j = 0; j < c->side[1].keys.nkeys; j++) {
			a = count_of(&c->side[0], hash_key(&c->side[0].keys, i));
			b = count_of(&c->side[1], hash_key(&c->side[1].keys, j));
			key.len = 0;
			buf_add(&key, hash_key(&c->side[0].keys, i).p,
			    hash_key(&c->side[0].keys, i).n);
			buf_addc(&key, '\t');
			buf_add(&key, hash_key(&c->side[1].keys, j).p,
			    hash_key(&c->side[1].keys, j).n);
			n = count_of(&c->keys, (struct slice){ key.p, key.len });
			if (n > a || n > b)
				abort();
		}
	free(key.p);
}

/* Every line of a -x table: the first field, the columns, the total. */
static void
check_table(const struct count *c, int outfd)
{
	size_t n, lines = 0, want, tabs, i;
	char *p = get(outfd, &n);

	want = c->side[1].keys.nkeys + (c->opts.total ? 1 : 0);
	for (i = 0, tabs = 0; i < n; i++) {
		if (p[i] == '\t')
			tabs++;
		else if (p[i] == '\n') {
			if (tabs != want)
				abort();
			tabs = 0;
			lines++;
		}
	}
	if (lines != 1 + c->side[0].keys.nkeys + (c->opts.total ? 1 : 0))
		abort();
	free(p);
}

/* The file's header line and the end of its k-th data line after it. */
static bool
cut(const char *p, size_t n, unsigned k, size_t *hdr, size_t *at)
{
	const char *nl = memchr(p, '\n', n);

	if (nl == NULL)
		return false;
	*hdr = *at = (size_t)(nl - p) + 1;
	while (k-- > 0 && *at < n) {
		nl = memchr(p + *at, '\n', n - *at);
		*at = nl ? (size_t)(nl - p) + 1 : n;
	}
	return true;
}

static bool
all_digits(struct slice s)
{
	size_t i;

	for (i = 0; i < s.n; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
	return true;
}

/* Writes the file's rows cut at its k-th data line as PART1 and PART2. */
static bool
split_parts(const char *p, size_t n, unsigned k)
{
	size_t hdr, at;
	char *buf;

	if (!cut(p, n, k, &hdr, &at))
		return false;
	buf = malloc(n + hdr + 1);
	if (buf == NULL)
		abort();
	memcpy(buf, p, hdr);
	memcpy(buf + hdr, p + at, n - at);
	put(PART1, p, at);
	put(PART2, buf, hdr + n - at);
	free(buf);
	return true;
}

/* Counts PART1 and PART2 with part's options into COUNT1 and COUNT2. */
static bool
count_parts(const struct run *part)
{
	const char *paths[1];

	paths[0] = path_of(PART1);
	if (!count_file(part, paths, 1, COUNT1, NULL))
		return false;
	paths[0] = path_of(PART2);
	if (!count_file(part, paths, 1, COUNT2, NULL))
		abort();	/* a part of a file that counted */
	return true;
}

/*
 * Whether memory file i has a line before its last that starts with
 * prefix: a key "total" where a merge takes it for a part's total.
 */
static bool
early_line(int i, const char *prefix)
{
	size_t n, at, len = strlen(prefix);
	char *p = get(i, &n), *nl;
	bool found = false;

	for (at = 0; at < n; at = (size_t)(nl - p) + 1) {
		if ((nl = memchr(p + at, '\n', n - at)) == NULL ||
		    (size_t)(nl - p) + 1 == n)
			break;
		if ((size_t)(nl - p) - at >= len &&
		    memcmp(p + at, prefix, len) == 0)
			found = true;
	}
	free(p);
	return found;
}

/*
 * COUNT1 and COUNT2 merged with merge's options give OUT, byte for byte,
 * unless a key row of a table starts as its header does (keys that are
 * the names of the fields counted): rcount refuses that merge (tsvin).
 */
static void
merge_is_one(const struct run *merge)
{
	const char *paths[2] = { path_of(COUNT1), path_of(COUNT2) };
	size_t n1, n2;
	char *one, *two;

	if (path_runs_together(paths[0]) || path_runs_together(paths[1]))
		return;
	if (!count_file(merge, paths, 2, MERGED, NULL))
		abort();
	one = get(OUT, &n1);
	two = get(MERGED, &n2);
	if (n1 != n2 || memcmp(one, two, n1) != 0)
		abort();
	free(one);
	free(two);
}

/* Parts counted with -t, merged with -p -t -w count, give one run's table. */
static void
check_merge(const struct run *r, const char *p, size_t n, unsigned k)
{
	struct run part = *r, merge = *r;
	char total[32];
	size_t i;

	if (!split_parts(p, n, k))
		return;
	part.opts.percent = false;
	part.opts.total = true;
	part.opts.bar = false;
	if (!count_parts(&part))
		return;
	snprintf(total, sizeof(total), "total%.*s", (int)r->nkeys, "\t\t\t");
	if (early_line(COUNT1, total) || early_line(COUNT2, total))
		return;

	merge.opts.percent = merge.opts.total = true;
	merge.opts.bar = false;
	for (i = 0; i < r->nkeys; i++) {
		snprintf(merge.refs[i], sizeof(merge.refs[i]), "%zu", i + 1);
		merge.keys[i] = merge.refs[i];
	}
	snprintf(merge.wref, sizeof(merge.wref), "%zu", r->nkeys + 1);
	merge.weight = merge.wref;
	merge_is_one(&merge);
}

/* Whether the first line of memory file i has a field that is name. */
static bool
names_column(int i, struct slice name)
{
	size_t n, at, end;
	char *p = get(i, &n), *nl, *tab;
	bool found = false;

	end = (nl = memchr(p, '\n', n)) != NULL ? (size_t)(nl - p) : n;
	for (at = 0; at <= end && !found; at = (size_t)(tab - p) + 1) {
		tab = memchr(p + at, '\t', end - at);
		if (tab == NULL)
			tab = p + end;
		found = (size_t)(tab - p) - at == name.n &&
		    memcmp(p + at, name.p, name.n) == 0;
	}
	free(p);
	return found;
}

/*
 * Tables of the parts (-x -t), merged with -w total, give the one run's
 * table (in OUT).  The merge names the fields, as tables need: the
 * second must be a name no table's first line holds.
 */
static void
check_tables(const struct run *r, const struct count *whole,
    const struct tsvin *in, const char *p, size_t n, unsigned k)
{
	struct run part = *r, merge = *r;
	struct slice n0, n1;
	size_t i;

	if (whole->refs[0].col >= in->nnames ||
	    whole->refs[1].col >= in->nnames)
		return;
	n0 = in->names[whole->refs[0].col];
	n1 = in->names[whole->refs[1].col];
	if (n0.n == 0 || n1.n == 0 || n0.n >= sizeof(merge.refs[0]) ||
	    n1.n >= sizeof(merge.refs[1]) || memchr(n0.p, '\0', n0.n) ||
	    memchr(n1.p, '\0', n1.n) || (n0.n == n1.n &&
	    memcmp(n0.p, n1.p, n0.n) == 0) || (n1.p[0] >= '0' &&
	    n1.p[0] <= '9') || !split_parts(p, n, k))
		return;
	part.opts.percent = false;
	part.opts.total = true;
	if (!count_parts(&part) || early_line(COUNT1, "total\t") ||
	    early_line(COUNT2, "total\t"))
		return;
	/* The second field's name among a table's columns: no table. */
	for (i = COUNT1; i <= COUNT2; i++)
		if (names_column((int)i, n1))
			return;
	memcpy(merge.refs[0], n0.p, n0.n);
	merge.refs[0][n0.n] = '\0';
	memcpy(merge.refs[1], n1.p, n1.n);
	merge.refs[1][n1.n] = '\0';
	merge.keys[0] = merge.refs[0];
	merge.keys[1] = merge.refs[1];
	merge.weight = "total";
	merge_is_one(&merge);
}

/* Numbered references resolve to header names first: keep clear of them. */
static bool
numbered_names(const struct count *c, const struct tsvin *in)
{
	size_t i, col;

	for (i = 0; i < c->nkeys; i++) {
		col = c->refs[i].col;
		if (col < in->nnames && all_digits(in->names[col]))
			return true;
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const char *p = (const char *)data + OPTS, *paths[1];
	struct run r;
	struct count whole;
	struct tsvin in;
	unsigned flags;
	size_t i, ncols, len;
	bool merge;

	if (fds[IN] == -1)
		for (i = 0; i < NFD; i++)
			if ((fds[i] = memfd_create("count", 0)) == -1)
				err(1, "memfd_create");
	if (n < OPTS)
		return 0;
	len = n - OPTS;
	flags = data[0];
	memset(&r, 0, sizeof(r));
	r.opts.polarity = flags & F_K;
	r.opts.percent = flags & F_P;
	r.opts.total = flags & F_T;
	r.opts.crosstab = flags & F_X;
	r.opts.bar = (flags & F_B) && !r.opts.crosstab;
	r.opts.sort = flags & F_SKEY ? COUNT_BY_KEY : COUNT_BY_COUNT;
	r.opts.noheader = data[1] & 0x80;
	r.nkeys = r.opts.crosstab ? 2 : 1 + data[1] % 3;
	put(IN, p, len);

	/* Field numbers within the header (rsplit's 7 without one). */
	paths[0] = path_of(IN);
	tsvin_init(&in, (char **)paths, 1, r.opts.noheader, pra());
	tsvin_header(&in);
	ncols = in.nnames > 0 ? in.nnames : 1;
	tsvin_free(&in);
	for (i = 0; i < r.nkeys; i++) {
		snprintf(r.refs[i], sizeof(r.refs[i]), "%zu",
		    1 + data[2 + i] % ncols);
		r.keys[i] = r.refs[i];
	}
	snprintf(r.dref, sizeof(r.dref), "%zu", 1 + data[5] % ncols);
	if (flags & F_D)
		r.distinct = r.dref;
	else if (flags & F_W)
		r.weight = r.dref;

	if (!count_file(&r, paths, 1, OUT, &whole))
		return 0;
	if (r.weight == NULL)
		check_bounds(&whole);
	if (r.opts.crosstab)
		check_table(&whole, OUT);
	tsvin_init(&in, (char **)paths, 1, false, pra());
	tsvin_header(&in);
	merge = r.distinct == NULL && r.weight == NULL && !r.opts.noheader &&
	    in.have_header && !numbered_names(&whole, &in);
	if (merge && r.opts.crosstab)
		check_tables(&r, &whole, &in, p, len, data[5]);
	tsvin_free(&in);
	if (merge && !r.opts.crosstab) {
		/* The one run to compare with: -p -t, as the merge. */
		r.opts.percent = r.opts.total = true;
		r.opts.bar = false;
		count_free(&whole);
		if (!count_file(&r, paths, 1, OUT, &whole))
			abort();
		check_merge(&r, p, len, data[5]);
	}
	count_free(&whole);
	return 0;
}
