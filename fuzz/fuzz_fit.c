/*
 * libFuzzer target: which built-in scheme a marker fits (lib/review/fit.c).
 *
 * At each '[' of the input (the first 64), the marker is read under pra
 * and under argu as rsplit reads it, and fit_check judges it with that
 * reading, as rsplit calls it, and again without it, scoring every
 * scheme from a parse of its own.  The reading saves the parses of
 * schemes that cannot win (bound() in fit.c); it aborts when the two
 * answers differ, or when one is not a scheme, FIT_SAME or, with the
 * whole input at hand, FIT_MORE.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "review/fit.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define STARTS	64

static void
check(const struct fit *f, const struct scheme *s, const char *p, size_t n)
{
	struct marker m;
	enum marker_result res;
	int with, without;

	res = marker_parse(p, n, true, s, NULL, &m);
	if (res != MARKER_YES && res != MARKER_EXCESS)
		return;
	with = fit_check(f, res == MARKER_YES ? &m : NULL, p, n, true);
	without = fit_check(f, NULL, p, n, true);
	if (with != without || with < FIT_SAME || with >= f->n ||
	    with == f->effect)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct scheme pra, argu;
	static struct fit *fpra, *fargu;
	const char *p = (const char *)data, *b;
	int k;

	if (fpra == NULL && (scheme_builtin(&pra, "pra") == -1 ||
	    scheme_builtin(&argu, "argu") == -1 ||
	    (fpra = fit_new(&pra)) == NULL ||
	    (fargu = fit_new(&argu)) == NULL))
		abort();
	for (k = 0, b = p; k < STARTS &&
	    (b = memchr(b, '[', n - (size_t)(b - p))) != NULL; k++, b++) {
		check(fpra, &pra, b, n - (size_t)(b - p));
		check(fargu, &argu, b, n - (size_t)(b - p));
	}
	return 0;
}
