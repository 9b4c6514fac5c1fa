/*
 * An annotated review, read as a stream of sentences (SPEC 1): each
 * sentence is the text before a marker, with the marker's labels.
 * Memory is bounded by the longest sentence, not by the file.
 */
#ifndef RK_ANNOT_H
#define RK_ANNOT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "decode.h"
#include "fit.h"
#include "input.h"
#include "marker.h"
#include "note.h"

struct review_opts {
	bool	raw;		/* -r: decoded text as is, nothing moved */
	bool	all;		/* -a: also the unannotated rest */
	bool	quiet;		/* -q: count warnings, print none */
	bool	json;		/* -j: escapes in a file without quotes */
	const struct scheme *scheme;	/* the layers a marker's groups fill */
	const struct fit *fit;	/* NULL: no check of the first marker */
	struct marker_memo *memo;	/* of scheme's markers; NULL: none */
};

struct sentence {
	unsigned long		 number;
	const struct marker	*labels;	/* NULL: the unannotated rest */
	const char		*text;
	size_t			 len;
};

struct review {
	struct input		 in;
	struct review_opts	 opts;
	struct decoder		 dec;
	struct notes		 notes;
	off_t			 seg;		/* raw text of the next sentence */
	off_t			 scan;		/* next '[' to look at */
	off_t			 qscan;		/* next '"' to look at */
	off_t			 qnext;		/* a '"' found ahead, or -1: */
	off_t			 qend;		/* ... none before here */
	off_t			 distrust_from;	/* a broken [[: no [ marker till ]] */
	off_t			 distrust_seen;	/* ... and no "]]" up to here */
	off_t			 open2_from;	/* the last [[ that was no marker */
	off_t			 open2_seen;	/* ... and no "]]" up to here */
	bool			 quoted;	/* a JSON string in quotes */
	off_t			 mark_end;	/* where the last marker ended */
	off_t			 dec_to;	/* decoded onto cur up to here */
	bool			 searching;	/* for the marker ending cur */
	bool			 started;
	bool			 done;		/* the last marker is behind */
	bool			 rest_done;
	bool			 fitted;	/* the first marker was checked */
	const char		*refused;	/* the scheme it fits instead */
	size_t			 carry;		/* spaces before a split escape */
	size_t			 tail_skip;	/* moved from the rest */
	/*
	 * One copy of each sentence: cur and held trade buffers, and the
	 * returned sentence is the held one, normalised in place.
	 */
	struct buf		 cur;		/* decoded text before a marker */
	struct buf		 held;		/* the sentence held back */
	size_t			 held_skip;	/* ... from here (moved punct) */
	int			 held_mk;	/* which mk[] the held one has */
	bool			 have_held;
	unsigned long		 nsent;
	unsigned long		 nwarn;
	/* Where warnings are: line and its start at offset line_off. */
	off_t			 line_off;
	off_t			 line_start;
	unsigned long		 line;
	unsigned long		 at_line;	/* a line of a lines file: its number */
	/*
	 * Last, and not cleared when a review starts: a parse sets what
	 * is read of a marker, and clearing their 3.5 KB cost rsplit -L
	 * 490 instructions a review.
	 */
	struct marker		 mk[2];
};

int	annot_open(struct review *, const char *path, const struct review_opts *);
void	annot_from_memory(struct review *, const char *name, const char *p,
	    size_t n, const struct review_opts *);
void	annot_from_input(struct review *, const struct input *,
	    unsigned long line, size_t col, const struct review_opts *);
void	annot_next_line(struct review *, const struct input *,
	    unsigned long line, size_t col);
bool	annot_next(struct review *, struct sentence *);
void	annot_close(struct review *);

char	*annot_id(const char *path);

#endif
