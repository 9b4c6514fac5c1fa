/*
 * libFuzzer target: the one quoting of messages (lib/msg.c, SPEC 2.1).
 *
 * Every input is quoted as a value (msg_quote), a name (msg_clip) and a
 * file name (msg_name).  What comes out:
 *   - fits its buffer, and is valid UTF-8 with no C0 control, no DEL and
 *     no C1 control (U+0080..U+009F): nothing a terminal obeys;
 *   - read back (\t \n \r and \ooo undone, quotes and the "... (N bytes)"
 *     marker taken off) is the input, or, when marked, a prefix of it of
 *     at most the limit, cut before a character that would not fit:
 *     checked when the input holds no backslash, which stays as it is
 *     and so makes an escape ambiguous.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Aborts unless s is valid UTF-8 without C0, DEL or C1 controls. */
static void
check_safe(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i, len, bad;

	for (i = 0; i < n; i += len) {
		if (p[i] < 0x80) {
			if (p[i] < ' ' || p[i] == 0x7f)
				abort();
			len = 1;
			continue;
		}
		if ((len = utf8_len(p + i, n - i, &bad)) == 0)
			abort();
		if (p[i] == 0xc2 && p[i + 1] < 0xa0)
			abort();
	}
}

/*
 * Undoes the escapes of s[0..n) into out; returns its length.  Aborts on
 * a backslash that starts no escape msg.c writes.
 */
static size_t
unquote(const char *s, size_t n, char *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\') {
			out[k++] = s[i];
			continue;
		}
		if (i + 1 >= n)
			abort();
		switch (s[++i]) {
		case 't': out[k++] = '\t'; break;
		case 'n': out[k++] = '\n'; break;
		case 'r': out[k++] = '\r'; break;
		default:
			if (i + 2 >= n || s[i] < '0' || s[i] > '3' ||
			    s[i + 1] < '0' || s[i + 1] > '7' ||
			    s[i + 2] < '0' || s[i + 2] > '7')
				abort();
			out[k++] = (char)((s[i] - '0') << 6 |
			    (s[i + 1] - '0') << 3 | (s[i + 2] - '0'));
			i += 2;
		}
	}
	return k;
}

/* The length of the character (or single bad byte) at p. */
static size_t
char_len(const uint8_t *p, size_t n)
{
	size_t len, bad;

	if (p[0] < 0x80)
		return 1;
	len = utf8_len(p, n, &bad);
	return len > 0 ? len : 1;
}

static void
check(const uint8_t *data, size_t n, const char *got, size_t bufsize,
    size_t max, bool quoted, char *back)
{
	char marker[48];
	size_t len = strlen(got), body, k, i;

	if (len >= bufsize)
		abort();
	check_safe(got);
	if (memchr(data, '\\', n) != NULL)
		return;
	body = len;
	snprintf(marker, sizeof(marker), "... (%zu bytes)", n);
	if (n > max && len >= strlen(marker) &&
	    strcmp(got + len - strlen(marker), marker) == 0)
		body = len - strlen(marker);
	if (quoted) {
		if (body < 2 || got[0] != '\'' || got[body - 1] != '\'')
			abort();
		k = unquote(got + 1, body - 2, back);
	} else
		k = unquote(got, body, back);
	if (k > n || memcmp(back, data, k) != 0)
		abort();
	if (body == len) {
		if (k != n)
			abort();
		return;
	}
	/* Cut: within the limit, on a boundary, the next would not fit. */
	if (k > max || k == n)
		abort();
	for (i = 0; i < k; i += char_len(data + i, n - i))
		;
	if (i != k || k + char_len(data + k, n - k) <= max)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char q[MSG_QUOTE_BUFSIZE], name[MSG_NAME_BUFSIZE], *str, *back;
	struct slice s = { (const char *)data, n };

	back = malloc(n + 1);
	check(data, n, msg_quote(s, q), sizeof(q), MSG_QUOTE_MAX, true, back);
	check(data, n, msg_clip(s, q), sizeof(q), MSG_QUOTE_MAX, false, back);
	/* A file name is a C string: up to the first NUL. */
	str = malloc(n + 1);
	memcpy(str, data, n);
	str[n] = '\0';
	check(data, strlen(str), msg_name(str, name), sizeof(name),
	    MSG_NAME_MAX, false, back);
	free(str);
	free(back);
	return 0;
}
