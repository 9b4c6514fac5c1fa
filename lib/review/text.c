#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* SSE2 unless the build asks for the portable loop, as lib/tsv.c. */
#if defined(__SSE2__) && !defined(TSV_PORTABLE)
#define TEXT_SSE2	1
#include <emmintrin.h>
#endif

#include "text.h"

size_t
text_plain_portable(const char *p, size_t n, bool json)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i;

	for (i = 0; i < n && u[i] >= 0x01 && u[i] < 0x80 &&
	    !(json && (u[i] == '\\' || u[i] == '"')); i++)
		;
	return i;
}

/*
 * The squeeze of one byte: white space is pending, to be written as one
 * ' ' before the next other byte, and never at the start.  Returns the
 * new length; the one step of both versions below.
 */
static inline size_t
squeeze_byte(char *dst, size_t len, char c, bool *space)
{
	if (text_is_space(c)) {
		*space = len > 0;
		return len;
	}
	if (*space)
		dst[len++] = ' ';
	*space = false;
	dst[len++] = c;
	return len;
}

/*
 * Writes src[0..n) to dst with white space squeezed; returns the length
 * written, at most n.  dst may be src (in place) or a buffer of n bytes,
 * but no other overlap.
 */
size_t
text_squeeze_portable(char *dst, const char *src, size_t n)
{
	size_t i, len = 0;
	bool space = false;

	for (i = 0; i < n; i++)
		len = squeeze_byte(dst, len, src[i], &space);
	return len;
}

#ifdef TEXT_SSE2
/*
 * text_squeeze_portable, 16 bytes at a time where prose allows: a block
 * whose white space is single ' ' between other bytes, not at its start,
 * is written as it stands (with the space pending before it, if any;
 * one at its end stays pending); spaces at its start are skipped, and
 * the block taken from the next byte.  Any other block goes byte by
 * byte.
 * In place, the store of 16 bytes at dst + len never passes src + i + 16,
 * whose bytes are already loaded, since len <= i.
 */
size_t
text_squeeze(char *dst, const char *src, size_t n)
{
	const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'),
	    four = _mm_set1_epi8('\r' - '\t');
	size_t i = 0, len = 0, k;
	bool space = false;
	unsigned ms, mo;
	__m128i v, d;

	while (n - i >= 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
		ms = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp));
		/* TAB to CR: v - TAB <= 4 unsigned, as min(v - TAB, 4) == v - TAB. */
		d = _mm_sub_epi8(v, tab);
		mo = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_min_epu8(d, four), d));
		if (mo == 0 && (ms & 1) != 0 && ms != 0xffff) {
			/* Leading spaces: pending, and the block read on after. */
			space = len > 0;
			i += (size_t)__builtin_ctz(~ms);
			continue;
		}
		if (mo == 0 && (ms & ms >> 1) == 0) {
			if (space)
				dst[len++] = ' ';
			_mm_storeu_si128((__m128i *)(void *)(dst + len), v);
			space = (ms & 0x8000) != 0;
			len += space ? 15 : 16;
			i += 16;
			continue;
		}
		for (k = i + 16; i < k; i++)
			len = squeeze_byte(dst, len, src[i], &space);
	}
	for (; i < n; i++)
		len = squeeze_byte(dst, len, src[i], &space);
	return len;
}

/*
 * text_plain_portable by blocks: the top bits of a block are its bytes
 * from 0x80 (movemask), and NUL, '\\' and '"' are compared for.  The
 * last 15 bytes or fewer go byte by byte, so no load passes p + n.
 */
size_t
text_plain(const char *p, size_t n, bool json)
{
	const __m128i zero = _mm_setzero_si128(), bs = _mm_set1_epi8('\\'),
	    q = _mm_set1_epi8('"');
	size_t i = 0;
	unsigned m;
	__m128i v;

	for (; n - i >= 16; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		m = (unsigned)_mm_movemask_epi8(v) |
		    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
		if (json)
			m |= (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v, q)));
		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
	return i + text_plain_portable(p + i, n - i, json);
}
#else
size_t
text_squeeze(char *dst, const char *src, size_t n)
{
	return text_squeeze_portable(dst, src, n);
}

size_t
text_plain(const char *p, size_t n, bool json)
{
	return text_plain_portable(p, n, json);
}
#endif
