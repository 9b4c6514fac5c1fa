/*
 * Review TSV: lines and fields as (pointer, length) slices into the
 * input buffer, found with memchr; nothing is allocated per line or field.
 */
#ifndef RK_TSV_H
#define RK_TSV_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"
#include "out.h"

struct slice {
	const char	*p;
	size_t		 n;
};

struct line_reader {
	struct input	 in;
	size_t		 pos;		/* start of the next line in in.buf */
	unsigned long	 lineno;	/* of the line last returned */
};

int	line_open(struct line_reader *, const char *path);
bool	line_next(struct line_reader *, struct slice *);
void	line_close(struct line_reader *);

size_t		tsv_split(struct slice line, struct slice *fields, size_t max);
size_t		tsv_count(struct slice line);
struct slice	tsv_field(struct slice line, size_t i, bool *found);
bool		slice_eq(struct slice, const char *);

/* Writes s with TAB, LF, CR and backslash escaped as \t \n \r \\. */
void	tsv_put_escaped(struct out *, const char *s, size_t n);

#endif
