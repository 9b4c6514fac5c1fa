#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xmalloc.h"

#define HASH_SLOTS0	1024
#define ARENA_BLOCK	(64 * 1024)

static inline uint64_t hash_bytes(const void *, size_t);
static inline size_t probe(const struct hash *, const void *, size_t,
		    uint64_t);
static size_t	insert(struct hash *, size_t, const void *, size_t, uint64_t)
		    __attribute__((noinline));
static void	grow(struct hash *);
static const char *arena_copy(struct hash *, const void *, size_t);

void
hash_init(struct hash *h)
{
	memset(h, 0, sizeof(*h));
	h->mask = HASH_SLOTS0 - 1;
	h->slots = xcalloc(HASH_SLOTS0, sizeof(*h->slots));
}

/* The id of key p[0..n), added when new (*isnew says which). */
size_t
hash_intern(struct hash *h, const void *p, size_t n, bool *isnew)
{
	uint64_t hv = hash_bytes(p, n);
	size_t i = probe(h, p, n, hv);

	/* Most lookups find the key: the insertion is out of line. */
	*isnew = h->slots[i] == 0;
	if (!*isnew)
		return h->slots[i] - 1;
	return insert(h, i, p, n, hv);
}

/* Adds key p[0..n), whose hash is hv, at the empty slot i; its id. */
static size_t
insert(struct hash *h, size_t i, const void *p, size_t n, uint64_t hv)
{
	struct hash_key *k;

	if (h->nkeys == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 256;
		h->keys = xreallocarray(h->keys, h->cap, sizeof(*h->keys));
	}
	k = &h->keys[h->nkeys];
	k->p = arena_copy(h, p, n);
	k->n = n;
	k->h = hv;
	h->slots[i] = ++h->nkeys;
	/* Half full at most, so that probe runs stay short. */
	if (h->nkeys * 2 > h->mask)
		grow(h);
	return h->nkeys - 1;
}

/* The id of key p[0..n), or HASH_NONE. */
size_t
hash_find(const struct hash *h, const void *p, size_t n)
{
	size_t i = probe(h, p, n, hash_bytes(p, n));

	return h->slots[i] != 0 ? h->slots[i] - 1 : HASH_NONE;
}

struct slice
hash_key(const struct hash *h, size_t id)
{
	struct slice s = { h->keys[id].p, h->keys[id].n };

	return s;
}

void
hash_free(struct hash *h)
{
	size_t i;

	for (i = 0; i < h->nblocks; i++)
		free(h->blocks[i]);
	free(h->blocks);
	free(h->keys);
	free(h->slots);
	memset(h, 0, sizeof(*h));
}

/*
 * FNV-1a, then a final mix: keys are short (codes such as "EMP"), where
 * a byte loop is as fast as any, and the mix spreads FNV's low bits, which
 * are all the mask keeps.
 */
static inline uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	h ^= h >> 32;
	return h;
}

/*
 * Whether the n bytes at a and b are the same: keys are mostly codes of a
 * few bytes, for which a loop costs less than a call to memcmp.
 */
static inline bool
same(const char *a, const void *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a, *y = b;

	if (n > 16)
		return memcmp(a, b, n) == 0;
	for (; n > 0; n--)
		if (*x++ != *y++)
			return false;
	return true;
}

/* The slot that holds the key, or the empty one where it would go. */
static inline size_t
probe(const struct hash *h, const void *p, size_t n, uint64_t hv)
{
	size_t i = (size_t)hv & h->mask;
	const struct hash_key *k;

	for (; h->slots[i] != 0; i = (i + 1) & h->mask) {
		k = &h->keys[h->slots[i] - 1];
		if (k->h == hv && k->n == n && same(k->p, p, n))
			return i;
	}
	return i;
}

static void
grow(struct hash *h)
{
	size_t nslots = (h->mask + 1) * 2, id, i;

	free(h->slots);
	h->slots = xcalloc(nslots, sizeof(*h->slots));
	h->mask = nslots - 1;
	for (id = 0; id < h->nkeys; id++) {
		i = (size_t)h->keys[id].h & h->mask;
		while (h->slots[i] != 0)
			i = (i + 1) & h->mask;
		h->slots[i] = id + 1;
	}
}

/* Keys longer than a quarter block get a block of their own. */
static const char *
arena_copy(struct hash *h, const void *p, size_t n)
{
	size_t size;
	char *dst;

	if (n == 0)
		return "";
	if (n > h->free_n) {
		size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		h->blocks = xreallocarray(h->blocks, h->nblocks + 1,
		    sizeof(*h->blocks));
		h->blocks[h->nblocks++] = xmalloc(size);
		if (size == n) {
			memcpy(h->blocks[h->nblocks - 1], p, n);
			return h->blocks[h->nblocks - 1];
		}
		h->free_p = h->blocks[h->nblocks - 1];
		h->free_n = size;
	}
	dst = h->free_p;
	memcpy(dst, p, n);
	h->free_p += n;
	h->free_n -= n;
	return dst;
}
