/*
 * The ratings of one row of ragree(1) as the coefficients read them.
 *
 * A layer's row: each unit is the vector of its raters' classes
 * (COEF_NONE where a rater gave no value), and units that share a vector
 * are kept once, with their number, so that a figure costs the distinct
 * vectors, not the units.  of[u] says which vector unit u has, so that a
 * resample's weights of the units become weights of the vectors.
 *
 * -i's rows, a row per key: a unit's class is 1 when the rater's set
 * holds the key, else 0.  Most units have the key from no rater; they
 * are "the zero vector" of the raters that gave them (ratings_zero), the
 * same for every key.  So a key keeps only its members, the units where
 * some rater gave it, each with the number of its vector among the
 * layer's distinct ones: a tally of every unit's zero vector, corrected
 * by the members' vectors (each distinct one once, with the members'
 * weight), is the key's row.  Memory and time grow with the items, not
 * with keys times units.
 */
#ifndef RK_AGREE_RATINGS_H
#define RK_AGREE_RATINGS_H

#include <stddef.h>
#include <stdint.h>

#include "units.h"

struct ratings {
	size_t		 nraters;
	size_t		 nclasses;
	uint32_t	*cls;		/* [e * nraters + r] */
	uint64_t	*w;		/* [e]: the units that have vector e */
	size_t		 n;		/* distinct vectors */
	uint32_t	*of;		/* [u]: unit u's vector */
	size_t		 nunits;
};

void	ratings_layer(struct ratings *, const struct units *, size_t l,
	    const uint32_t *cls, size_t nclasses);
void	ratings_weigh(const struct ratings *, const uint32_t *unitw,
	    uint64_t *w);
void	ratings_free(struct ratings *);

struct ratings_keys {
	struct unit_keys keys;		/* the keys, in byte order */
	size_t		 nraters;
	size_t		*start;		/* [k]: key k's first member */
	uint32_t	*unit;		/* [i]: the unit of member i */
	uint32_t	*vof;		/* [i]: the vector of member i */
	uint32_t	*vec;		/* [v * nraters + r]: 1, 0, COEF_NONE */
	size_t		 nvec;
};

void	ratings_keys(struct ratings_keys *, const struct units *, size_t l);
struct slice ratings_key(const struct ratings_keys *, size_t k);
void	ratings_keys_free(struct ratings_keys *);
void	ratings_zero(const struct units *, size_t u, uint32_t *cls);

#endif
