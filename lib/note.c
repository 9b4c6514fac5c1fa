#include "note.h"
#include "xmalloc.h"

static const char *const texts[NOTE_NKINDS] = {
	[NOTE_OPEN1]		= "marker opened by one '['",
	[NOTE_EXTRA_OPEN]	= "extra '[' before the marker",
	[NOTE_EXTRA_CLOSE]	= "extra ']' after the marker",
	[NOTE_NO_COMMA]		= "missing comma between groups",
	[NOTE_BAD_COMMA]	= "punctuation between groups read as a comma",
	[NOTE_NESTED]		= "group opened inside another; items joined",
	[NOTE_BARE]		= "items outside brackets joined to a group",
	[NOTE_UNCLOSED]		= "marker not closed by ']]'",
	[NOTE_NOT_MARKER]	= "unfinished marker kept as text",
	[NOTE_SPLIT_ESCAPE]	= "marker inside an escape; escape joined across it",
	[NOTE_BAD_ESCAPE]	= "invalid escape kept as text:",
	[NOTE_QUOTE]		= "unescaped '\"' kept as text",
	[NOTE_BAD_UTF8]		= "invalid UTF-8 replaced by U+FFFD",
	[NOTE_NUL]		= "NUL byte replaced by U+FFFD",
	[NOTE_SURROGATE]	= "lone surrogate replaced by U+FFFD",
};

void
notes_add(struct notes *ns, off_t off, enum note_kind kind, unsigned char arg)
{
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 8;
		ns->v = xreallocarray(ns->v, ns->cap, sizeof(*ns->v));
	}
	ns->v[ns->n].off = off;
	ns->v[ns->n].kind = kind;
	ns->v[ns->n].arg = arg;
	ns->n++;
}

const char *
note_text(enum note_kind kind)
{
	return texts[kind];
}
