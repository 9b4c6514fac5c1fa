#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot.h"
#include "msg.h"
#include "simd.h"
#include "text.h"

#define CARRY_MAX	8	/* spaces between a marker and a split escape */
#define CLOSE_LOOKAHEAD	(64 * 1024)	/* what may follow the closing quote */
#define TAIL_BACK	32	/* is_tail looks back this far */
#define LOOKBACK	64	/* raw bytes kept before the search, > TAIL_BACK + 12 */
#define FIT_AHEAD	(64 * 1024)	/* fit_ahead looks this far, */
#define FIT_TRIES	64		/* ... at this many brackets at most */

static const char *
at(const struct review *r, off_t off)
{
	return r->in.buf + (off - r->in.base);
}

static off_t
end_off(const struct review *r)
{
	return r->in.base + (off_t)r->in.len;
}

/* Counts lines up to offset to, which must still be in the buffer. */
static void
advance_lines(struct review *r, off_t to)
{
	const char *p, *end, *nl;

	if (to <= r->line_off)
		return;
	p = at(r, r->line_off);
	end = at(r, to);
	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		r->line++;
		r->line_start = r->line_off + (nl - at(r, r->line_off)) + 1;
		p = nl + 1;
	}
	r->line_off = to;
}

static off_t	decode_ahead(struct review *);
static bool	no_close_since(struct review *, off_t *, off_t *, off_t);
static void	flush_before(struct review *, off_t);

/*
 * Reads more, dropping what lies before the current sentence or, while
 * the marker search reads on, what is decoded already.
 */
static void
fill(struct review *r)
{
	off_t keep = r->searching ? decode_ahead(r) : r->dec_to;

	flush_before(r, keep);
	advance_lines(r, keep);
	input_fill(&r->in, (size_t)(keep - r->in.base));
}

/*
 * Reads until n bytes from offset off are in the buffer, or to the end:
 * a parse that asked for more then runs once more, not once per read
 * (with the fuzz build's 8-byte reads, re-parsing a long candidate after
 * every read made a linear run of groups take seconds).
 */
static void
fill_past(struct review *r, off_t off, off_t n)
{
	do
		fill(r);
	while (!r->in.eof && end_off(r) - off <= n);
}

/* The part of a warning after its text, from the note's arguments. */
static void
print_args(const struct review *r, const struct note *n)
{
	const struct scheme *sch = r->opts.scheme;
	unsigned char c = (unsigned char)n->arg[0];

	switch (n->kind) {
	case NOTE_BAD_ESCAPE:
	case NOTE_PLAIN_ESCAPE:
		if (c > ' ' && c < 0x7f)
			fprintf(stderr, " \\%c", c);
		else if (c == '\0')
			fprintf(stderr, " \\ at the end of the text");
		else
			fprintf(stderr, " \\ followed by byte 0x%02x", c);
		break;
	case NOTE_EXCESS:
		fprintf(stderr, " %d groups; the scheme has %d layers; kept as text",
		    n->arg[0], sch->nlayers);
		break;
	case NOTE_MOVED:
	case NOTE_KEPT:
		fprintf(stderr, " group %d belongs to layer %s", n->arg[0],
		    sch->layers[n->arg[1]].name);
		if (n->arg[2] > 1)
			fprintf(stderr, " (%d groups out of place)", n->arg[2]);
		break;
	case NOTE_UNSURE:
		fprintf(stderr, " group %d has %s", n->arg[0],
		    n->arg[1] == LAYER_SEVERAL ? "codes of several layers" :
		    "unknown codes");
		if (n->arg[2] > 1)
			fprintf(stderr, " (%d such groups)", n->arg[2]);
		break;
	default:
		break;
	}
}

static void
print_note(struct review *r, const struct note *n)
{
	char name[MSG_NAME_BUFSIZE];

	r->nwarn++;
	if (r->opts.quiet)
		return;
	advance_lines(r, n->off);
	fprintf(stderr, "%s: %s:%lu:%lld: %s", getprogname(),
	    msg_name(r->in.name, name), r->line,
	    (long long)(n->off - r->line_start + 1),
	    note_text(n->kind));
	print_args(r, n);
	fputc('\n', stderr);
}

