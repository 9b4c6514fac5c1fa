/*
 * The bootstrap of ragree --ci: resamples of the units with replacement,
 * and percentile intervals of a figure over them.
 *
 * The generator is ragree's own, so that the output is the same bytes on
 * every machine and with every compiler: SplitMix64 (Steele, Lea and
 * Flood 2014), whose state for resample b starts from the seed and b
 * alone, so that any resample can be drawn again without the ones before
 * it, and a draw below n by rejection, unbiased.  The whole of it is
 * integer arithmetic.
 */
#ifndef RK_AGREE_BOOT_H
#define RK_AGREE_BOOT_H

#include <stddef.h>
#include <stdint.h>

void	boot_draw(uint64_t seed, uint64_t b, uint32_t *w, size_t n);
size_t	boot_sort(double *x, size_t n);
double	boot_quantile(const double *x, size_t m, double p);

#endif
