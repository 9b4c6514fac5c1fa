#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "utf8.h"
#include "xmalloc.h"

/* The classes of the C locale, a table walked by name. */
static const struct class {
	const char	*name;
	int		(*is)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/* One element of a bracket expression: a character or a class. */
struct elem {
	uint32_t	 c;
	const struct class *class;
};

static void
add_ascii(struct charset *cs, uint32_t c)
{
	cs->ascii[c >> 6] |= (uint64_t)1 << (c & 63);
}

static void
add_range(struct charset *cs, uint32_t lo, uint32_t hi)
{
	for (; lo <= hi && lo < 128; lo++)
		add_ascii(cs, lo);
	if (lo > hi)
		return;
	cs->r = xgrowarray(cs->r, &cs->cap, cs->nr + 1, sizeof(*cs->r));
	cs->r[cs->nr].lo = lo;
	cs->r[cs->nr].hi = hi;
	cs->nr++;
}

static void
add_class(struct charset *cs, const struct class *k)
{
	uint32_t c;

	for (c = 0; c < 128; c++)
		if (k->is((int)c))
			add_ascii(cs, c);
}

static int
by_lo(const void *a, const void *b)
{
	const struct charset_range *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Sorts the ranges and joins those that overlap or touch. */
static void
normalize(struct charset *cs)
{
	size_t i, k;

	if (cs->nr < 2)
		return;
	qsort(cs->r, cs->nr, sizeof(*cs->r), by_lo);
	for (i = 1, k = 0; i < cs->nr; i++)
		if (cs->r[i].lo <= cs->r[k].hi + 1) {
			if (cs->r[i].hi > cs->r[k].hi)
				cs->r[k].hi = cs->r[i].hi;
		} else
			cs->r[++k] = cs->r[i];
	cs->nr = k + 1;
}

static bool
has_ascii(const struct charset *cs, uint32_t c)
{
	return cs->ascii[c >> 6] >> (c & 63) & 1;
}

/* -i: each ASCII letter listed brings its other case. */
static void
fold(struct charset *cs)
{
	uint32_t c;

	for (c = 'A'; c <= 'Z'; c++)
		if (has_ascii(cs, c) || has_ascii(cs, c + 32)) {
			add_ascii(cs, c);
			add_ascii(cs, c + 32);
		}
}

/*
 * [:name:], [.c.] or [=c=] at p, whose '[' and d are past: the class,
 * or the one character the symbol holds.  *p moves past its "d]".
 */
static enum charset_status
bracketed(const char **p, const char *end, char d, struct elem *e)
{
	const char *text = *p, *q;
	size_t i, n;

	for (q = text; q + 1 < end && !(q[0] == d && q[1] == ']'); q++)
		;
	if (q + 1 >= end)
		return CHARSET_OPEN;
	*p = q + 2;
	n = (size_t)(q - text);
	if (d == ':') {
		for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
			if (strlen(classes[i].name) == n &&
			    memcmp(classes[i].name, text, n) == 0) {
				e->class = &classes[i];
				return CHARSET_OK;
			}
		return CHARSET_ECTYPE;
	}
	if (n == 0 || utf8_decode(text, n, &e->c) != n)
		return CHARSET_ECOLLATE;
	return CHARSET_OK;
}

/* The element at *p: a character, escaped with a glob's \, or a class. */
static enum charset_status
element(const char **p, const char *end, int flags, struct elem *e)
{
	const char *q = *p;

	e->class = NULL;
	if (q[0] == '[' && q + 1 < end &&
	    (q[1] == ':' || q[1] == '.' || q[1] == '=')) {
		*p = q + 2;
		return bracketed(p, end, q[1], e);
	}
	if ((flags & CHARSET_GLOB) && q[0] == '\\' && q + 1 < end)
		q++;
	*p = q + utf8_decode(q, (size_t)(end - q), &e->c);
	return CHARSET_OK;
}

static enum charset_status
parse(struct charset *cs, const char *p, const char *end, int flags,
    const char **after)
{
	enum charset_status st;
	struct elem a, b;
	bool first = true;

	if (p < end && (*p == '^' || ((flags & CHARSET_GLOB) && *p == '!'))) {
		cs->negate = true;
		p++;
	}
	for (;;) {
		if (p >= end)
			return CHARSET_OPEN;
		if (*p == ']' && !first)
			break;
		first = false;
		if ((st = element(&p, end, flags, &a)) != CHARSET_OK)
			return st;
		if (a.class != NULL) {
			add_class(cs, a.class);
			continue;
		}
		if (p + 1 < end && p[0] == '-' && p[1] != ']') {
			p++;
			if ((st = element(&p, end, flags, &b)) != CHARSET_OK)
				return st;
			if (b.class != NULL || b.c < a.c)
				return CHARSET_ERANGE;
			/* regcomp refuses [a-c-e]; fnmatch takes its '-'. */
			if (!(flags & CHARSET_GLOB) && p + 1 < end &&
			    p[0] == '-' && p[1] != ']')
				return CHARSET_ERANGE;
			add_range(cs, a.c, b.c);
		} else
			add_range(cs, a.c, a.c);
	}
	*after = p + 1;
	normalize(cs);
	if (flags & CHARSET_ICASE)
		fold(cs);
	return CHARSET_OK;
}

/*
 * Parses the bracket expression whose '[' stands before p, up to end:
 * on success *after points past its ']'; on failure nothing is left to
 * free.  A ']' first (after any negation) is a character, as is a '-'
 * first or last.
 */
enum charset_status
charset_parse(struct charset *cs, const char *p, const char *end, int flags,
    const char **after)
{
	enum charset_status st;

	memset(cs, 0, sizeof(*cs));
	if ((st = parse(cs, p, end, flags, after)) != CHARSET_OK)
		charset_free(cs);
	return st;
}

/* The message for a status, in the words of glibc's regerror. */
const char *
charset_error(enum charset_status st)
{
	switch (st) {
	case CHARSET_OPEN:
		return "Unmatched [, [^, [:, [., or [=";
	case CHARSET_ERANGE:
		return "Invalid range end";
	case CHARSET_ECTYPE:
		return "Invalid character class name";
	case CHARSET_ECOLLATE:
		return "Invalid collation character";
	case CHARSET_OK:
		break;
	}
	return "";
}

void
charset_free(struct charset *cs)
{
	free(cs->r);
	memset(cs, 0, sizeof(*cs));
}
