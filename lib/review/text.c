#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "simd.h"
#ifdef SIMD_SSE2
#include <immintrin.h>
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
#define UNESC(c)	((c) == '"' || (c) == '\\' || (c) == '/' ? (c) :	\
	(c) == 'b' ? '\b' : (c) == 'f' ? '\f' : (c) == 'n' ? '\n' :		\
	(c) == 'r' ? '\r' : (c) == 't' ? '\t' : 0)
#define UROW(c)	UNESC(c), UNESC(c + 1), UNESC(c + 2), UNESC(c + 3),	\
	UNESC(c + 4), UNESC(c + 5), UNESC(c + 6), UNESC(c + 7),		\
	UNESC(c + 8), UNESC(c + 9), UNESC(c + 10), UNESC(c + 11),	\
	UNESC(c + 12), UNESC(c + 13), UNESC(c + 14), UNESC(c + 15)

static const char unesc[256] = {
	UROW(0), UROW(16), UROW(32), UROW(48), UROW(64), UROW(80), UROW(96),
	UROW(112), UROW(128), UROW(144), UROW(160), UROW(176), UROW(192),
	UROW(208), UROW(224), UROW(240),
};

char
text_unescape(char c)
{
	return unesc[(unsigned char)c];
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
	    (c = unesc[(unsigned char)src[*i + 1]]) == '\0')
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
 * n + 32 more bytes.
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

#ifdef SIMD_SSE2
/*
 * Where a squeeze is: dst[0..k) written, src[0..i) read of src[0..n),
 * the plain run to end before stop, and whether white space at k is
 * dropped (at the start, or after ' ').
 */
struct squeeze {
	char		*dst;
	size_t		 k;
	const char	*src;
	size_t		 i, stop, n;
	bool		 json;
	unsigned	 drop;
};

/*
 * A block of width bytes at src + i, already stored at dst + k, that
 * needs work, by its masks: ' ' (ms), the bytes that end the plain run
 * or start an escape (end: NUL, bytes from 0x80, and in JSON '\\' and
 * '"'), the other white space (other).  Keeps the bytes before the first
 * of them, then decodes the escape, or makes the run of white space one
 * ' ' (none where dropped).  False where the plain run ends.
 */
static inline __attribute__((always_inline)) bool
squeeze_work(struct squeeze *z, unsigned width, uint32_t ms, uint32_t end,
    uint32_t other)
{
	uint32_t work = end | other | (ms & (ms << 1 | z->drop));
	unsigned lim = work != 0 ? (unsigned)__builtin_ctz(work) : width;

	z->k += lim;
	z->i += lim;
	if (lim > 0)
		z->drop = ms >> (lim - 1) & 1;
	if (lim == width)
		return true;	/* control bytes, kept */
	if (end >> lim & 1) {
		if (z->i >= z->stop || !squeeze_escape(z->dst, &z->k, z->src,
		    &z->i, z->n, z->json))
			return false;
		z->drop = z->k == 0 || z->dst[z->k - 1] == ' ';
		return true;
	}
	if (!z->drop)
		z->dst[z->k++] = ' ';
	z->drop = 1;
	/* 64 bits: a block all white space ends its run at its end. */
	z->i += (size_t)__builtin_ctzll(~(uint64_t)((ms | other) >> lim));
	return true;
}

/*
 * text_squeeze_plain_portable 16 bytes at a time: the block's plain
 * bytes up to its first other one are stored at once, unless white space
 * needs work there (a run of it, one that is no ' ', or one that the
 * output's start or last ' ' drops); then the bytes before it are kept,
 * the run made one ' ' or none, and the block read on after it.  The
 * last bytes of a run of 16 or more are loaded as the 16 before stop; a
 * shorter run goes byte by byte; so no load passes src + stop.
 */
static size_t
squeeze_sse2(char *dst, size_t *len, const char *src, size_t stop,
    size_t n, bool json)
{
	const __m128i zero = _mm_setzero_si128(), bs = _mm_set1_epi8('\\'),
	    q = _mm_set1_epi8('"'), sp = _mm_set1_epi8(' '),
	    tab = _mm_set1_epi8('\t'), four = _mm_set1_epi8('\r' - '\t'),
	    low = _mm_set1_epi8('!');
	struct squeeze z = { dst, *len, src, 0, stop, n, json, 0 };
	unsigned jm = 0, ms, work;
	char tail[32];
	__m128i v, d;

	z.drop = z.k == 0 || dst[z.k - 1] == ' ';
	while (z.i < stop) {
		if (stop - z.i >= 16)
			v = _mm_loadu_si128((const __m128i *)(const void *)
			    (src + z.i));
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
			    16 - (stop - z.i)));
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
		    ~ms) | (ms & (ms << 1 | z.drop));
		_mm_storeu_si128((__m128i *)(void *)(dst + z.k), v);
		if (work == 0) {
			z.k += 16;
			z.i += 16;
			z.drop = ms >> 15;
			continue;
		}
		/* TAB to CR: v - TAB <= 4 unsigned, as min(v - TAB, 4) == v - TAB. */
		d = _mm_sub_epi8(v, tab);
		if (!squeeze_work(&z, 16, ms, jm | (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(v, _mm_cmpeq_epi8(v, zero))),
		    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d,
		    four), d))))
			break;
	}
	*len = z.k;
	if (z.i >= stop)
		return z.i;
	return z.i + text_squeeze_plain_portable(dst, len, src + z.i,
	    stop - z.i, n - z.i, json);
}

