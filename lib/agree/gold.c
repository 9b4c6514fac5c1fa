#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gold.h"
#include "xmalloc.h"

/*
 * The keys of each class: units_keys lists, key by key in byte order,
 * the categories whose set holds it; turned around, each class gets its
 * keys in ascending number, so that two sets compare by one merge.
 */
void
gold_keys(struct gold_keys *gk, const struct units *u, size_t l,
    const uint32_t *cls, size_t nclasses)
{
	struct unit_keys k;
	size_t *at, i, j, c;

	units_keys(u, l, &k);
	gk->nkeys = k.n;
	gk->start = xcalloc(nclasses + 1, sizeof(*gk->start));
	for (i = 0; i < k.n; i++)
		for (j = k.start[i]; j < k.start[i + 1]; j++)
			gk->start[cls[k.cats[j]] + 1]++;
	for (c = 0; c < nclasses; c++)
		gk->start[c + 1] += gk->start[c];
	gk->key = xreallocarray(NULL, gk->start[nclasses] ?
	    gk->start[nclasses] : 1, sizeof(*gk->key));
	at = xreallocarray(NULL, nclasses ? nclasses : 1, sizeof(*at));
	memcpy(at, gk->start, nclasses * sizeof(*at));
	for (i = 0; i < k.n; i++)
		for (j = k.start[i]; j < k.start[i + 1]; j++)
			gk->key[at[cls[k.cats[j]]]++] = (uint32_t)i;
	free(at);
	units_keys_free(&k);
}

void
gold_keys_free(struct gold_keys *gk)
{
	free(gk->start);
	free(gk->key);
}

void
gold_init(struct gold_tally *t, size_t nclasses, size_t nkeys)
{
	size_t n = nkeys ? nkeys : 1;

	memset(t, 0, sizeof(*t));
	coef_pair_init(&t->p, nclasses);
	t->nkeys = nkeys;
	t->ktp = xcalloc(n, sizeof(*t->ktp));
	t->kfp = xcalloc(n, sizeof(*t->kfp));
	t->kfn = xcalloc(n, sizeof(*t->kfn));
}

void
gold_clear(struct gold_tally *t)
{
	size_t n = t->nkeys ? t->nkeys : 1;

	coef_pair_clear(&t->p);
	t->tp = t->fp = t->fn = 0;
	memset(t->ktp, 0, n * sizeof(*t->ktp));
	memset(t->kfp, 0, n * sizeof(*t->kfp));
	memset(t->kfn, 0, n * sizeof(*t->kfn));
}

void
gold_free(struct gold_tally *t)
{
	coef_pair_free(&t->p);
	free(t->ktp);
	free(t->kfp);
	free(t->kfn);
}

/* Adds w units where the gold gave class g and the rater class r. */
void
gold_add(struct gold_tally *t, const struct gold_keys *gk, uint32_t g,
    uint32_t r, int64_t w)
{
	size_t i = gk->start[g], ie = gk->start[g + 1];
	size_t j = gk->start[r], je = gk->start[r + 1];

	coef_pair_add(&t->p, g, r, w);
	while (i < ie || j < je)
		if (j == je || (i < ie && gk->key[i] < gk->key[j])) {
			t->fn += w;
			t->kfn[gk->key[i++]] += w;
		} else if (i == ie || gk->key[j] < gk->key[i]) {
			t->fp += w;
			t->kfp[gk->key[j++]] += w;
		} else {
			t->tp += w;
			t->ktp[gk->key[i]] += w;
			i++;
			j++;
		}
}

static double
ratio(int64_t a, int64_t b)
{
	return b > 0 ? (double)a / (double)b : NAN;
}

/* Precision, recall and F1 of tp, fp and fn into fig. */
static void
prf(int64_t tp, int64_t fp, int64_t fn, double *fig)
{
	fig[GOLD_PRECISION] = ratio(tp, tp + fp);
	fig[GOLD_RECALL] = ratio(tp, tp + fn);
	fig[GOLD_F1] = ratio(2 * tp, 2 * tp + fp + fn);
}

/*
 * A layer's figures.  Macro F1 averages, in key order, the F1 of each key
 * that the gold or the rater gave on these units; each F1 is defined,
 * since its key was given.
 */
void
gold_figures(const struct gold_tally *t, double *fig)
{
	double sum = 0;
	size_t k, n = 0;

	fig[GOLD_ACCURACY] = coef_agree(&t->p);
	fig[GOLD_KAPPA] = coef_kappa(&t->p);
	prf(t->tp, t->fp, t->fn, fig);
	for (k = 0; k < t->nkeys; k++)
		if (t->ktp[k] + t->kfp[k] + t->kfn[k] > 0) {
			sum += ratio(2 * t->ktp[k],
			    2 * t->ktp[k] + t->kfp[k] + t->kfn[k]);
			n++;
		}
	fig[GOLD_MACRO_F1] = n > 0 ? sum / (double)n : NAN;
}

/*
 * -i: a key's figures from the two raters' 2x2 table, class 1 having the
 * key: agree = TP + TN and the marginals of class 1, ma = TP + FN and
 * mb = TP + FP, give TP = (agree - n + ma + mb) / 2.
 */
void
gold_binary(const struct coef_pair *p, double *fig)
{
	int64_t tp = (p->agree - p->n + p->ma[1] + p->mb[1]) / 2;

	fig[GOLD_ACCURACY] = coef_agree(p);
	fig[GOLD_KAPPA] = coef_kappa(p);
	prf(tp, p->mb[1] - tp, p->ma[1] - tp, fig);
	fig[GOLD_MACRO_F1] = NAN;
}
