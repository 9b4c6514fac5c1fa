/*
 * rsplit's passes over a sentence's text, 16 bytes at a time with SSE2
 * (a portable loop elsewhere or with -DTSV_PORTABLE; fuzz_text holds one
 * against the other):
 *
 * text_squeeze: the copy of normal mode (SPEC 2): every run of ' ', TAB,
 * LF, VT, FF and CR becomes one space, and none is left at either end.
 *
 * text_plain: how many bytes at p are plain ASCII (0x01 to 0x7F), and
 * with json neither '\\' nor '"': what decoding copies as it stands,
 * without validating UTF-8 or reading escapes.
 *
 * text_is_space: the white space of both, which is also what separates a
 * marker's groups and what the punctuation rule looks for (annot.c,
 * marker.c): the bytes of isspace(3) in the C locale.
 */
#ifndef RK_TEXT_H
#define RK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

size_t	text_squeeze(char *dst, const char *src, size_t n);
size_t	text_squeeze_portable(char *dst, const char *src, size_t n);
size_t	text_plain(const char *p, size_t n, bool json);
size_t	text_plain_portable(const char *p, size_t n, bool json);

static inline bool
text_is_space(char c)
{
	return c == ' ' || (unsigned char)(c - '\t') <= '\r' - '\t';
}

#endif
