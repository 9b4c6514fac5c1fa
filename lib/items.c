#include <string.h>

#include "items.h"

/*
 * Takes the next item off *rest, the unread part of a list, empty items
 * included ("A,,B" has three), so that rtags --check can report them.
 * *done starts as whether the list is empty and turns true after the
 * last item.  Items are a few bytes long, shorter than a memchr call is
 * worth: a plain loop finds the comma.
 */
bool
items_next_any(struct slice *rest, bool *done, struct slice *item)
{
	size_t n;

	if (*done)
		return false;
	for (n = 0; n < rest->n && rest->p[n] != ','; n++)
		;
	item->p = rest->p;
	item->n = n;
	if (n == rest->n)
		*done = true;
	else
		n++;		/* the comma */
	rest->p += n;
	rest->n -= n;
	return true;
}

/*
 * The next non-empty item: ",," and a trailing comma add nothing, so a
 * field without items and an empty field mean the same, an empty list.
 */
bool
items_next(struct slice *rest, struct slice *item)
{
	bool done = rest->n == 0;

	while (items_next_any(rest, &done, item))
		if (item->n > 0)
			return true;
	rest->n = 0;
	return false;
}

/* The code of an item: what stands before the polarity ("EMP-NEG": EMP). */
struct slice
items_code(struct slice item)
{
	return items_tag(item).code;
}

/*
 * Splits an item at its first '-': "CRT" has no polarity, and an odd item
 * such as "EXP-POS<MET-NEU" is EXP with the polarity "POS<MET-NEU", which
 * rtags --check then reports as unknown.
 */
struct tag
items_tag(struct slice item)
{
	struct tag t;
	size_t n;

	for (n = 0; n < item.n && item.p[n] != '-'; n++)
		;
	t.code.p = item.p;
	t.code.n = n;
	t.has_pol = n < item.n;
	t.pol.p = item.p + (t.has_pol ? n + 1 : n);
	t.pol.n = t.has_pol ? item.n - n - 1 : 0;
	return t;
}
