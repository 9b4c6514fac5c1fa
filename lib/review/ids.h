/*
 * The review ids of one run, so that (review, sentence) stays a key: a
 * review whose id is already taken (pra2 holds X-R1_annotated.txt beside
 * X-R1_annotated(1).txt, both X-R1) gets the id ID#N, the smallest N >= 2
 * not taken, with a warning that names both places.  A place is a file,
 * or a file and line for rsplit -L, where each line is a review.
 *
 * The set holds every id of the run and where it came from, so its
 * memory grows with the number of reviews (the id, a hash slot, and a
 * place each), unlike the rest of rsplit's.
 *
 * rsplit -L claims each line's ID with the file's name and the line's
 * number: ids_claim(&ids, id, path, lineno, &clash).
 */
#ifndef RK_IDS_H
#define RK_IDS_H

#include <stdbool.h>
#include <stddef.h>

#include "hash.h"
#include "tsv.h"

struct id_place {
	const char	*file;		/* the caller's; must outlive the set */
	unsigned long	 line;		/* 0: the whole file is the review */
	unsigned long	 next;		/* next N to try for ID#N */
};

struct ids {
	struct hash	 set;
	struct id_place	*places;	/* by the id's number in set */
	size_t		 cap;
	bool		 quiet;		/* -q: no warning */
};

void		ids_init(struct ids *, bool quiet);
struct slice	ids_claim(struct ids *, struct slice id, const char *file,
		    unsigned long line, bool *clash);
void		ids_free(struct ids *);

#endif
