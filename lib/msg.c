#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"

static const char *
quote(struct slice s, char buf[MSG_QUOTE_BUFSIZE], const char *mark)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = s.n, i, k = 0;
	unsigned char c;

	if (n > MSG_QUOTE_MAX) {
		n = MSG_QUOTE_MAX;
		/* Not in the middle of a UTF-8 sequence. */
		while (n > 0 && ((unsigned char)s.p[n] & 0xc0) == 0x80)
			n--;
	}
	if (*mark != '\0')
		buf[k++] = *mark;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s.p[i];
		if (c >= ' ' && c != 0x7f) {
			buf[k++] = (char)c;
			continue;
		}
		buf[k++] = '\\';
		switch (c) {
		case '\t': buf[k++] = 't'; break;
		case '\n': buf[k++] = 'n'; break;
		case '\r': buf[k++] = 'r'; break;
		default:
			buf[k++] = 'x';
			buf[k++] = hex[c >> 4];
			buf[k++] = hex[c & 0xf];
		}
	}
	if (*mark != '\0')
		buf[k++] = *mark;
	if (n < s.n)
		snprintf(buf + k, MSG_QUOTE_BUFSIZE - k, "... (%zu bytes)", s.n);
	else
		buf[k] = '\0';
	return buf;
}

static void	vwarn_at(const char *, unsigned long, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));

static void
vwarn_at(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s:%lu: ", getprogname(), file, line);
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

const char *
msg_quote(struct slice s, char buf[MSG_QUOTE_BUFSIZE])
{
	return quote(s, buf, "'");
}

const char *
msg_clip(struct slice s, char buf[MSG_QUOTE_BUFSIZE])
{
	return quote(s, buf, "");
}
