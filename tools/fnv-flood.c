/*
 * fnv-flood N: writes N distinct keys, one a line, that all fall into one
 * slot of the hash table reviewkit used until issue 21: FNV-1a, unseeded,
 * then a final mix, whose low bits chose the slot.  They agree in the
 * low BITS bits, so that up to 2^(BITS-1) of them fill one run of a
 * table that is at most half full: each insertion probes past all the
 * keys before it, and N keys cost N^2/2 probes.  tools/check-scaling's
 * family hash-flood counts them with rcount: quadratic with that hash,
 * linear with a seeded one, which no one can craft keys against.
 *
 * Found by brute force, about 2^BITS tries a key: a fraction of a second
 * for 8000.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define BITS	14

/* FNV-1a's state after s; with mix() below, lib/hash.c's hash_bytes before issue 21. */
static uint64_t
old_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static const char alnum[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* One step of FNV-1a. */
static uint64_t
step(uint64_t h, char c)
{
	return (h ^ (unsigned char)c) * 0x100000001b3ULL;
}

static uint64_t
mix(uint64_t h)
{
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	return h ^ h >> 32;
}

/*
 * Keys "flood" and 5 letters or digits (62^5 of them, 56,000 that
 * agree), tried in order with FNV's state carried from letter to
 * letter: a step and a mix a try.
 */
int
main(int argc, char *argv[])
{
	const uint64_t mask = (1u << BITS) - 1;
	uint64_t h[6];
	long n, found = 0;
	char key[11] = "flood";
	int c[5] = { 0 }, d;

	if (argc != 2 || (n = strtol(argv[1], NULL, 10)) < 0 || n > 50000) {
		fputs("usage: fnv-flood N (up to 50000)\n", stderr);
		return 2;
	}
	h[0] = old_hash(key, 5);
	for (d = 0; d < 5; d++) {
		key[5 + d] = alnum[0];
		h[d + 1] = step(h[d], key[5 + d]);
	}
	while (found < n) {
		if ((mix(h[5]) & mask) == 0) {
			puts(key);
			found++;
		}
		/* The next key: the last letter first, as an odometer. */
		for (d = 4; d >= 0 && ++c[d] == 62; d--)
			c[d] = 0;
		if (d < 0)
			break;
		for (; d < 5; d++) {
			key[5 + d] = alnum[c[d]];
			h[d + 1] = step(h[d], key[5 + d]);
		}
	}
	return 0;
}