/* Reports the notes of a sentence in file order. */
static void
flush_notes(struct review *r)
{
	struct notes *ns = &r->notes;
	size_t i;

	if (ns->n == 0)
		return;
	note_sort(ns);
	for (i = 0; i < ns->n; i++)
		print_note(r, &ns->v[i]);
	ns->n = 0;
}

/*
 * Reports the notes before offset keep, which the buffer is about to
 * drop: no note comes there any more, as the search and the decoder have
 * passed it, so the order of all stays the file's.
 */
static void
flush_before(struct review *r, off_t keep)
{
	struct notes *ns = &r->notes;
	size_t i, k;

	if (ns->n == 0)
		return;
	note_sort(ns);
	for (k = 0; k < ns->n && ns->v[k].off < keep; k++)
		print_note(r, &ns->v[k]);
	for (i = k; i < ns->n; i++)
		ns->v[i - k] = ns->v[i];
	ns->n -= k;
}

/* All of r but its markers, zero. */
static void
clear(struct review *r)
{
	memset(r, 0, offsetof(struct review, mk));
}

static void
init(struct review *r, const struct review_opts *opts)
{
	r->opts = *opts;
	r->dec.close_quote = -1;
	r->distrust_from = r->distrust_seen = r->mark_end = -1;
	r->open2_from = r->open2_seen = -1;
	r->qnext = -1;
	r->dec.notes = &r->notes;
	r->fitted = opts->fit == NULL;
	r->dec.squeeze = !opts->raw;
	r->dec.avx2 = simd_avx2();
	r->line = 1;
	/*
	 * The text buffers start allocated: an empty review leaves them
	 * untouched, and even NULL + 0 (review_rest, normalise) is undefined
	 * behaviour (found by fuzz/fuzz_review.c on an empty input).
	 */
	xgrow(&r->cur.p, &r->cur.cap, 1);
	xgrow(&r->held.p, &r->held.cap, 1);
}

int
annot_open(struct review *r, const char *path, const struct review_opts *opts)
{
	clear(r);
	if (input_open(&r->in, path) == -1)
		return -1;
	init(r, opts);
	return 0;
}

/* For the fuzzer and tests: a review already in memory. */
void
annot_from_memory(struct review *r, const char *name, const char *p,
    size_t n, const struct review_opts *opts)
{
	clear(r);
	r->in.name = name;
	r->in.fd = -1;
	r->in.buf = xmemdup(p, n);
	r->in.len = r->in.cap = n;
	r->in.eof = true;
	init(r, opts);
}

/*
 * A review whose text is the input view in (lib/review/lines.c: one line of a
 * lines file), col bytes into line number line: warnings then give that
 * line and the byte in it, as an editor counts.
 */
static void
start_line(struct review *r, const struct input *in, unsigned long line,
    size_t col, const struct review_opts *opts)
{
	r->in = *in;
	init(r, opts);
	r->line = r->at_line = line;
	r->line_start = -(off_t)col;
}

void
annot_from_input(struct review *r, const struct input *in,
    unsigned long line, size_t col, const struct review_opts *opts)
{
	clear(r);
	start_line(r, in, line, col, opts);
}

/*
 * The review of the next line, in r, the review of the line before (not
 * closed): its text buffers and notes are kept, emptied, and the rest
 * starts anew.  A fresh review's buffers grew line after line from a
 * byte, 900 instructions a line in rsplit -L.
 */
void
annot_next_line(struct review *r, const struct input *in,
    unsigned long line, size_t col)
{
	struct review_opts opts = r->opts;
	struct buf cur = r->cur, held = r->held;
	struct notes notes = r->notes;

	input_close(&r->in);
	clear(r);
	r->cur = cur;
	r->held = held;
	r->notes = notes;
	r->cur.len = r->held.len = r->notes.n = 0;
	start_line(r, in, line, col, &opts);
}

void
annot_close(struct review *r)
{
	input_close(&r->in);
	note_free(&r->notes);
	free(r->cur.p);
	free(r->held.p);
}

/*
 * Skips a BOM and decides the form: a file whose first non-space byte
 * is '"' is one JSON string; any other is plain text, or with -j a JSON
 * string without its quotes.
 */
