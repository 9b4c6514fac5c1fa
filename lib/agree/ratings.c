#include <stdlib.h>
#include <string.h>

#include "coef.h"
#include "hash.h"
#include "ratings.h"
#include "xmalloc.h"

/* The value rater r gave unit u in layer l: 0 for none, else cat + 1. */
static uint32_t
value(const struct units *u, size_t id, size_t r, size_t l)
{
	return u->val[(id * u->nraters + r) * u->spec->nlayers + l];
}

/*
 * Layer l's row: the vector of each unit, cls mapping a category to its
 * class.  Vectors are interned as bytes, then copied out in id order, so
 * that nothing reads a vector at an unaligned place of the hash's arena.
 */
void
ratings_layer(struct ratings *R, const struct units *u, size_t l,
    const uint32_t *cls, size_t nclasses)
{
	size_t nr = u->nraters, id, r, e;
	uint32_t *vec = xreallocarray(NULL, nr ? nr : 1, sizeof(*vec)), v;
	struct hash h;
	struct slice k;
	bool isnew;

	memset(R, 0, sizeof(*R));
	R->nraters = nr;
	R->nclasses = nclasses;
	R->nunits = u->ids.nkeys;
	R->of = xreallocarray(NULL, R->nunits ? R->nunits : 1,
	    sizeof(*R->of));
	hash_init(&h);
	for (id = 0; id < R->nunits; id++) {
		for (r = 0; r < nr; r++)
			vec[r] = (v = value(u, id, r, l)) == 0 ? COEF_NONE :
			    cls[v - 1];
		R->of[id] = (uint32_t)hash_intern(&h, vec,
		    nr * sizeof(*vec), &isnew);
	}
	R->n = h.nkeys;
	R->cls = xreallocarray(NULL, (R->n ? R->n : 1) * (nr ? nr : 1),
	    sizeof(*R->cls));
	R->w = xcalloc(R->n ? R->n : 1, sizeof(*R->w));
	for (e = 0; e < R->n; e++) {
		k = hash_key(&h, e);
		memcpy(R->cls + e * nr, k.p, k.n);
	}
	ratings_weigh(R, NULL, R->w);
	hash_free(&h);
	free(vec);
}

/* w[e]: the weight of vector e, the sum of its units' (1 each if NULL). */
void
ratings_weigh(const struct ratings *R, const uint32_t *unitw, uint64_t *w)
{
	size_t id;

	memset(w, 0, (R->n ? R->n : 1) * sizeof(*w));
	for (id = 0; id < R->nunits; id++)
		w[R->of[id]] += unitw != NULL ? unitw[id] : 1;
}

void
ratings_free(struct ratings *R)
{
	free(R->cls);
	free(R->w);
	free(R->of);
}

/* The vector of unit id where no rater has the key: 0 where it gave. */
void
ratings_zero(const struct units *u, size_t id, uint32_t *cls)
{
	size_t r;

	for (r = 0; r < u->nraters; r++)
		cls[r] = u->line[id * u->nraters + r] != 0 ? 0 : COEF_NONE;
}

/*
 * The units of each category of layer l, as a unit's list once per rater
 * that gave it: units[start[c]..start[c + 1]).
 */
static void
by_category(const struct units *u, size_t l, size_t **startp,
    uint32_t **unitsp)
{
	size_t ncats = u->cats[l].nkeys, id, r, c, *start;
	uint32_t *units, v;

	start = xcalloc(ncats + 1, sizeof(*start));
	for (id = 0; id < u->ids.nkeys; id++)
		for (r = 0; r < u->nraters; r++)
			if ((v = value(u, id, r, l)) != 0)
				start[v - 1]++;
	for (c = 1; c < ncats; c++)
		start[c] += start[c - 1];
	start[ncats] = ncats > 0 ? start[ncats - 1] : 0;
	units = xreallocarray(NULL, start[ncats] ? start[ncats] : 1,
	    sizeof(*units));
	/* start[c] now ends category c: fill each from its end. */
	for (id = u->ids.nkeys; id-- > 0;)
		for (r = u->nraters; r-- > 0;)
			if ((v = value(u, id, r, l)) != 0)
				units[--start[v - 1]] = (uint32_t)id;
	*startp = start;
	*unitsp = units;
}

