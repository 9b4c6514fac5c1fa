/*
 * Review TSV: the fields of a line as (pointer, length) slices into the
 * input buffer, found in one pass (tsv_scan: SSE2 or AVX2, or a portable
 * loop); nothing is allocated per line or field.
 */
#ifndef RK_TSV_H
#define RK_TSV_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "out.h"
#include "slice.h"

/*
 * Finds the LF that ends the line at p and closes its first max fields at
 * TABs (tsv.c).  The slices of the first skip fields need not be written
 * (the SIMD scans step over their TABs; the portable loop writes them):
 * only the count of fields, *ntabs, says they are there.
 */
typedef const char *tsv_scanner(const char *p, const char *end,
		    struct slice *fields, size_t max, size_t skip,
		    size_t *ntabs);

tsv_scanner	tsv_scan, tsv_scan_portable;
tsv_scanner	*tsv_scan_best(void);
size_t		tsv_split(struct slice line, struct slice *fields, size_t max);

size_t		tsv_count(struct slice line);
struct slice	tsv_field(struct slice line, size_t i, bool *found);

/* Writes s with TAB, LF, CR and backslash escaped as \t \n \r \\. */
void	tsv_put_escaped(struct out *, const char *s, size_t n);
void	tsv_escape(struct buf *, const char *s, size_t n);

#endif
