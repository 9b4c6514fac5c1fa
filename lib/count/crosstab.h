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

void	crosstab_write(const struct count *, struct out *,
	    const struct tsvin *);

#endif
