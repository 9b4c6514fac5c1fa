/*
 * The items of a label field (SPEC 2): a comma-separated list of
 * CODE-POL or CODE.  rfilter's =, rcount's keys, rtags and ragree work on
 * items, not on the whole field; they all split lists with this cursor.
 */
#ifndef RK_ITEMS_H
#define RK_ITEMS_H

#include <stdbool.h>

#include "tsv.h"

/* An item split at its first '-': "MET-NEG" is MET and NEG. */
struct tag {
	struct slice	code;
	struct slice	pol;
	bool		has_pol;
};

bool		items_next(struct slice *rest, struct slice *item);
bool		items_next_any(struct slice *rest, bool *done,
		    struct slice *item);
struct slice	items_code(struct slice item);
struct tag	items_tag(struct slice item);

#endif
