/*
 * What ragree(1) writes: the table of coefficients (or --pairs rows), or
 * -x's confusion table.
 */
#ifndef RK_AGREE_REPORT_H
#define RK_AGREE_REPORT_H

#include "run.h"

void	report_write(struct ragree *);
void	report_confusion(struct ragree *);

#endif
