/*
 * The annotation marker that follows a sentence:
 *     [[MET-NEG,RES-NEU], [EMP-NEG], [CRT], [MAJ]]
 * read leniently, as SPEC 1.2 lists the annotators' mistakes.
 */
#ifndef RK_MARKER_H
#define RK_MARKER_H

#include <stdbool.h>
#include <stddef.h>

#include "scheme.h"

#define MARKER_MAX	1024	/* a longer bracket run is not a marker */

enum marker_result {
	MARKER_NO,		/* not a marker: text */
	MARKER_YES,
	MARKER_MORE,		/* cannot tell without more input */
	MARKER_BROKEN,		/* starts like one but does not parse: text */
	MARKER_EXCESS,		/* more groups than layers: text */
};

struct marker {
	size_t		len;		/* bytes from the first '[' */
	int		ngroups;	/* layers filled, the last one included */
	int		nread;		/* groups read */
	/*
	 * For NOTE_MOVED, NOTE_KEPT and NOTE_UNSURE: the first such group
	 * (1-based), its layer (or LAYER_UNKNOWN, LAYER_SEVERAL) and how
	 * many groups the note is about.
	 */
	int		place[3][3];
	unsigned	notes;		/* 1 << NOTE_... */
	/*
	 * No group was moved (SPEC 1.3): text[0..off[ngroups - 1] +
	 * n[ngroups - 1]) is then the label columns as they are written,
	 * layer after layer with a TAB between, all in one copy.
	 */
	bool		inplace;
	/* Set group by group as the parse opens them, not cleared before. */
	int		home[SCHEME_LAYERS_MAX];	/* group g's layer */
	size_t		off[SCHEME_LAYERS_MAX];	/* layer i: text[off..off+n) */
	size_t		n[SCHEME_LAYERS_MAX];
	/*
	 * The normalised items, a TAB after each group but the last: never
	 * longer than the marker, since every group's TAB stands for the '['
	 * or ',' before it.
	 */
	char		text[MARKER_MAX];
};

/*
 * The markers a run has read, by their bytes, for one scheme: most are
 * read again from here (lib/review/marker.c).  Its size is fixed.
 */
struct marker_memo;

struct marker_memo *marker_memo_new(const struct scheme *);
void	marker_memo_free(struct marker_memo *);

enum marker_result marker_parse(const char *p, size_t n, bool eof,
		    const struct scheme *, struct marker_memo *,
		    struct marker *);
const char	  *marker_code_fault(const char *code, size_t n);
enum marker_result marker_parse_general(const char *p, size_t n, bool eof,
		    const struct scheme *, struct marker *);

#endif
