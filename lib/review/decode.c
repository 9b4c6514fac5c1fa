#include <string.h>

#include "decode.h"
#include "text.h"
#include "utf8.h"

#define REPLACEMENT	0xFFFD

/* One decoded byte onto b, squeezed in normal mode. */
static void
put_byte(const struct decoder *d, struct buf *b, char c)
{
	if (!d->squeeze) {
		buf_addc(b, c);
		return;
	}
	if (b->len == b->cap)
		xgrow(&b->p, &b->cap, b->len + 1);
	b->len = text_squeeze_byte(b->p, b->len, c);
}

/* A decoded character onto b: an ASCII one may be white space. */
static void
put_char(const struct decoder *d, struct buf *b, unsigned long cp)
{
	if (cp < 0x80)
		put_byte(d, b, (char)cp);
	else
		decode_put_utf8(b, cp);
}

static void
repair(struct decoder *d, struct buf *b, off_t off, enum note_kind kind)
{
	decode_put_utf8(b, REPLACEMENT);
	if (!d->repaired) {
		d->repaired = true;
		note_add(d->notes, off, kind, 0);
	}
}

void
decode_put_utf8(struct buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_add(b, u, n);
}

static int
hex4(const char *p, size_t n)
{
	int v = 0, d;
	size_t i;

	if (n < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			d = p[i] - '0';
		else if (p[i] >= 'a' && p[i] <= 'f')
			d = p[i] - 'a' + 10;
		else if (p[i] >= 'A' && p[i] <= 'F')
			d = p[i] - 'A' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/*
 * Decodes the escape at raw[0] == '\\'.  Returns the bytes it used; an
 * invalid escape keeps the backslash as text and uses only it.
 */
size_t
decode_escape(struct decoder *d, const char *raw, size_t n, off_t off,
    struct buf *b)
{
	int u, lo;
	char c;

	if (n >= 2 && (c = text_unescape(raw[1])) != '\0') {
		put_byte(d, b, c);
		return 2;
	}
	if (n >= 2 && raw[1] == 'u' && (u = hex4(raw + 2, n - 2)) >= 0) {
		if (u >= 0xD800 && u <= 0xDBFF && n >= 12 && raw[6] == '\\' &&
		    raw[7] == 'u' && (lo = hex4(raw + 8, n - 8)) >= 0xDC00 &&
		    lo <= 0xDFFF) {
			decode_put_utf8(b, 0x10000 + ((unsigned long)(u - 0xD800) << 10) +
			    (unsigned long)(lo - 0xDC00));
			return 12;
		}
		if (u >= 0xD800 && u <= 0xDFFF)
			repair(d, b, off, NOTE_SURROGATE);
		else if (u == 0)
			repair(d, b, off, NOTE_NUL);
		else
			put_char(d, b, (unsigned long)u);
		return 6;
	}
	note_add(d->notes, off, NOTE_BAD_ESCAPE, n >= 2 ? (unsigned char)raw[1] : 0);
	put_byte(d, b, '\\');
	return 1;
}

/*
 * Does the backslash at p[-1] start what can only be a JSON escape?  A
 * "\uXXXX", a "\"", or a "\n" before another backslash, an upper-case
 * letter, a digit or the end: LaTeX ("\nabla", "\newline", "\alpha",
 * "\theta") is none of them.  One is enough for the warning, so the test
 * can be strict: "\n " in a code snippet does not count.
 */
static bool
json_escape(const char *p, size_t n)
{
	if (n == 0)
		return false;
	switch (p[0]) {
	case '"':
		return true;
	case 'u':
		return hex4(p + 1, n - 1) >= 0;
	case 'n':
		return n == 1 || p[1] == '\\' || (p[1] >= 'A' && p[1] <= 'Z') ||
		    (p[1] >= '0' && p[1] <= '9');
	}
	return false;
}

/*
 * Notes the first JSON escape of a plain file, once per file: a
 * backslash in raw[0..m), the escape read up to raw[n].
 */
static void
hint_json(struct decoder *d, const char *raw, size_t m, size_t n, off_t off)
{
	const char *p = raw, *end = raw + m;

	while (p < end && (p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		p++;
		if (json_escape(p, n - (size_t)(p - raw))) {
			d->hinted = true;
			note_add(d->notes, off + (p - 1 - raw),
			    NOTE_PLAIN_ESCAPE, (unsigned char)*p);
			return;
		}
	}
}

/*
 * Decodes raw[0..n), the text at file offset off, onto b, up to the first
 * character that starts at or after stop; a character or escape that
 * starts before it may run on to n.  Returns where it stopped.  In a
 * JSON file a backslash that ends the text (stop == n) is left
 * undecoded, since the rest of its escape may follow a marker.
 */
size_t
decode_part(struct decoder *d, const char *raw, size_t n, size_t stop,
    off_t off, struct buf *b)
{
	const unsigned char *p = (const unsigned char *)raw;
	size_t i = 0, run, len, bad;

	while (i < stop) {
		/* lib/review/text.c: ASCII needs no UTF-8 test, 16 bytes at a time. */
		if (d->squeeze) {
			if (stop - i + 32 > b->cap - b->len)
				xgrow(&b->p, &b->cap, b->len + (stop - i) + 32);
			i += text_squeeze_plain(b->p, &b->len, raw + i, stop - i,
			    n - i, d->json, d->avx2);
		} else {
			run = i;
			i += text_plain(raw + i, stop - i, d->json);
			buf_add(b, raw + run, i - run);
		}
		if (i >= stop)
			break;
		if (p[i] == '\\') {
			if (i + 1 == n)
				break;
			i += decode_escape(d, raw + i, n - i, off + (off_t)i, b);
		} else if (p[i] == '"') {
			if (off + (off_t)i != d->close_quote) {
				note_add(d->notes, off + (off_t)i, NOTE_QUOTE, 0);
				put_byte(d, b, '"');
			}
			i++;
		} else if (p[i] == 0) {
			repair(d, b, off + (off_t)i, NOTE_NUL);
			i++;
		} else if ((len = utf8_len(p + i, n - i, &bad)) > 0) {
			buf_add(b, raw + i, len);
			i += len;
		} else {
			repair(d, b, off + (off_t)i, NOTE_BAD_UTF8);
			i += bad;
		}
	}
	if (!d->json && !d->hinted)
		hint_json(d, raw, i, n, off);
	return i;
}

/*
 * Decodes all of raw[0..n).  Returns the number of bytes left undecoded:
 * 1 for a backslash at the end of a JSON file's text, else 0.
 */
size_t
decode_text(struct decoder *d, const char *raw, size_t n, off_t off,
    struct buf *b)
{
	return n - decode_part(d, raw, n, n, off, b);
}
