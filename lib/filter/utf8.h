/*
 * Characters of the stream, which is UTF-8 whatever the locale (SPEC 3
 * rfilter): a pattern's ? and . match one.  A byte that starts no valid
 * sequence (a stray continuation byte, an overlong form, a surrogate, a
 * sequence cut short or past U+10FFFF) is a character of its own, coded
 * as Python's surrogateescape does: U+DC80 to U+DCFF, codes no valid
 * UTF-8 holds, so they never equal a true character.
 */
#ifndef RK_UTF8_H
#define RK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_BAD(b)	(0xDC00u + (uint32_t)(b))	/* invalid byte b */
#define UTF8_MAX	4		/* bytes of the longest encoding */

static inline bool
utf8_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/*
 * The character at p, of n > 0 bytes: its length, 1 to 4, and its code
 * in *c.  Inline: globs call it once a character.
 */
static inline size_t
utf8_decode(const char *s, size_t n, uint32_t *c)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t v;

	if (p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF && n >= 2 && utf8_cont(p[1])) {
		*c = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
		return 2;
	}
	if (p[0] >= 0xE0 && p[0] <= 0xEF && n >= 3 && utf8_cont(p[1]) &&
	    utf8_cont(p[2])) {
		v = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
		    (p[2] & 0x3F);
		if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
			*c = v;
			return 3;
		}
	}
	if (p[0] >= 0xF0 && p[0] <= 0xF4 && n >= 4 && utf8_cont(p[1]) &&
	    utf8_cont(p[2]) && utf8_cont(p[3])) {
		v = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
		    (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
		if (v >= 0x10000 && v <= 0x10FFFF) {
			*c = v;
			return 4;
		}
	}
	*c = UTF8_BAD(p[0]);
	return 1;
}

size_t	utf8_encode(uint32_t c, char out[UTF8_MAX]);
bool	utf8_valid(const char *, size_t);

#endif
