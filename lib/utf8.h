/*
 * UTF-8, which the stream is whatever the locale (SPEC 2, 3): validity
 * for the decoder of rsplit (lib/review/decode.c), which replaces what is
 * invalid, and for the quoting of messages (lib/msg.c), which escapes it;
 * characters for rfilter's patterns (lib/filter/), whose ? and . match
 * one.  A byte that starts no valid sequence (a stray continuation byte,
 * an overlong form, a surrogate, a sequence cut short or past U+10FFFF)
 * is a character of its own there, coded as Python's surrogateescape
 * does: U+DC80 to U+DCFF, codes no valid UTF-8 holds, so they never
 * equal a true character.  Inline what runs once a byte or a character.
 */
#ifndef RK_UTF8_H
#define RK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Length of the valid UTF-8 sequence at p (n bytes available), or 0 when
 * it is invalid; the bounds of the second byte follow Unicode's table 3-7,
 * so overlong forms and encoded surrogates are invalid.  *bad is how many
 * bytes one U+FFFD replaces (the maximal valid prefix, at least 1).
 */
static inline size_t
utf8_len(const unsigned char *p, size_t n, size_t *bad)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		len = 3;
		if (p[0] == 0xE0)
			lo = 0xA0;
		else if (p[0] == 0xED)
			hi = 0x9F;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		len = 4;
		if (p[0] == 0xF0)
			lo = 0x90;
		else if (p[0] == 0xF4)
			hi = 0x8F;
	} else {
		*bad = 1;
		return 0;
	}
	for (i = 1; i < len; i++) {
		if (i >= n || p[i] < lo || p[i] > hi) {
			*bad = i;
			return 0;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	return len;
}

#define UTF8_BAD(b)	(0xDC00u + (uint32_t)(b))	/* invalid byte b */
#define UTF8_MAX	4		/* bytes of the longest encoding */

static inline bool
utf8_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/*
 * The character at p, of n > 0 bytes: its length, 1 to 4, and its code
 * in *c, UTF8_BAD of its first byte when it starts no valid sequence
 * (utf8_len says).  Inline: globs call it once a character.
 */
static inline size_t
utf8_decode(const char *s, size_t n, uint32_t *c)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, bad;

	if (p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	switch (len = utf8_len(p, n, &bad)) {
	case 2:
		*c = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
		return 2;
	case 3:
		*c = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
		    (p[2] & 0x3F);
		return 3;
	case 4:
		*c = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
		    (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
		return 4;
	default:
		*c = UTF8_BAD(p[0]);
		return 1;
	}
}

size_t	utf8_encode(uint32_t c, char out[UTF8_MAX]);
bool	utf8_valid(const char *, size_t);

#endif
