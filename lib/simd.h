/*
 * The vector instructions the scans may use.  SSE2, which every x86-64
 * has, is the floor unless the build asks for the portable loops
 * (-DTSV_PORTABLE; any other machine gets them too).  AVX2 is chosen at
 * run time, where the processor has it, for the loops that have a
 * version of 32 bytes a step (functions marked SIMD_AVX2 are compiled
 * for AVX2 whatever the build's flags, and called only when simd_avx2
 * says so).  Every version gives the same bytes: RK_SIMD=sse2 in the
 * environment keeps a run to SSE2, and the fuzzers hold each version to
 * the others (simd_use).
 */
#ifndef RK_SIMD_H
#define RK_SIMD_H

#include <stdbool.h>

#if defined(__SSE2__) && !defined(TSV_PORTABLE)
#define SIMD_SSE2	1
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SIMD_AVX2	__attribute__((target("avx2")))
#endif
#endif

bool	simd_avx2(void);
void	simd_use(bool avx2);

#endif
