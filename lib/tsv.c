#include <stdint.h>
#include <string.h>

/*
 * The scan of tsv_scan: SSE2, which every x86-64 has, and AVX2 where the
 * processor has it (lib/simd.h), unless the build asks for the portable
 * loop (-DTSV_PORTABLE); any other machine gets the portable loop.  All
 * are always compiled, so that fuzz_tsv can hold each to the others.
 */
#include "simd.h"
#ifdef SIMD_SSE2
#define TSV_SSE2	1
#include <immintrin.h>
#endif

#include "tsv.h"

/*
 * One pass over the line that starts at p, up to end: closes a field at
 * each TAB until max are closed, into f[0..*ntabs), and returns the LF
 * that ends the line, or NULL when end comes first.  When fewer than max
 * TABs come before the LF, f[*ntabs].p is where the last field starts
 * (the caller knows where the line ends).
 */
const char *
tsv_scan_portable(const char *p, const char *end, struct slice *f,
    size_t max, size_t skip, size_t *ntabs)
{
	const char *start = p;
	size_t i = 0;

	(void)skip;	/* every field is written */
	for (; i < max && p < end; p++) {
		if (*p == '\n') {
			f[i].p = start;
			*ntabs = i;
			return p;
		}
		if (*p == '\t') {
			f[i].p = start;
			f[i].n = (size_t)(p - start);
			start = p + 1;
			i++;
		}
	}
	*ntabs = i;
	if (i < max) {
		f[i].p = start;
		return NULL;
	}
	return memchr(p, '\n', (size_t)(end - p));
}

#ifdef TSV_SSE2
/* The bytes of the 64 at p that are c, as a mask: SSE2. */
static inline uint64_t
eq64_sse2(const char *p, char c)
{
	const __m128i *v = (const __m128i *)(const void *)p, k = _mm_set1_epi8(c);
	uint64_t m0, m1, m2, m3;

	m0 = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(v), k));
	m1 = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(v + 1),
	    k));
	m2 = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(v + 2),
	    k));
	m3 = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(v + 3),
	    k));
	return m0 | m1 << 16 | m2 << 32 | m3 << 48;
}

/* Whether one of the 64 bytes at p is an LF: SSE2. */
static inline bool
any_lf_sse2(const char *p)
{
	const __m128i *v = (const __m128i *)(const void *)p,
	    lf = _mm_set1_epi8('\n');

	return _mm_movemask_epi8(_mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(_mm_loadu_si128(v), lf),
	    _mm_cmpeq_epi8(_mm_loadu_si128(v + 1), lf)),
	    _mm_or_si128(_mm_cmpeq_epi8(_mm_loadu_si128(v + 2), lf),
	    _mm_cmpeq_epi8(_mm_loadu_si128(v + 3), lf)))) != 0;
}

#ifdef SIMD_AVX2
/* eq64_sse2 and any_lf_sse2, 32 bytes a step. */
static inline SIMD_AVX2 uint64_t
eq64_avx2(const char *p, char c)
{
	const __m256i *v = (const __m256i *)(const void *)p,
	    k = _mm256_set1_epi8(c);

	return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_loadu_si256(v), k)) | (uint64_t)(uint32_t)
	    _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256(v + 1),
	    k)) << 32;
}

static inline SIMD_AVX2 bool
any_lf_avx2(const char *p)
{
	const __m256i *v = (const __m256i *)(const void *)p,
	    lf = _mm256_set1_epi8('\n');

	return !_mm256_testz_si256(_mm256_or_si256(
	    _mm256_cmpeq_epi8(_mm256_loadu_si256(v), lf),
	    _mm256_cmpeq_epi8(_mm256_loadu_si256(v + 1), lf)),
	    _mm256_set1_epi8(-1));
}
#define EQ64(p, c, avx2)	((avx2) ? eq64_avx2(p, c) : eq64_sse2(p, c))
#define ANY_LF(p, avx2)		((avx2) ? any_lf_avx2(p) : any_lf_sse2(p))
#else
#define EQ64(p, c, avx2)	eq64_sse2(p, c)
#define ANY_LF(p, avx2)		any_lf_sse2(p)
#endif

