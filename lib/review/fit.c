#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "fit.h"
#include "marker.h"
#include "note.h"
#include "xmalloc.h"

/* How well a marker fits a scheme: its groups that hold a code of... */
struct score {
	int	placed;		/* the layer they take (SPEC 1.3 placement) */
	int	inplace;	/* the layer at their position as written */
};

/* The pair of capital letters that starts a code, or -1. */
static int
pair(const char *p, size_t n)
{
	if (n < 2 || p[0] < 'A' || p[0] > 'Z' || p[1] < 'A' || p[1] > 'Z')
		return -1;
	return (p[0] - 'A') * 26 + (p[1] - 'A');
}

/* Notes how the codes of scheme i start; a code of no pair passes all. */
static void
note_pairs(struct fit *f, int i)
{
	const struct scheme *s = &f->builtin[i];
	size_t c;
	int k;

	for (c = 0; c < s->n; c++) {
		if ((k = pair(s->codes[c].code, s->codes[c].codelen)) < 0)
			memset(f->pairs[i], 0xff, sizeof(f->pairs[i]));
		else
			f->pairs[i][k / 64] |= (uint64_t)1 << (k % 64);
	}
}

/*
 * How many items of the list p[0..n) have a code of scheme i.  The pairs
 * answer for most items without a lookup: this runs once per review.
 */
static int
listed(const struct fit *f, int i, const char *p, size_t n)
{
	size_t a, b, c;
	int k, count = 0;

	for (a = 0; a < n; a = b + 1) {
		for (b = a; b < n && p[b] != ','; b++)
			;
		k = pair(p + a, b - a);
		if (b == a || (k >= 0 &&
		    !(f->pairs[i][k / 64] & (uint64_t)1 << (k % 64))))
			continue;
		for (c = a; c < b && p[c] != '-'; c++)
			;
		count += scheme_home(&f->builtin[i],
		    (struct slice){ p + a, c - a }) != LAYER_UNKNOWN;
	}
	return count;
}

/*
 * The built-in schemes, to score first markers under, when the scheme in
 * effect is one of them; NULL when it is a scheme file, which the user
 * gave and is trusted (SPEC 3).
 */
struct fit *
fit_new(const struct scheme *effect)
{
	struct fit *f;
	const char *name;
	size_t i;

	f = xcalloc(1, sizeof(*f));
	f->effect = -1;
	for (i = 0; (name = scheme_builtin_name(i)) != NULL &&
	    f->n < FIT_SCHEMES; i++) {
		if (scheme_builtin(&f->builtin[f->n], name) == -1)
			continue;
		if (strcmp(effect->source, name) == 0)
			f->effect = f->n;
		note_pairs(f, f->n++);
	}
	if (f->effect < 0) {
		fit_free(f);
		return NULL;
	}
	return f;
}

void
fit_free(struct fit *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		scheme_free(&f->builtin[i]);
	free(f);
}

const char *
fit_name(const struct fit *f, int i)
{
	return f->builtin[i].source;
}

/* Does layer l of the marker hold a code that s lists for l (or any)? */
static bool
holds(const struct scheme *s, const struct marker *m, int l)
{
	struct slice rest = { m->text + m->off[l], m->n[l] }, item;
	bool elsewhere;

	while (items_next(&rest, &item))
		if (scheme_find(s, l, items_code(item), &elsewhere) != NULL)
			return true;
	return false;
}

/* How many groups of m moved to the layers of their codes. */
static int
moved(const struct marker *m)
{
	return (m->notes & 1u << NOTE_MOVED) ? m->place[0][2] : 0;
}

/*
 * The score of m, a marker as s reads and places it, counted no further
 * than enough layers that hold a code of theirs (INT_MAX: all).
 */
static struct score
score_read(const struct scheme *s, const struct marker *m, int enough)
{
	struct score sc = { 0, 0 };
	int l;

	for (l = 0; l < m->ngroups && l < s->nlayers && sc.placed < enough;
	    l++)
		sc.placed += holds(s, m, l);
	/* A group that moved holds a code of its new layer, not of its old. */
	sc.inplace = sc.placed - moved(m);
	return sc;
}

/*
 * The score of the marker at p under s.  A marker of more groups than s
 * has layers is text under s (MARKER_EXCESS), but its first groups may
 * still fit: it is read again as if s had room for every group, so that
 * a longer scheme's marker is scored, not dropped.  The copy changes
 * only the count of groups the parser allows; no layer past s's own is
 * named.  Returns false when more input is needed.
 */
