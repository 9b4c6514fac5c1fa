#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "suggest.h"
#include "tsvin.h"
#include "xmalloc.h"

static void	use_default_names(struct tsvin *);
static bool	open_next(struct tsvin *);
static void	close_input(struct tsvin *);
static void	keep_header(struct tsvin *, struct slice);
static bool	is_header(const struct tsvin *, struct slice);
static void	tsvin_short_row(const struct tsvin *, size_t);
static void	repeated_header(struct tsvin *);
static bool	not_a_header(const struct tsvin *, const char *);
static bool	other_header(const struct tsvin *, struct slice);
static void	other_header_died(const struct tsvin *)
		    __attribute__((noreturn));
static void	check_layout(const struct tsvin *, struct slice);

void
tsvin_init(struct tsvin *in, char **paths, size_t npaths, bool noheader,
    const struct scheme *scheme)
{
	static char *stdin_only[] = { "-" };

	memset(in, 0, sizeof(*in));
	if (npaths == 0) {
		paths = stdin_only;
		npaths = 1;
	}
	in->paths = paths;
	in->npaths = npaths;
	in->noheader = noheader;
	in->scheme = scheme;
}

/* Reads up to the first header; false when no input has a line. */
static bool
first_header(struct tsvin *in)
{
	struct slice line;

	while (open_next(in)) {
		if (line_next(&in->r, &line)) {
			keep_header(in, line);
			return true;
		}
		close_input(in);
	}
	return false;
}

/*
 * Reads up to the first header.  Returns false when no input has one
 * (all empty or unreadable); field names then mean rsplit's layout
 * under the scheme in effect.
 */
bool
tsvin_header(struct tsvin *in)
{
	if (!in->noheader && first_header(in))
		return true;
	use_default_names(in);
	return false;
}

/* A later input's header is not the first's: that input is skipped. */
static void
header_differs(struct tsvin *in)
{
	char q[2][MSG_NAME_BUFSIZE];

	warnx("%s: header differs from that of %s",
	    msg_name(tsvin_file(in), q[0]), msg_name(in->header_file, q[1]));
	in->status = 1;
	close_input(in);
}

/*
 * tsvin_init and tsvin_header for a tool that reads review TSV, with the
 * scheme in effect loaded into *s (SPEC 3): the one --scheme's arg or
 * $REVIEWKIT_SCHEME asks for, loaded before any input is opened, else
 * the built-in one whose layers the first header names.  A header that
 * contradicts the scheme asked for exits 2 (scheme_fits).
 */
bool
tsvin_start(struct tsvin *in, char **paths, size_t npaths, bool noheader,
    struct scheme *s, const char *scheme_arg)
{
	bool asked = scheme_asked(s, scheme_arg), header;

	tsvin_init(in, paths, npaths, noheader, s);
	header = !noheader && first_header(in);
	scheme_for_header(s, asked, header ? in->names : NULL,
	    header ? in->nnames : 0, in->header_file);
	if (!header)
		use_default_names(in);
	return header;
}

/*
 * The next data row of all inputs, or false at the end of the last.  Its
 * first in->need fields are found in the same pass (tsvin_fields).
 */
bool
tsvin_next(struct tsvin *in, struct slice *row)
{
	if (in->fcap < in->need) {
		in->f = xreallocarray(in->f, in->need, sizeof(*in->f));
		memset(in->f + in->fcap, 0, (in->need - in->fcap) * sizeof(*in->f));
		in->fcap = in->need;
	}
	in->row.p = NULL;
	for (;;) {
		if (!in->open && !open_next(in))
			return false;
		if (!line_next_split(&in->r, row, in->f, in->need, in->skip,
		    &in->nf)) {
			close_input(in);
			continue;
		}
		if (in->noheader) {
			if (in->by_layout && in->r.lineno == 1)
				check_layout(in, *row);
			break;
		}
		if (in->r.lineno > 1) {
			/* Nearly every row: its first byte is no header's. */
			if (row->n > 0 && in->header_len > 0 &&
			    row->p[0] != in->header[0])
				break;
			if (!is_header(in, *row)) {
				if (other_header(in, *row))
					other_header_died(in);
				break;
			}
			repeated_header(in);
			continue;
		}
		if (!in->have_header)
			keep_header(in, *row);
		else if (in->own_headers) {
			/* Tables (rcount -x -w total): columns differ. */
			free(in->header);
			free(in->names);
			keep_header(in, *row);
		} else if (!is_header(in, *row))
			header_differs(in);
	}
	in->row = *row;
	return true;
}

void
tsvin_free(struct tsvin *in)
{
	if (in->open)
		close_input(in);
	free(in->header);
	free(in->names);
	free(in->f);
}

const char *
tsvin_file(const struct tsvin *in)
{
	return in->r.in.name;
}

unsigned long
tsvin_lineno(const struct tsvin *in)
{
	return in->r.lineno;
}

/*
 * The field whose name is closest to ref, a name that is none of them,
 * within a third of ref's length and one more (lib/suggest.h): true and
 * its index in *col, or false.
 */
