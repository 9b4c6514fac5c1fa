/*
 * Warnings about an annotated review, each at a byte offset of the file.
 * They are collected while a sentence is parsed and reported in file
 * order as "PROG: FILE:LINE:COL: text".
 */
#ifndef RK_NOTE_H
#define RK_NOTE_H

#include <stddef.h>
#include <sys/types.h>

enum note_kind {
	NOTE_OPEN1,		/* marker opened by one '[' */
	NOTE_EXTRA_OPEN,	/* [[[ */
	NOTE_EXTRA_CLOSE,	/* ]]] */
	NOTE_NO_COMMA,		/* [A] [B] */
	NOTE_BAD_COMMA,		/* [A]. [B] */
	NOTE_NESTED,		/* [A,[B] */
	NOTE_NO_CLOSE,		/* [A, [B]: A and B of two layers */
	NOTE_BARE,		/* [A],B, [C] */
	NOTE_NO_OPEN,		/* [A], B], [C]: A and B of two layers */
	NOTE_EARLY_CLOSE,	/* [[A]], [B], [C]] */
	NOTE_TWO_COMMAS,	/* [A],, [B] */
	NOTE_UNCLOSED,		/* [D] followed by text */
	NOTE_MOVED,		/* groups moved to their codes' layers */
	NOTE_KEPT,		/* groups out of place, left where they are */
	NOTE_UNSURE,		/* groups of no evident layer, left there */
	NOTE_NOT_MARKER,	/* [[CODE... that does not parse */
	NOTE_EXCESS,		/* more groups than the scheme has layers */
	NOTE_TAIL,		/* "], [B], [C]]": the rest of a broken marker */
	NOTE_SPLIT_ESCAPE,	/* \[[...]]n */
	NOTE_BAD_ESCAPE,	/* \x */
	NOTE_QUOTE,		/* unescaped " inside the string */
	NOTE_BAD_UTF8,
	NOTE_NUL,
	NOTE_SURROGATE,
	NOTE_PLAIN_ESCAPE,	/* \n, \uXXXX, \" in a plain file */
	NOTE_NKINDS
};

/*
 * arg[0] is the character after '\' for BAD_ESCAPE; the group count for
 * EXCESS; the group, its layer and the groups out of place for MOVED
 * and KEPT.
 */
struct note {
	off_t		off;
	enum note_kind	kind;
	int		arg[3];
};

struct notes {
	struct note	*v;
	size_t		 n;
	size_t		 cap;
	struct note	*tmp;	/* for note_sort */
};

void		 note_add(struct notes *, off_t, enum note_kind, int);
void		 note_add3(struct notes *, off_t, enum note_kind, int, int,
		    int);
void		 note_sort(struct notes *);
void		 note_free(struct notes *);
const char	*note_text(enum note_kind);

#endif
