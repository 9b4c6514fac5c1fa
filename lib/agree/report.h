/*
 * What ragree(1) writes: the rows of figures (a layer's, a key's, per
 * group of raters), or -x's confusion table.
 */
#ifndef RK_AGREE_REPORT_H
#define RK_AGREE_REPORT_H

#include "rows.h"
#include "run.h"

void	report_write(struct ragree *, const struct rows *);
void	report_confusion(struct ragree *, const struct rows *);

#endif