bool
tsvin_closest(const struct tsvin *in, const char *ref, size_t *col)
{
	struct suggest sg;
	size_t i, len = strlen(ref);

	suggest_init(&sg, (struct slice){ ref, len }, (len + 2) / 3 + 1);
	for (i = 0; i < in->nnames; i++)
		if (suggest_try(&sg, in->names[i]))
			*col = i;
	return sg.found;
}

/*
 * Resolves a field reference, a header name or a 1-based number, to a
 * 0-based index.  An unknown one is a usage error that lists the names
 * and suggests the closest.
 */
size_t
tsvin_field(const struct tsvin *in, const char *ref)
{
	char q[MSG_QUOTE_BUFSIZE], qref[MSG_QUOTE_BUFSIZE];
	const char *errstr;
	size_t i, best = 0;
	bool near;
	long long n;

	for (i = 0; i < in->nnames; i++)
		if (slice_eq(in->names[i], ref))
			return i;
	if (ref[0] >= '0' && ref[0] <= '9') {
		n = strtonum(ref, 1, in->noheader ? 1000000 :
		    (long long)in->nnames, &errstr);
		if (errstr != NULL)
			errx(2, "field number %s is %s (the input has %zu "
			    "fields)", msg_clip(slice_str(ref), q), errstr,
			    in->nnames);
		return (size_t)(n - 1);
	}
	near = tsvin_closest(in, ref, &best);
	if (in->have_header && not_a_header(in, ref))
		exit(2);
	if (in->have_header && in->scheme != NULL &&
	    scheme_layer(in->scheme, (struct slice){ ref, strlen(ref) }) >= 0)
		scheme_missing_layer(in->scheme, in->names, in->nnames,
		    in->header_file);
	if (near)
		warnx("unknown field %s; did you mean %s?",
		    msg_quote(slice_str(ref), qref), msg_quote(in->names[best], q));
	else
		warnx("unknown field %s", msg_quote(slice_str(ref), qref));
	fprintf(stderr, "%s: the fields are:", getprogname());
	for (i = 0; i < in->nnames; i++)
		fprintf(stderr, " %s", msg_clip(in->names[i], q));
	fputc('\n', stderr);
	exit(2);
}

/*
 * The first line, taken for the header, is no header: an annotated
 * review (a marker, or one field that opens a JSON string), or a data
 * row (a field that is a number, such as rsplit -N's sentence).  Says
 * so, and what to do, instead of listing its "fields".
 */
static bool
not_a_header(const struct tsvin *in, const char *ref)
{
	struct slice h = { in->header, in->header_len };
	char q[MSG_QUOTE_BUFSIZE], qref[MSG_QUOTE_BUFSIZE];
	char qfile[MSG_NAME_BUFSIZE];
	size_t i, j;

	if (memmem(h.p, h.n, "[[", 2) != NULL || (in->nnames == 1 &&
	    h.n > 0 && h.p[0] == '"')) {
		warnx("unknown field %s: %s is no review TSV but an "
		    "annotated review; rsplit makes review TSV of it",
		    msg_quote(slice_str(ref), qref),
		    msg_name(in->header_file, qfile));
		return true;
	}
	for (i = 0; i < in->nnames; i++) {
		for (j = 0; j < in->names[i].n; j++)
			if (in->names[i].p[j] < '0' || in->names[i].p[j] > '9')
				break;
		if (in->names[i].n > 0 && j == in->names[i].n) {
			warnx("unknown field %s: the first line of %s looks "
			    "like a data row, not a header (field %zu is %s); for "
			    "input without a header, use -N",
			    msg_quote(slice_str(ref), qref),
			    msg_name(in->header_file, qfile), i + 1,
			    msg_quote(in->names[i], q));
			return true;
		}
	}
	return false;
}

/*
 * Binds a field reference for tsvin_split: returns its column, and in
 * *layer the scheme's layer when the header names it as one (a label
 * field), else -1.  An unknown field exits 2, as tsvin_field.
 */
size_t
tsvin_bind(struct tsvin *in, const char *ref, int *layer)
{
	size_t col = tsvin_field(in, ref);

	/* -N: a name, or a label field, means rsplit's columns (check_layout). */
	if (in->noheader && col < in->nnames &&
	    (slice_eq(in->names[col], ref) || tsvin_layer(in, col) >= 0))
		in->by_layout = true;
	/* Fields before the first bound are not split out (tsvin_fields). */
	if (in->need == 0 || col < in->skip)
		in->skip = col;
	if (col + 1 > in->need)
		in->need = col + 1;
	if (layer != NULL)
		*layer = tsvin_layer(in, col);
	return col;
}

/* The scheme's layer that column col is named as, or -1. */
int
tsvin_layer(const struct tsvin *in, size_t col)
{
	if (col >= in->nnames || in->scheme == NULL)
		return -1;
	return scheme_layer(in->scheme, in->names[col]);
}

/*
 * Splits row into the in->need fields the bound references reach.  A
 * row that lacks one means the data is not what the command assumes:
 * the tool stops with status 1 rather than guess, naming the rightmost
 * field it needs; what it wrote so far is flushed at exit (lib/out.c).
 */
