/*
 * libFuzzer target: reading review TSV (lib/tsv.c, line.c, tsvin.c, input.c) and
 * writing escaped values (tsv_put_escaped, out.c).
 *
 * The input is split at 0xFF bytes into up to four files, written to
 * memory files and read through tsvin, with and without -N; the fuzz
 * build makes INPUT_CHUNK tiny, so lines fall across buffer edges.  A
 * part that is exactly "!" stands for a missing file.  The rows must be
 * those of a plain model of SPEC 2.1, computed here from the bytes: lines
 * end at LF, the CRs before it are dropped, a last line without LF counts, NUL
 * is data; each file's first line is its header, the first header is
 * kept, a file whose header differs is skipped and sets the status, as
 * does a missing file.  Each row's fields must agree between tsv_count,
 * tsv_split and tsv_field and join back into the row, and those tsvin_next
 * found on the way (tsvin_fields) must be tsv_split's.  tsv_scan (SSE2
 * where there is SSE2, AVX2 where the processor has it, each in turn)
 * and tsv_scan_portable must agree with each other
 * and with memchr and tsv_split on every line of the input, for several
 * field counts, so that the fuzzer runs both paths; each header name
 * and number must resolve to its field; every field escaped must hold no
 * TAB, LF or CR and unescape to itself.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "out.h"
#include "simd.h"
#include "tsv.h"
#include "tsvin.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define NFILES	4
#define SEP	0xFF

static int	fds[NFILES] = { -1, -1, -1, -1 };
static int	outfd = -1;

static int
memfile(const char *name)
{
	int fd;

	if ((fd = memfd_create(name, 0)) == -1)
		err(1, "memfd_create");
	return fd;
}

static void
put(int fd, const void *p, size_t n)
{
	if (ftruncate(fd, 0) == -1 ||
	    (n > 0 && pwrite(fd, p, n, 0) != (ssize_t)n))
		err(1, "memfd");
}

/* The model: the next line of p[*pos..n), or false after the last. */
static bool
model_line(const char *p, size_t n, size_t *pos, struct slice *line)
{
	const char *nl;

	if (*pos >= n)
		return false;
	line->p = p + *pos;
	nl = memchr(line->p, '\n', n - *pos);
	line->n = nl ? (size_t)(nl - line->p) : n - *pos;
	*pos += line->n + 1;
	/* Every CR before the LF: "a\r\r\n" is the line "a" (line_take). */
	while (line->n > 0 && line->p[line->n - 1] == '\r')
		line->n--;
	return true;
}

