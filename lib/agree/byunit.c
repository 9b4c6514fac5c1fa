/*
 * ragree --units: instead of figures, the values themselves, one row per
 * unit and layer, so that rfilter finds the disagreements and rcount
 * counts them.  Units come in the order they were first read.
 */
#include <stdlib.h>
#include <string.h>

#include "byunit.h"
#include "tsv.h"

/* The header: the unit fields, as the first input names them, and more. */
static void
put_header(const struct ragree *g)
{
	struct out *o = g->o;
	size_t i;

	for (i = 0; i < g->u.spec->nfields; i++) {
		tsv_put_escaped(o, g->unitnames[i], strlen(g->unitnames[i]));
		out_char(o, '\t');
	}
	out_str(o, "layer");
	for (i = 0; i < g->u.nraters; i++) {
		out_char(o, '\t');
		tsv_put_escaped(o, g->names[i], strlen(g->names[i]));
	}
	out_str(o, "\tagree\n");
}

/*
 * Unit id's row of layer l: each rater's value, the set as compared (its
 * canonical form), or "." where it gave none; agree is yes when all that
 * gave it agree.
 */
static void
put_row(const struct ragree *g, size_t id, size_t l)
{
	const struct units *u = &g->u;
	struct slice key = hash_key(&u->ids, id), v;
	struct out *o = g->o;
	size_t r, nl = u->spec->nlayers;
	uint32_t val, first = 0;
	bool agree = true;

	out_write(o, key.p, key.n);
	out_char(o, '\t');
	out_str(o, g->scheme->layers[g->layer[l]].name);
	for (r = 0; r < u->nraters; r++) {
		out_char(o, '\t');
		if ((val = u->val[(id * u->nraters + r) * nl + l]) == 0) {
			out_char(o, '.');
			continue;
		}
		v = units_category(u, l, val - 1);
		out_write(o, v.p, v.n);
		if (first != 0 && val != first)
			agree = false;
		first = val;
	}
	out_str(o, agree ? "\tyes\n" : "\tno\n");
}

void
byunit_write(const struct ragree *g)
{
	size_t id, l;

	if (!g->opts->noheader)
		put_header(g);
	/* A unit that only a file left out gave is no unit. */
	for (id = 0; id < g->u.ids.nkeys; id++)
		for (l = 0; l < g->nlayers && g->u.given[id] > 0; l++)
			put_row(g, id, l);
}
