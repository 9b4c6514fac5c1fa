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
 * empty field mean the same: an empty list.  Items are a few bytes long,
 * shorter than a memchr call is worth: plain loops find the separators.
 */
bool
items_next(struct slice *rest, struct slice *item)
{
	size_t n;

	while (rest->n > 0) {
		for (n = 0; n < rest->n && rest->p[n] != ','; n++)
			;
		item->p = rest->p;
		item->n = n;
		if (n < rest->n)
			n++;		/* the comma */
		rest->p += n;
		rest->n -= n;
		if (item->n > 0)
			return true;
	}
	return false;
}

/* The code of an item: what stands before the polarity ("EMP-NEG": EMP). */
struct slice
items_code(struct slice item)
{
	size_t n;

	for (n = 0; n < item.n && item.p[n] != '-'; n++)
		;
	item.n = n;
	return item;
}
