/*
 * ragree's inputs: each rater's file read into the units (lib/agree/units.c),
 * or with -r all inputs as one stream whose rows name their rater, and
 * the message of each fault units_read returns.
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
	char q[MSG_QUOTE_BUFSIZE], name[MSG_NAME_BUFSIZE];
	size_t i;

	fprintf(stderr, "%s: the fields of %s are:", getprogname(),
	    msg_name(in->paths[0], name));
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
		msg_clip(slice_str(s->fields[i]), q);
		buf_add(b, q, strlen(q));
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
	char q[MSG_QUOTE_BUFSIZE], qref[MSG_QUOTE_BUFSIZE];
	char name[MSG_NAME_BUFSIZE];
	size_t col;

	switch (e->kind) {
	case UNITS_NO_LAYER:
		scheme_missing_layer(g->scheme, in->names, in->nnames, e->file);
	case UNITS_NO_FIELD:
		if (tsvin_closest(in, e->ref, &col))
			warnx("%s: the header has no field %s; did you mean "
			    "%s?", msg_name(e->file, name),
			    msg_quote(slice_str(e->ref), qref),
			    msg_quote(in->names[col], q));
		else
			warnx("%s: the header has no field %s",
			    msg_name(e->file, name),
			    msg_quote(slice_str(e->ref), qref));
		list_fields(in);
		exit(2);
	case UNITS_SHORT_ROW:
		if (e->field <= in->nnames)
			msg_die_at(1, e->file, e->line, "row has no field %zu (%s)",
			    e->field, msg_clip(in->names[e->field - 1], q));
		msg_die_at(1, e->file, e->line, "row has no field %zu", e->field);
	case UNITS_TWICE:
		describe_unit(g->u.spec, e->unit, &g->msg);
		if (g->opts->rater != NULL)
			msg_die_at(1, e->file, e->line, "unit %s given again by "
			    "rater %s; first at %s:%lu", g->msg.p,
			    msg_quote(e->rater, q), msg_name(e->first_file, name),
			    e->first);
		msg_die_at(1, e->file, e->line, "unit %s given again; first at "
		    "%s:%lu", g->msg.p, msg_name(e->first_file, name), e->first);
	case UNITS_NO_RATER:
		msg_die_at(1, e->file, e->line, "the rater field %s is empty",
		    msg_quote(slice_str(e->ref), q));
	case UNITS_TOO_MANY:
	default:
		msg_die_at(1, e->file, e->line, "more units or values than ragree "
		    "can count");
	}
}

/*
 * The names of the unit fields in the first input's header (or under
 * -N, rsplit's), for --units' header: "review", also for -u 1.
 */
/* A slice as a C string of its own (a NUL in it ends the name). */
static char *
string_of(struct slice s)
{
	char *p = xmalloc(s.n + 1);

	if (s.n > 0)
		memcpy(p, s.p, s.n);
	p[s.n] = '\0';
	return p;
}

static bool
is_name(const struct tsvin *in, const char *ref)
{
	size_t i;

	for (i = 0; i < in->nnames; i++)
		if (slice_eq(in->names[i], ref))
			return true;
	return false;
}

static void
keep_unit_names(struct ragree *g, const struct tsvin *in)
{
	const struct unit_spec *s = g->u.spec;
	const char *ref;
	size_t i, n;
	struct slice name;

	if (g->unitnames != NULL)
		return;
	g->unitnames = xcalloc(s->nfields + 1, sizeof(*g->unitnames));
	for (i = 0; i < s->nfields; i++) {
		ref = s->fields[i];
		name = (struct slice){ ref, strlen(ref) };
		n = strspn(ref, "0123456789") == name.n && name.n > 0 &&
		    name.n < 8 ? (size_t)atoi(ref) : 0;
		if (n >= 1 && n <= in->nnames && !is_name(in, ref))
			name = in->names[n - 1];
		g->unitnames[i] = string_of(name);
	}
}

