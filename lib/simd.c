#include <stdlib.h>
#include <string.h>

#include "simd.h"

/* -1 until the processor is asked, then 1 for AVX2, else 0. */
static int level = -1;

static bool
has_avx2(void)
{
#ifdef SIMD_AVX2
	return __builtin_cpu_supports("avx2");
#else
	return false;
#endif
}

/* Whether this run uses the AVX2 versions; asks once. */
bool
simd_avx2(void)
{
	const char *e;

	if (level < 0) {
		e = getenv("RK_SIMD");
		level = has_avx2() && (e == NULL || strcmp(e, "sse2") != 0);
	}
	return level == 1;
}

/* For the fuzzers: the AVX2 versions, where the processor has them, or not. */
void
simd_use(bool avx2)
{
	level = avx2 && has_avx2();
}
