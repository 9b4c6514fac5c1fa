#include <string.h>

#include "line.h"

int
line_open(struct line_reader *r, const char *path)
{
	r->pos = 0;
	r->lineno = 0;
	r->scan = tsv_scan_best();
	return input_open(&r->in, path);
}

/*
 * line_next's slow path: no LF after r->pos in the buffer.  Reads more
 * until there is one or the input ends.
 */
bool
line_next_refill(struct line_reader *r, struct slice *line)
{
	struct input *in = &r->in;
	size_t scanned = in->len - r->pos;
	char *nl;

	/*
	 * Nothing more to read: the rest is a last line without LF.  Taken
	 * where it stands, since a reader over memory (scheme_parse) must not
	 * have its caller's bytes moved (found by fuzz_scheme).
	 */
	if (in->eof) {
		if (r->pos == in->len)
			return false;
		return line_take(r, line, in->buf + in->len);
	}
	for (;;) {
		input_fill(in, r->pos);
		r->pos = 0;
		nl = memchr(in->buf + scanned, '\n', in->len - scanned);
		if (nl != NULL)
			break;
		if (in->eof) {
			if (in->len == 0)
				return false;
			nl = in->buf + in->len;
			break;
		}
		scanned = in->len;
	}
	return line_take(r, line, nl);
}

void
line_close(struct line_reader *r)
{
	input_close(&r->in);
}
