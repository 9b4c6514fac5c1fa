#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "wild.h"
#include "xmalloc.h"

static struct wild_tok *
add_tok(struct wild *w, enum wild_kind kind)
{
	struct wild_tok *t;

	w->t = xgrowarray(w->t, &w->cap, w->n + 1, sizeof(*w->t));
	t = &w->t[w->n++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	return t;
}

/* Appends bytes to the literal token at the end, or starts one. */
static void
add_lit(struct wild *w, const char *p, size_t n)
{
	struct wild_tok *t = w->n > 0 ? &w->t[w->n - 1] : NULL;

	if (t == NULL || t->kind != WILD_LIT) {
		t = add_tok(w, WILD_LIT);
		t->off = w->lit.len;
	}
	buf_add(&w->lit, p, n);
	t->len += n;
	w->dash |= memchr(p, '-', n) != NULL;
}

/*
 * The last '*' is followed by tokens of bounded length: it notes the
 * fewest and most bytes they take, so that wild_match skips the places
 * where they could not end with the value.
 */
static void
measure_tail(struct wild *w)
{
	struct wild_tok *star = NULL;
	size_t i;

	for (i = w->n; i-- > 0 && star == NULL;)
		if (w->t[i].kind == WILD_STAR)
			star = &w->t[i];
	if (star == NULL)
		return;
	for (i = (size_t)(star - w->t) + 1; i < w->n; i++) {
		star->off += w->t[i].kind == WILD_LIT ? w->t[i].len : 1;
		star->len += w->t[i].kind == WILD_LIT ? w->t[i].len : UTF8_MAX;
	}
	w->last = star;
}

/*
 * Compiles pattern pat of len bytes.  On error returns -1 with a message
 * in *msg and the offset of what it is about in *at, and leaves nothing
 * to free: a lone '\' at the end (it would match nothing) and a bracket
 * expression that parses but cannot be (a range that ends before it
 * starts, a class of no name).  A '[' with no ']' is a character.
 */
int
wild_compile(struct wild *w, const char *pat, size_t len, bool icase,
    const char **msg, size_t *at)
{
	const char *p = pat, *end = pat + len, *after;
	enum charset_status st;
	struct charset cs;
	uint32_t c;
	size_t n;

	memset(w, 0, sizeof(*w));
	w->icase = icase;
	while (p < end) {
		switch (*p) {
		case '*':
			if (w->n == 0 || w->t[w->n - 1].kind != WILD_STAR)
				add_tok(w, WILD_STAR);
			p++;
			continue;
		case '?':
			add_tok(w, WILD_ANY);
			p++;
			continue;
		case '[':
			st = charset_parse(&cs, p + 1, end, CHARSET_GLOB |
			    (icase ? CHARSET_ICASE : 0), &after);
			if (st == CHARSET_OK) {
				add_tok(w, WILD_SET)->set = cs;
				p = after;
				continue;
			}
			if (st != CHARSET_OPEN) {
				*msg = charset_error(st);
				*at = (size_t)(p - pat);
				wild_free(w);
				return -1;
			}
			break;
		case '\\':
			if (p + 1 == end) {
				*msg = "Trailing backslash";
				*at = (size_t)(p - pat);
				wild_free(w);
				return -1;
			}
			p++;
			break;
		}
		n = utf8_decode(p, (size_t)(end - p), &c);
		add_lit(w, p, n);
		p += n;
	}
	measure_tail(w);
	return 0;
}

void
wild_free(struct wild *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->t[i].kind == WILD_SET)
			charset_free(&w->t[i].set);
	free(w->t);
	free(w->lit.p);
	memset(w, 0, sizeof(*w));
}

/* Whether n bytes at a and b are the same, ASCII letters in either case
 * with icase. */
bool
wild_same(const char *a, const char *b, size_t n, bool icase)
{
	unsigned char x, y;

	if (!icase)
		return memcmp(a, b, n) == 0;
	for (; n > 0; n--, a++, b++) {
		x = (unsigned char)*a;
		y = (unsigned char)*b;
		if ((unsigned)(x - 'A') < 26)
			x += 'a' - 'A';
		if ((unsigned)(y - 'A') < 26)
			y += 'a' - 'A';
		if (x != y)
			return false;
	}
	return true;
}

/* Whether token t matches at s[*i], and past what it matched. */
static bool
step(const struct wild *w, const struct wild_tok *t, struct slice s, size_t *i)
{
	uint32_t c;
	size_t n;

	if (t->kind == WILD_LIT) {
		if (s.n - *i < t->len ||
		    !wild_same(w->lit.p + t->off, s.p + *i, t->len, w->icase))
			return false;
		*i += t->len;
		return true;
	}
	if (*i == s.n)
		return false;
	n = utf8_decode(s.p + *i, s.n - *i, &c);
	if (t->kind == WILD_SET && !charset_has(&t->set, c))
		return false;
	*i += n;
	return true;
}

/*
 * Where the token t after a '*' may match first, from s[from] on: there,
 * or for a literal, where its first byte stands next (s.n if nowhere),
 * as memchr finds it.  Only a byte that starts a character wherever it
 * stands (ASCII, a lead byte) is looked for so, and not a letter under
 * -i, which has two cases.
 */
static size_t
next_try(const struct wild *w, const struct wild_tok *t, struct slice s,
    size_t from)
{
	const char *hit;
	unsigned char b;

	if (t->kind != WILD_LIT || from >= s.n)
		return from;
	b = (unsigned char)w->lit.p[t->off];
	if ((b >= 0x80 && b < 0xC0) ||
	    (w->icase && (unsigned)((b | 0x20) - 'a') < 26))
		return from;
	hit = memchr(s.p + from, b, s.n - from);
	return hit == NULL ? s.n : (size_t)(hit - s.p);
}

/*
 * The last '*', whose tail takes from t->off to t->len bytes: false when
 * too few are left; else *from moves on to the first place the tail can
 * start, at the latest a character before it can (a byte that is no
 * continuation byte starts one wherever it stands).
 */
static bool
last_star(const struct wild_tok *t, struct slice s, size_t *from)
{
	size_t at;

	if (s.n - *from < t->off)
		return false;
	if (s.n - *from <= t->len)
		return true;
	for (at = s.n - t->len; at > *from && utf8_cont((unsigned char)s.p[at]);
	    at--)
		;
	*from = at;
	return true;
}

/*
 * Whether the glob matches all of s.  A '*' takes characters one by one
 * from where it stands, the last '*' first: a later '*' can take what an
 * earlier one would, so going back further is never needed, and the
 * time is at most the product of the lengths.  A '*' at the end takes
 * the rest at once.
 */
bool
wild_match(const struct wild *w, struct slice s)
{
	size_t ti = 0, si = 0, star = (size_t)-1, from = 0;
	uint32_t c;

	for (;;) {
		if (ti < w->n && w->t[ti].kind == WILD_STAR) {
			if (++ti == w->n)
				return true;
			star = ti - 1;
			if (&w->t[star] == w->last && !last_star(w->last, s,
			    &si))
				return false;
			si = from = next_try(w, &w->t[ti], s, si);
			continue;
		}
		if (ti < w->n ? step(w, &w->t[ti], s, &si) : si == s.n) {
			if (ti == w->n)
				return true;
			ti++;
			continue;
		}
		if (star == (size_t)-1 || from >= s.n)
			return false;
		from += utf8_decode(s.p + from, s.n - from, &c);
		si = from = next_try(w, &w->t[star + 1], s, from);
		ti = star + 1;
	}
}
