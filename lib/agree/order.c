#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "coef.h"
#include "items.h"
#include "msg.h"
#include "order.h"
#include "xmalloc.h"

/*
 * Splits --order's list; a word given twice is an error (said, -1).  The
 * list is of polarities when each word is one.
 */
int
order_parse(struct order *o, const char *arg)
{
	char q[MSG_QUOTE_BUFSIZE];
	size_t i, j;

	memset(o, 0, sizeof(*o));
	if ((o->words = args_list(arg, &o->n, "--order")) == NULL)
		return -1;
	o->polarity = true;
	for (i = 0; i < o->n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(o->words[i], o->words[j]) == 0) {
				warnx("--order names %s twice",
				    msg_quote(slice_str(o->words[i]), q));
				return -1;
			}
		if (!scheme_is_polarity((struct slice){ o->words[i],
		    strlen(o->words[i]) }))
			o->polarity = false;
	}
	return 0;
}

void
order_free(struct order *o)
{
	args_list_free(o->words);
}

/* The place of word w in the list, or COEF_NONE. */
static uint32_t
find(const struct order *o, struct slice w)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		if (slice_eq(w, o->words[i]))
			return (uint32_t)i;
	return COEF_NONE;
}

/*
 * The place of a value, a canonical set: none (COEF_NONE) when it is empty
 * or holds several items; else its item's, or its polarity's; *bad when
 * the list does not place the item.
 */
static uint32_t
place(const struct order *o, struct slice set, bool *bad)
{
	struct tag t;

	*bad = false;
	if (set.n == 0 || memchr(set.p, ',', set.n) != NULL)
		return COEF_NONE;
	if (!o->polarity)
		return find(o, set) != COEF_NONE ? find(o, set) :
		    (*bad = true, COEF_NONE);
	t = items_tag(set);
	if (!t.has_pol || find(o, t.pol) == COEF_NONE) {
		*bad = true;
		return COEF_NONE;
	}
	return find(o, t.pol);
}

/* A value the list cannot place: where it first occurs, and exit 2. */
static void
unplaced(const struct order *o, const struct ragree *g, size_t l,
    const bool *bad)
{
	char q[MSG_QUOTE_BUFSIZE], w[MSG_QUOTE_BUFSIZE];
	struct units_place p;
	struct slice v;
	const char *file;

	units_first(&g->u, l, bad, &p);
	file = g->opts->rater != NULL ? g->inputs[p.src] : g->paths[p.rater];
	v = units_category(&g->u, l, p.cat);
	msg_quote(v, q);
	msg_quote((struct slice){ g->opts->order, strlen(g->opts->order) }, w);
	msg_die_at(2, file, p.line, o->polarity ? "%s %s has no polarity of "
	    "--order %s" : "%s %s is no value of --order %s",
	    g->scheme->layers[g->layer[l]].name, q, w);
}

/*
 * rank[c]: the place of class c of layer l, whose category is bycls[c].
 * A value of one item that the list does not place ends the run.
 */
void
order_places(const struct order *o, const struct ragree *g, size_t l,
    const uint32_t *bycls, size_t nclasses, uint32_t *rank)
{
	bool *bad = xcalloc(g->u.cats[l].nkeys + 1, sizeof(*bad)), any = false;
	size_t c;

	for (c = 0; c < nclasses; c++) {
		rank[c] = place(o, units_category(&g->u, l, bycls[c]),
		    &bad[bycls[c]]);
		any |= bad[bycls[c]];
	}
	if (any)
		unplaced(o, g, l, bad);
	free(bad);
}

/*
 * Says once how many values the ordered figures leave out, empty or of
 * several items, and in how many units of a layer; layer l's category c
 * has the class cls[l][c], whose place is rank[l][cls[l][c]].
 */
void
order_note(const struct ragree *g, const uint32_t *const *cls,
    const uint32_t *const *rank)
{
	const struct units *u = &g->u;
	size_t nl = u->spec->nlayers, id, r, l, nvals = 0, nunits = 0, n;
	uint32_t v;

	for (l = 0; l < g->nlayers; l++)
		for (id = 0; id < u->ids.nkeys; id++) {
			for (n = 0, r = 0; r < u->nraters; r++)
				n += (v = u->val[(id * u->nraters + r) * nl +
				    l]) != 0 && rank[l][cls[l][v - 1]] == COEF_NONE;
			nvals += n;
			nunits += n > 0;
		}
	if (nvals > 0)
		warnx("%zu value%s in %zu unit%s (counted per layer) %s empty or "
		    "of several items, which --order cannot place; the ordered "
		    "figures leave %s out", nvals, nvals == 1 ? "" : "s", nunits,
		    nunits == 1 ? "" : "s", nvals == 1 ? "is" : "are",
		    nvals == 1 ? "it" : "them");
}
