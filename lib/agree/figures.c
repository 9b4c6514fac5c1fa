#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "xmalloc.h"

static const struct figures_column table_columns[] = {
	{ "raters",	FIGURES_COUNT,	0 },
	{ "units",	FIGURES_COUNT,	1 },
	{ "missing",	FIGURES_COUNT,	2 },
	{ "agree",	FIGURES_SHARE,	0 },
	{ "cohen",	FIGURES_COEF,	1 },
	{ "fleiss",	FIGURES_COEF,	2 },
	{ "alpha",	FIGURES_COEF,	3 },
	{ "unanimous",	FIGURES_COUNT,	3 },
	{ "majority",	FIGURES_COUNT,	4 },
	{ "split",	FIGURES_COUNT,	5 },
};

static const struct figures_column pair_columns[] = {
	{ "units",	FIGURES_COUNT,	0 },
	{ "agree",	FIGURES_SHARE,	0 },
	{ "cohen",	FIGURES_COEF,	1 },
};

/* With -i, without the last: macro F1 is of several keys. */
static const struct figures_column gold_columns[] = {
	{ "units",	FIGURES_COUNT,	0 },
	{ "accuracy",	FIGURES_SHARE,	GOLD_ACCURACY },
	{ "kappa",	FIGURES_COEF,	GOLD_KAPPA },
	{ "precision",	FIGURES_SHARE,	GOLD_PRECISION },
	{ "recall",	FIGURES_SHARE,	GOLD_RECALL },
	{ "f1",		FIGURES_SHARE,	GOLD_F1 },
	{ "macro_f1",	FIGURES_SHARE,	GOLD_MACRO_F1 },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

size_t
figures_columns(enum figures_mode mode, bool items,
    const struct figures_column **cols)
{
	switch (mode) {
	case FIGURES_PAIRS:
		*cols = pair_columns;
		return NELEM(pair_columns);
	case FIGURES_GOLD:
		*cols = gold_columns;
		return NELEM(gold_columns) - items;
	case FIGURES_TABLE:
	default:
		*cols = table_columns;
		return NELEM(table_columns);
	}
}

void
figures_init(struct figures_run *run, enum figures_mode mode,
    const struct units *u, size_t gold)
{
	size_t nr = u->nraters;

	memset(run, 0, sizeof(*run));
	run->mode = mode;
	run->u = u;
	run->nraters = nr;
	run->gold = gold;
	run->ngroups = mode == FIGURES_TABLE ? 1 : mode == FIGURES_PAIRS ?
	    nr * (nr - 1) / 2 : nr - 1;
	coef_tally_init(&run->zero, nr, 2);
	coef_tally_init(&run->key, nr, 2);
	coef_pair_init(&run->pair, 2);
	run->both = xcalloc(nr > 1 ? nr * (nr - 1) / 2 : 1,
	    sizeof(*run->both));
	run->vec = xcalloc(nr, sizeof(*run->vec));
}

void
figures_free(struct figures_run *run)
{
	coef_tally_free(&run->zero);
	coef_tally_free(&run->key);
	coef_pair_free(&run->pair);
	free(run->acc);
	free(run->touched);
	free(run->both);
	free(run->vec);
	free(run->w);
}

/* The raters of a group: a pair, or the gold (a) and a rater (b). */
size_t
figures_group_raters(const struct figures_run *run, size_t group, size_t *a,
    size_t *b)
{
	size_t nr = run->nraters;

	if (run->mode == FIGURES_GOLD) {
		*a = run->gold;
		*b = group < run->gold ? group : group + 1;
		return 2;
	}
	if (run->mode == FIGURES_TABLE)
		return 0;
	for (*a = 0; group >= nr - 1 - *a; (*a)++)
		group -= nr - 1 - *a;
	*b = *a + 1 + group;
	return 2;
}

static uint64_t
weight_of(const uint32_t *unitw, size_t id)
{
	return unitw != NULL ? unitw[id] : 1;
}

/*
 * -i: the tallies of every unit's zero vector (no rater has the key),
 * under the weights unitw, for the key rows that follow.
 */
void
figures_zero(struct figures_run *run, const uint32_t *unitw)
{
	const struct units *u = run->u;
	size_t nr = run->nraters, id, a, b, p;
	uint64_t w;

	coef_tally_clear(&run->zero);
	memset(run->both, 0, (nr > 1 ? nr * (nr - 1) / 2 : 1) *
	    sizeof(*run->both));
	for (id = 0; id < u->ids.nkeys; id++) {
		if ((w = weight_of(unitw, id)) == 0)
			continue;
		ratings_zero(u, id, run->vec);
		if (run->mode == FIGURES_TABLE) {
			coef_tally_add(&run->zero, run->vec, (int64_t)w);
			continue;
		}
		for (a = 0, p = 0; a < nr; a++)
			for (b = a + 1; b < nr; b++, p++)
				if (run->vec[a] != COEF_NONE &&
				    run->vec[b] != COEF_NONE)
					run->both[p] += (int64_t)w;
	}
}

static void
put_table(const struct agreement *a, size_t nraters, struct figures *f)
{
	f->count[0] = nraters;
	f->count[1] = a->units;
	f->count[2] = a->missing;
	f->count[3] = a->unanimous;
	f->count[4] = a->majority;
	f->count[5] = a->split;
	f->value[0] = a->agree;
	f->value[1] = a->cohen;
	f->value[2] = a->fleiss;
	f->value[3] = a->alpha;
}

static void
layer_table(struct figures_run *run, const struct figures_row *row,
    struct figures *f)
{
	const struct ratings *R = row->R;
	struct coef_tally t;
	struct agreement a;
	size_t e;

	coef_tally_init(&t, R->nraters, R->nclasses);
	for (e = 0; e < R->n; e++)
		if (run->w[e] != 0)
			coef_tally_add(&t, R->cls + e * R->nraters,
			    (int64_t)run->w[e]);
	coef_table(&t, &a);
	coef_tally_free(&t);
	if (row->ord != NULL && row->ord->weights != ORDERED_NO_WEIGHTS)
		a.cohen = a.units > 0 ? ordered_light(R, run->w, row->ord) :
		    NAN;
	if (row->ord != NULL && row->ord->metric != ORDERED_NOMINAL)
		a.alpha = ordered_alpha(R, run->w, row->ord);
	put_table(&a, R->nraters, f);
}

/* A group of two raters on a layer: --pairs, or -g. */
static void
layer_two(struct figures_run *run, const struct figures_row *row,
    size_t a, size_t b, struct figures *f)
{
	const struct ratings *R = row->R;
	const uint32_t *v;
	struct gold_tally t;
	size_t e;

	gold_init(&t, R->nclasses, row->gk != NULL ? row->gk->nkeys : 0);
	for (e = 0; e < R->n; e++) {
		v = R->cls + e * R->nraters;
		if (run->w[e] == 0 || v[a] == COEF_NONE || v[b] == COEF_NONE)
			continue;
		if (row->gk != NULL)
			gold_add(&t, row->gk, v[a], v[b], (int64_t)run->w[e]);
		else
			coef_pair_add(&t.p, v[a], v[b], (int64_t)run->w[e]);
	}
	f->count[0] = (uint64_t)t.p.n;
	if (run->mode == FIGURES_GOLD)
		gold_figures(&t, f->value);
	else {
		f->value[0] = coef_agree(&t.p);
		f->value[1] = coef_kappa(&t.p);
	}
	gold_free(&t);
	if (row->ord != NULL && row->ord->weights != ORDERED_NO_WEIGHTS)
		f->value[run->mode == FIGURES_GOLD ? GOLD_KAPPA : 1] =
		    ordered_kappa(R, run->w, a, b, row->ord);
}

static void
layer_row(struct figures_run *run, const struct figures_row *row,
    const uint32_t *unitw, struct figures *f)
{
	size_t g, a, b;

	if (run->wcap < row->R->n) {
		run->wcap = row->R->n;
		run->w = xreallocarray(run->w, run->wcap, sizeof(*run->w));
	}
	ratings_weigh(row->R, unitw, run->w);
	if (run->mode == FIGURES_TABLE) {
		layer_table(run, row, f);
		return;
	}
	for (g = 0; g < run->ngroups; g++) {
		figures_group_raters(run, g, &a, &b);
		layer_two(run, row, a, b, f + g);
	}
}

/*
 * -i's key k: its members' weights under unitw, summed by vector into
 * run->acc, the vectors listed in run->touched.
 */
static void
gather(struct figures_run *run, const struct figures_row *row,
    const uint32_t *unitw)
{
	const struct ratings_keys *K = row->K;
	size_t i;
	uint32_t v;
	uint64_t w;

	if (run->acccap < K->nvec) {
		free(run->acc);
		free(run->touched);
		run->acccap = K->nvec;
		run->acc = xcalloc(K->nvec, sizeof(*run->acc));
		run->touched = xcalloc(K->nvec, sizeof(*run->touched));
	}
	run->ntouched = 0;
	for (i = K->start[row->k]; i < K->start[row->k + 1]; i++) {
		if ((w = weight_of(unitw, K->unit[i])) == 0)
			continue;
		if (run->acc[v = K->vof[i]] == 0)
			run->touched[run->ntouched++] = v;
		run->acc[v] += w;
	}
}

/* The zero vector of the raters that gave a value in v. */
static void
zero_of(const uint32_t *v, size_t nr, uint32_t *z)
{
	size_t r;

	for (r = 0; r < nr; r++)
		z[r] = v[r] != COEF_NONE ? 0 : COEF_NONE;
}

/*
 * -i's key k: the zero vectors' tallies, each of the key's vectors put in
 * with its members' weight and their zero vector taken out.
 */
static void
key_table(struct figures_run *run, const struct figures_row *row,
    const uint32_t *unitw, struct figures *f)
{
	const struct ratings_keys *K = row->K;
	struct coef_tally *t = &run->key;
	size_t nr = run->nraters, i;
	struct agreement a;
	uint32_t v;
	int64_t w;

	gather(run, row, unitw);
	coef_tally_copy(t, &run->zero);
	for (i = 0; i < run->ntouched; i++) {
		v = run->touched[i];
		w = (int64_t)run->acc[v];
		coef_tally_add(t, K->vec + v * nr, w);
		zero_of(K->vec + v * nr, nr, run->vec);
		coef_tally_add(t, run->vec, -w);
	}
	coef_table(t, &a);
	put_table(&a, nr, f);
}

/*
 * A group of two raters on -i's key k, after gather.  It is absent when
 * neither gave the key on the units both gave: a pair is judged on those
 * units alone, as scikit-learn takes the labels of the two raters' values
 * there, and such a key would have accuracy 1 and no other figure, so
 * that a rater's mean would depend on the keys of the others.
 */
static void
key_two(struct figures_run *run, const struct figures_row *row, size_t g,
    struct figures *f)
{
	const struct ratings_keys *K = row->K;
	struct coef_pair *p = &run->pair;
	const uint32_t *v;
	size_t i, a, b;
	int64_t w;

	figures_group_raters(run, g, &a, &b);
	p->n = p->agree = p->ma[0] = p->mb[0] =
	    run->both[coef_pair_index(run->nraters, a < b ? a : b,
	    a < b ? b : a)];
	p->ma[1] = p->mb[1] = 0;
	for (i = 0; i < run->ntouched; i++) {
		v = K->vec + run->touched[i] * run->nraters;
		if (v[a] == COEF_NONE || v[b] == COEF_NONE)
			continue;
		w = (int64_t)run->acc[run->touched[i]];
		coef_pair_add(p, v[a], v[b], w);
		coef_pair_add(p, 0, 0, -w);
	}
	f->count[0] = (uint64_t)p->n;
	f->absent = p->ma[1] == 0 && p->mb[1] == 0;
	if (run->mode == FIGURES_GOLD)
		gold_binary(p, f->value);
	else {
		f->value[0] = coef_agree(p);
		f->value[1] = coef_kappa(p);
	}
}

/* Clears what gather summed. */
static void
ungather(struct figures_run *run)
{
	size_t i;

	for (i = 0; i < run->ntouched; i++)
		run->acc[run->touched[i]] = 0;
}

/* Fills f[0..ngroups) with the row's figures under the weights unitw. */
void
figures_row(struct figures_run *run, const struct figures_row *row,
    const uint32_t *unitw, struct figures *f)
{
	size_t g;

	memset(f, 0, run->ngroups * sizeof(*f));
	if (row->K == NULL) {
		layer_row(run, row, unitw, f);
		return;
	}
	if (run->mode == FIGURES_TABLE)
		key_table(run, row, unitw, f);
	else {
		gather(run, row, unitw);
		for (g = 0; g < run->ngroups; g++)
			key_two(run, row, g, f + g);
	}
	ungather(run);
}
