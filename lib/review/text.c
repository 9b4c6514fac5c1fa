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
 * What a byte is to the copy: plain and kept, white space, or no plain
 * ASCII (T_STOP; '\\' and '"' only in a JSON text, T_JSON).
 */
enum { T_KEEP, T_SPACE, T_STOP, T_JSON };

#define KIND(c)	((c) == 0 || (c) >= 0x80 ? T_STOP :				\
	TEXT_IS_SPACE(c) ? T_SPACE :					\
	(c) == '\\' || (c) == '"' ? T_JSON : T_KEEP)
#define ROW(c)	KIND(c), KIND(c + 1), KIND(c + 2), KIND(c + 3),		\
	KIND(c + 4), KIND(c + 5), KIND(c + 6), KIND(c + 7), KIND(c + 8),	\
	KIND(c + 9), KIND(c + 10), KIND(c + 11), KIND(c + 12),		\
	KIND(c + 13), KIND(c + 14), KIND(c + 15)

static const unsigned char kind[256] = {
	ROW(0), ROW(16), ROW(32), ROW(48), ROW(64), ROW(80), ROW(96),
	ROW(112), ROW(128), ROW(144), ROW(160), ROW(176), ROW(192),
	ROW(208), ROW(224), ROW(240),
};

/*
 * The squeeze of one byte onto dst[0..len): white space is written as
 * one ' ' after another byte, and dropped at the start or after a ' '.
 * Returns the new length; the one step of both versions below, and of
 * the decoder's other bytes.
 */
size_t
text_squeeze_byte(char *dst, size_t len, char c)
{
	if (kind[(unsigned char)c] != T_SPACE)
		dst[len++] = c;
	else if (len > 0 && dst[len - 1] != ' ')
		dst[len++] = ' ';
	return len;
}

/* The byte a JSON escape of one letter stands for ("\\n"), or 0. */
char
text_unescape(char c)
{
	switch (c) {
	case '"': case '\\': case '/': return c;
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	}
	return '\0';
}

/*
 * The escape of one letter at src[i], when json and its letter is
 * before n: written through the squeeze, and i moved past it.
 */
static inline bool
squeeze_escape(char *dst, size_t *k, const char *src, size_t *i, size_t n,
    bool json)
{
	char c;

	if (!json || src[*i] != '\\' || *i + 1 >= n ||
	    (c = text_unescape(src[*i + 1])) == '\0')
		return false;
	*k = text_squeeze_byte(dst, *k, c);
	*i += 2;
	return true;
}

/*
 * Appends the plain run at src (as text_plain counts it, from the bytes
 * before stop) to dst[0..*len), squeezed; with json, JSON escapes of one
 * letter ("\\n", "\\\"") too, when their backslash is before stop and their
 * letter before n.  Returns the bytes of src used.  dst needs room for
 * n + 16 more bytes.
 */
size_t
text_squeeze_plain_portable(char *dst, size_t *len, const char *src,
    size_t stop, size_t n, bool json)
{
	size_t i = 0, k = *len;
	unsigned t;

	while (i < stop) {
		t = kind[(unsigned char)src[i]];
		if (t == T_KEEP || (t == T_JSON && !json))
			dst[k++] = src[i];
		else if (t == T_SPACE) {
			if (k > 0 && dst[k - 1] != ' ')
				dst[k++] = ' ';
		} else if (squeeze_escape(dst, &k, src, &i, n, json))
			continue;
		else
			break;
		i++;
	}
	*len = k;
	return i;
}

#ifdef TEXT_SSE2
/*
 * text_squeeze_plain_portable 16 bytes at a time: the block's plain
 * bytes up to its first other one are stored at once, unless white space
 * needs work there (a run of it, one that is no ' ', or one that the
 * output's start or last ' ' drops); then the bytes before it are kept,
 * the run made one ' ' or none, and the block read on after it.  The
 * last bytes of a run of 16 or more are loaded as the 16 before stop; a
 * shorter run goes byte by byte; so no load passes src + stop.
 */
size_t
text_squeeze_plain(char *dst, size_t *len, const char *src, size_t stop,
    size_t n, bool json)
{
	const __m128i zero = _mm_setzero_si128(), bs = _mm_set1_epi8('\\'),
	    q = _mm_set1_epi8('"'), sp = _mm_set1_epi8(' '),
	    tab = _mm_set1_epi8('\t'), four = _mm_set1_epi8('\r' - '\t'),
	    low = _mm_set1_epi8('!');
	size_t i = 0, k = *len, lim;
	unsigned jm = 0, ms, end, other, work, drop;
	char tail[32];
	__m128i v, d;

	/* Whether white space here is dropped: at the start, or after ' '. */
	drop = k == 0 || dst[k - 1] == ' ';
	while (i < stop) {
		if (stop - i >= 16)
			v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
		else if (stop >= 16) {
			/*
			 * The last bytes: the 16 before stop, moved down to i
			 * through a buffer, NULs after them, which end the
			 * run there as any NUL does.
			 */
			_mm_storeu_si128((__m128i *)(void *)tail, _mm_loadu_si128(
			    (const __m128i *)(const void *)(src + stop - 16)));
			_mm_storeu_si128((__m128i *)(void *)(tail + 16), zero);
			v = _mm_loadu_si128((const __m128i *)(const void *)(tail +
			    16 - (stop - i)));
		} else
			break;
		if (json)
			jm = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v, q)));
		ms = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp));
		/*
		 * Prose: no byte below '!' but single spaces (a signed
		 * compare, so bytes from 0x80 count as below), no '\\' or
		 * '"' in JSON.  The block is stored as it stands.
		 */
		work = jm | ((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, low)) &
		    ~ms) | (ms & (ms << 1 | drop));
		_mm_storeu_si128((__m128i *)(void *)(dst + k), v);
		if (work == 0) {
			k += 16;
			i += 16;
			drop = ms >> 15;
			continue;
		}
		/* Else what the first such byte is. */
		end = jm | (unsigned)_mm_movemask_epi8(_mm_or_si128(v,
		    _mm_cmpeq_epi8(v, zero)));
		/* TAB to CR: v - TAB <= 4 unsigned, as min(v - TAB, 4) == v - TAB. */
		d = _mm_sub_epi8(v, tab);
		other = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_min_epu8(d, four), d));
		work = end | other | (ms & (ms << 1 | drop));
		lim = work != 0 ? (size_t)__builtin_ctz(work) : 16;
		k += lim;
		i += lim;
		if (lim > 0)
			drop = ms >> (lim - 1) & 1;
		if (lim == 16)
			continue;	/* control bytes, kept */
		if (end >> lim & 1) {
			if (i >= stop || !squeeze_escape(dst, &k, src, &i, n, json))
				break;
			drop = k == 0 || dst[k - 1] == ' ';
			continue;
		}
		/* A run of white space: one ' ', or none where dropped. */
		if (!drop)
			dst[k++] = ' ';
		drop = 1;
		i += (size_t)__builtin_ctz(~((ms | other) >> lim));
	}
	*len = k;
	if (i >= stop)
		return i;
	return i + text_squeeze_plain_portable(dst, len, src + i, stop - i,
	    n - i, json);
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
text_squeeze_plain(char *dst, size_t *len, const char *src, size_t stop,
    size_t n, bool json)
{
	return text_squeeze_plain_portable(dst, len, src, stop, n, json);
}

size_t
text_plain(const char *p, size_t n, bool json)
{
	return text_plain_portable(p, n, json);
}
#endif