static void
start(struct review *r)
{
	off_t i;

	r->started = true;
	while (r->in.len < 3 && !r->in.eof)
		fill(r);
	if (r->in.len >= 3 && memcmp(r->in.buf, "\xEF\xBB\xBF", 3) == 0)
		r->seg = 3;
	for (i = r->seg;; i++) {
		if (i == end_off(r)) {
			if (r->in.eof)
				break;
			fill(r);
		}
		if (i == end_off(r) || !text_is_space(*at(r, i)))
			break;
	}
	if (i < end_off(r) && *at(r, i) == '"') {
		r->dec.json = true;
		r->quoted = true;
		r->seg = i + 1;
	} else if (r->opts.json) {
		/* -j: a JSON string whose quotes were stripped (SPEC 1.3). */
		r->dec.json = true;
	}
	r->scan = r->qscan = r->seg;
}

/*
 * Is the '"' at q the JSON string's closing quote?  It is when only
 * spaces, markers and closing punctuation, no more than 64 KiB of them,
 * follow it to the end of the file; anywhere else an unescaped quote is
 * text (malformed JSON).
 * Returns -1 when more input is needed to tell.
 */
static int
closes_string(struct review *r, off_t q, struct marker *m)
{
	off_t i = q + 1, end = end_off(r);
	char c;

	for (;;) {
		while (i < end && text_is_space(*at(r, i)))
			i++;
		/* Bounds memory: the tail after a closing quote is short. */
		if (i - q > CLOSE_LOOKAHEAD)
			return 0;
		if (i == end)
			return r->in.eof ? 1 : -1;
		c = *at(r, i);
		if (c == '[') {
			switch (marker_parse(at(r, i), (size_t)(end - i),
			    r->in.eof, r->opts.scheme, r->opts.memo, m)) {
			case MARKER_YES:
			case MARKER_EXCESS:	/* markup, if no marker */
				i += (off_t)m->len;
				continue;
			case MARKER_MORE:
				return -1;
			default:
				return 0;
			}
		}
		if (c == '\0' || strchr(".,;:!?)]'", c) == NULL)
			return 0;
		i++;
	}
}

/*
 * Is the byte at off preceded by an odd run of backslashes?  The run
 * starts no earlier than the decoded text, which ends between escapes.
 */
static bool
escaped(const struct review *r, off_t off)
{
	off_t k = off;

	while (k > r->dec_to && *at(r, k - 1) == '\\')
		k--;
	return (off - k) % 2 == 1;
}

/*
 * The first '"' from r->qscan on before limit, or -1.  The search runs
 * on to the end of the input read, and what it found is kept for the
 * next sentences: a review has a few quotes, and a search of its own
 * for each sentence cost as much as the search for its marker's '['.
 */
static off_t
next_quote(struct review *r, off_t limit)
{
	off_t from = r->qscan, end = end_off(r);
	const char *q;

	if (r->qnext >= r->qscan)
		return r->qnext < limit ? r->qnext : -1;
	if (r->qnext < 0 && r->qend > from)
		from = r->qend;
	if (from >= limit)
		return -1;
	q = memchr(at(r, from), '"', (size_t)(end - from));
	r->qnext = q != NULL ? r->in.base + (q - r->in.buf) : -1;
	r->qend = end;
	return r->qnext >= 0 && r->qnext < limit ? r->qnext : -1;
}

/*
 * Looks for the closing quote among the quotes before limit.  Returns
 * false when more input is needed.
 */
static bool
find_close_quote(struct review *r, off_t limit, struct marker *m)
{
	off_t qo;
	int c;

	while (r->quoted && r->dec.close_quote < 0 && r->qscan < limit) {
		if ((qo = next_quote(r, limit)) < 0) {
			r->qscan = limit;
			break;
		}
		if (!escaped(r, qo)) {
			if ((c = closes_string(r, qo, m)) < 0)
				return false;
			if (c == 1)
				r->dec.close_quote = qo;
		}
		r->qscan = qo + 1;
	}
	return true;
}

