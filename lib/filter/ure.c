#include <string.h>

#include "charset.h"
#include "ure.h"
#include "utf8.h"

/*
 * Any one character but NUL, as '.' is in glibc: a byte that is no
 * continuation byte, then the continuation bytes after it.  The subject
 * is valid UTF-8 (ure_subject), so an ASCII byte has none after it and
 * a lead byte its own; that the '*' may take fewer does no harm, since
 * nothing the rewritten pattern matches next can start with a
 * continuation byte, so a match always takes them all.  A negated
 * bracket that lists ASCII only is the same with those bytes left out.
 */
#define ANY_CHAR	"([\001-\177\300-\377][\200-\277]*)"
#define CONT_BYTES	"[\200-\277]*"

/* The codes a negated set may match: all but the surrogates unused. */
static const struct charset_range universe[] = {
	{ 0x80, 0xD7FF }, { 0xDC80, 0xDCFF }, { 0xE000, 0x10FFFF },
};

/*
 * The ASCII characters of a set, as alternatives each after a '|': a
 * bracket expression of bytes, and ^ [ - by themselves, which have a
 * meaning of their own in a bracket.  A negated set is one negated
 * bracket of the characters listed, the bytes past ASCII and ^ [ -
 * last, where they mean themselves; NUL, which no pattern can list, is
 * in it.  When it lists no character past ASCII, it takes all of them
 * as ANY_CHAR does.
 */
static void
put_ascii(struct buf *out, const struct charset *cs)
{
	static const char specials[] = "^[-";
	bool in[128];
	unsigned c, d;
	size_t start;

	for (c = 0; c < 128; c++)
		in[c] = charset_has(cs, c) != cs->negate;	/* listed */
	buf_add(out, cs->negate ? "|[^" : "|[", cs->negate ? 3 : 2);
	start = out->len;
	if (in[']'])
		buf_addc(out, ']');
	for (c = 1; c < 128; c = d + 1) {
		for (d = c; d < 128 && in[d] && d != ']' &&
		    strchr(specials, (int)d) == NULL; d++)
			;
		if (d > c + 2) {
			buf_addc(out, (char)c);
			buf_addc(out, '-');
			buf_addc(out, (char)(d - 1));
		} else
			for (; c < d; c++)
				buf_addc(out, (char)c);
	}
	if (cs->negate) {
		/* Past ASCII: all with their continuation bytes, or none. */
		buf_add(out, cs->nr == 0 ? "\200-\277" : "\200-\377", 3);
		for (c = 0; specials[c] != '\0'; c++)
			if (in[(unsigned char)specials[c]])
				buf_addc(out, specials[c]);
		buf_addc(out, ']');
		if (cs->nr == 0)
			buf_add(out, CONT_BYTES, strlen(CONT_BYTES));
		return;
	}
	if (out->len > start)
		buf_addc(out, ']');
	else
		out->len = start - 2;	/* no bracket */
	for (c = 0; specials[c] != '\0'; c++) {
		if (!in[(unsigned char)specials[c]])
			continue;
		buf_add(out, specials[c] == '-' ? "|" : "|\\", specials[c] ==
		    '-' ? 1 : 2);
		buf_addc(out, specials[c]);
	}
}

/* The bytes of codes lo to hi, of one length, as byte ranges in a row. */
static void
put_seq(struct buf *out, uint32_t lo, uint32_t hi)
{
	char a[UTF8_MAX], b[UTF8_MAX];
	size_t n = utf8_encode(lo, a), i;

	utf8_encode(hi, b);
	buf_addc(out, '|');
	for (i = 0; i < n; i++) {
		if (a[i] == b[i]) {
			buf_addc(out, a[i]);
			continue;
		}
		buf_addc(out, '[');
		buf_addc(out, a[i]);
		buf_addc(out, '-');
		buf_addc(out, b[i]);
		buf_addc(out, ']');
	}
}

/*
 * Codes lo to hi as alternatives of byte sequences, each a byte range
 * per byte (the split of Russ Cox's "UTF-8 ranges"): cut where the
 * length changes, then where a lower byte does not run its full course.
 */
static void
put_range(struct buf *out, uint32_t lo, uint32_t hi)
{
	static const uint32_t lens[] = { 0x7F, 0x7FF, 0xFFFF };
	uint32_t m;
	size_t i;

	for (i = 0; i < 3; i++)
		if (lo <= lens[i] && hi > lens[i]) {
			put_range(out, lo, lens[i]);
			put_range(out, lens[i] + 1, hi);
			return;
		}
	for (i = 1; i < UTF8_MAX; i++) {
		m = ((uint32_t)1 << (6 * i)) - 1;
		if ((lo & ~m) == (hi & ~m))
			continue;
		if ((lo & m) != 0) {
			put_range(out, lo, lo | m);
			put_range(out, (lo | m) + 1, hi);
			return;
		}
		if ((hi & m) != m) {
			put_range(out, lo, (hi & ~m) - 1);
			put_range(out, hi & ~m, hi);
			return;
		}
	}
	put_seq(out, lo, hi);
}

