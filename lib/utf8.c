#include <string.h>

#include "utf8.h"

/*
 * Writes c's UTF-8 bytes into out and returns how many.  A code of an
 * invalid byte (UTF8_BAD) comes out as its surrogate's three bytes, as
 * the regular expressions of ure.c see it.
 */
size_t
utf8_encode(uint32_t c, char out[UTF8_MAX])
{
	unsigned char *o = (unsigned char *)out;

	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | c >> 12);
		o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | c >> 18);
	o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

/* Whether s is valid UTF-8 throughout: ASCII eight bytes at a time. */
bool
utf8_valid(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080u;
	uint64_t w;
	uint32_t c;
	size_t i = 0;

	while (i < n) {
		if (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((w & high) == 0) {
				i += 8;
				continue;
			}
		}
		i += utf8_decode(s + i, n - i, &c);
		if (c >= UTF8_BAD(0x80) && c <= UTF8_BAD(0xFF))
			return false;
	}
	return true;
}