/*
 * After a [[ that did not parse, or that ended early with fewer groups
 * than the scheme has layers, the brackets up to the next "]]" are the
 * rest of the same mistake ("[[MET-NEG], [EMP foo], [CRT], [MAJ]]"): no
 * marker opened by one '[' starts there, lest "[CRT], [MAJ]]" become a
 * sentence of its own with its labels in the wrong layers.  The range
 * looked at lies in the current sentence, which the buffer keeps, so the
 * answer does not depend on where reads end.  The search goes on from
 * where the last one stopped: searching again from distrust_from for
 * every candidate was quadratic (issue 14: 420 KB took 16 s).
 */
static bool
open1_distrusted(struct review *r, off_t bo)
{
	return no_close_since(r, &r->distrust_from, &r->distrust_seen, bo);
}

/*
 * Is there no "]]" from *from (in the current sentence) to bo?  Then
 * *seen becomes bo; else *from becomes -1.
 */
static bool
no_close_since(struct review *r, off_t *fromp, off_t *seen, off_t bo)
{
	off_t from = *fromp;

	if (from < 0)
		return false;
	if (from < *seen - 1)
		from = *seen - 1;
	if (from < r->seg)
		from = r->seg;
	if (from < bo &&
	    memmem(at(r, from), (size_t)(bo - from), "]]", 2) != NULL) {
		*fromp = -1;
		return false;
	}
	*seen = bo;
	return true;
}

/*
 * Where the marker whose tail is at bo starts: the last "[[" that was no
 * marker, when it is in the current sentence, no more than MARKER_MAX
 * bytes before bo, and no "]]" closed it before bo (SPEC 1.2: a warning
 * points at the start of the marker); else bo.  decode_ahead keeps the
 * notes after such a "[[" unreported, so that the order of all is the
 * file's however reads end (found by fuzz/fuzz_review.c).
 */
static off_t
tail_start(struct review *r, off_t bo)
{
	if (r->open2_from >= r->seg && bo - r->open2_from <= MARKER_MAX &&
	    no_close_since(r, &r->open2_from, &r->open2_seen, bo))
		return r->open2_from;
	return bo;
}

/* Notes a "[[" at bo that is no marker, for tail_start. */
static void
open2_failed(struct review *r, const char *b, off_t bo)
{
	if (bo + 1 >= end_off(r) || b[1] != '[')
		return;
	if (bo > r->seg && b[-1] == '[')
		return;	/* the second '[' of a "[[[" */
	r->open2_from = r->open2_seen = bo;
}

/*
 * Does the marker opened by one '[' at bo directly follow "],"?  (Across
 * fewer than TAIL_BACK spaces: the buffer keeps as much before the
 * search, so the answer does not depend on where reads end.)  Then it
 * is the tail of a marker that could not be read whole
 * ("[[MET NEG], [EMP-NEG], [CRT], [MAJ]]"), and as a marker of its own it
 * would put every label one layer to the left (SPEC 1.3).  Looks back no
 * further than the current sentence, which starts where the last marker
 * ended when no escape was joined across it.
 */
static bool
is_tail(const struct review *r, off_t bo)
{
	off_t lo = bo - TAIL_BACK > r->seg ? bo - TAIL_BACK : r->seg, k = bo;

	while (k > lo && text_is_space(*at(r, k - 1)))
		k--;
	if (k == lo || *at(r, k - 1) != ',')
		return false;
	k--;
	while (k > lo && text_is_space(*at(r, k - 1)))
		k--;
	/* "[[MET-NEG]], [EMP-NEG], ...": the ']' ended the last marker. */
	if (k == r->seg)
		return k == r->mark_end;
	return k > lo && *at(r, k - 1) == ']';
}

/*
 * While the marker search reads on, the text it has passed, but the last
 * LOOKBACK bytes and any quote not judged yet, is decoded onto cur, so
 * that the buffer need not keep the raw sentence as well: memory is one
 * copy of the longest sentence, not two.  The distrust search is brought
 * up to the scan first, for the same reason.  Returns the offset of the
 * first byte still needed.
 */
