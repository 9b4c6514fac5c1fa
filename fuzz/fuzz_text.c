/*
 * libFuzzer target: lib/review/text.c.  text_squeeze_plain, SSE2 where
 * there is SSE2 and AVX2 where the processor has it (lib/simd.h), each
 * version in turn, must use and write what text_squeeze_plain_portable
 * does, and that must be the model: the input's plain run (as
 * text_plain counts it, with JSON's escapes of one letter decoded in
 * json) appended to what the buffer held, every run of white space one
 * ' ', none at the start or after a ' ', from every
 * offset, with and without json, onto an empty buffer and onto one that
 * ends in a ' ' or in another byte.  text_plain must agree with
 * text_plain_portable and with the model.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "review/text.h"
#include "simd.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static bool
white(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

/* The letter of a JSON escape of one letter, and what it stands for. */
static char
unescape(uint8_t c)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *p = c != 0 ? strchr(from, c) : NULL;

	return p != NULL ? to[p - from] : '\0';
}

static size_t
put(char *dst, size_t len, char c)
{
	if (!white((uint8_t)c))
		dst[len++] = c;
	else if (len > 0 && dst[len - 1] != ' ')
		dst[len++] = ' ';
	return len;
}

/*
 * The model of text_squeeze_plain: dst[0..len), then the plain bytes and
 * (with json) the escapes of one letter from src, before stop, squeezed.
 */
static size_t
model(char *dst, size_t len, const uint8_t *src, size_t stop, size_t n,
    bool json, size_t *used)
{
	size_t i = 0;

	while (i < stop) {
		if (src[i] >= 0x01 && src[i] < 0x80 &&
		    !(json && (src[i] == '\\' || src[i] == '"')))
			len = put(dst, len, (char)src[i++]);
		else if (json && src[i] == '\\' && i + 1 < n &&
		    unescape(src[i + 1]) != '\0') {
			len = put(dst, len, unescape(src[i + 1]));
			i += 2;
		} else
			break;
	}
	*used = i;
	return len;
}

/*
 * text_squeeze_plain and its portable twin against the model, with stop
 * at n and one before it (where an escape may straddle it).
 */
static void
check_squeeze(const uint8_t *data, size_t n, bool json, const char *pre,
    char *a, char *b, char *want)
{
	size_t p = strlen(pre), la, lb, w, used, ua, ub, stop, k;

	for (k = 0; k < 4 && k / 2 <= n; k++) {
		simd_use(k % 2 == 1);
		stop = n - k / 2;
		la = lb = p;
		memcpy(a, pre, p);
		memcpy(b, pre, p);
		memcpy(want, pre, p);
		w = model(want, p, data, stop, n, json, &used);
		ua = text_squeeze_plain(a, &la, (const char *)data, stop, n,
		    json, simd_avx2());
		ub = text_squeeze_plain_portable(b, &lb, (const char *)data, stop,
		    n, json);
		if (ua != used || ub != used || la != w || lb != w ||
		    memcmp(a, want, w) != 0 || memcmp(b, want, w) != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char *const pre[] = { "", "x ", "x" };
	char *a = malloc(n + 64), *b = malloc(n + 64), *want = malloc(n + 64);
	size_t i, k, j, p;
	bool json;

	if (a == NULL || b == NULL || want == NULL)
		abort();
	/*
	 * From each of the first 48 offsets, then every 7th (the squeeze
	 * from the first 32, then every 211th): not n^2 on long text.
	 */
	for (i = 0; i < n; i += i < 48 ? 1 : 7) {
		for (k = 0; k < 2; k++) {
			json = k == 1;
			for (p = 0; p < 3 && (i < 32 || i % 211 == 0); p++)
				check_squeeze(data + i, n - i, json, pre[p], a, b,
				    want);
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
	free(want);
	return 0;
}
