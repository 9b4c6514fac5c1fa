/*
 * A set of byte strings that gives each a dense id, 0, 1, 2... in order
 * of insertion, so callers keep what they count in plain arrays indexed
 * by id.  Open addressing with linear probing over a power-of-two table;
 * the keys are copied into an arena of large blocks, so nothing is
 * allocated per key and a key never moves.
 */
#ifndef RK_HASH_H
#define RK_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tsv.h"

#define HASH_NONE	((size_t)-1)

struct hash_key {
	const char	*p;
	size_t		 n;
	uint64_t	 h;
};

struct hash {
	size_t		*slots;		/* id + 1 of the key there; 0: empty */
	size_t		 mask;		/* number of slots - 1 */
	struct hash_key	*keys;		/* by id */
	size_t		 nkeys;
	size_t		 cap;
	char		**blocks;	/* the arena */
	size_t		 nblocks;
	char		*free_p;	/* unused rest of the last block */
	size_t		 free_n;
};

void		hash_init(struct hash *);
size_t		hash_intern(struct hash *, const void *, size_t, bool *isnew);
size_t		hash_find(const struct hash *, const void *, size_t);
struct slice	hash_key(const struct hash *, size_t id);
void		hash_free(struct hash *);

#endif
