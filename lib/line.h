/*
 * Lines of an input as (pointer, length) slices into its buffer: an LF
 * ends a line, the CRs before it belong to the line end, a last line
 * without LF counts, and a NUL byte is data.
 */
#ifndef RK_LINE_H
#define RK_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "input.h"
#include "slice.h"
#include "tsv.h"

struct line_reader {
	struct input	 in;
	size_t		 pos;		/* start of the next line in in.buf */
	unsigned long	 lineno;	/* of the line last returned */
	tsv_scanner	*scan;		/* line_next_split's: tsv_scan_best() */
};

int	line_open(struct line_reader *, const char *path);
bool	line_next_refill(struct line_reader *, struct slice *);
void	line_close(struct line_reader *);

/*
 * Ends the line at nl (an LF, or the end of a last line without one).
 * Every CR right before it belongs to the line end: "MAJ\r\r\n", from a
 * CRLF file converted twice, would otherwise leave "MAJ\r" as a value.
 */
static inline bool
line_take(struct line_reader *r, struct slice *line, const char *nl)
{
	struct input *in = &r->in;

	line->p = in->buf + r->pos;
	line->n = (size_t)(nl - line->p);
	r->pos = nl < in->buf + in->len ? r->pos + line->n + 1 : in->len;
	while (line->n > 0 && line->p[line->n - 1] == '\r')
		line->n--;
	r->lineno++;
	return true;
}

/*
 * Returns the next line without its LF and the CRs before it.  A last line without LF
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

/*
 * line_next that splits the line on the way: its first max fields, as
 * tsv_split would give them, found in the pass that finds its LF, but
 * the first skip, which may be left as they were (tsv_scanner).
 * *nfields says how many (fewer when the line has fewer).  Inline, as
 * line_next.
 */
static inline bool
line_next_split(struct line_reader *r, struct slice *line, struct slice *f,
    size_t max, size_t skip, size_t *nfields)
{
	struct input *in = &r->in;
	const char *nl;
	size_t k;

	nl = r->scan(in->buf + r->pos, in->buf + in->len, f, max, skip, &k);
	if (nl == NULL) {
		/* Once a buffer: the line goes on past it. */
		if (!line_next_refill(r, line))
			return false;
		*nfields = tsv_split(*line, f, max);
		return true;
	}
	line_take(r, line, nl);
	if (k < max) {
		/* The last field ends where the line does, before any CR. */
		f[k].n = (size_t)(line->p + line->n - f[k].p);
		k++;
	}
	*nfields = k;
	return true;
}

#endif
