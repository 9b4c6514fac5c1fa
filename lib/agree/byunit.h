/*
 * ragree --units: one row per unit and layer, each rater's value in its
 * column, and whether they agree.
 */
#ifndef RK_AGREE_BYUNIT_H
#define RK_AGREE_BYUNIT_H

#include "run.h"

void	byunit_write(const struct ragree *);

#endif
