#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "utf8.h"

/* Writes byte c as \ooo at buf + k; returns the new k. */
static size_t
octal(char *buf, size_t k, unsigned char c)
{
	buf[k++] = '\\';
	buf[k++] = (char)('0' + (c >> 6));
	buf[k++] = (char)('0' + ((c >> 3) & 7));
	buf[k++] = (char)('0' + (c & 7));
	return k;
}

/*
 * The one quoting function (msg.h says what it escapes): at most max
 * bytes of s into buf, which holds 4 * max + 48, between the marks mark
 * (a quote, or none), and a longer s cut before the first character that
 * does not fit whole, then marked "... (N bytes)".  An escape takes at
 * most 4 bytes for each byte of s.
 */
static const char *
quote(struct slice s, char *buf, size_t bufsize, size_t max, const char *mark)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0, k = 0, len, j, bad;
	bool valid;

	if (*mark != '\0')
		buf[k++] = *mark;
	while (i < s.n) {
		len = p[i] < 0x80 ? 1 : utf8_len(p + i, s.n - i, &bad);
		valid = len > 0;
		if (!valid)
			len = 1;
		if (i + len > max)
			break;
		if (p[i] >= ' ' && p[i] != 0x7f && valid &&
		    !(p[i] == 0xc2 && p[i + 1] < 0xa0)) {
			memcpy(buf + k, p + i, len);
			k += len;
		} else if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r') {
			buf[k++] = '\\';
			buf[k++] = p[i] == '\t' ? 't' : p[i] == '\n' ? 'n' : 'r';
		} else {
			/* C0, DEL, a C1 control (\302\200..\302\237), a bad byte. */
			for (j = 0; j < len; j++)
				k = octal(buf, k, p[i + j]);
		}
		i += len;
	}
	if (*mark != '\0')
		buf[k++] = *mark;
	if (i < s.n)
		snprintf(buf + k, bufsize - k, "... (%zu bytes)", s.n);
	else
		buf[k] = '\0';
	return buf;
}

const char *
msg_quote(struct slice s, char buf[MSG_QUOTE_BUFSIZE])
{
	return quote(s, buf, MSG_QUOTE_BUFSIZE, MSG_QUOTE_MAX, "'");
}

const char *
msg_clip(struct slice s, char buf[MSG_QUOTE_BUFSIZE])
{
	return quote(s, buf, MSG_QUOTE_BUFSIZE, MSG_QUOTE_MAX, "");
}

const char *
msg_name(const char *name, char buf[MSG_NAME_BUFSIZE])
{
	return quote((struct slice){ name, strlen(name) }, buf,
	    MSG_NAME_BUFSIZE, MSG_NAME_MAX, "");
}

void
msg_warn_sys(const char *name)
{
	char q[MSG_NAME_BUFSIZE];
	int e = errno;

	fprintf(stderr, "%s: %s: %s\n", getprogname(), msg_name(name, q),
	    strerror(e));
}

static void	vwarn_at(const char *, unsigned long, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));

static void
vwarn_at(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	char q[MSG_NAME_BUFSIZE];

	fprintf(stderr, "%s: %s:%lu: ", getprogname(), msg_name(file, q), line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
msg_warn_at(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(file, line, fmt, ap);
	va_end(ap);
}

void
msg_die_at(int status, const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_at(file, line, fmt, ap);
	va_end(ap);
	exit(status);
}