/* What building -i's rows needs beside the keys. */
struct members {
	const size_t	*start;		/* by_category's */
	const uint32_t	*units;
	size_t		*stamp;		/* [unit]: the key + 1 it was last seen for */
	uint8_t		*has;		/* [category]: holds the key */
	uint32_t	*vec;		/* a vector being made */
	struct hash	 vecs;		/* the distinct vectors */
	size_t		 n;
	size_t		 cap;
};

/* Appends key k's members, the units some rater gave it in, to K. */
static void
add_members(struct ratings_keys *K, const struct units *u, size_t l,
    size_t k, struct members *m)
{
	const struct unit_keys *uk = &K->keys;
	size_t nr = u->nraters, j, i, r, id;
	uint32_t c, v;
	bool isnew;

	for (j = uk->start[k]; j < uk->start[k + 1]; j++)
		m->has[uk->cats[j]] = 1;
	for (j = uk->start[k]; j < uk->start[k + 1]; j++) {
		c = uk->cats[j];
		for (i = m->start[c]; i < m->start[c + 1]; i++) {
			if (m->stamp[id = m->units[i]] == k + 1)
				continue;
			m->stamp[id] = k + 1;
			if (m->n == m->cap) {
				m->cap = m->cap ? m->cap * 2 : 256;
				K->unit = xreallocarray(K->unit, m->cap,
				    sizeof(*K->unit));
				K->vof = xreallocarray(K->vof, m->cap,
				    sizeof(*K->vof));
			}
			for (r = 0; r < nr; r++)
				m->vec[r] = (v = value(u, id, r, l)) == 0 ?
				    COEF_NONE : m->has[v - 1];
			K->unit[m->n] = (uint32_t)id;
			K->vof[m->n++] = (uint32_t)hash_intern(&m->vecs, m->vec,
			    nr * sizeof(*m->vec), &isnew);
		}
	}
	for (j = uk->start[k]; j < uk->start[k + 1]; j++)
		m->has[uk->cats[j]] = 0;
}

/* -i: layer l's keys, each with its members. */
void
ratings_keys(struct ratings_keys *K, const struct units *u, size_t l)
{
	struct members m;
	size_t *start, k, v, nr = u->nraters;
	uint32_t *units;
	struct slice key;

	memset(K, 0, sizeof(*K));
	memset(&m, 0, sizeof(m));
	K->nraters = nr;
	units_keys(u, l, &K->keys);
	by_category(u, l, &start, &units);
	m.start = start;
	m.units = units;
	m.stamp = xcalloc(u->ids.nkeys ? u->ids.nkeys : 1, sizeof(*m.stamp));
	m.has = xcalloc(u->cats[l].nkeys ? u->cats[l].nkeys : 1,
	    sizeof(*m.has));
	m.vec = xcalloc(nr ? nr : 1, sizeof(*m.vec));
	hash_init(&m.vecs);
	K->start = xreallocarray(NULL, K->keys.n + 1, sizeof(*K->start));
	for (k = 0; k < K->keys.n; k++) {
		K->start[k] = m.n;
		add_members(K, u, l, k, &m);
	}
	K->start[K->keys.n] = m.n;
	/* Copied out, so that no vector is read unaligned in the arena. */
	K->nvec = m.vecs.nkeys;
	K->vec = xreallocarray(NULL, (K->nvec ? K->nvec : 1) * (nr ? nr : 1),
	    sizeof(*K->vec));
	for (v = 0; v < K->nvec; v++) {
		key = hash_key(&m.vecs, v);
		memcpy(K->vec + v * nr, key.p, key.n);
	}
	hash_free(&m.vecs);
	free(start);
	free(units);
	free(m.stamp);
	free(m.has);
	free(m.vec);
}

struct slice
ratings_key(const struct ratings_keys *K, size_t k)
{
	return hash_key(&K->keys.h, K->keys.order[k]);
}

void
ratings_keys_free(struct ratings_keys *K)
{
	units_keys_free(&K->keys);
	free(K->start);
	free(K->unit);
	free(K->vof);
	free(K->vec);
}
