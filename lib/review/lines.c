#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "msg.h"

static const char *
at(const struct lines *ls, off_t off)
{
	return ls->in.buf + (off - ls->in.base);
}

static off_t
end_off(const struct lines *ls)
{
	return ls->in.base + (off_t)ls->in.len;
}

static off_t
off_of(const struct lines *ls, const char *p)
{
	return ls->in.base + (p - ls->in.buf);
}

/* Reads on, dropping what lies before offset keep. */
static int
more(struct lines *ls, off_t keep)
{
	return input_fill(&ls->in, (size_t)(keep - ls->in.base));
}

/*
 * Looks at the bytes from ls->seen on for the line's end: its LF (with
 * the CR before it: CR LF ends a line, SPEC 2.1) or the end of the file.
 * A CR that is the last byte read may be the first half of a CR LF: it
 * stays unseen until the byte after it is read.  Any other CR is white
 * space in the text, as in a file, and noted: a file with CR line ends
 * would otherwise be one long review.
 */
static void
scan(struct lines *ls)
{
	const char *p = at(ls, ls->seen), *lim = at(ls, end_off(ls));
	const char *nl, *cr;
	bool ends;

	nl = memchr(p, '\n', (size_t)(lim - p));
	ends = nl != NULL || ls->in.eof;
	if (nl != NULL)
		lim = nl;
	if (lim > p && lim[-1] == '\r')
		lim--;
	if (ls->lone_cr < 0 && (cr = memchr(p, '\r', (size_t)(lim - p))) != NULL)
		ls->lone_cr = off_of(ls, cr);
	ls->seen = off_of(ls, lim);
	if (ends) {
		ls->end = ls->seen;
		ls->next = nl != NULL ? off_of(ls, nl) + 1 : end_off(ls);
	}
}

/* Reads to the end of the current line, keeping none of it. */
static void
skip_line(struct lines *ls)
{
	scan(ls);
	while (ls->end < 0) {
		more(ls, ls->seen);
		scan(ls);
	}
}

/* Shows the view as much of the line's text as has been read. */
static void
view_sync(struct lines *ls, struct input *v)
{
	off_t first = ls->text + v->base;

	v->buf = ls->in.buf + (first - ls->in.base);
	v->eof = ls->end >= 0;
	v->len = (size_t)((v->eof ? ls->end : ls->seen) - first);
	v->failed = ls->in.failed;
}

/* input_fill for the view: read(2) that stops at the line's end. */
static int
view_refill(struct input *v, size_t keep)
{
	struct lines *ls = v->src;
	off_t before = ls->seen;

	v->base += (off_t)keep;
	while (ls->end < 0 && ls->seen == before) {
		more(ls, ls->text + v->base);
		scan(ls);
	}
	view_sync(ls, v);
	return ls->seen > before;
}

int
lines_open(struct lines *ls, const char *path, bool quiet)
{
	memset(ls, 0, sizeof(*ls));
	if (input_open(&ls->in, path) == -1)
		return -1;
	ls->quiet = quiet;
	ls->lone_cr = -1;
	return 0;
}

void
lines_close(struct lines *ls)
{
	input_close(&ls->in);
	free(ls->id.p);
}

/* Starts the next line; false at the end of the file. */
static bool
begin(struct lines *ls)
{
	while (end_off(ls) == ls->next && !ls->in.eof)
		more(ls, ls->next);
	if (end_off(ls) == ls->next)
		return false;
	ls->line++;
	ls->start = ls->seen = ls->next;
	ls->end = -1;
	ls->lone_cr = -1;
	return true;
}

static bool
bad(struct lines *ls, const char *what)
{
	msg_warn_at(ls->in.name, ls->line, "%s", what);
	ls->nbad++;
	return false;
}

/*
 * Reads the review id, the bytes before the line's first TAB, into
 * ls->id.  Returns false for a line that has none, reported.
 */
