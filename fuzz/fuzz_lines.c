/*
 * libFuzzer target: lines files (lib/review/lines.c, rsplit -L) and the input
 * views that show one line to the parser as a whole file.
 *
 * Each input is read as a lines file, streamed from a file through
 * input_fill (the fuzz build makes INPUT_CHUNK tiny, so TABs, CR LF pairs
 * and markers fall across buffer edges), in normal mode and with -r -a,
 * each line's review in the one of the line before (annot_next_line), as
 * rsplit -L reads them, through a memo of markers that lives from input
 * to input.
 * Beside it, a plain model splits the input in memory (SPEC 2.1, 3): lines
 * end at LF, a CR before it or at the end of the input belongs to the end,
 * the id is what comes before the first TAB among the first 65537 bytes.
 * It aborts, beyond crashes, leaks and undefined behaviour, when:
 *
 *   - the good lines, their numbers or their ids differ from the model's;
 *   - a good line's rows, its count of warnings, or whether it is refused
 *     as a review of another scheme (lib/review/fit.h), differ from those
 *     of its text read from memory as a whole review (annot_from_memory);
 *   - the count of bad lines, or of lines with a lone CR, differs.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "review/annot.h"
#include "review/lines.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	memfd = -1;

static void
add_row(struct buf *b, const struct sentence *s, int nlayers)
{
	char num[32];
	int i, n;

	n = snprintf(num, sizeof(num), "%lu\t", s->number);
	buf_add(b, num, (size_t)n);
	for (i = 0; s->labels != NULL && i < s->labels->ngroups &&
	    i < nlayers; i++) {
		buf_add(b, s->labels->text + s->labels->off[i],
		    s->labels->n[i]);
		buf_addc(b, '\t');
	}
	buf_add(b, s->text, s->len);
	buf_addc(b, '\n');
}

/* The rows and warning count of a review, drained (not closed). */
static unsigned long
drain(struct review *r, struct buf *rows, int nlayers)
{
	struct sentence s;
	unsigned long nwarn;

	while (annot_next(r, &s))
		add_row(rows, &s, nlayers);
	if (r->refused != NULL)
		buf_add(rows, "refused\n", 8);
	nwarn = r->nwarn;
	return nwarn;
}

static bool
same(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 ||
	    memcmp(a->p, b->p, a->len) == 0);
}

/* The model's next line from *p: false at the end of the input. */
static bool
model_line(const char **p, const char *end, const char **line, size_t *n)
{
	const char *nl;

	if (*p == end)
		return false;
	*line = *p;
	nl = memchr(*p, '\n', (size_t)(end - *p));
	*n = (size_t)((nl != NULL ? nl : end) - *p);
	*p = nl != NULL ? nl + 1 : end;
	if (*n > 0 && (*line)[*n - 1] == '\r')
		(*n)--;
	return true;
}

static void
run(const uint8_t *data, size_t size, const struct review_opts *o)
{
	char path[64];
	struct lines ls;
	struct input text;
	struct review r, rl;
	struct buf got = { 0 }, want = { 0 };
	const char *p = (const char *)data, *end = p + size, *line, *tab;
	unsigned long lineno = 0, nbad = 0, ncr = 0, wgot, wwant;
	size_t n, lim;
	bool good, first = true;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", memfd);
	if (lines_open(&ls, path, o->quiet) == -1)
		abort();
	for (;;) {
		/* The model's next good line, counting the bad ones. */
		good = false;
		while (!good && model_line(&p, end, &line, &n)) {
			lineno++;
			lim = n < LINES_ID_MAX + 1 ? n : LINES_ID_MAX + 1;
			tab = memchr(line, '\t', lim);
			good = tab != NULL && tab > line &&
			    memchr(line, '\0', (size_t)(tab - line)) == NULL;
			if (!good)
				nbad++;
			else if (memchr(line, '\r', n) != NULL)
				ncr++;
		}
		if (!lines_next(&ls, &text)) {
			if (good)
				abort();
			break;
		}
		if (!good || ls.line != lineno ||
		    ls.id.len != (size_t)(tab - line) ||
		    memcmp(ls.id.p, line, ls.id.len) != 0)
			abort();
		got.len = want.len = 0;
		/* As rsplit -L reads them: one review, line after line. */
		if (first)
			annot_from_input(&rl, &text, ls.line, ls.id.len + 1, o);
		else
			annot_next_line(&rl, &text, ls.line, ls.id.len + 1);
		first = false;
		wgot = drain(&rl, &got, o->scheme->nlayers);
		annot_from_memory(&r, "m", tab + 1,
		    (size_t)(line + n - tab - 1), o);
		wwant = drain(&r, &want, o->scheme->nlayers);
		annot_close(&r);
		if (!same(&got, &want) || wgot != wwant)
			abort();
	}
	if (!first)
		annot_close(&rl);
	if (ls.nbad != nbad || ls.nwarn != ncr || ls.in.failed)
		abort();
	lines_close(&ls);
	free(got.p);
	free(want.p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scheme pra;
	static struct fit *fit;
	static struct marker_memo *memo;
	static bool ready;
	struct review_opts o = { 0 };
	FILE *saved = stderr, *null;

	if (!ready) {
		if (scheme_builtin(&pra, "pra") == -1 ||
		    (fit = fit_new(&pra)) == NULL)
			abort();
		memo = marker_memo_new(&pra);
		if ((memfd = memfd_create("fuzz_lines", 0)) == -1)
			err(1, "memfd_create");
		ready = true;
	}
	if (ftruncate(memfd, 0) == -1 || pwrite(memfd, data, size, 0) !=
	    (ssize_t)size)
		err(1, "memfd");
	/* Bad lines are errors, printed even with -q: not here. */
	if ((null = fopen("/dev/null", "w")) == NULL)
		err(1, "/dev/null");
	stderr = null;
	o.quiet = true;
	o.scheme = &pra;
	o.fit = fit;
	o.memo = memo;
	run(data, size, &o);
	o.raw = o.all = true;
	run(data, size, &o);
	stderr = saved;
	fclose(null);
	return 0;
}