static off_t
decode_ahead(struct review *r)
{
	off_t stop = r->scan - LOOKBACK;

	if (r->distrust_from >= 0)
		(void)open1_distrusted(r, r->scan);
	if (r->open2_from >= r->seg)
		(void)no_close_since(r, &r->open2_from, &r->open2_seen,
		    r->scan);
	if (r->quoted && r->dec.close_quote < 0 && stop > r->qscan)
		stop = r->qscan;
	if (r->open2_from >= r->seg && r->scan - r->open2_from <= MARKER_MAX &&
	    stop > r->open2_from)
		stop = r->open2_from;
	if (stop > r->dec_to)
		r->dec_to += (off_t)decode_part(&r->dec, at(r, r->dec_to),
		    (size_t)(r->scan - r->dec_to), (size_t)(stop - r->dec_to),
		    r->dec_to, &r->cur);
	return r->dec_to;
}

/* Sets where no marker opened by one '[' is trusted, from; -1: none. */
static void
distrust(struct review *r, off_t from)
{
	r->distrust_from = from;
	r->distrust_seen = from;
}

/*
 * The first marker at *bo, len bytes long, holds no code of any built-in scheme: the next
 * marker that holds one decides, if it starts within FIT_AHEAD bytes
 * (the buffer keeps them, from *bo on) and FIT_TRIES brackets (each may
 * be parsed for MARKER_MAX bytes: a run of '[' would cost that a byte);
 * else the scheme in effect stays.
 * Returns fit_check's verdict, with *bo moved to that marker when it
 * fits another scheme, so that the error points at it.
 */
static int
fit_ahead(struct review *r, off_t *bo, size_t len)
{
	struct marker m;
	enum marker_result res;
	const char *b;
	off_t o = *bo + (off_t)len;
	int k, tries = 0;

	while (o - *bo < FIT_AHEAD && tries < FIT_TRIES) {
		/* Then neither the parse nor the fit asks for more input. */
		if (end_off(r) - o <= MARKER_MAX && !r->in.eof) {
			fill_past(r, o, MARKER_MAX);
			continue;
		}
		if ((b = memchr(at(r, o), '[', (size_t)(end_off(r) - o))) ==
		    NULL) {
			if (r->in.eof)
				break;
			o = end_off(r);
			continue;
		}
		if (b - at(r, o) > 0) {
			o += b - at(r, o);
			continue;
		}
		tries++;
		res = marker_parse(b, (size_t)(end_off(r) - o), r->in.eof,
		    r->opts.scheme, r->opts.memo, &m);
		if (res != MARKER_YES && res != MARKER_EXCESS) {
			o++;
			continue;
		}
		k = fit_check(r->opts.fit, res == MARKER_YES ? &m : NULL, b,
		    (size_t)(end_off(r) - o), r->in.eof);
		if (k != FIT_NONE) {
			if (k >= 0)
				*bo = o;
			return k;
		}
		o += (off_t)m.len;
	}
	return FIT_SAME;
}

/*
 * SPEC 3: a review whose first marker fits another built-in scheme
 * better than the scheme in effect is not split (lib/review/fit.h).
 * Checks the marker at *bo, len bytes, the review's first (m: as read
 * under the scheme in effect, or NULL when not read whole); then
 * r->refused names the scheme it fits, if another, and *bo the marker
 * that decided (fit_ahead).  Returns false when it read on to
 * tell, and the search must look at bo again.  The caller tests
 * r->fitted, which is true from the start when there is nothing to
 * check, so that later markers cost one test.
 */
static bool
check_fit(struct review *r, off_t *bo, const struct marker *m, size_t len)
{
	int k;

	k = fit_check(r->opts.fit, m, at(r, *bo), (size_t)(end_off(r) - *bo),
	    r->in.eof);
	if (k == FIT_MORE) {
		fill_past(r, *bo, MARKER_MAX);
		return false;
	}
	if (k == FIT_NONE)
		k = fit_ahead(r, bo, len);
	r->fitted = true;
	if (k >= 0)
		r->refused = fit_name(r->opts.fit, k);
	return true;
}

/*
 * Finds the next marker from r->scan, parsed into m.  Returns its
 * offset, or -1 at the end of the file.  A first marker of another
 * scheme is returned too, with r->refused set.
 */