static bool
read_id(struct lines *ls)
{
	const char *p, *tab, *cr;
	size_t n;

	for (;;) {
		p = at(ls, ls->start);
		n = (size_t)(end_off(ls) - ls->start);
		if (n > LINES_ID_MAX + 1)
			n = LINES_ID_MAX + 1;
		tab = memchr(p, '\t', n);
		if (memchr(p, '\n', tab != NULL ? (size_t)(tab - p) : n) != NULL)
			return bad(ls, "no TAB between review id and text");
		if (tab != NULL)
			break;
		if (n > LINES_ID_MAX)
			return bad(ls, "no TAB in the first " LINES_ID_MAX1_STR
			    " bytes: a review id is at most " LINES_ID_MAX_STR);
		if (ls->in.failed)
			return false;	/* reported by input_fill */
		if (ls->in.eof)
			return bad(ls, "no TAB between review id and text");
		more(ls, ls->start);
	}
	n = (size_t)(tab - p);
	if (n == 0)
		return bad(ls, "empty review id");
	if (memchr(p, '\0', n) != NULL)
		return bad(ls, "NUL byte in the review id");
	if ((cr = memchr(p, '\r', n)) != NULL)
		ls->lone_cr = off_of(ls, cr);
	ls->id.len = 0;
	buf_add(&ls->id, p, n);
	buf_addc(&ls->id, '\0');
	ls->id.len--;
	ls->text = ls->seen = off_of(ls, tab) + 1;
	return true;
}

/* One warning per line for its first lone CR, after the line's own. */
static void
note_lone_cr(struct lines *ls)
{
	char name[MSG_NAME_BUFSIZE];

	if (ls->lone_cr < 0)
		return;
	ls->nwarn++;
	if (!ls->quiet)
		fprintf(stderr, "%s: %s:%lu:%lld: lone CR, read as white "
		    "space (lines end at LF)\n", getprogname(),
		    msg_name(ls->in.name, name), ls->line, (long long)(ls->lone_cr - ls->start + 1));
	ls->lone_cr = -1;
}

/*
 * Moves to the next good line: its id in ls->id, its text as the input
 * view text, valid until the next call.  A bad line is reported and
 * skipped.  Returns false at the end of the file.
 */
bool
lines_next(struct lines *ls, struct input *text)
{
	for (;;) {
		/* The parser of the line before may have stopped early. */
		if (ls->end < 0)
			skip_line(ls);
		note_lone_cr(ls);
		if (!begin(ls))
			return false;
		if (read_id(ls))
			break;
		skip_line(ls);
		ls->lone_cr = -1;	/* the line is an error already */
	}
	scan(ls);
	memset(text, 0, sizeof(*text));
	text->name = ls->in.name;
	text->fd = -1;
	text->refill = view_refill;
	text->src = ls;
	view_sync(ls, text);
	return true;
}

/* Writes p[0..n) with each LF and CR made one space. */
static void
put_spaced(struct out *o, const char *p, size_t n)
{
	size_t i, from = 0;

	for (i = 0; i < n; i++)
		if (p[i] == '\n' || p[i] == '\r') {
			out_write(o, p + from, i - from);
			out_char(o, ' ');
			from = i + 1;
		}
	out_write(o, p + from, n - from);
}

/*
 * Writes the review file path as one line: id, a TAB, the file's bytes
 * with each raw LF and CR made one space, and nothing else changed.  Raw
 * line ends are white space to the parser, so rsplit -L gives the rows
 * of rsplit FILE byte for byte in normal mode (with -r, a space where
 * the file had a raw line end).  The file streams in chunks.  A file
 * that cannot be opened or read at all is reported and writes nothing;
 * returns 1 then, or after a later read error, else 0.
 */
int
lines_put(struct out *o, struct slice id, const char *path)
{
	struct input in;
	int more, failed;

	if (input_open(&in, path) == -1)
		return 1;
	more = input_fill(&in, 0);
	if (in.failed) {
		input_close(&in);
		return 1;
	}
	out_write(o, id.p, id.n);
	out_char(o, '\t');
	while (more) {
		put_spaced(o, in.buf, in.len);
		more = input_fill(&in, in.len);
	}
	out_char(o, '\n');
	failed = in.failed;
	input_close(&in);
	return failed;
}