#ifdef SIMD_AVX2
/*
 * squeeze_avx2's constants, read from a table the compiler cannot see
 * into (the empty asm), as operands of the compares: built from
 * immediates, three instructions each, some were built again in the
 * loop for want of registers (as classify_avx2 in marker.c found).
 */
static const char k32[6][32] __attribute__((aligned(32))) = {
#define K32(c)	{ c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c,		\
	c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c }
	K32('\\'), K32('"'), K32(' '), K32('\t'), K32('\r' - '\t'), K32('!'),
#undef K32
};
enum { K_BSL, K_QUOTE, K_SPACE, K_TAB, K_FOUR, K_LOW };

static inline SIMD_AVX2 __m256i
kv(const char (*k)[32], int i)
{
	return _mm256_load_si256((const __m256i *)(const void *)k[i]);
}

/*
 * squeeze_sse2 32 bytes at a time, with AVX2; the last bytes of a run
 * of 32 or more are loaded as the 32 before stop, and a shorter run goes
 * to squeeze_sse2.
 */
static SIMD_AVX2 size_t
squeeze_avx2(char *dst, size_t *len, const char *src, size_t stop,
    size_t n, bool json)
{
	const char (*k)[32] = k32;
	const __m256i zero = _mm256_setzero_si256();
	struct squeeze z = { dst, *len, src, 0, stop, n, json, 0 };
	uint32_t jm = 0, ms, work;
	char tail[64];
	__m256i v, d;

	__asm__("" : "+r"(k));
	z.drop = z.k == 0 || dst[z.k - 1] == ' ';
	while (z.i < stop) {
		if (stop - z.i >= 32)
			v = _mm256_loadu_si256((const __m256i *)(const void *)
			    (src + z.i));
		else if (stop >= 32) {
			_mm256_storeu_si256((__m256i *)(void *)tail,
			    _mm256_loadu_si256((const __m256i *)(const void *)
			    (src + stop - 32)));
			_mm256_storeu_si256((__m256i *)(void *)(tail + 32), zero);
			v = _mm256_loadu_si256((const __m256i *)(const void *)
			    (tail + 32 - (stop - z.i)));
		} else
			break;
		if (json)
			jm = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
			    _mm256_cmpeq_epi8(v, kv(k, K_BSL)),
			    _mm256_cmpeq_epi8(v, kv(k, K_QUOTE))));
		ms = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v,
		    kv(k, K_SPACE)));
		work = jm | ((uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(
		    kv(k, K_LOW), v)) & ~ms) | (ms & (ms << 1 | z.drop));
		_mm256_storeu_si256((__m256i *)(void *)(dst + z.k), v);
		if (work == 0) {
			z.k += 32;
			z.i += 32;
			z.drop = ms >> 31;
			continue;
		}
		d = _mm256_sub_epi8(v, kv(k, K_TAB));
		if (!squeeze_work(&z, 32, ms, jm | (uint32_t)_mm256_movemask_epi8(
		    _mm256_or_si256(v, _mm256_cmpeq_epi8(v, zero))),
		    (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		    _mm256_min_epu8(d, kv(k, K_FOUR)), d))))
			break;
	}
	*len = z.k;
	if (z.i >= stop)
		return z.i;
	return z.i + squeeze_sse2(dst, len, src + z.i, stop - z.i, n - z.i,
	    json);
}
#endif

/* text_squeeze_plain_portable, 16 or 32 bytes at a time. */
size_t
text_squeeze_plain(char *dst, size_t *len, const char *src, size_t stop,
    size_t n, bool json, bool avx2)
{
#ifdef SIMD_AVX2
	if (avx2)
		return squeeze_avx2(dst, len, src, stop, n, json);
#else
	(void)avx2;
#endif
	return squeeze_sse2(dst, len, src, stop, n, json);
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
    size_t n, bool json, bool avx2)
{
	(void)avx2;
	return text_squeeze_plain_portable(dst, len, src, stop, n, json);
}

size_t
text_plain(const char *p, size_t n, bool json)
{
	return text_plain_portable(p, n, json);
}
#endif
