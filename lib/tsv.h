/*
 * Review TSV: lines and fields as (pointer, length) slices into the
 * input buffer, found with memchr; nothing is allocated per line or field.
 */
#ifndef RK_TSV_H
#define RK_TSV_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "input.h"
#include "out.h"
#include "slice.h"

struct line_reader {
	struct input	 in;
	size_t		 pos;		/* start of the next line in in.buf */
	unsigned long	 lineno;	/* of the line last returned */
};

int	line_open(struct line_reader *, const char *path);
bool	line_next_refill(struct line_reader *, struct slice *);
void	line_close(struct line_reader *);

/* Ends the line at nl (an LF, or the end of a last line without one). */
static inline bool
line_take(struct line_reader *r, struct slice *line, const char *nl)
{
	struct input *in = &r->in;

	line->p = in->buf + r->pos;
	line->n = (size_t)(nl - line->p);
	r->pos = nl < in->buf + in->len ? r->pos + line->n + 1 : in->len;
	if (line->n > 0 && line->p[line->n - 1] == '\r')
		line->n--;
	r->lineno++;
	return true;
}

/*
 * Returns the next line without its LF or CRLF.  A last line without LF
 * counts; a NUL byte is data.  The slice stays valid until the next call.
 * Inline, since it runs once a row: the buffer holds the next LF but
 * once a megabyte, when line_next_refill reads on.
 */
static inline bool
line_next(struct line_reader *r, struct slice *line)
{
	struct input *in = &r->in;
	const char *nl = memchr(in->buf + r->pos, '\n', in->len - r->pos);

	if (nl == NULL)
		return line_next_refill(r, line);
	return line_take(r, line, nl);
}

size_t		tsv_split(struct slice line, struct slice *fields, size_t max);
size_t		tsv_count(struct slice line);
struct slice	tsv_field(struct slice line, size_t i, bool *found);

/* Writes s with TAB, LF, CR and backslash escaped as \t \n \r \\. */
void	tsv_put_escaped(struct out *, const char *s, size_t n);

#endif
