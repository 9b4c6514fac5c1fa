/*
 * Buffered standard output.  Every tool writes through one large buffer
 * and a plain write(2); a failed write ends the tool with
 * "PROG: write error: reason" and status 1, and a closed pipe ends it
 * quietly.  The writer of standard output is flushed on every exit path,
 * as sbase's fshut does: a tool that stops on a bad row (msg_die_at,
 * errx) still writes the rows before it, and no reader needs the writer.
 */
#ifndef RK_OUT_H
#define RK_OUT_H

#include <stddef.h>

struct out {
	int	 fd;
	char	*buf;
	size_t	 len;
	size_t	 cap;
};

/* On STDOUT_FILENO, o is the writer exit flushes, until out_free(o). */
void	out_init(struct out *, int fd);
void	out_write(struct out *, const void *, size_t);
void	out_str(struct out *, const char *);
void	out_ulong(struct out *, unsigned long long);
void	out_flush(struct out *);
void	out_make_room(struct out *, size_t);
void	out_free(struct out *);

static inline void
out_char(struct out *o, char c)
{
	if (o->len == o->cap)
		out_flush(o);
	o->buf[o->len++] = c;
}

/*
 * Room for n more bytes at o->buf + o->len: a tool that writes a row in
 * place, then moves o->len past it, makes one check instead of one a
 * field.
 */
static inline char *
out_room(struct out *o, size_t n)
{
	if (n > o->cap - o->len)
		out_make_room(o, n);
	return o->buf + o->len;
}

/*
 * v in decimal at p, 20 bytes at most (room from out_room); returns its
 * end.  Inline: rsplit writes a sentence number in every row.
 */
static inline char *
out_digits(char *p, unsigned long long v)
{
	unsigned long long t;
	char *end;

	for (end = p + 1, t = v; t >= 10; t /= 10)
		end++;
	p = end;
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return end;
}

#endif
