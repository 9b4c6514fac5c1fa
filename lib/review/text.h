/*
 * rsplit's passes over a sentence's text, 16 bytes at a time with SSE2
 * (a portable loop elsewhere or with -DTSV_PORTABLE; fuzz_text holds one
 * against the other):
 *
 * text_plain: how many bytes at p are plain ASCII (0x01 to 0x7F), and
 * with json neither '\\' nor '"': what decoding copies as it stands,
 * without validating UTF-8 or reading escapes.
 *
 * text_squeeze_plain: the same run, appended to a sentence's text in
 * normal mode (SPEC 2), white space squeezed on the way: every run of
 * ' ', TAB, LF, VT, FF and CR becomes one ' ', none at the start, and
 * one at the end stays as the ' ' due if more text comes (the text is
 * then read without it); in a JSON text, with the escapes of one letter
 * ("\\n", "\\\"") decoded on the way, as they come between every
 * paragraph.  text_squeeze_byte is that step for one byte, for the bytes
 * the decoder writes itself.  So the text is copied once, decoded and
 * squeezed in the same pass.  Its avx2 is what simd_avx2() says, asked
 * by the caller once for many runs: the call cost a run 30 instructions.
 *
 * text_is_space: the white space of both, which is also what separates a
 * marker's groups and what the punctuation rule looks for (annot.c,
 * marker.c): the bytes of isspace(3) in the C locale.  TEXT_IS_SPACE is
 * the same test on a byte value, for tables built at compile time.
 */
#ifndef RK_TEXT_H
#define RK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

size_t	text_squeeze_plain(char *dst, size_t *len, const char *src,
	    size_t stop, size_t n, bool json, bool avx2);
size_t	text_squeeze_plain_portable(char *dst, size_t *len, const char *src,
	    size_t stop, size_t n, bool json);
size_t	text_squeeze_byte(char *dst, size_t len, char c);
char	text_unescape(char c);
size_t	text_plain(const char *p, size_t n, bool json);
size_t	text_plain_portable(const char *p, size_t n, bool json);

#define TEXT_IS_SPACE(c)	((c) == ' ' || ((c) >= '\t' && (c) <= '\r'))

static inline bool
text_is_space(char c)
{
	return TEXT_IS_SPACE((unsigned char)c);
}

#endif
