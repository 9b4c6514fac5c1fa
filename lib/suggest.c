#include <stdlib.h>

#include "suggest.h"
#include "xmalloc.h"

void
suggest_init(struct suggest *sg, struct slice want, size_t within)
{
	sg->want = want;
	sg->within = within;
	sg->dist = (size_t)-1;
	sg->found = false;
}

/*
 * Whether name is within reach of what was wanted and closer than every
 * name tried before it (the first of equals wins).
 */
bool
suggest_try(struct suggest *sg, struct slice name)
{
	size_t d = suggest_distance(sg->want, name);

	if (d > sg->within || d >= sg->dist)
		return false;
	sg->dist = d;
	sg->found = true;
	return true;
}

static size_t
min2(size_t x, size_t y)
{
	return x < y ? x : y;
}

/*
 * The edit distance of a and b, a swap of neighbours counting as one
 * edit, in three rows of b's length: row i - 2 for the swap, i - 1 and i.
 */
size_t
suggest_distance(struct slice a, struct slice b)
{
	size_t *r, *two, *one, *cur, *t, i, j, d;

	r = xreallocarray(NULL, 3 * (b.n + 1), sizeof(*r));
	two = r;
	one = r + b.n + 1;
	cur = r + 2 * (b.n + 1);
	for (j = 0; j <= b.n; j++)
		one[j] = j;
	for (i = 1; i <= a.n; i++) {
		cur[0] = i;
		for (j = 1; j <= b.n; j++) {
			d = one[j - 1] + (a.p[i - 1] != b.p[j - 1]);
			d = min2(d, one[j] + 1);
			d = min2(d, cur[j - 1] + 1);
			if (i > 1 && j > 1 && a.p[i - 1] == b.p[j - 2] &&
			    a.p[i - 2] == b.p[j - 1])
				d = min2(d, two[j - 2] + 1);
			cur[j] = d;
		}
		t = two;
		two = one;
		one = cur;
		cur = t;
	}
	d = one[b.n];
	free(r);
	return d;
}
