#include <string.h>

#include "items.h"

static const char *const label_fields[] = {
	"section", "aspect", "function", "severity",
};

/* True when name is one of the four label fields, whose = tests items. */
bool
items_label_field(struct slice name)
{
	size_t i;

	for (i = 0; i < sizeof(label_fields) / sizeof(label_fields[0]); i++)
		if (slice_eq(name, label_fields[i]))
			return true;
	return false;
}

/*
 * Takes the next item off *rest, the unread part of a field.  Empty items
 * (",," or a trailing comma) are skipped, so a field without items and an
 * empty field mean the same: an empty list.
 */
bool
items_next(struct slice *rest, struct slice *item)
{
	const char *comma;

	while (rest->n > 0) {
		item->p = rest->p;
		if ((comma = memchr(rest->p, ',', rest->n)) == NULL) {
			item->n = rest->n;
			rest->p += rest->n;
			rest->n = 0;
		} else {
			item->n = (size_t)(comma - rest->p);
			rest->n -= item->n + 1;
			rest->p = comma + 1;
		}
		if (item->n > 0)
			return true;
	}
	return false;
}

/* The code of an item: what stands before the polarity ("EMP-NEG": EMP). */
struct slice
items_code(struct slice item)
{
	const char *dash = memchr(item.p, '-', item.n);

	if (dash != NULL)
		item.n = (size_t)(dash - item.p);
	return item;
}