static off_t
find_marker(struct review *r, struct marker *m)
{
	const char *b;
	off_t bo, end;

	for (;;) {
		end = end_off(r);
		b = memchr(at(r, r->scan), '[', (size_t)(end - r->scan));
		bo = b ? r->in.base + (b - r->in.buf) : end;
		if (!find_close_quote(r, bo, m)) {
			fill_past(r, r->qscan, CLOSE_LOOKAHEAD + MARKER_MAX);
			continue;
		}
		if (b == NULL) {
			r->scan = end;
			if (r->in.eof)
				return -1;
			fill(r);
			continue;
		}
		/*
		 * A '[' in the rest of a broken [[ is text whatever follows:
		 * no need to parse it (issue 14: every '[' of a long run
		 * was parsed for up to MARKER_MAX bytes).
		 */
		if (bo + 1 < end && b[1] != '[' && open1_distrusted(r, bo)) {
			r->scan = bo + 1;
			continue;
		}
		switch (marker_parse(b, (size_t)(end - bo), r->in.eof,
		    r->opts.scheme, r->opts.memo, m)) {
		case MARKER_YES:
			if ((m->notes & 1u << NOTE_OPEN1) && is_tail(r, bo)) {
				note_add(&r->notes, tail_start(r, bo),
				    NOTE_TAIL, 0);
				r->scan = bo + (off_t)m->len;
				continue;
			}
			if (!r->fitted && !check_fit(r, &bo, m, m->len))
				continue;
			distrust(r, (m->notes & 1u << NOTE_UNCLOSED) &&
			    m->nread < r->opts.scheme->nlayers ?
			    bo + (off_t)m->len : -1);
			return bo;
		case MARKER_MORE:
			fill_past(r, bo, MARKER_MAX);
			continue;
		case MARKER_EXCESS:
			if (!r->fitted && !check_fit(r, &bo, NULL, m->len))
				continue;
			if (r->refused != NULL)
				return bo;
			note_add(&r->notes, bo, NOTE_EXCESS, m->nread);
			r->scan = bo + (off_t)m->len;
			continue;
		case MARKER_BROKEN:
			note_add(&r->notes, bo, NOTE_NOT_MARKER, 0);
			distrust(r, bo + 1);
			/* FALLTHROUGH */
		case MARKER_NO:
			open2_failed(r, b, bo);
			r->scan = bo + 1;
		}
	}
}

/*
 * A marker stands between a backslash and the rest of its escape
 * (`\[[...]]n`, often with a space after the marker).  Decodes the
 * escape onto cur and returns the offset the next sentence starts at;
 * the spaces stay with the next sentence (r->carry).
 */
static off_t
join_escape(struct review *r, off_t bslash, off_t after, size_t *carry)
{
	char esc[12];
	size_t n, used;
	off_t k;

	for (;;) {
		for (k = after; k < end_off(r) && *at(r, k) == ' ' &&
		    k - after < CARRY_MAX; k++)
			;
		if (end_off(r) - k >= 11 || r->in.eof)
			break;
		fill(r);
	}
	n = (size_t)(end_off(r) - k);
	n = n > sizeof(esc) - 1 ? sizeof(esc) - 1 : n;
	esc[0] = '\\';
	memcpy(esc + 1, at(r, k), n);
	used = decode_escape(&r->dec, esc, n + 1, bslash, &r->cur);
	if (used == 1)
		return after;	/* not an escape: the backslash stays text */
	note_add(&r->notes, bslash + 1, NOTE_SPLIT_ESCAPE, 0);
	*carry = (size_t)(k - after);
	return k + (off_t)used - 1;
}

/* A note of the marker m at b, with its arguments. */
static void
add_marker_note(struct review *r, off_t b, const struct marker *m,
    enum note_kind k)
{
	const int *a;

	switch (k) {
	case NOTE_MOVED:
		a = m->place[0];
		break;
	case NOTE_KEPT:
		a = m->place[1];
		break;
	case NOTE_UNSURE:
		a = m->place[2];
		break;
	default:
		note_add(&r->notes, b, k, 0);
		return;
	}
	note_add3(&r->notes, b, k, a[0], a[1], a[2]);
}

/*
 * The review's first marker, at b, fits another scheme than the one in
 * effect: no row, and an error that -q does not silence.  The warnings
 * about the text before it come first, all of them, so that what is
 * reported does not depend on where reads end.
 */