/* The checks after reading: two raters, and a unit that two share. */
static void
enough(const struct ragree *g, size_t nread)
{
	char q[MSG_QUOTE_BUFSIZE];

	if (nread < 2 && g->opts->rater != NULL)
		errx(1, "fewer than two raters in field %s",
		    msg_quote(slice_str(g->opts->rater), q));
	if (nread < 2)
		errx(1, "fewer than two rater files could be read");
	if (units_shared(&g->u) == 0)
		errx(1, "the files share no unit (matched by %s)",
		    msg_clip(slice_str(g->opts->units), q));
}

/*
 * -r: the inputs as one stream, each row's rater named by a field, the
 * raters in order of first appearance.  Returns 1 if an input could not
 * be read (it is reported and left out), else 0.
 */
static int
read_by_field(struct ragree *g, char **files, size_t nfiles)
{
	struct units_fault e;
	struct tsvin in;
	struct slice name;
	size_t r;
	int rval;

	/* raters_scheme opened the stream: it passes to in. */
	(void)files;
	(void)nfiles;
	in = g->first;
	memset(&g->first, 0, sizeof(g->first));
	keep_unit_names(g, &in);
	if (units_read_raters(&g->u, &in, g->opts->rater, &e) != UNITS_OK)
		fault(g, &in, &e);
	rval = in.status != 0;
	tsvin_free(&in);
	g->names = xcalloc(g->u.nraters + 1, sizeof(*g->names));
	for (r = 0; r < g->u.nraters; r++) {
		name = units_rater(&g->u, r);
		g->names[r] = string_of(name);
	}
	enough(g, g->u.nraters);
	return rval;
}

/*
 * The scheme in effect: the one --scheme or $REVIEWKIT_SCHEME asks for,
 * else the one the first file's header names (SPEC 3); with -r, the
 * first header of the one stream the inputs make.  That input stays
 * open, its header read, for raters_read.
 */
void
raters_scheme(struct ragree *g, char **files, size_t nfiles,
    struct scheme *s)
{
	tsvin_start(&g->first, files, g->opts->rater != NULL || nfiles == 0 ?
	    nfiles : 1, g->opts->noheader, s, g->opts->scheme);
}

/*
 * Reads each rater's file, or with -r the inputs as one stream.  An
 * unreadable one is reported (by input.c) and left out, as SPEC 2.1 has
 * it; returns 1 then, else 0.
 */
int
raters_read(struct ragree *g, char **files, size_t nfiles)
{
	struct units_fault e;
	struct tsvin in;
	bool *keep;
	size_t r, k, nkept = 0;
	int rval = 0;

	if (g->opts->rater != NULL)
		return read_by_field(g, files, nfiles);
	/* Kept in g, so that a fault's exit leaves nothing unreachable. */
	keep = g->keep = xcalloc(nfiles, sizeof(*keep));
	g->paths = xcalloc(nfiles, sizeof(*g->paths));
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
		/* -N: each file is rsplit's columns (tsvin's check_layout). */
		in.by_layout = g->opts->noheader;
		if (in.status == 0)
			keep_unit_names(g, &in);
		if (in.status == 0 &&
		    units_read(&g->u, &in, r, &e) != UNITS_OK)
			fault(g, &in, &e);
		keep[r] = in.status == 0;
		nkept += keep[r];
		tsvin_free(&in);
	}
	for (r = 0, k = 0; r < nfiles; r++)
		if (keep[r]) {
			g->names[k] = g->names[r];
			g->paths[k++] = files[r];
		} else
			free(g->names[r]);
	if (nkept < nfiles) {
		rval = 1;
		units_drop(&g->u, keep);
	}
	enough(g, nkept);
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
	free(g->paths);
	free(g->keep);
	for (r = 0; g->unitnames != NULL && r < g->u.spec->nfields; r++)
		free(g->unitnames[r]);
	free(g->unitnames);
	units_free(&g->u);
}
