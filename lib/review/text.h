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
 */
#ifndef RK_TEXT_H
#define RK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

size_t	text_squeeze(char *dst, const char *src, size_t n);
size_t	text_squeeze_portable(char *dst, const char *src, size_t n);
size_t	text_plain(const char *p, size_t n, bool json);
size_t	text_plain_portable(const char *p, size_t n, bool json);

#endif
