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
	NOTE_BARE,		/* [A],B, [C] */
	NOTE_UNCLOSED,		/* [D] followed by text */
	NOTE_NOT_MARKER,	/* [[CODE... that does not parse */
	NOTE_SPLIT_ESCAPE,	/* \[[...]]n */
	NOTE_BAD_ESCAPE,	/* \x */
	NOTE_QUOTE,		/* unescaped " inside the string */
	NOTE_BAD_UTF8,
	NOTE_NUL,
	NOTE_SURROGATE,
	NOTE_NKINDS
};

struct note {
	off_t		off;
	enum note_kind	kind;
	unsigned char	arg;	/* the character after '\' for BAD_ESCAPE */
};

struct notes {
	struct note	*v;
	size_t		 n;
	size_t		 cap;
};

void		 notes_add(struct notes *, off_t, enum note_kind, unsigned char);
const char	*note_text(enum note_kind);

#endif
