/*
 * libFuzzer target: the review parser (lib/review/annot.c, marker.c, decode.c).
 *
 * A first byte below 4 chooses the scheme (bit 0: argu, ten layers, else
 * pra) and -j (bit 1) and is dropped; any other input, such as a review
 * seeded from the corpus, is read as it is under pra.  The review is read
 * in rsplit's four modes
 * (normal, -r, -a, -r -a), once from memory (annot_from_memory) and once
 * streamed from a file through input_fill; the fuzz build makes
 * INPUT_CHUNK tiny, so markers, escapes and UTF-8 sequences fall across
 * buffer edges.  Markers go through a memo of each scheme's
 * (lib/review/marker.c) that lives from input to input, as in a run of
 * rsplit over many reviews.  Beyond crashes, leaks and undefined behaviour, it aborts
 * when an invariant of SPEC 1.2 and 2 fails:
 *
 *   - the streamed rows and warnings differ from those read from memory;
 *   - sentence numbers do not run 1, 2, 3...; a row has no labels but the
 *     unannotated rest with -a, which comes last;
 *   - a text is not valid UTF-8 or holds a NUL byte (all are repaired);
 *   - a normal-mode text holds TAB, LF, CR, two spaces in a row, or a
 *     space at either end;
 *   - without -a, normal and raw mode differ in rows or labels;
 *   - with -r -a, the texts together are longer than any decoding of the
 *     input can be (3 bytes per input byte: one bad byte gives U+FFFD);
 *   - a warning is not one line, or their count is not r.nwarn (and one
 *     for a review refused as one of another scheme, lib/review/fit.h);
 *   - a row has more groups than the scheme has layers.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "review/annot.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define NAME	"fuzz.txt"

/* What one read of a review gave: its rows, serialised, and warnings. */
struct result {
	struct buf	 rows;
	struct buf	 labels;	/* the labels alone, to compare modes */
	unsigned long	 nrows;
	unsigned long	 nwarn;
	size_t		 textlen;
	char		*err;		/* stderr */
	size_t		 errlen;
};

static int	memfd = -1;

/* Valid UTF-8 without NUL bytes (RFC 3629; no overlongs or surrogates). */
static bool
valid_utf8(const unsigned char *p, size_t n)
{
	size_t i = 0, k, len;
	unsigned char lo, hi;

	while (i < n) {
		if (p[i] == 0)
			return false;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (p[i] >= 0xC2 && p[i] <= 0xDF)
			len = 2;
		else if (p[i] >= 0xE0 && p[i] <= 0xEF) {
			len = 3;
			lo = p[i] == 0xE0 ? 0xA0 : 0x80;
			hi = p[i] == 0xED ? 0x9F : 0xBF;
		} else if (p[i] >= 0xF0 && p[i] <= 0xF4) {
			len = 4;
			lo = p[i] == 0xF0 ? 0x90 : 0x80;
			hi = p[i] == 0xF4 ? 0x8F : 0xBF;
		} else
			return false;
		if (n - i < len)
			return false;
		for (k = 1; k < len; k++) {
			if (p[i + k] < lo || p[i + k] > hi)
				return false;
			lo = 0x80;
			hi = 0xBF;
		}
		i += len;
	}
	return true;
}

/* Normal mode: single spaces only, none at the ends. */
static bool
normalised(const char *p, size_t n)
{
	size_t i;

	if (n > 0 && (p[0] == ' ' || p[n - 1] == ' '))
		return false;
	for (i = 0; i < n; i++) {
		if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r' ||
		    p[i] == '\v' || p[i] == '\f')
			return false;
		if (p[i] == ' ' && i + 1 < n && p[i + 1] == ' ')
			return false;
	}
	return true;
}

static void
add_labels(struct buf *b, const struct marker *m, int nlayers)
{
	int i;

	if (m == NULL) {
		buf_add(b, "-\n", 2);
		return;
	}
	if (m->ngroups < 1 || m->ngroups > nlayers)
		abort();
	for (i = 0; i < m->ngroups; i++) {
		if (m->off[i] + m->n[i] > MARKER_MAX)
			abort();
		buf_add(b, m->text + m->off[i], m->n[i]);
		buf_addc(b, '|');
	}
	buf_addc(b, '\n');
}