static void
refuse(struct review *r, off_t b)
{
	char name[MSG_NAME_BUFSIZE];

	(void)decode_text(&r->dec, at(r, r->dec_to), (size_t)(b - r->dec_to),
	    r->dec_to, &r->cur);
	flush_notes(r);
	advance_lines(r, b);
	fprintf(stderr, "%s: %s:%lu:%lld: the marker holds codes of scheme "
	    "%s, not of %s; use --scheme %s\n", getprogname(),
	    msg_name(r->in.name, name),
	    r->line, (long long)(b - r->line_start + 1), r->refused,
	    r->opts.scheme->source, r->refused);
	r->done = r->rest_done = true;
}

/*
 * Decodes the text before the next marker (or the rest of the file) into
 * r->cur.  Returns true when a marker ends it; its labels are in m.
 */
static bool
next_segment(struct review *r, struct marker *m)
{
	off_t b, next;
	size_t carry = r->carry;
	bool found;

	r->cur.len = 0;
	/* Normal mode squeezes them away: they start the text. */
	while (r->opts.raw && carry-- > 0)
		buf_addc(&r->cur, ' ');
	r->dec_to = r->seg;
	r->searching = true;
	b = find_marker(r, m);
	r->searching = false;
	if (r->refused != NULL) {
		refuse(r, b);
		return false;
	}
	found = b >= 0;
	if (!found)
		b = end_off(r);
	next = b + (found ? (off_t)m->len : 0);
	r->carry = 0;
	if (decode_text(&r->dec, at(r, r->dec_to), (size_t)(b - r->dec_to),
	    r->dec_to, &r->cur) > 0) {
		if (found)
			next = join_escape(r, b - 1, next, &r->carry);
		else
			decode_escape(&r->dec, at(r, b - 1), 1, b - 1, &r->cur);
	}
	/* The marker's notes, in the order of their kinds. */
	for (unsigned k = found ? m->notes : 0; k != 0; k &= k - 1)
		add_marker_note(r, b, m, (enum note_kind)__builtin_ctz(k));
	flush_notes(r);
	r->mark_end = found ? b + (off_t)m->len : -1;
	r->seg = r->scan = r->dec_to = next;
	if (r->qscan < next)
		r->qscan = next;
	return found;
}

/*
 * Length of the closing punctuation character at p, or 0: one of
 * .,;:!?)]"' or the UTF-8 of ” ’ ».
 */
static size_t
closing_punct(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;

	switch (u[0]) {
	case '.': case ',': case ';': case ':': case '!': case '?':
	case ')': case ']': case '"': case '\'':
		return 1;
	case 0xE2:	/* ” U+201D, ’ U+2019 */
		return n >= 3 && u[1] == 0x80 && (u[2] == 0x9D || u[2] == 0x99) ?
		    3 : 0;
	case 0xC2:	/* » U+00BB */
		return n >= 2 && u[1] == 0xBB ? 2 : 0;
	}
	return 0;
}

/*
 * Normal mode: the closing punctuation that follows a marker, before a
 * space or the next marker, ends the sentence before it ("idea[[...]] .
 * Next" gives "idea.").  cur is squeezed already (lib/review/decode.h):
 * no space starts it, and the one after the punctuation, if any, goes
 * with it.  The held sentence may end in the ' ' due before more text:
 * it stands before the punctuation, as squeezing the two would put it
 * ("idea [[...]]." gives "idea .").  Returns how many bytes of cur were
 * moved.
 */
static size_t
move_punct(struct review *r)
{
	const char *p = r->cur.p, *end = r->cur.p + r->cur.len, *s;
	size_t k;

	if (r->opts.raw)
		return 0;
	for (s = p; s < end && (k = closing_punct(s, (size_t)(end - s))) > 0;)
		s += k;
	if (s == p || (s < end && *s != ' '))
		return 0;
	buf_add(&r->held, p, (size_t)(s - p));
	return (size_t)(s - p) + (s < end);
}

/* A squeezed text without the ' ' due before more text, if it ends so. */
static size_t
trim_due_space(const char *p, size_t n)
{
	return n > 0 && p[n - 1] == ' ' ? n - 1 : n;
}

