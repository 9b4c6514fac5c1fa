/*
 * rsplit: annotated reviews in, review TSV out, one row per annotated
 * sentence.
 */
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "out.h"
#include "review/annot.h"
#include "review/ids.h"
#include "review/lines.h"
#include "rk.h"
#include "scheme.h"
#include "tsv.h"

static const char usage_text[] =
"usage: rsplit [-ajLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]\n"
"       rsplit --to-lines [-q] [--strict] [--id NAME] [FILE...]\n";

static const char help_text[] =
"usage: rsplit [-ajLNqr] [--strict] [--id NAME] [--scheme S] [FILE...]\n"
"       rsplit --to-lines [-q] [--strict] [--id NAME] [FILE...]\n"
"Split annotated reviews into review TSV, one row per annotated sentence:\n"
"review, sentence, the layers of the scheme in marker order, text.\n"
"A marker has at most one group per layer; groups whose codes belong\n"
"to another layer go there, with a warning (see rsplit(1)).\n"
"A review whose first marker (the first with a code of a built-in\n"
"scheme) fits another built-in scheme better than the scheme in effect\n"
"gives no rows but an error, even with -q, and rsplit exits 1; under a\n"
"scheme file nothing is refused.\n"
"\n"
"  -a, --all        also write the unannotated rest of a review\n"
"  -j, --json       decode JSON escapes in a file that does not start\n"
"                   with a quote (a JSON string without its quotes)\n"
"  -r, --raw        text exactly as decoded, with \\\\ \\t \\n \\r escapes\n"
"  -L, --lines      one review per line: ID, TAB, what a review file holds\n"
"      --to-lines   write each FILE as such a line, under its review id,\n"
"                   raw line ends made spaces, instead of rows\n"
"  -q, --quiet      do not print warnings (errors are printed)\n"
"      --strict     exit 1 when there was any warning\n"
"      --id NAME    review id of standard input (default -); not with -L\n"
"      --scheme S   the annotation scheme: pra (default), argu, or a\n"
"                   scheme file; $REVIEWKIT_SCHEME gives the default\n"
"  -N, --no-header  do not write the header line\n"
"  -h, --help       print this help and exit\n"
"  -V, --version    print the version and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.\n";

enum { OPT_STRICT = 256, OPT_ID, OPT_TO_LINES };

static const struct option longopts[] = {
	{ "all",	no_argument,		NULL, 'a' },
	{ "json",	no_argument,		NULL, 'j' },
	{ "raw",	no_argument,		NULL, 'r' },
	{ "lines",	no_argument,		NULL, 'L' },
	{ "to-lines",	no_argument,		NULL, OPT_TO_LINES },
	{ "quiet",	no_argument,		NULL, 'q' },
	{ "strict",	no_argument,		NULL, OPT_STRICT },
	{ "id",		required_argument,	NULL, OPT_ID },
	RK_LONGOPTS_COMMON,
};

static void
usage(void)
{
	rk_usage(usage_text);
}

/*
 * A scheme file's code that no marker can hold: a usage error naming
 * its line (SPEC 6.3), since rsplit would never write it.
 */
static void
refuse_unreadable(const struct scheme *s)
{
	char q[MSG_QUOTE_BUFSIZE];
	const struct scheme_code *c;
	const char *why;
	size_t i;

	for (i = 0; i < s->n; i++) {
		c = &s->codes[i];
		if ((why = marker_code_fault(c->code, c->codelen)) != NULL)
			msg_die_at(2, s->source, c->line, "code %s %s",
			    msg_quote((struct slice){ c->code, c->codelen }, q),
			    why);
	}
}

/* The header: review TSV's columns under the scheme in effect. */
static void
write_header(struct out *o, const struct scheme *scheme)
{
	struct slice cols[SCHEME_COLUMNS_MAX];
	size_t i, n;

	n = scheme_columns(scheme, cols);
	for (i = 0; i < n; i++) {
		out_write(o, cols[i].p, cols[i].n);
		out_char(o, i + 1 < n ? '\t' : '\n');
	}
}

/*
 * Copies n bytes 16 at a time, up to 15 more, with no call to memcpy:
 * the fields of a row are short.  dst has room for them and src can be
 * read that far.
 */
static inline char *
put_blocks(char *dst, const char *src, size_t n)
{
	size_t k;

	for (k = 0; k < n; k += 16)
		memcpy(dst + k, src + k, 16);
	return dst + n;
}

