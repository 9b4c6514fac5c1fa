#include <stdlib.h>
#include <string.h>

#include "note.h"
#include "xmalloc.h"

static const char *const texts[NOTE_NKINDS] = {
	[NOTE_OPEN1]		= "marker opened by one '['",
	[NOTE_EXTRA_OPEN]	= "extra '[' before the marker",
	[NOTE_EXTRA_CLOSE]	= "extra ']' after the marker",
	[NOTE_NO_COMMA]		= "missing comma between groups",
	[NOTE_BAD_COMMA]	= "punctuation between groups read as a comma",
	[NOTE_NESTED]		= "group opened inside another; items joined",
	[NOTE_NO_CLOSE]		= "missing ']' before a group of another layer",
	[NOTE_BARE]		= "items outside brackets joined to a group",
	[NOTE_NO_OPEN]		= "missing '[' before a group of another layer",
	[NOTE_EARLY_CLOSE]	= "marker closed early; the groups after ']]' joined to it",
	[NOTE_TWO_COMMAS]	= "doubled comma between groups read as one",
	[NOTE_UNCLOSED]		= "marker not closed by ']]'",
	[NOTE_MOVED]		= "groups moved to the layers of their codes:",
	[NOTE_KEPT]		= "groups out of place kept in their positions:",
	[NOTE_UNSURE]		= "groups of no evident layer kept in their positions:",
	[NOTE_NOT_MARKER]	= "unfinished marker kept as text",
	[NOTE_EXCESS]		= "marker has",
	[NOTE_TAIL]		= "groups after a marker that could not be read kept as text",
	[NOTE_SPLIT_ESCAPE]	= "marker inside an escape; escape joined across it",
	[NOTE_BAD_ESCAPE]	= "invalid escape kept as text:",
	[NOTE_QUOTE]		= "unescaped '\"' kept as text",
	[NOTE_BAD_UTF8]		= "invalid UTF-8 replaced by U+FFFD",
	[NOTE_NUL]		= "NUL byte replaced by U+FFFD",
	[NOTE_SURROGATE]	= "lone surrogate replaced by U+FFFD",
	[NOTE_PLAIN_ESCAPE]	= "JSON escape in a plain file, kept as text (-j decodes escapes):",
};

void
note_add3(struct notes *ns, off_t off, enum note_kind kind, int a, int b,
    int c)
{
	struct note *n;

	if (ns->n == ns->cap) {
		ns->v = xgrowarray(ns->v, &ns->cap, ns->n + 1, sizeof(*ns->v));
		ns->tmp = xreallocarray(ns->tmp, ns->cap, sizeof(*ns->tmp));
	}
	n = &ns->v[ns->n++];
	n->off = off;
	n->kind = kind;
	n->arg[0] = a;
	n->arg[1] = b;
	n->arg[2] = c;
}

void
note_add(struct notes *ns, off_t off, enum note_kind kind, int arg)
{
	note_add3(ns, off, kind, arg, 0, 0);
}

/* Stable merge sort of v[lo..hi) by offset, through tmp. */
static void
sort_range(struct note *v, struct note *tmp, size_t lo, size_t hi)
{
	size_t mid = lo + (hi - lo) / 2, i = lo, j, k = lo;

	if (hi - lo < 2)
		return;
	sort_range(v, tmp, lo, mid);
	sort_range(v, tmp, mid, hi);
	if (v[mid - 1].off <= v[mid].off)
		return;
	j = mid;
	while (i < mid && j < hi)
		tmp[k++] = v[j].off < v[i].off ? v[j++] : v[i++];
	while (i < mid)
		tmp[k++] = v[i++];
	while (j < hi)
		tmp[k++] = v[j++];
	memcpy(v + lo, tmp + lo, (hi - lo) * sizeof(*v));
}

/*
 * Puts the notes in file order, ties in the order they were added.  They
 * come in a few sorted runs (the marker search's, the decoder's), which
 * an insertion sort interleaved in quadratic time (issue 14: 1.6 MB of
 * "\q[[AB. x]" took 33 s); a merge sort is linear on sorted runs, as
 * each merge of runs already in order is skipped.
 */
void
note_sort(struct notes *ns)
{
	sort_range(ns->v, ns->tmp, 0, ns->n);
}

void
note_free(struct notes *ns)
{
	free(ns->v);
	free(ns->tmp);
}

const char *
note_text(enum note_kind kind)
{
	return texts[kind];
}