/*
 * tsv_scan_portable 64 bytes at a time: a mask of the TABs and one of
 * the LFs, then one step per TAB.  Loads are unaligned and never reach
 * past end (the last 63 bytes or fewer go to the portable loop), so
 * nothing outside the buffer is read.  After the max-th TAB only LFs
 * matter, and a block without one costs one test.  Inlined into one
 * function per instruction set, avx2 a constant in each.
 */
static inline __attribute__((always_inline)) const char *
scan64(const char *p, const char *end, struct slice *f, size_t max,
    size_t skip, size_t *ntabs, bool avx2)
{
	const char *start = p, *tab;
	struct slice *fp = f, *fend, *fskip;
	uint64_t mt, ml, last;

	/* f may be NULL when max is 0, and NULL + 0 is undefined. */
	if (max == 0)
		goto lf;
	fend = f + max;
	fskip = f + (skip < max ? skip : max);
	for (; end - p >= 64; p += 64) {
		mt = EQ64(p, '\t', avx2);
		ml = EQ64(p, '\n', avx2);
		if (ml != 0)
			mt &= (ml & -ml) - 1;	/* the TABs before the LF */
		/* The fields skipped: only their last TAB matters. */
		if (fp < fskip && mt != 0) {
			do {
				last = mt;
				mt &= mt - 1;
			} while (++fp < fskip && mt != 0);
			start = p + __builtin_ctzll(last) + 1;
		}
		for (; mt != 0; mt &= mt - 1) {
			tab = p + __builtin_ctzll(mt);
			fp->p = start;
			fp->n = (size_t)(tab - start);
			fp++;
			start = tab + 1;
			if (fp == fend) {
				*ntabs = max;
				if (ml != 0)	/* after the TAB, since mt was cut */
					return p + __builtin_ctzll(ml);
				p += 64;
				goto lfs;
			}
		}
		if (ml != 0) {
			fp->p = start;
			*ntabs = (size_t)(fp - f);
			return p + __builtin_ctzll(ml);
		}
	}
	/* Fewer than 64 bytes left: the portable loop, from this field on. */
	p = tsv_scan_portable(start, end, fp, max - (size_t)(fp - f), 0, ntabs);
	*ntabs += (size_t)(fp - f);
	return p;
lf:
	*ntabs = 0;
lfs:
	for (; end - p >= 64; p += 64)
		if (ANY_LF(p, avx2))
			return p + __builtin_ctzll(EQ64(p, '\n', avx2));
	return memchr(p, '\n', (size_t)(end - p));
}

static const char *
scan_sse2(const char *p, const char *end, struct slice *f, size_t max,
    size_t skip, size_t *ntabs)
{
	return scan64(p, end, f, max, skip, ntabs, false);
}

#ifdef SIMD_AVX2
static SIMD_AVX2 const char *
scan_avx2(const char *p, const char *end, struct slice *f, size_t max,
    size_t skip, size_t *ntabs)
{
	return scan64(p, end, f, max, skip, ntabs, true);
}
#endif

/*
 * The scan for this processor, chosen once by a reader (struct
 * line_reader) rather than once a line.
 */
tsv_scanner *
tsv_scan_best(void)
{
#ifdef SIMD_AVX2
	if (simd_avx2())
		return scan_avx2;
#endif
	return scan_sse2;
}
#else
tsv_scanner *
tsv_scan_best(void)
{
	return tsv_scan_portable;
}
#endif

const char *
tsv_scan(const char *p, const char *end, struct slice *f, size_t max,
    size_t skip, size_t *ntabs)
{
	return tsv_scan_best()(p, end, f, max, skip, ntabs);
}

/*
 * The TABs of the eight bytes at p, as the high bit of each byte that is
 * one (exact: no carry crosses a byte), in memory order from the low bit.
 */
static inline uint64_t
tabs_in(const char *p)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
	uint64_t w;

	memcpy(&w, p, sizeof(w));
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	w ^= 0x0909090909090909ULL;		/* a TAB is now a zero byte */
	return ~(((w & low7) + low7) | w | low7);
}