/*
 * A row, built in the output buffer: lead is the review id escaped and a
 * TAB, made once per review (with 15 bytes of room after it for
 * put_blocks); the labels are one copy when their groups stand in their
 * layers (struct marker's inplace); a sentence of up to TEXT_IN_ROOM
 * bytes, nearly all, is copied into the same room.
 */
#define TEXT_IN_ROOM	4096

static void
write_row(struct out *o, const struct buf *lead, const struct sentence *s,
    const struct review_opts *opts)
{
	static const char tabs[SCHEME_LAYERS_MAX + 16] = {
#define TAB4	'\t', '\t', '\t', '\t'
#define TAB16	TAB4, TAB4, TAB4, TAB4
		TAB16, TAB16, TAB16
#undef TAB16
#undef TAB4
	};
	const struct marker *m = s->labels;
	int i, nl = opts->scheme->nlayers;
	char *p;
	size_t k;

	p = out_room(o, lead->len + 24 + MARKER_MAX + (size_t)nl + 1 + 15 +
	    TEXT_IN_ROOM + 1);
	p = put_blocks(p, lead->p, lead->len);
	p = out_digits(p, s->number);
	*p++ = '\t';
	if (m != NULL && m->inplace) {
		/*
		 * put_blocks reads within m->text, MARKER_MAX bytes (a
		 * multiple of 16), and tabs, 15 past the most a row takes.
		 */
		k = m->off[m->ngroups - 1] + m->n[m->ngroups - 1];
		p = put_blocks(p, m->text, k);
		p = put_blocks(p, tabs, (size_t)(nl + 1 - m->ngroups));
	} else {
		for (i = 0; i < nl; i++) {
			if (m != NULL && i < m->ngroups) {
				memcpy(p, m->text + m->off[i], m->n[i]);
				p += m->n[i];
			}
			*p++ = '\t';
		}
	}
	if (!opts->raw && s->len <= TEXT_IN_ROOM) {
		memcpy(p, s->text, s->len);
		p[s->len] = '\n';
		o->len = (size_t)(p + s->len + 1 - o->buf);
		return;
	}
	o->len = (size_t)(p - o->buf);
	if (opts->raw)
		tsv_put_escaped(o, s->text, s->len);
	else
		out_write(o, s->text, s->len);
	out_char(o, '\n');
}

/* The start of each row of the review id: the id escaped, and a TAB. */
static void
row_lead(struct buf *lead, struct slice id)
{
	lead->len = 0;
	tsv_escape(lead, id.p, id.n);
	buf_addc(lead, '\t');
	xgrow(&lead->p, &lead->cap, lead->len + 15);
}

/* Splits one review; returns 1 if it could not be read. */
static int
split(struct out *o, const char *path, struct slice id, struct buf *lead,
    const struct review_opts *opts, unsigned long *nwarn)
{
	struct review r;
	struct sentence s;
	int failed;

	if (annot_open(&r, path, opts) == -1)
		return 1;
	row_lead(lead, id);
	while (annot_next(&r, &s))
		write_row(o, lead, &s, opts);
	failed = r.in.failed || r.refused != NULL;
	*nwarn += r.nwarn;
	annot_close(&r);
	return failed;
}

/*
 * The id of the review in path: its base name cut (annot_id), made
 * distinct from the ids of the run's earlier reviews (lib/review/ids.h).
 */
static struct slice
file_id(struct ids *ids, const char *path, const char *stdin_id,
    unsigned long *nwarn)
{
	struct slice id;
	bool clash;
	char *name;

	name = strcmp(path, "-") == 0 ? xstrdup(stdin_id) : annot_id(path);
	id = ids_claim(ids, (struct slice){ name, strlen(name) }, path, 0,
	    &clash);
	*nwarn += clash;
	free(name);
	return id;
}

/*
 * Writes the review in path as a line of a lines file under its id,
 * which rsplit -L then gives its rows under; returns 1 if the file could
 * not be read, or if its id holds a TAB, LF or CR, which no line can
 * carry (the file is left out).
 */
static int
to_line(struct out *o, const char *path, struct slice id)
{
	char q[MSG_QUOTE_BUFSIZE], name[MSG_NAME_BUFSIZE];

	if (memchr(id.p, '\t', id.n) != NULL ||
	    memchr(id.p, '\n', id.n) != NULL ||
	    memchr(id.p, '\r', id.n) != NULL) {
		warnx("%s: review id %s holds a TAB, LF or CR: no line can "
		    "carry it", msg_name(path, name), msg_quote(id, q));
		return 1;
	}
	return lines_put(o, id, path);
}

