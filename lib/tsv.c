#include <string.h>

#include "tsv.h"

int
line_open(struct line_reader *r, const char *path)
{
	r->pos = 0;
	r->lineno = 0;
	return input_open(&r->in, path);
}

/*
 * Returns the next line without its LF or CRLF.  A last line without LF
 * counts; a NUL byte is data.  The slice stays valid until the next call.
 */
bool
line_next(struct line_reader *r, struct slice *line)
{
	struct input *in = &r->in;
	size_t scanned = r->pos;
	char *nl;

	for (;;) {
		nl = memchr(in->buf + scanned, '\n', in->len - scanned);
		if (nl != NULL)
			break;
		if (in->eof) {
			if (r->pos == in->len)
				return false;
			nl = in->buf + in->len;
			break;
		}
		scanned = in->len - r->pos;
		input_fill(in, r->pos);
		r->pos = 0;
	}
	line->p = in->buf + r->pos;
	line->n = (size_t)(nl - line->p);
	r->pos = nl < in->buf + in->len ? line->n + r->pos + 1 : in->len;
	if (line->n > 0 && line->p[line->n - 1] == '\r')
		line->n--;
	r->lineno++;
	return true;
}

void
line_close(struct line_reader *r)
{
	input_close(&r->in);
}

/* Splits line at TABs into at most max fields; returns how many it filled. */
size_t
tsv_split(struct slice line, struct slice *f, size_t max)
{
	const char *p = line.p, *end = line.p + line.n, *tab;
	size_t i = 0;

	while (i < max) {
		tab = memchr(p, '\t', (size_t)(end - p));
		f[i].p = p;
		f[i].n = (size_t)((tab ? tab : end) - p);
		i++;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	return i;
}

size_t
tsv_count(struct slice line)
{
	const char *p = line.p, *end = line.p + line.n;
	size_t n = 1;

	while ((p = memchr(p, '\t', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* Field i (0-based) of line; *found is false when the line is too short. */
struct slice
tsv_field(struct slice line, size_t i, bool *found)
{
	const char *p = line.p, *end = line.p + line.n, *tab;
	struct slice f;

	for (; i > 0; i--) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL) {
			*found = false;
			f.p = end;
			f.n = 0;
			return f;
		}
		p = tab + 1;
	}
	tab = memchr(p, '\t', (size_t)(end - p));
	f.p = p;
	f.n = (size_t)((tab ? tab : end) - p);
	*found = true;
	return f;
}

bool
slice_eq(struct slice s, const char *str)
{
	return strlen(str) == s.n && memcmp(s.p, str, s.n) == 0;
}

void
tsv_put_escaped(struct out *o, const char *s, size_t n)
{
	const char *end = s + n, *run = s;
	char esc;

	for (; s < end; s++) {
		switch (*s) {
		case '\t': esc = 't'; break;
		case '\n': esc = 'n'; break;
		case '\r': esc = 'r'; break;
		case '\\': esc = '\\'; break;
		default: continue;
		}
		out_write(o, run, (size_t)(s - run));
		out_char(o, '\\');
		out_char(o, esc);
		run = s + 1;
	}
	out_write(o, run, (size_t)(end - run));
}
