/*
 * rcount -x: two key fields as a table, in the manner of datamash's
 * crosstab.c.  A line per value of the first field, a column per value
 * of the second, both sorted as -s says by their totals (the rows
 * counted with that value) or by value; each cell the count of the pair.
 */
#ifndef RK_CROSSTAB_H
#define RK_CROSSTAB_H

#include "count.h"
#include "out.h"
#include "tsvin.h"

/*
 * The most cells a table may have.  Every pair of a line's value and a
 * column's is a cell, so 2N rows of N values on each side would make N^2
 * of them: 10^7 cells is some 20 MB of table, past any reading, while the
 * pairs one a line (rcount without -x) have no such bound.
 */
#define CROSSTAB_CELLS_MAX	10000000

void	crosstab_write(const struct count *, struct out *,
	    const struct tsvin *);

#endif
