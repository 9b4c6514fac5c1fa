/*
 * ragree's inputs: each rater's file read into the units (lib/agree/units.c),
 * and the message of each fault units_read returns.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "raters.h"
#include "xmalloc.h"

/* The fields of a header, for the message of a missing one. */
static void
list_fields(const struct tsvin *in)
{
	char q[MSG_QUOTE_BUFSIZE];
	size_t i;

	fprintf(stderr, "%s: the fields of %s are:", getprogname(),
	    in->paths[0]);
	for (i = 0; i < in->nnames; i++)
		fprintf(stderr, " %s", msg_clip(in->names[i], q));
	fputc('\n', stderr);
}

/* "review 'R1', sentence '3'": a unit as its -u fields name it. */
static void
describe_unit(const struct unit_spec *s, struct slice unit, struct buf *b)
{
	char q[MSG_QUOTE_BUFSIZE];
	struct slice v;
	const char *tab;
	size_t i;

	for (i = 0; i < s->nfields; i++) {
		tab = memchr(unit.p, '\t', unit.n);
		v.p = unit.p;
		v.n = tab != NULL && i + 1 < s->nfields ?
		    (size_t)(tab - unit.p) : unit.n;
		if (i > 0)
			buf_add(b, ", ", 2);
		buf_add(b, s->fields[i], strlen(s->fields[i]));
		buf_addc(b, ' ');
		msg_quote(v, q);
		buf_add(b, q, strlen(q));
		unit.p += v.n + (v.n < unit.n);
		unit.n -= v.n + (v.n < unit.n);
	}
	buf_addc(b, '\0');
}

/* A fault in a rater's file: the message, then exit 2 or 1. */
static void
fault(struct ragree *g, const struct tsvin *in, const struct units_fault *e)
{
	char q[MSG_QUOTE_BUFSIZE];

	switch (e->kind) {
	case UNITS_NO_LAYER:
		scheme_missing_layer(g->scheme, in->names, in->nnames, e->file);
	case UNITS_NO_FIELD:
		warnx("%s: the header has no field '%s'", e->file, e->ref);
		list_fields(in);
		exit(2);
	case UNITS_SHORT_ROW:
		if (e->field <= in->nnames)
			msg_die_at(1, e->file, e->line, "row has no field %zu (%s)",
			    e->field, msg_clip(in->names[e->field - 1], q));
		msg_die_at(1, e->file, e->line, "row has no field %zu", e->field);
	case UNITS_TWICE:
		describe_unit(g->u.spec, e->unit, &g->msg);
		msg_die_at(1, e->file, e->line, "unit %s given again; first at "
		    "%s:%lu", g->msg.p, e->file, e->first);
	case UNITS_TOO_MANY:
	default:
		msg_die_at(1, e->file, e->line, "more units or values than ragree "
		    "can count");
	}
}

/*
 * The scheme in effect: the one --scheme or $REVIEWKIT_SCHEME asks for,
 * else the one the first file's header names (SPEC 3).  That file stays
 * open, its header read, for raters_read.
 */
void
raters_scheme(struct ragree *g, char **files, struct scheme *s)
{
	tsvin_start(&g->first, files, 1, g->opts->noheader, s,
	    g->opts->scheme);
}

/*
 * Reads each rater's file.  An unreadable one is reported (by input.c)
 * and left out, as SPEC 2.1 has it; returns 1 then, else 0.
 */
int
raters_read(struct ragree *g, char **files, size_t nfiles)
{
	struct units_fault e;
	struct tsvin in;
	bool *keep;
	size_t r, k, nkept = 0;
	int rval = 0;

	/* Kept in g, so that a fault's exit leaves nothing unreachable. */
	keep = g->keep = xcalloc(nfiles, sizeof(*keep));
	for (r = 0; r < nfiles; r++) {
		if (r == 0) {
			/* raters_scheme opened it: its stream passes to in. */
			in = g->first;
			memset(&g->first, 0, sizeof(g->first));
		} else {
			tsvin_init(&in, files + r, 1, g->opts->noheader,
			    g->scheme);
			if (tsvin_header(&in))
				scheme_fits(g->scheme, in.names, in.nnames,
				    in.header_file);
		}
		if (in.status == 0 &&
		    units_read(&g->u, &in, r, &e) != UNITS_OK)
			fault(g, &in, &e);
		keep[r] = in.status == 0;
		nkept += keep[r];
		tsvin_free(&in);
	}
	if (nkept < nfiles) {
		rval = 1;
		units_drop(&g->u, keep);
		for (r = 0, k = 0; r < nfiles; r++)
			if (keep[r])
				g->names[k++] = g->names[r];
			else
				free(g->names[r]);
	}
	if (nkept < 2)
		errx(1, "fewer than two rater files could be read");
	if (units_shared(&g->u) == 0)
		errx(1, "the files share no unit (matched by %s)",
		    g->opts->units);
	return rval;
}

/* What the run holds but its lists: the names, the units. */
void
raters_free(struct ragree *g)
{
	size_t r;

	for (r = 0; r < g->u.nraters; r++)
		free(g->names[r]);
	free(g->names);
	free(g->keep);
	units_free(&g->u);
}
