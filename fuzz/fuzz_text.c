/*
 * libFuzzer target: lib/review/text.c.  text_squeeze, SSE2 where there is
 * SSE2, must write what text_squeeze_portable writes, into a buffer of
 * its own and in place, and that must be the model: the input's runs of
 * white space made one space, none at either end.  text_plain must agree
 * with text_plain_portable and with the model, from every offset, with
 * and without json.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "review/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static bool
white(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *a = malloc(n + 1), *b = malloc(n + 1), *c = malloc(n + 1);
	char *want = malloc(n + 1);
	size_t i, w = 0, la, lb, lc;

	if (a == NULL || b == NULL || c == NULL || want == NULL)
		abort();
	/* The model: words joined by single spaces. */
	for (i = 0; i < n; i++) {
		if (white(data[i]))
			continue;
		if (w > 0 && white(data[i - 1]))
			want[w++] = ' ';
		want[w++] = (char)data[i];
	}
	la = text_squeeze(a, (const char *)data, n);
	lb = text_squeeze_portable(b, (const char *)data, n);
	memcpy(c, data, n);
	lc = text_squeeze(c, c, n);
	if (la != w || lb != w || lc != w || memcmp(a, want, w) != 0 ||
	    memcmp(b, want, w) != 0 || memcmp(c, want, w) != 0)
		abort();
	/* From each of the first 48 offsets, then every 7th: not n^2. */
	for (i = 0; i < n; i += i < 48 ? 1 : 7) {
		size_t k, j;
		bool json;

		for (k = 0; k < 2; k++) {
			json = k == 1;
			for (j = i; j < n && data[j] >= 0x01 && data[j] < 0x80 &&
			    !(json && (data[j] == '\\' || data[j] == '"')); j++)
				;
			if (text_plain((const char *)data + i, n - i, json) !=
			    j - i || text_plain_portable((const char *)data + i,
			    n - i, json) != j - i)
				abort();
		}
	}
	free(a);
	free(b);
	free(c);
	free(want);
	return 0;
}
