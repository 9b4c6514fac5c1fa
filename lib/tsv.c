#include <stdint.h>
#include <string.h>

#include "tsv.h"

int
line_open(struct line_reader *r, const char *path)
{
	r->pos = 0;
	r->lineno = 0;
	return input_open(&r->in, path);
}

/*
 * line_next's slow path: no LF after r->pos in the buffer.  Reads more
 * until there is one or the input ends.
 */
bool
line_next_refill(struct line_reader *r, struct slice *line)
{
	struct input *in = &r->in;
	size_t scanned = in->len - r->pos;
	char *nl;

	/*
	 * Nothing more to read: the rest is a last line without LF.  Taken
	 * where it stands, since a reader over memory (scheme_parse) must not
	 * have its caller's bytes moved (found by fuzz_scheme).
	 */
	if (in->eof) {
		if (r->pos == in->len)
			return false;
		return line_take(r, line, in->buf + in->len);
	}
	for (;;) {
		input_fill(in, r->pos);
		r->pos = 0;
		nl = memchr(in->buf + scanned, '\n', in->len - scanned);
		if (nl != NULL)
			break;
		if (in->eof) {
			if (in->len == 0)
				return false;
			nl = in->buf + in->len;
			break;
		}
		scanned = in->len;
	}
	return line_take(r, line, nl);
}

void
line_close(struct line_reader *r)
{
	input_close(&r->in);
}

/*
 * The TABs of the eight bytes at p, as the high bit of each byte that is
 * one (exact: no carry crosses a byte), in memory order from the low bit.
 */
static inline uint64_t
tabs_in(const char *p)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
	uint64_t w;

	memcpy(&w, p, sizeof(w));
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	w ^= 0x0909090909090909ULL;		/* a TAB is now a zero byte */
	return ~(((w & low7) + low7) | w | low7);
}

/*
 * Splits line at TABs into at most max fields; returns how many it filled.
 * The fields before the text are short (ids, numbers, labels), where a
 * memchr per field costs more than its search: the line is read eight
 * bytes at a time, and each TAB found closes a field.
 */
size_t
tsv_split(struct slice line, struct slice *f, size_t max)
{
	const char *p = line.p, *end = line.p + line.n, *start = p, *tab;
	size_t i = 0;
	uint64_t m;

	if (max == 0)
		return 0;
	for (; end - p >= 8; p += 8)
		for (m = tabs_in(p); m != 0; m &= m - 1) {
			tab = p + __builtin_ctzll(m) / 8;
			f[i].p = start;
			f[i].n = (size_t)(tab - start);
			start = tab + 1;
			if (++i == max)
				return i;
		}
	for (; p < end; p++)
		if (*p == '\t') {
			f[i].p = start;
			f[i].n = (size_t)(p - start);
			start = p + 1;
			if (++i == max)
				return i;
		}
	f[i].p = start;
	f[i].n = (size_t)(end - start);
	return i + 1;
}

size_t
tsv_count(struct slice line)
{
	const char *p = line.p, *end = line.p + line.n;
	size_t n = 1;

	while ((p = memchr(p, '\t', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* Field i (0-based) of line; *found is false when the line is too short. */
struct slice
tsv_field(struct slice line, size_t i, bool *found)
{
	const char *p = line.p, *end = line.p + line.n, *tab;
	struct slice f;

	for (; i > 0; i--) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL) {
			*found = false;
			f.p = end;
			f.n = 0;
			return f;
		}
		p = tab + 1;
	}
	tab = memchr(p, '\t', (size_t)(end - p));
	f.p = p;
	f.n = (size_t)((tab ? tab : end) - p);
	*found = true;
	return f;
}

void
tsv_put_escaped(struct out *o, const char *s, size_t n)
{
	const char *end = s + n, *run = s;
	char esc;

	for (; s < end; s++) {
		switch (*s) {
		case '\t': esc = 't'; break;
		case '\n': esc = 'n'; break;
		case '\r': esc = 'r'; break;
		case '\\': esc = '\\'; break;
		default: continue;
		}
		out_write(o, run, (size_t)(s - run));
		out_char(o, '\\');
		out_char(o, esc);
		run = s + 1;
	}
	out_write(o, run, (size_t)(end - run));
}
