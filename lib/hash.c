#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xmalloc.h"

#define HASH_SLOTS0	1024
#define ARENA_BLOCK	(64 * 1024)

static inline uint64_t hash_bytes(const uint64_t *, const void *, size_t);
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
	/* A seed no input can know (STYLE.md 6): libbsd's, or glibc's. */
	arc4random_buf(h->seed, sizeof(h->seed));
}

/* The id of key p[0..n), added when new (*isnew says which). */
size_t
hash_intern(struct hash *h, const void *p, size_t n, bool *isnew)
{
	uint64_t hv = hash_bytes(h->seed, p, n);
	size_t i = probe(h, p, n, hv);

	/* Most lookups find the key: the insertion is out of line. */
	*isnew = h->slots[i].id1 == 0;
	if (!*isnew)
		return h->slots[i].id1 - 1;
	return insert(h, i, p, n, hv);
}

/* Adds key p[0..n), whose hash is hv, at the empty slot i; its id. */
static size_t
insert(struct hash *h, size_t i, const void *p, size_t n, uint64_t hv)
{
	struct hash_key *k;

	/* Ids are 32 bits in a slot: past that, memory ran out long ago. */
	if (h->nkeys == UINT32_MAX - 1)
		errx(1, "more than %lu distinct values", (unsigned long)h->nkeys);
	if (h->nkeys == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 256;
		h->keys = xreallocarray(h->keys, h->cap, sizeof(*h->keys));
	}
	k = &h->keys[h->nkeys];
	k->p = arena_copy(h, p, n);
	k->n = n;
	k->h = hv;
	h->slots[i].id1 = (uint32_t)++h->nkeys;
	h->slots[i].tag = (uint32_t)(hv >> 32);
	/* Half full at most, so that probe runs stay short. */
	if (h->nkeys * 2 > h->mask)
		grow(h);
	return h->nkeys - 1;
}

/* The id of key p[0..n), or HASH_NONE. */
size_t
hash_find(const struct hash *h, const void *p, size_t n)
{
	size_t i = probe(h, p, n, hash_bytes(h->seed, p, n));

	return h->slots[i].id1 != 0 ? h->slots[i].id1 - 1 : HASH_NONE;
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

/* The 128-bit product of a and b, its halves folded by xor. */
static inline uint64_t
mix(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
	unsigned __int128 r = (unsigned __int128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
	uint64_t ha = a >> 32, la = (uint32_t)a, hb = b >> 32, lb = (uint32_t)b;
	uint64_t hh = ha * hb, hl = ha * lb, lh = la * hb, ll = la * lb;
	uint64_t mid = (ll >> 32) + (uint32_t)hl + (uint32_t)lh;

	return ((ll & 0xffffffff) | mid << 32) ^
	    (hh + (hl >> 32) + (lh >> 32) + (mid >> 32));
#endif
}

static inline uint64_t
load64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

static inline uint64_t
load32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

/*
 * A seeded hash in the manner of wyhash: 16 bytes at a time, each half
 * xored with a secret word and multiplied into 128 bits whose halves
 * fold; a short key (codes such as "EMP", most keys here) in one
 * multiply from loads that overlap rather than a byte loop.  Without
 * the seed, which differs in every run, no one can choose keys that
 * collide; with it, the order of nothing changes (ids are by insertion).
 */
static inline uint64_t
hash_bytes(const uint64_t *seed, const void *key, size_t n)
{
	static const uint64_t k0 = 0xa0761d6478bd642fULL,
	    k1 = 0xe7037ed1a0b428dbULL, k2 = 0x8ebc6af09c88c6e3ULL;
	const unsigned char *p = key;
	uint64_t a, b, s = seed[0] ^ k0;
	size_t i = n;

	if (n <= 16) {
		if (n >= 4) {
			a = load32(p) << 32 | load32(p + (n >> 3 << 2));
			b = load32(p + n - 4) << 32 |
			    load32(p + n - 4 - (n >> 3 << 2));
		} else if (n > 0) {
			a = (uint64_t)p[0] << 16 | (uint64_t)p[n >> 1] << 8 |
			    p[n - 1];
			b = 0;
		} else
			a = b = 0;
	} else {
		for (; i > 16; i -= 16, p += 16)
			s = mix(load64(p) ^ k1, load64(p + 8) ^ s);
		a = load64(p + i - 16);
		b = load64(p + i - 8);
	}
	return mix(k1 ^ n ^ seed[1], mix(a ^ k1, b ^ s) ^ k2);
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
	uint32_t tag = (uint32_t)(hv >> 32);
	const struct hash_slot *s;
	const struct hash_key *k;

	for (; (s = &h->slots[i])->id1 != 0; i = (i + 1) & h->mask) {
		if (s->tag != tag)
			continue;
		k = &h->keys[s->id1 - 1];
		if (k->n == n && same(k->p, p, n))
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
		while (h->slots[i].id1 != 0)
			i = (i + 1) & h->mask;
		h->slots[i].id1 = (uint32_t)(id + 1);
		h->slots[i].tag = (uint32_t)(h->keys[id].h >> 32);
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

#define EMPTY64	UINT64_MAX

static uint64_t *
empty_slots64(size_t n)
{
	uint64_t *p = xreallocarray(NULL, n, sizeof(*p));

	memset(p, 0xff, n * sizeof(*p));	/* EMPTY64 */
	return p;
}

void
hash_set64_init(struct hash_set64 *s)
{
	memset(s, 0, sizeof(*s));
	s->mask = HASH_SLOTS0 - 1;
	s->slots = empty_slots64(HASH_SLOTS0);
	arc4random_buf(s->seed, sizeof(s->seed));
}

/* Where w's probe starts: one seeded multiply, its halves folded. */
static inline size_t
slot64(const struct hash_set64 *s, uint64_t w)
{
	return (size_t)mix(w ^ s->seed[0], s->seed[1] | 1) & s->mask;
}

static void
grow64(struct hash_set64 *s)
{
	uint64_t *old = s->slots;
	size_t n = s->mask + 1, i, j;

	s->slots = empty_slots64(2 * n);
	s->mask = 2 * n - 1;
	for (i = 0; i < n; i++) {
		if (old[i] == EMPTY64)
			continue;
		for (j = slot64(s, old[i]); s->slots[j] != EMPTY64;
		    j = (j + 1) & s->mask)
			;
		s->slots[j] = old[i];
	}
	free(old);
}

/* Adds w (not all bits set); true when it was not there. */
bool
hash_set64_add(struct hash_set64 *s, uint64_t w)
{
	size_t i;

	for (i = slot64(s, w); s->slots[i] != w; i = (i + 1) & s->mask)
		if (s->slots[i] == EMPTY64) {
			s->slots[i] = w;
			/* Half full at most, as a hash's slots. */
			if (++s->n * 2 > s->mask)
				grow64(s);
			return true;
		}
	return false;
}

void
hash_set64_free(struct hash_set64 *s)
{
	free(s->slots);
	memset(s, 0, sizeof(*s));
}
