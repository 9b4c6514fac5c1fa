#include <ctype.h>
#include <err.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "exprcheck.h"
#include "items.h"
#include "msg.h"
#include "suggest.h"

static bool	holdable(const struct scheme *, int, struct slice, int);
static void	check_item(const struct expr *, const char *,
		    const struct scheme *, int, struct slice);
static bool	nearest(const struct scheme *, int, struct slice, char *,
		    size_t);

/*
 * The scheme in effect tells which values a label field can hold, so a
 * value it cannot hold (severity=MJA, severity=maj, aspect=EMP_NEG,
 * aspect==EMP) would match no row and say nothing: each plain
 * alternative is checked, and one the scheme cannot hold is warned
 * about, with the closest value it can.  The expression keeps its
 * meaning: rows are compared as written, since TSV from elsewhere may
 * hold such values (rtags --check reports them).  Globs are not checked.
 */
void
exprcheck(const struct expr *e, const char *text, const struct scheme *s,
    int layer)
{
	char shown[MSG_NAME_BUFSIZE], q[MSG_QUOTE_BUFSIZE];
	size_t i;

	/* The expression as typed, shown in each message through msg_name. */
	msg_name(text, shown);
	if (e->kind == EXPR_NUM) {
		warnx("%s: %s is a label field, a list of codes, never a "
		    "number", shown, msg_clip(slice_str(e->field), q));
		return;
	}
	if (e->kind != EXPR_EQ)
		return;
	for (i = 0; i < e->nalts; i++)
		if (!e->alts[i].glob && e->alts[i].len > 0)
			check_item(e, shown, s, layer, (struct slice){
			    e->alts[i].pat, e->alts[i].len });
}

/* Whether layer may hold item as rfilter compares it (-i: any case). */
static bool
holdable(const struct scheme *s, int layer, struct slice item, int flags)
{
	char up[256];
	size_t i;

	if (flags & EXPR_ICASE) {
		if (item.n > sizeof(up))
			return false;
		for (i = 0; i < item.n; i++)
			up[i] = (char)toupper((unsigned char)item.p[i]);
		item.p = up;
	}
	switch (scheme_check(s, layer, items_tag(item))) {
	case TAG_OK:
	case TAG_MISSING_POL:		/* the code alone ignores polarity */
		return true;
	default:
		return false;
	}
}

/* text is the expression as msg_name shows it. */
static void
check_item(const struct expr *e, const char *text, const struct scheme *s,
    int layer, struct slice item)
{
	char q1[MSG_QUOTE_BUFSIZE], q2[MSG_QUOTE_BUFSIZE], lq[MSG_QUOTE_BUFSIZE];
	struct slice lname = { s->layers[layer].name, s->layers[layer].namelen };
	struct tag t = items_tag(item);
	const char *what = t.has_pol || memchr(item.p, '_', item.n) != NULL ?
	    "item" : "code";
	char near[256];
	int home;

	if (holdable(s, layer, item, e->flags))
		return;
	msg_clip(lname, lq);
	if (item.p[0] == '=' && holdable(s, layer, (struct slice){ item.p + 1,
	    item.n - 1 }, e->flags)) {
		warnx("%s: '=' is written once: %s=%s", text,
		    msg_clip(slice_str(e->field), q1), msg_clip((struct slice){
		    item.p + 1, item.n - 1 }, q2));
		return;
	}
	if (scheme_check(s, layer, t) == TAG_UNEXPECTED_POL) {
		warnx("%s: the codes of %s take no polarity; did you mean "
		    "%s?", text, lq, msg_quote(t.code, q2));
		return;
	}
	if (scheme_check(s, layer, t) == TAG_OTHER_LAYER &&
	    (home = scheme_home(s, t.code)) >= 0) {
		warnx("%s: %s is a code of %s, not of %s", text,
		    msg_quote(t.code, q2), s->layers[home].name, lq);
		return;
	}
	if (nearest(s, layer, item, near, sizeof(near)))
		warnx("%s: %s is no %s of %s; did you mean %s?", text,
		    msg_quote(item, q2), what, lq,
		    msg_quote(slice_str(near), q1));
	else
		warnx("%s: %s is no %s of %s", text, msg_quote(item, q2),
		    what, lq);
}

/*
 * The value of layer closest to item: first item as rsplit would
 * normalise it (upper case, '_' for '-'), else the code of the layer
 * within one edit or swap of item's code, with item's polarity, or the
 * polarity within one edit of item's.  Writes it to near; false if none.
 */
static bool
nearest(const struct scheme *s, int layer, struct slice item, char *near,
    size_t size)
{
	static const char *const pols[] = { "POS", "NEG", "NEU" };
	const struct scheme_code *c, *best = NULL;
	struct suggest sg;
	struct tag t;
	size_t i;

	if (item.n >= size)
		return false;
	for (i = 0; i < item.n; i++)
		near[i] = item.p[i] == '_' ? '-' :
		    (char)toupper((unsigned char)item.p[i]);
	near[item.n] = '\0';
	if (holdable(s, layer, (struct slice){ near, item.n }, 0))
		return true;
	t = items_tag((struct slice){ near, item.n });
	if ((c = scheme_find(s, layer, t.code, &(bool){ false })) != NULL) {
		for (i = 0; i < sizeof(pols) / sizeof(pols[0]); i++)
			if (c->polar && suggest_distance(t.pol,
			    (struct slice){ pols[i], strlen(pols[i]) }) <= 1) {
				snprintf(near, size, "%s-%s", c->code,
				    pols[i]);
				return true;
			}
		return false;
	}
	suggest_init(&sg, t.code, 1);
	for (i = 0; i < s->n; i++) {
		c = &s->codes[i];
		if (c->layer != layer && c->layer != LAYER_ANY)
			continue;
		if (suggest_try(&sg, (struct slice){ c->code, strlen(c->code) }))
			best = c;
	}
	if (best == NULL)
		return false;
	if (t.has_pol && best->polar)
		snprintf(near, size, "%s-%.*s", best->code, (int)t.pol.n,
		    t.pol.p);
	else
		snprintf(near, size, "%s", best->code);
	return true;
}