static void
swap_bufs(struct buf *a, struct buf *b)
{
	struct buf t = *a;

	*a = *b;
	*b = t;
}

/* Returns the held sentence in s (valid until the next call). */
static void
release_held(struct review *r, struct sentence *s)
{
	char *p = r->held.p + r->held_skip;
	size_t n = r->held.len - r->held_skip;

	s->number = r->nsent;
	s->labels = &r->mk[r->held_mk];
	s->text = p;
	s->len = r->opts.raw ? n : trim_due_space(p, n);
}

/*
 * The text before a new marker, skip bytes of it aside, becomes the held
 * sentence; the buffers trade places rather than copy the text.
 */
static void
hold(struct review *r, size_t skip)
{
	swap_bufs(&r->cur, &r->held);
	r->held_skip = skip;
	r->held_mk = !r->held_mk;
	r->have_held = true;
	r->nsent++;
}

static bool	review_rest(struct review *, struct sentence *);

static bool
blank(const char *p, size_t n)
{
	while (n > 0 && text_is_space(p[n - 1]))
		n--;
	return n == 0;
}

/*
 * The next sentence of the review.  Each is held back until the text
 * after its marker is read, for the punctuation rule; the text after the
 * last marker is a sentence without labels with -a.
 */
bool
annot_next(struct review *r, struct sentence *s)
{
	bool had, found;
	size_t skip;

	if (!r->started)
		start(r);
	while (!r->done) {
		found = next_segment(r, &r->mk[!r->held_mk]);
		had = r->have_held;
		skip = 0;
		if (had) {
			skip = move_punct(r);
			release_held(r, s);
		}
		if (found)
			hold(r, skip);
		else {
			r->done = true;
			r->tail_skip = skip;
		}
		if (had)
			return true;
	}
	return review_rest(r, s);
}

/* After the last marker: the unannotated rest, with -a. */
static bool
review_rest(struct review *r, struct sentence *s)
{
	char name[MSG_NAME_BUFSIZE];
	const char *p = r->cur.p + r->tail_skip;
	size_t n = r->cur.len - r->tail_skip;

	if (r->rest_done)
		return false;
	r->rest_done = true;
	/*
	 * A read error (a directory, EIO) was reported already: no "no
	 * annotations" on top of it, and no -a row for text never read.
	 */
	if (r->in.failed)
		return false;
	if (r->nsent == 0) {
		r->nwarn++;
		if (!r->opts.quiet && r->at_line > 0)
			msg_warn_at(r->in.name, r->at_line, "no annotations");
		else if (!r->opts.quiet)
			fprintf(stderr, "%s: %s: no annotations\n",
			    getprogname(), msg_name(r->in.name, name));
	}
	if (!r->opts.all || (r->nsent > 0 && blank(p, n)))
		return false;
	swap_bufs(&r->cur, &r->held);
	r->held_skip = r->tail_skip;
	release_held(r, s);
	s->number = r->nsent + 1;
	s->labels = NULL;
	return true;
}

/*
 * The review id of a file: its base name without the extension, and
 * without an "annotated" suffix and what follows it
 * ("ICLR2018-B1x-R2_annotated - Ann.txt" gives "ICLR2018-B1x-R2").  A
 * suffix follows a separator, so "unannotated_1" stays whole; the first
 * one counts, for the corpus' "R3_annotated_annotated.txt".
 */
char *
annot_id(const char *path)
{
	static const char seps[] = "_- .";
	const char *base, *p, *cut = NULL;
	char *id;
	size_t n;

	base = (p = strrchr(path, '/')) != NULL ? p + 1 : path;
	for (p = base; cut == NULL && (p = strstr(p, "annotated")) != NULL; p++)
		if (p > base && strchr(seps, p[-1]) != NULL)
			cut = p;
	if (cut != NULL) {
		n = (size_t)(cut - base);
		while (n > 0 && strchr(seps, base[n - 1]) != NULL)
			n--;
	} else {
		p = strrchr(base, '.');
		n = p != NULL && p != base ? (size_t)(p - base) : strlen(base);
	}
	if (n == 0)
		n = strlen(base);
	id = xmalloc(n + 1);
	memcpy(id, base, n);
	id[n] = '\0';
	return id;
}