/* The set's characters past ASCII, negated within the universe. */
static void
put_multi(struct buf *out, const struct charset *cs)
{
	uint32_t from;
	size_t i, j;

	if (!cs->negate) {
		for (i = 0; i < cs->nr; i++)
			put_range(out, cs->r[i].lo, cs->r[i].hi);
		return;
	}
	if (cs->nr == 0)
		return;		/* put_ascii took them */
	for (i = 0; i < sizeof(universe) / sizeof(universe[0]); i++) {
		from = universe[i].lo;
		for (j = 0; j < cs->nr && from <= universe[i].hi; j++) {
			if (cs->r[j].hi < from || cs->r[j].lo > universe[i].hi)
				continue;
			if (cs->r[j].lo > from)
				put_range(out, from, cs->r[j].lo - 1);
			from = cs->r[j].hi + 1;
		}
		if (from <= universe[i].hi)
			put_range(out, from, universe[i].hi);
	}
}

/* A set as a group that matches the bytes of one of its characters. */
static void
put_set(struct buf *out, const struct charset *cs)
{
	size_t start = out->len;
	unsigned c;

	buf_addc(out, '(');
	for (c = 0; c < 128; c++)
		if (charset_has(cs, c)) {
			put_ascii(out, cs);
			break;
		}
	put_multi(out, cs);
	/* The first alternative needs no '|' before it. */
	if (out->p[start + 1] == '|')
		memmove(out->p + start + 1, out->p + start + 2,
		    --out->len - start - 1);
	buf_addc(out, ')');
}

/* \W and \S: the characters not in the ASCII class, as a negated set. */
static void
put_not(struct buf *out, const char *bracket)
{
	struct charset cs;
	const char *after;

	charset_parse(&cs, bracket + 1, bracket + strlen(bracket), 0, &after);
	cs.negate = true;
	put_set(out, &cs);
	charset_free(&cs);
}

static bool
is_repeat(char c)
{
	return c != '\0' && strchr("*+?{", c) != NULL;
}

/*
 * One character of several bytes, or a byte that is no valid UTF-8 as
 * the three bytes of its code: grouped when a repetition follows.
 */
static size_t
put_char(struct buf *out, const char *p, bool *chars)
{
	char enc[UTF8_MAX];
	uint32_t c;
	size_t n = utf8_decode(p, strlen(p), &c), k = utf8_encode(c, enc);
	bool group = is_repeat(p[n]);

	if (c >= UTF8_BAD(0x80) && c <= UTF8_BAD(0xFF))
		*chars = true;
	if (group)
		buf_addc(out, '(');
	buf_add(out, enc, k);
	if (group)
		buf_addc(out, ')');
	return n;
}

/*
 * Rewrites the ERE re for regcomp in the C locale into out, NUL-ended;
 * *chars says whether a subject must go through ure_subject.  Returns
 * NULL, or the error (a pattern that ends in a lone '\', a bracket
 * expression that parses but cannot be), in glibc's words.  What it
 * cannot follow (a bracket without its ']') is left as it stands, for
 * regcomp to report.
 */
const char *
ure_rewrite(const char *re, bool icase, struct buf *out, bool *chars)
{
	const char *p = re, *end = re + strlen(re), *after;
	enum charset_status st;
	struct charset cs;

	out->len = 0;
	*chars = false;
	while (p < end) {
		if (*p == '\\') {
			if (p + 1 == end)
				return "Trailing backslash";
			if (p[1] == 'W' || p[1] == 'S') {
				put_not(out, p[1] == 'W' ? "[_[:alnum:]]" :
				    "[[:space:]]");
				*chars = true;
				p += 2;
			} else if ((unsigned char)p[1] >= 0x80)
				p += 1 + put_char(out, p + 1, chars);
			else {
				buf_add(out, p, 2);
				p += 2;
			}
		} else if (*p == '[') {
			st = charset_parse(&cs, p + 1, end,
			    icase ? CHARSET_ICASE : 0, &after);
			if (st == CHARSET_OPEN) {
				buf_add(out, p, (size_t)(end - p));
				break;
			}
			if (st != CHARSET_OK)
				return charset_error(st);
			if (cs.negate || cs.nr > 0) {
				put_set(out, &cs);
				*chars = true;
			} else
				buf_add(out, p, (size_t)(after - p));
			charset_free(&cs);
			p = after;
		} else if (*p == '.') {
			buf_add(out, ANY_CHAR, strlen(ANY_CHAR));
			*chars = true;
			p++;
		} else if ((unsigned char)*p >= 0x80)
			p += put_char(out, p, chars);
		else
			buf_addc(out, *p++);
	}
	buf_addc(out, '\0');
	out->len--;
	return NULL;
}

/*
 * s as the rewritten patterns see it: itself when it is valid UTF-8,
 * else a copy in scratch with each invalid byte as the three bytes of
 * its code, NUL-ended.
 */
struct slice
ure_subject(struct slice s, struct buf *scratch)
{
	char enc[UTF8_MAX];
	uint32_t c;
	size_t i, n;

	if (utf8_valid(s.p, s.n))
		return s;
	scratch->len = 0;
	for (i = 0; i < s.n; i += n) {
		n = utf8_decode(s.p + i, s.n - i, &c);
		if (c >= UTF8_BAD(0x80) && c <= UTF8_BAD(0xFF))
			buf_add(scratch, enc, utf8_encode(c, enc));
		else
			buf_add(scratch, s.p + i, n);
	}
	buf_addc(scratch, '\0');
	return (struct slice){ scratch->p, scratch->len - 1 };
}
