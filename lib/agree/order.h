/*
 * ragree --order: the values of the chosen layers as ordered categories.
 * The list names keys (MIN,MAJ) or, when every word is a polarity,
 * polarities (NEG,NEU,POS), which place an item by its polarity whatever
 * its code.  A value of one item has the place of its key (or polarity);
 * an empty value or one of several items has none and counts as no value
 * in the ordered figures; an item that the list does not place is an
 * error, named where it first occurs.
 */
#ifndef RK_AGREE_ORDER_H
#define RK_AGREE_ORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "run.h"

struct order {
	char		**words;
	size_t		  n;
	bool		  polarity;
};

int	order_parse(struct order *, const char *arg);
void	order_places(const struct order *, const struct ragree *, size_t l,
	    const uint32_t *bycls, size_t nclasses, uint32_t *rank);
void	order_note(const struct ragree *, const uint32_t *const *cls,
	    const uint32_t *const *rank);
void	order_free(struct order *);

#endif
