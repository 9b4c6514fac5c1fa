/*
 * The label fields (SPEC 2): section, aspect, function and severity hold
 * comma-separated items CODE-POL or CODE.  rfilter's = and rcount's keys
 * work on items, not on the whole field.
 */
#ifndef RK_ITEMS_H
#define RK_ITEMS_H

#include <stdbool.h>

#include "tsv.h"

bool		items_label_field(struct slice name);
bool		items_next(struct slice *rest, struct slice *item);
struct slice	items_code(struct slice item);

#endif