static void
check_row(struct result *res, const struct sentence *s,
    const struct review_opts *o)
{
	char num[32];

	if (res->labels.len >= 2 && res->labels.p[res->labels.len - 2] == '-')
		abort();	/* a row after the unannotated rest */
	if (s->labels == NULL ? !o->all || s->number != res->nrows + 1 :
	    s->number != ++res->nrows)
		abort();
	if (!valid_utf8((const unsigned char *)s->text, s->len))
		abort();
	if (!o->raw && !normalised(s->text, s->len))
		abort();
	add_labels(&res->labels, s->labels, o->scheme->nlayers);
	snprintf(num, sizeof(num), "%lu:%zu:", s->number, s->len);
	buf_add(&res->rows, num, strlen(num));
	buf_add(&res->rows, s->text, s->len);
	res->textlen += s->len;
}

/*
 * Reads the review (from memory, or from memfd when stream) with the
 * warnings going to a memory stream instead of stderr.  glibc's stderr is
 * an assignable variable; this is a test harness, not the library.
 */
static void
run(struct result *res, const uint8_t *data, size_t n,
    const struct review_opts *o, bool stream)
{
	char path[64];
	struct review r;
	struct sentence s;
	FILE *saved = stderr, *mem;
	size_t k, lines = 0;

	memset(res, 0, sizeof(*res));
	if ((mem = open_memstream(&res->err, &res->errlen)) == NULL)
		err(1, "open_memstream");
	stderr = mem;
	if (stream) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", memfd);
		if (annot_open(&r, path, o) == -1)
			abort();
		r.in.name = NAME;
	} else
		annot_from_memory(&r, NAME, (const char *)data, n, o);
	while (annot_next(&r, &s))
		check_row(res, &s, o);
	if (r.in.failed)
		abort();
	/* A review of another scheme is refused with one line more. */
	res->nwarn = r.nwarn + (r.refused != NULL);
	annot_close(&r);
	stderr = saved;
	fclose(mem);
	for (k = 0; k < res->errlen; k++)
		lines += res->err[k] == '\n';
	if (lines != res->nwarn || (res->errlen > 0 &&
	    res->err[res->errlen - 1] != '\n'))
		abort();
}

static bool
same_buf(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 ||
	    memcmp(a->p, b->p, a->len) == 0);
}

static void
free_result(struct result *res)
{
	free(res->rows.p);
	free(res->labels.p);
	free(res->err);
}

static void
put_file(const uint8_t *data, size_t n)
{
	if (memfd == -1 && (memfd = memfd_create("review", 0)) == -1)
		err(1, "memfd_create");
	if (ftruncate(memfd, 0) == -1 ||
	    (n > 0 && pwrite(memfd, data, n, 0) != (ssize_t)n))
		err(1, "memfd");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct scheme pra, argu;
	static struct fit *fit_pra, *fit_argu;
	static struct marker_memo *memo_pra, *memo_argu;
	struct result mem[4], str;
	struct review_opts o;
	char *path, *id;
	int mode;

	if (pra.n == 0 && (scheme_builtin(&pra, "pra") == -1 ||
	    scheme_builtin(&argu, "argu") == -1 ||
	    (fit_pra = fit_new(&pra)) == NULL ||
	    (fit_argu = fit_new(&argu)) == NULL))
		abort();
	if (memo_pra == NULL) {
		memo_pra = marker_memo_new(&pra);
		memo_argu = marker_memo_new(&argu);
	}
	o.scheme = &pra;
	o.fit = fit_pra;
	o.memo = memo_pra;
	o.json = false;
	if (n > 0 && data[0] < 4) {
		o.scheme = data[0] & 1 ? &argu : &pra;
		o.fit = data[0] & 1 ? fit_argu : fit_pra;
		o.memo = data[0] & 1 ? memo_argu : memo_pra;
		o.json = data[0] & 2;
		data++;
		n--;
	}
	put_file(data, n);
	for (mode = 0; mode < 4; mode++) {
		o.raw = mode & 1;
		o.all = mode & 2;
		o.quiet = false;
		run(&mem[mode], data, n, &o, false);
		run(&str, data, n, &o, true);
		if (!same_buf(&mem[mode].rows, &str.rows) ||
		    !same_buf(&mem[mode].labels, &str.labels) ||
		    mem[mode].errlen != str.errlen ||
		    memcmp(mem[mode].err, str.err, str.errlen) != 0)
			abort();
		free_result(&str);
	}
	if (mem[0].nrows != mem[1].nrows ||
	    !same_buf(&mem[0].labels, &mem[1].labels))
		abort();
	if (mem[3].textlen > 3 * n + 16)
		abort();
	for (mode = 0; mode < 4; mode++)
		free_result(&mem[mode]);

	/* The review id of the input read as a file name. */
	path = strndup((const char *)data, n < 256 ? n : 256);
	id = annot_id(path);
	if (strlen(id) > strlen(path))
		abort();
	free(id);
	free(path);
	return 0;
}