void
tsvin_split(const struct tsvin *in, struct slice row, struct slice *f)
{
	if (row.p == in->row.p && row.n == in->row.n) {
		if (in->nf < in->need)
			tsvin_short_row(in, in->need - 1);
		if (in->need > 0)
			memcpy(f, in->f, in->need * sizeof(*f));
	} else if (tsv_split(row, f, in->need) < in->need)
		tsvin_short_row(in, in->need - 1);
}

/*
 * The first in->need fields of the row tsvin_next returned last, without
 * a copy; a short row stops the tool as tsvin_split does.  The fields
 * before in->skip, which no bound reference reaches, are not split out:
 * their slices are empty or an earlier row's.
 */
const struct slice *
tsvin_fields(const struct tsvin *in)
{
	if (in->nf < in->need)
		tsvin_short_row(in, in->need - 1);
	return in->f;
}

/*
 * A row lacks a field an expression or key refers to: the data is not
 * what the command assumes, so stop rather than guess.
 */
static void
tsvin_short_row(const struct tsvin *in, size_t field)
{
	char q[MSG_QUOTE_BUFSIZE];

	if (field < in->nnames)
		msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "row has no field "
		    "%zu (%s)", field + 1, msg_clip(in->names[field], q));
	msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "row has no field %zu",
	    field + 1);
}

static bool
open_next(struct tsvin *in)
{
	while (in->next < in->npaths) {
		if (line_open(&in->r, in->paths[in->next++]) == 0) {
			in->open = true;
			return true;
		}
		in->status = 1;
	}
	return false;
}

static void
close_input(struct tsvin *in)
{
	if (in->r.in.failed)
		in->status = 1;
	line_close(&in->r);
	in->open = false;
}

static void
keep_header(struct tsvin *in, struct slice line)
{
	in->header = xmemdup(line.p, line.n);
	in->header_len = line.n;
	in->header_file = in->r.in.name;
	in->have_header = true;
	in->nnames = tsv_count(line);
	in->names = xreallocarray(NULL, in->nnames, sizeof(*in->names));
	line.p = in->header;
	tsv_split(line, in->names, in->nnames);
	in->header2 = in->nnames < 2 ? 0 :
	    (size_t)(in->names[1].p - in->header) + in->names[1].n;
}

static void
use_default_names(struct tsvin *in)
{
	in->names = xreallocarray(NULL, SCHEME_COLUMNS_MAX, sizeof(*in->names));
	in->nnames = scheme_columns(in->scheme, in->names);
}

static bool
is_header(const struct tsvin *in, struct slice line)
{
	return in->have_header && line.n == in->header_len &&
	    memcmp(line.p, in->header, line.n) == 0;
}

/*
 * Does line start with the first header's first two names, a TAB between,
 * without being that header?  Then it is the header of an input of other
 * columns run together with this one ("cat pra.tsv argu.tsv | rcount
 * aspect"), not a row: no data row of review TSV has "sentence" for its
 * sentence, nor one of rcount's "count" for its count.  One compare a
 * row, of the bytes before the header's second TAB.
 */
static inline bool
other_header(const struct tsvin *in, struct slice line)
{
	size_t n = in->header2;

	if (n == 0 || line.n < n)
		return false;
	return memcmp(line.p, in->header, n) == 0 &&
	    (line.n == n || line.p[n] == '\t');
}

/*
 * Its rows would be read by the first header's names (argu's
 * justification as pra's aspect), and where they end cannot be told:
 * the tool stops, as at a row too short (SPEC 3: the scheme is never
 * silently the wrong one).
 */
static void
other_header_died(const struct tsvin *in)
{
	char name[MSG_NAME_BUFSIZE];

	msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "a header other than "
	    "that of %s:1, of inputs run together; give each input as a "
	    "file of its own", msg_name(in->header_file, name));
}

/*
 * -N with a field named as one of rsplit's columns under the scheme in
 * effect, or one of its label fields by number: each input's first row
 * must have as many fields as those columns.  Rows of another scheme (argu's 13 fields read as pra's 7)
 * would otherwise give their columns the wrong names, silently (SPEC 3:
 * the scheme is never silently the wrong one).
 */
static void
check_layout(const struct tsvin *in, struct slice row)
{
	size_t n = tsv_count(row);

	if (n != in->nnames)
		msg_die_at(1, tsvin_file(in), tsvin_lineno(in), "row has %zu "
		    "fields, not the %zu of rsplit's columns under scheme %s "
		    "(-N); for another scheme, use --scheme", n, in->nnames,
		    in->scheme != NULL ? in->scheme->source : "pra");
}

/*
 * "cat a.tsv b.tsv | rcount aspect": the second header is no data row.
 * Skipped, with a warning for the first, since a thousand files would
 * give a thousand.
 */
static void
repeated_header(struct tsvin *in)
{
	if (in->repeat_seen)
		return;
	in->repeat_seen = true;
	msg_warn_at(tsvin_file(in), tsvin_lineno(in), "the header again; skipped "
	    "here and wherever it repeats");
}
