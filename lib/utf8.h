/*
 * UTF-8 validity, shared by the decoder of rsplit (lib/review/decode.c),
 * which replaces what is invalid, and the quoting of messages
 * (lib/msg.c), which escapes it.  Inline: the decoder calls it for every
 * byte that is not ASCII.
 */
#ifndef RK_UTF8_H
#define RK_UTF8_H

#include <stddef.h>

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

#endif