/*
 * Splits the reviews of a lines file, one per line; returns 1 if a line
 * was bad or the file could not be read.  Each line's id is claimed in
 * the run's set like a file's, so a repeated one becomes ID#N.
 */
static int
split_lines(struct out *o, const char *path, struct ids *ids,
    struct buf *lead, const struct review_opts *opts, unsigned long *nwarn)
{
	struct lines ls;
	struct input text;
	struct review r;
	struct sentence s;
	struct slice id;
	bool clash, first = true;
	int failed = 0;

	if (lines_open(&ls, path, opts->quiet) == -1)
		return 1;
	while (lines_next(&ls, &text)) {
		id = ids_claim(ids, (struct slice){ ls.id.p, ls.id.len }, path,
		    ls.line, &clash);
		*nwarn += clash;
		if (first)
			annot_from_input(&r, &text, ls.line, ls.id.len + 1,
			    opts);
		else
			annot_next_line(&r, &text, ls.line, ls.id.len + 1);
		first = false;
		row_lead(lead, id);
		while (annot_next(&r, &s))
			write_row(o, lead, &s, opts);
		*nwarn += r.nwarn;
		failed |= r.refused != NULL;
	}
	if (!first)
		annot_close(&r);
	*nwarn += ls.nwarn;
	failed |= ls.in.failed || ls.nbad > 0;
	lines_close(&ls);
	return failed;
}

int
main(int argc, char *argv[])
{
	static char *stdin_only[] = { "-", NULL };
	struct review_opts opts = { false, false, false, false, NULL, NULL, NULL };
	const char *stdin_id = "-", *scheme_arg = NULL;
	struct scheme scheme;
	struct fit *fit;
	bool strict = false, header = true, lines = false, id_given = false;
	bool to_lines = false;
	unsigned long nwarn = 0;
	struct out o;
	struct buf lead = { NULL, 0, 0 };
	struct ids ids;
	int ch, i, rval = 0;

	while ((ch = rk_getopt(argc, argv, "ajLNqrhV", longopts)) != -1) {
		switch (ch) {
		case 'a':
			opts.all = true;
			break;
		case 'j':
			opts.json = true;
			break;
		case 'L':
			lines = true;
			break;
		case 'N':
			header = false;
			break;
		case 'q':
			opts.quiet = true;
			break;
		case 'r':
			opts.raw = true;
			break;
		case OPT_STRICT:
			strict = true;
			break;
		case OPT_TO_LINES:
			to_lines = true;
			break;
		case OPT_ID:
			stdin_id = optarg;
			id_given = true;
			break;
		case RK_OPT_SCHEME:
			scheme_arg = optarg;
			break;
		default:
			rk_option(ch, help_text, usage_text);
		}
	}
	argc -= optind;
	argv += optind;
	if (lines && id_given) {
		warnx("--id names standard input; "
		    "with -L each line names its review");
		usage();
	}
	if (to_lines && (opts.all || opts.json || lines || opts.raw)) {
		warnx("--to-lines writes lines, not rows: no -a, -j, -L or -r");
		usage();
	}
	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}

	scheme_in_effect(&scheme, scheme_arg);
	refuse_unreadable(&scheme);
	opts.scheme = &scheme;
	opts.fit = fit = fit_new(&scheme);
	opts.memo = marker_memo_new(&scheme);
	out_init(&o, STDOUT_FILENO);
	if (header && !to_lines)
		write_header(&o, &scheme);
	ids_init(&ids, opts.quiet);
	for (i = 0; i < argc; i++) {
		if (lines)
			rval |= split_lines(&o, argv[i], &ids, &lead, &opts,
			    &nwarn);
		else if (to_lines)
			rval |= to_line(&o, argv[i], file_id(&ids, argv[i],
			    stdin_id, &nwarn));
		else
			rval |= split(&o, argv[i], file_id(&ids, argv[i],
			    stdin_id, &nwarn), &lead, &opts, &nwarn);
	}
	out_free(&o);
	free(lead.p);
	ids_free(&ids);
	fit_free(fit);
	marker_memo_free(opts.memo);
	scheme_free(&scheme);
	if (strict && nwarn > 0)
		rval = 1;
	return rval;
}
