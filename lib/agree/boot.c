#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "boot.h"

#define GOLDEN	0x9E3779B97F4A7C15ULL

/* One step of SplitMix64: the state moves by the golden gamma. */
static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += GOLDEN);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/*
 * A number below n, each as likely: draws at or above the largest
 * multiple of n that fits are drawn again, so that x % n is unbiased.
 */
static uint64_t
below(uint64_t *s, uint64_t n)
{
	uint64_t min = (0 - n) % n, x;

	while ((x = next(s)) < min)
		;
	return x % n;
}

/*
 * Resample b of n units: w[u] is how many of the n draws, with
 * replacement, took unit u.  Its state is the seed's, mixed with b by
 * one step, so that resamples do not share their draws.
 */
void
boot_draw(uint64_t seed, uint64_t b, uint32_t *w, size_t n)
{
	uint64_t s = seed ^ (b * 0xD1B54A32D192ED03ULL), i;

	s = next(&s);
	memset(w, 0, n * sizeof(*w));
	for (i = 0; i < n; i++)
		w[below(&s, n)]++;
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/*
 * Keeps the defined values among x[0..n), sorted; returns how many.
 * Resamples where a figure is undefined are left out.
 */
size_t
boot_sort(double *x, size_t n)
{
	size_t m = 0, i;

	for (i = 0; i < n; i++)
		if (!isnan(x[i]))
			x[m++] = x[i];
	qsort(x, m, sizeof(*x), cmp_double);
	return m;
}

/*
 * The p quantile (0 <= p <= 1) of the m sorted values x, by linear
 * interpolation between the order statistics (Hyndman and Fan's type 7,
 * numpy's percentile and R's quantile by default): h = (m - 1) p.  NAN
 * when m is 0.
 */
double
boot_quantile(const double *x, size_t m, double p)
{
	size_t lo;
	double h;

	if (m == 0)
		return NAN;
	h = (double)(m - 1) * p;
	lo = (size_t)h;		/* h >= 0: the cast is the floor */
	if (lo + 1 >= m)
		return x[m - 1];
	return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}
