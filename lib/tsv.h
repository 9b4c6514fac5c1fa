/*
 * Review TSV: the fields of a line as (pointer, length) slices into the
 * input buffer, found in one pass (tsv_scan: SSE2, or a portable loop);
 * nothing is allocated per line or field.
 */
#ifndef RK_TSV_H
#define RK_TSV_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "out.h"
#include "slice.h"

const char	*tsv_scan(const char *p, const char *end, struct slice *fields,
		    size_t max, size_t *ntabs);
const char	*tsv_scan_portable(const char *p, const char *end,
		    struct slice *fields, size_t max, size_t *ntabs);
size_t		tsv_split(struct slice line, struct slice *fields, size_t max);

size_t		tsv_count(struct slice line);
struct slice	tsv_field(struct slice line, size_t i, bool *found);

/* Writes s with TAB, LF, CR and backslash escaped as \t \n \r \\. */
void	tsv_put_escaped(struct out *, const char *s, size_t n);
void	tsv_escape(struct buf *, const char *s, size_t n);

#endif
