/*
 * Counting rows of review TSV by keys, for rcount(1).  A key is a
 * combination of the values a row gives the key fields (the items of a
 * label field, the whole of another); a tally holds each key's count,
 * adds a row at most once to a key, and with -d counts the distinct
 * values of a field instead.  Besides the keys, a count keeps "the rows
 * counted", the rows that added a key, which -p divides by and -t
 * writes, and for -x the same by value of either field (crosstab.h).
 */
#ifndef RK_COUNT_H
#define RK_COUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hash.h"
#include "out.h"
#include "tsv.h"
#include "tsvin.h"

/*
 * The distinct keys one row may add (with -d, keys times values): a row
 * of 3000 items counted by aspect,aspect would add 9 million.  Far above what an
 * annotated sentence holds, far below what runs out of memory.
 */
#define COUNT_ROW_MAX	100000

/* -x: pairs of side ids below this find their key in a dense table. */
#define COUNT_CROSS_DENSE	64

enum count_sort { COUNT_BY_COUNT, COUNT_BY_KEY };

struct count_opts {
	bool		 polarity;	/* -k: keys keep the polarity */
	bool		 percent;	/* -p */
	bool		 total;		/* -t */
	bool		 bar;		/* -b */
	bool		 crosstab;	/* -x */
	bool		 noheader;	/* -N */
	enum count_sort	 sort;		/* -s */
};

/*
 * A short key's id remembered by its bytes packed in a word, in front of
 * the hash: the keys of a label field are a few codes, met on every row.
 */
#define TALLY_MEMO	256

struct tally_memo {
	uint64_t	 packed;
	uint32_t	 len1;		/* the key's length + 1; 0: empty */
	uint32_t	 id;
};

/* Counts by key, a row at most once for each; with -d, distinct values. */
struct tally {
	struct tally_memo memo[TALLY_MEMO];
	struct hash	 keys;
	struct tally_cell *cell;	/* by key id */
	size_t		 cap;
	struct hash_set64 seen;		/* -d: pairs of key id and value id */
	uint64_t	*near;		/* ... those of a key id below 64, */
	size_t		 nnear;		/* by value id: a bit a key */
	bool		 distinct;
	bool		 over;		/* a count stopped at UINT64_MAX */
};

/* The values a row gives one field. */
struct count_vals {
	struct slice	*v;
	size_t		 n;
	size_t		 cap;
};

/* -d: ids of values, as the count's set of them gives them. */
struct count_ids {
	uint32_t	*id;
	size_t		 n;
	size_t		 cap;
};

/* A field rows are read for: where it is, and whether it holds items. */
struct count_ref {
	size_t		 col;
	bool		 items;
	bool		 polarity;	/* items keep it: -k, or one code */
};

struct count {
	struct count_opts opts;
	const struct tsvin *in;		/* for the names of fields */
	struct count_ref *refs;		/* the keys, then -d's, then -w's */
	size_t		 nrefs;
	size_t		 nkeys;
	size_t		 dist;		/* index in refs, or HASH_NONE */
	size_t		 weight;	/* index in refs, or HASH_NONE */
	bool		 items;		/* a key field is a label field */
	bool		 tables;	/* -x -w total over tables (tablein.h) */
	bool		 merging;	/* -w over rcount's own output */
	struct tally	 keys;		/* by key: values joined by TABs */
	uint64_t	 rows;		/* the rows counted */
	bool		 rows_over;	/* rows stopped at UINT64_MAX */
	struct tally	 all;		/* -d: one key, "", and its values */
	struct tally	 side[2];	/* -x: by value of field 1, field 2 */
	uint64_t	 row;		/* rows counted so far, as a stamp */

	/* Per row: scratch, kept to allocate once. */
	const struct slice *f;		/* the row's fields (tsvin_fields) */
	struct count_vals *vals;	/* by ref */
	size_t		*idx;		/* the combination being added */
	struct buf	 key;		/* the combination's key */
	uint32_t	*cross;		/* -x: key id + 1 by the sides' ids */
	struct hash	 dvals;		/* -d: the values of its field */
	struct count_ids dids;		/* ... of this row's field: */
	struct buf	 dfield;	/* ... the field they were found for */
	bool		 dfield_ok;

	/* The input being read, its rows counted, with -w its total row. */
	size_t		 input;		/* in->next while reading it; 0 */
	uint64_t	 part;
	const char	*last_file;	/* -w: the last row's input and line */
	unsigned long	 last_line;
	bool		 held;		/* a row that may be the total row */
	uint64_t	 held_w;
	size_t		 held_input;
	const char	*held_file;
	unsigned long	 held_line;
};

/* A counted key, as the output is sorted. */
struct count_result {
	struct slice	 key;
	uint64_t	 n;
};

void	count_init(struct count *, const struct count_opts *, struct tsvin *,
	    char **keys, size_t nkeys, const char *distinct,
	    const char *weight);
const char *count_refusal(const struct count *);
void	count_line(struct count *, const struct tsvin *, struct slice row);
void	count_end(struct count *);
void	count_read(struct count *, struct tsvin *);
void	count_write(const struct count *, struct out *, const struct tsvin *);
void	count_free(struct count *);

/* Shared with crosstab.c. */
uint64_t count_of(const struct tally *, struct slice key);
uint64_t count_rows(const struct count *);
struct count_result *count_sorted(const struct tally *, enum count_sort);
void	count_put_percent(struct out *, uint64_t n, uint64_t total);
void	count_put_name(struct out *, const struct tsvin *, size_t col);
void	count_check_total(const struct tally *);

/* Shared with tablein.c. */
uint64_t count_weight(struct slice, const char *what, const struct tsvin *);
bool	count_is_key(struct count *, size_t ref, struct slice);
bool	count_add(struct count *, struct tally *, struct slice key,
	    uint64_t w);
void	count_add_rows(struct count *, uint64_t w);

#endif