static bool
same(struct slice a, struct slice b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

/* Fields by three routes agree and join back into the row. */
static void
check_fields(struct slice row)
{
	struct slice f[64], g;
	size_t n, k, i, len = 0;
	bool found;

	n = tsv_count(row);
	k = tsv_split(row, f, n < 64 ? n : 64);
	if (k != (n < 64 ? n : 64))
		abort();
	for (i = 0; i < k; i++) {
		g = tsv_field(row, i, &found);
		if (!found || !same(f[i], g) || memchr(g.p, '\t', g.n) != NULL)
			abort();
		if (i > 0 && f[i].p != f[i - 1].p + f[i - 1].n + 1)
			abort();
		len += f[i].n + (i > 0);
	}
	if (k == n && (len != row.n || f[0].p != row.p))
		abort();
	g = tsv_field(row, n, &found);
	if (found)
		abort();
}

/*
 * tsv_scan and tsv_scan_portable on each line of p[0..n), for several
 * field counts, each with no field skipped and with half: the same LF
 * as memchr, the same fields as tsv_split (tsv_scan's but those skipped).
 */
static void
check_scan(const char *p, size_t n)
{
	static const size_t maxes[] = { 0, 1, 2, 3, 6, 7, 40 };
	struct slice f[40], g[40], s[41];
	const char *end = p + n, *nl, *a, *b;
	size_t m, max, skip, ka, kb, ks, i;
	struct slice line;

	for (; p < end; p = nl ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		line.p = p;
		line.n = (size_t)((nl ? nl : end) - p);
		for (m = 0; m < 4 * sizeof(maxes) / sizeof(maxes[0]); m++) {
			max = maxes[m / 4];
			skip = m % 4 < 2 ? 0 : max / 2;
			/* SSE2, then AVX2 where the processor has it. */
			simd_use(m % 2 == 1);
			a = tsv_scan(p, end, f, max, skip, &ka);
			b = tsv_scan_portable(p, end, g, max, skip, &kb);
			if (a != nl || b != nl || ka != kb || ka > max)
				abort();
			/* tsv_split closes at most max fields at TABs. */
			ks = tsv_split(line, s, max + 1);
			if (ka != (ks > max ? max : ks - 1))
				abort();
			for (i = 0; i < ka; i++)
				if ((i >= skip && (f[i].p != s[i].p ||
				    f[i].n != s[i].n)) || g[i].p != s[i].p ||
				    g[i].n != s[i].n)
					abort();
			if (ka < max && (f[ka].p != s[ka].p || g[ka].p != s[ka].p))
				abort();
		}
	}
}

/* tsv_put_escaped leaves no TAB, LF or CR, and unescapes to the value. */
static void
check_escape(struct slice v)
{
	struct out o;
	char *back;
	off_t len;
	size_t i, j;

	put(outfd, "", 0);
	lseek(outfd, 0, SEEK_SET);
	out_init(&o, outfd);
	tsv_put_escaped(&o, v.p, v.n);
	out_free(&o);
	if ((len = lseek(outfd, 0, SEEK_CUR)) == -1)
		err(1, "lseek");
	back = malloc((size_t)len + 1);
	if (back == NULL || pread(outfd, back, (size_t)len, 0) != len)
		err(1, "pread");
	for (i = j = 0; i < (size_t)len; i++, j++) {
		if (back[i] == '\t' || back[i] == '\n' || back[i] == '\r')
			abort();
		if (back[i] == '\\') {
			if (++i == (size_t)len)
				abort();
			back[i] = back[i] == 't' ? '\t' : back[i] == 'n' ? '\n' :
			    back[i] == 'r' ? '\r' : back[i];
		}
		if (j >= v.n || back[i] != v.p[j])
			abort();
	}
	if (j != v.n)
		abort();
	free(back);
}

/*
 * The fields tsvin_next found are those tsv_split finds in the row, but
 * those before in->skip, which it need not split out.
 */
static void
check_found(const struct tsvin *in, struct slice row)
{
	struct slice f[NFILES];
	size_t k, i;

	k = tsv_split(row, f, in->need);
	if (in->nf != k)
		abort();
	for (i = in->skip; i < k; i++)
		if (in->f[i].p != f[i].p || in->f[i].n != f[i].n)
			abort();
}

/* Each header name without NUL, and each number, finds its field. */
static void
check_refs(const struct tsvin *in)
{
	char ref[64];
	size_t i, j, want;

	for (i = 0; i < in->nnames && i < 16; i++) {
		if (in->names[i].n == 0 || in->names[i].n >= sizeof(ref) ||
		    memchr(in->names[i].p, '\0', in->names[i].n) != NULL)
			continue;
		memcpy(ref, in->names[i].p, in->names[i].n);
		ref[in->names[i].n] = '\0';
		for (j = 0; !slice_eq(in->names[j], ref); j++)
			;
		if (tsvin_field(in, ref) != j)
			abort();
		snprintf(ref, sizeof(ref), "%zu", i + 1);
		for (want = i, j = 0; j < in->nnames; j++)
			if (slice_eq(in->names[j], ref)) {
				want = j;
				break;
			}
		if (tsvin_field(in, ref) != want)
			abort();
	}
}

/*
 * Whether line, after the first header, starts with that header's first
 * two names but is not it: the header of an input of other columns run
 * together with this one, where tsvin_next stops the tool.
 */
static bool
other_header(struct slice first, struct slice line)
{
	const char *tab = memchr(first.p, '\t', first.n), *tab2;
	size_t n;

	if (tab == NULL)
		return false;
	tab2 = memchr(tab + 1, '\t', (size_t)(first.p + first.n - tab - 1));
	n = (size_t)((tab2 != NULL ? tab2 : first.p + first.n) - first.p);
	return !same(first, line) && line.n >= n &&
	    memcmp(line.p, first.p, n) == 0 && (line.n == n || line.p[n] == '\t');
}

static void
read_all(const char **part, const size_t *len, size_t nparts,
    char **paths, bool noheader)
{
	struct tsvin in;
	struct slice row, want, first = { NULL, 0 };
	size_t f, pos;
	int status = 0;
	bool have_first = false, header;
	unsigned long lineno;

	static struct scheme pra;

	if (pra.n == 0 && scheme_builtin(&pra, "pra") == -1)
		abort();
	tsvin_init(&in, paths, nparts, noheader, &pra);
	header = tsvin_header(&in);
	/*
	 * Rows then carry their first fields, as for "rfilter 3=x", but
	 * the first half (as if the first field bound were in the middle).
	 */
	in.need = nparts;
	in.skip = nparts / 2;
	for (f = 0; f < nparts; f++) {
		if (strcmp(paths[f], "/nonexistent") == 0) {
			status = 1;
			continue;
		}
		pos = 0;
		lineno = 0;
		if (!noheader) {
			if (!model_line(part[f], len[f], &pos, &want))
				continue;
			lineno++;
			if (!have_first) {
				first = want;
				have_first = true;
			} else if (!same(first, want)) {
				status = 1;
				continue;
			}
		}
		while (model_line(part[f], len[f], &pos, &want)) {
			lineno++;
			/* A repeated header is skipped (with a warning). */
			if (!noheader && same(first, want))
				continue;
			/* Another header stops the tool: the check ends here. */
			if (!noheader && other_header(first, want)) {
				tsvin_free(&in);
				return;
			}
			if (!tsvin_next(&in, &row) || !same(row, want) ||
			    tsvin_lineno(&in) != lineno ||
			    strcmp(tsvin_file(&in), paths[f]) != 0)
				abort();
			check_fields(row);
			check_found(&in, row);
		}
	}
	if (tsvin_next(&in, &row) || in.status != status)
		abort();
	if (header != have_first || have_first != in.have_header ||
	    (have_first && !same(first,
	    (struct slice){ in.header, in.header_len })))
		abort();
	if (noheader && in.nnames != (size_t)pra.nlayers + 3)
		abort();
	check_refs(&in);
	tsvin_free(&in);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const char *part[NFILES], *p = (const char *)data, *end = p + n, *sep;
	char names[NFILES][64], *paths[NFILES];
	size_t len[NFILES], nparts = 0, i;
	struct slice v;

	if (outfd == -1) {
		for (i = 0; i < NFILES; i++)
			fds[i] = memfile("tsv");
		outfd = memfile("out");
	}
	while (nparts < NFILES) {
		sep = nparts + 1 < NFILES ? memchr(p, SEP, (size_t)(end - p)) :
		    NULL;
		part[nparts] = p;
		len[nparts] = (size_t)((sep ? sep : end) - p);
		if (len[nparts] == 1 && *p == '!')
			paths[nparts] = "/nonexistent";
		else {
			put(fds[nparts], p, len[nparts]);
			snprintf(names[nparts], sizeof(names[nparts]),
			    "/proc/self/fd/%d", fds[nparts]);
			paths[nparts] = names[nparts];
		}
		nparts++;
		if (sep == NULL)
			break;
		p = sep + 1;
	}
	read_all(part, len, nparts, paths, false);
	read_all(part, len, nparts, paths, true);
	check_scan((const char *)data, n);

	/* A value with every byte the input has, escaped and read back. */
	v.p = (const char *)data;
	v.n = n;
	check_escape(v);
	return 0;
}
