#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ids.h"
#include "msg.h"
#include "xmalloc.h"

static size_t	take(struct ids *, struct slice, const char *, unsigned long);
static void	clash_warning(const struct id_place *, struct slice,
		    const char *, unsigned long, struct slice);

void
ids_init(struct ids *ids, bool quiet)
{
	memset(ids, 0, sizeof(*ids));
	hash_init(&ids->set);
	ids->quiet = quiet;
}

void
ids_free(struct ids *ids)
{
	hash_free(&ids->set);
	free(ids->places);
}

/*
 * Claims id for the review at file (and line, if not 0), and returns the
 * id its rows must carry: id itself the first time, else ID#N, with a
 * warning and *clash set.  The slice returned lives as long as the set.
 * A generated ID#N is taken like any other, so a later review whose own
 * id is ID#N moves on in turn: ids stay unique whatever the names are.
 */
struct slice
ids_claim(struct ids *ids, struct slice id, const char *file,
    unsigned long line, bool *clash)
{
	struct id_place *first;
	struct buf b = { NULL, 0, 0 };
	char num[24];
	size_t k, orig, before = ids->set.nkeys;

	k = take(ids, id, file, line);
	*clash = ids->set.nkeys == before;
	if (!*clash)
		return hash_key(&ids->set, k);
	orig = k;
	do {
		first = &ids->places[orig];
		snprintf(num, sizeof(num), "#%lu", first->next++);
		b.len = 0;
		buf_add(&b, id.p, id.n);
		buf_add(&b, num, strlen(num));
		before = ids->set.nkeys;
		k = take(ids, (struct slice){ b.p, b.len }, file, line);
	} while (ids->set.nkeys == before);
	free(b.p);
	if (!ids->quiet)
		clash_warning(&ids->places[orig], id, file, line,
		    hash_key(&ids->set, k));
	return hash_key(&ids->set, k);
}

/* Interns id; a new one is placed at file:line.  Returns its number. */
static size_t
take(struct ids *ids, struct slice id, const char *file, unsigned long line)
{
	bool isnew;
	size_t k;

	k = hash_intern(&ids->set, id.p, id.n, &isnew);
	if (!isnew)
		return k;
	ids->places = xgrowarray(ids->places, &ids->cap, k + 1,
	    sizeof(*ids->places));
	ids->places[k] = (struct id_place){ file, line, 2 };
	return k;
}

/* "FILE[:LINE]: review id 'X' already names FIRST[:LINE]; this one is 'X#2'" */
static void
clash_warning(const struct id_place *first, struct slice id, const char *file,
    unsigned long line, struct slice now)
{
	char q1[MSG_QUOTE_BUFSIZE], q2[MSG_QUOTE_BUFSIZE], at[32] = "";
	char name[MSG_NAME_BUFSIZE], fname[MSG_NAME_BUFSIZE];

	if (first->line > 0)
		snprintf(at, sizeof(at), ":%lu", first->line);
	msg_quote(id, q1);
	msg_quote(now, q2);
	msg_name(first->file, fname);
	if (line > 0)
		msg_warn_at(file, line, "review id %s already names %s%s; this "
		    "one is %s", q1, fname, at, q2);
	else
		warnx("%s: review id %s already names %s%s; this one is %s",
		    msg_name(file, name), q1, fname, at, q2);
}