/*
 * Splits line at TABs into at most max fields; returns how many it filled.
 * The fields before the text are short (ids, numbers, labels), where a
 * memchr per field costs more than its search: the line is read eight
 * bytes at a time, and each TAB found closes a field.
 */
size_t
tsv_split(struct slice line, struct slice *f, size_t max)
{
	const char *p = line.p, *end = line.p + line.n, *start = p, *tab;
	size_t i = 0;
	uint64_t m;

	if (max == 0)
		return 0;
	for (; end - p >= 8; p += 8)
		for (m = tabs_in(p); m != 0; m &= m - 1) {
			tab = p + __builtin_ctzll(m) / 8;
			f[i].p = start;
			f[i].n = (size_t)(tab - start);
			start = tab + 1;
			if (++i == max)
				return i;
		}
	for (; p < end; p++)
		if (*p == '\t') {
			f[i].p = start;
			f[i].n = (size_t)(p - start);
			start = p + 1;
			if (++i == max)
				return i;
		}
	f[i].p = start;
	f[i].n = (size_t)(end - start);
	return i + 1;
}

size_t
tsv_count(struct slice line)
{
	const char *p = line.p, *end = line.p + line.n;
	size_t n = 1;

	while ((p = memchr(p, '\t', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* Field i (0-based) of line; *found is false when the line is too short. */
struct slice
tsv_field(struct slice line, size_t i, bool *found)
{
	const char *p = line.p, *end = line.p + line.n, *tab;
	struct slice f;

	for (; i > 0; i--) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL) {
			*found = false;
			f.p = end;
			f.n = 0;
			return f;
		}
		p = tab + 1;
	}
	tab = memchr(p, '\t', (size_t)(end - p));
	f.p = p;
	f.n = (size_t)((tab ? tab : end) - p);
	*found = true;
	return f;
}

/*
 * How many bytes at s need no escape: none is TAB, LF, CR or backslash.
 * SSE2 16 bytes at a time, the last 15 or fewer byte by byte, so no load
 * passes s + n.
 */
static size_t
plain_run(const char *s, size_t n)
{
	size_t i = 0;
#ifdef TSV_SSE2
	const __m128i t = _mm_set1_epi8('\t'), l = _mm_set1_epi8('\n'),
	    c = _mm_set1_epi8('\r'), b = _mm_set1_epi8('\\');
	unsigned m;
	__m128i v;

	for (; n - i >= 16; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, t), _mm_cmpeq_epi8(v, l)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, c), _mm_cmpeq_epi8(v, b))));
		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i < n; i++)
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
		    s[i] == '\\')
			break;
	return i;
}

/*
 * Writes s[0..n) escaped at dst, which has room for 2n bytes; returns
 * the length written.
 */
static size_t
escape_to(char *dst, const char *s, size_t n)
{
	const char *end = s + n;
	char *d = dst;
	size_t run;

	for (;;) {
		run = plain_run(s, (size_t)(end - s));
		memcpy(d, s, run);
		d += run;
		s += run;
		if (s == end)
			return (size_t)(d - dst);
		*d++ = '\\';
		switch (*s++) {
		case '\t': *d++ = 't'; break;
		case '\n': *d++ = 'n'; break;
		case '\r': *d++ = 'r'; break;
		default: *d++ = '\\'; break;
		}
	}
}

/* In pieces, so that a long text does not grow the output buffer. */
void
tsv_put_escaped(struct out *o, const char *s, size_t n)
{
	size_t k;

	do {
		k = n < 32768 ? n : 32768;
		o->len += escape_to(out_room(o, 2 * k), s, k);
		s += k;
		n -= k;
	} while (n > 0);
}

/* tsv_put_escaped onto a buffer: for a value written on many rows. */
void
tsv_escape(struct buf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (2 * n > b->cap - b->len)
		xgrow(&b->p, &b->cap, b->len + 2 * n);
	b->len += escape_to(b->p + b->len, s, n);
}
