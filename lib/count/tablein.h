/*
 * rcount -x -w total: tables that rcount -x -t wrote, read back and
 * added up, cells, lines' and columns' totals and rows counted, so that
 * cross-tabs made apart merge into the table one run gives (SPEC 7).
 * Counts of pairs cannot carry a line's total: a row counts once in it
 * though it adds to several of its cells.
 */
#ifndef RK_TABLEIN_H
#define RK_TABLEIN_H

#include "count.h"
#include "tsvin.h"

void	tablein_read(struct count *, struct tsvin *);

#endif