static bool
score_parse(const struct scheme *s, const char *p, size_t n, bool eof,
    struct score *sc)
{
	struct marker m;
	struct scheme wide;
	enum marker_result res;

	sc->placed = sc->inplace = 0;
	res = marker_parse(p, n, eof, s, NULL, &m);
	if (res == MARKER_EXCESS) {
		wide = *s;
		wide.nlayers = SCHEME_LAYERS_MAX;
		res = marker_parse(p, n, eof, &wide, NULL, &m);
	}
	if (res == MARKER_MORE)
		return false;
	if (res == MARKER_YES)
		*sc = score_read(s, &m, INT_MAX);
	return true;
}

/*
 * At most how many groups of the marker at p, which the scheme in effect
 * e read whole as m, hold a code of s: no more than s has layers, nor
 * than m has items that s lists.  Where e's reading stops but at its last
 * layer, so does any other (the scheme decides only how items group,
 * and where the groups run out), and it takes the same items, grouped
 * otherwise; past e's last layer a longer scheme's reading may go on
 * ("[D], CRT]"), but not past the "]]" that closes the marker.  This
 * spares the parse under s of nearly every marker of e's own.
 */
static int
bound(const struct fit *f, int i, const struct marker *m, const char *p)
{
	const struct scheme *s = &f->builtin[i], *e = &f->builtin[f->effect];
	int l, k = 0;

	if (s->maxcode != e->maxcode || (m->nread == e->nlayers &&
	    !(m->len >= 2 && p[m->len - 1] == ']' && p[m->len - 2] == ']')))
		return s->nlayers;
	for (l = 0; l < m->ngroups && k < s->nlayers; l++)
		k += listed(f, i, m->text + m->off[l], m->n[l]);
	return k < s->nlayers ? k : s->nlayers;
}

static int
cmp_score(struct score a, struct score b)
{
	if (a.placed != b.placed)
		return a.placed < b.placed ? -1 : 1;
	if (a.inplace != b.inplace)
		return a.inplace < b.inplace ? -1 : 1;
	return 0;
}

/*
 * The built-in scheme that the marker at p fits better than the scheme
 * in effect (the one that fits best; of two, the first), FIT_SAME when
 * none does, or FIT_MORE when the marker cannot be read without more
 * input than p[0..n) (never with n > MARKER_MAX or eof, as in
 * marker_parse).  m is the marker as the scheme in effect read it, or
 * NULL when it did not read it whole (MARKER_EXCESS).
 *
 * A marker's score under a scheme is how many of its groups hold a code
 * of the layer they take under it (after SPEC 1.3's placement), then, to
 * break a tie, of the layer at their position as written: placement
 * alone would tie a pra "[[null], [NOV-POS]]" with argu, where NOV-POS
 * moves to novelty, and position alone would give argu a model's marker
 * that skips its first criterion.  A tie keeps the scheme in effect,
 * but one where no scheme has a code in the marker is FIT_NONE.
 */
int
fit_check(const struct fit *f, const struct marker *m, const char *p,
    size_t n, bool eof)
{
	const struct scheme *e = &f->builtin[f->effect];
	struct score best, sc;
	bool have = false;
	int i, ub, k = FIT_SAME;

	for (i = 0; i < f->n; i++) {
		if (i == f->effect)
			continue;
		/*
		 * A score of at most (ub, ub) does not beat the scheme in
		 * effect when ub of its groups, or one more if any group
		 * moved, hold a code of their layer: counted that far only.
		 */
		if (m != NULL && ((ub = bound(f, i, m, p)) == 0 ||
		    score_read(e, m, ub + (moved(m) > 0)).placed >=
		    ub + (moved(m) > 0)))
			continue;
		if (!have) {
			if (m != NULL)
				best = score_read(e, m, INT_MAX);
			else if (!score_parse(e, p, n, eof, &best))
				return FIT_MORE;
			have = true;
		}
		if (!score_parse(&f->builtin[i], p, n, eof, &sc))
			return FIT_MORE;
		if (cmp_score(sc, best) > 0) {
			best = sc;
			k = i;
		}
	}
	/* Every other scheme was spared above: has e a code of its own? */
	if (!have && m != NULL)
		best = score_read(e, m, 1);
	else if (!have)
		return k;
	return k == FIT_SAME && best.placed == 0 ? FIT_NONE : k;
}
