/*
 * A set of byte strings that gives each a dense id, 0, 1, 2... in order
 * of insertion, so callers keep what they count in plain arrays indexed
 * by id, and nothing they write depends on where a key sits in the
 * table.  Open addressing with linear probing over a power-of-two table
 * whose slots hold an id and the high half of its key's hash, compared
 * before the key's bytes are read; the keys are copied into an arena of
 * large blocks, so nothing is allocated per key and a key never moves.
 *
 * The hash is seeded per table from arc4random_buf: keys crafted to
 * collide (hash flooding, issue 21) cannot be crafted without the seed.
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

/* A slot: id + 1 of the key there (0: empty), and its hash's high half. */
struct hash_slot {
	uint32_t	 id1;
	uint32_t	 tag;
};

struct hash {
	struct hash_slot *slots;
	size_t		 mask;		/* number of slots - 1 */
	uint64_t	 seed[2];
	struct hash_key	*keys;		/* by id */
	size_t		 nkeys;
	size_t		 cap;
	char		**blocks;	/* the arena */
	size_t		 nblocks;
	char		*free_p;	/* unused rest of the last block */
	size_t		 free_n;
};

/*
 * A set of 64-bit words (rcount -d's pairs of ids): open addressing as
 * above, seeded as above, over slots that hold the words themselves, so
 * a word costs its slot and nothing else.  All bits set marks an empty
 * slot: that word is never a member.
 */
struct hash_set64 {
	uint64_t	*slots;
	size_t		 mask;		/* number of slots - 1 */
	size_t		 n;
	uint64_t	 seed[2];
};

void		hash_init(struct hash *);
size_t		hash_intern(struct hash *, const void *, size_t, bool *isnew);
size_t		hash_find(const struct hash *, const void *, size_t);
struct slice	hash_key(const struct hash *, size_t id);
void		hash_free(struct hash *);

void		hash_set64_init(struct hash_set64 *);
bool		hash_set64_add(struct hash_set64 *, uint64_t);
void		hash_set64_free(struct hash_set64 *);

#endif
