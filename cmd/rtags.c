/*
 * rtags: review TSV in, one row per tag out (long form), where the label
 * columns chosen become layer, tag and polarity; or, with --check, one
 * row per tag that breaks the scheme; or, with --list, the scheme.
 */
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fields.h"
#include "items.h"
#include "msg.h"
#include "out.h"
#include "rk.h"
#include "scheme.h"
#include "tsv.h"
#include "xmalloc.h"

static const char usage_text[] =
"usage: rtags [-aN] [-l LAYERS] [--names] [--scheme S] [FILE...]\n"
"       rtags --check [-N] [-l LAYERS] [--scheme S] [FILE...]\n"
"       rtags --list [-N] [--scheme S]\n";

static const char help_text[] =
"usage: rtags [-aN] [-l LAYERS] [--names] [--scheme S] [FILE...]\n"
"       rtags --check [-N] [-l LAYERS] [--scheme S] [FILE...]\n"
"       rtags --list [-N] [--scheme S]\n"
"Write review TSV in long form, one row per tag: the label columns of\n"
"LAYERS become layer, tag and polarity where the first of them stood.\n"
"\n"
"  -l, --layers LAYERS  comma-separated layers of the scheme (default:\n"
"                       those whose codes take a polarity, section,aspect\n"
"                       for pra; all of them with --check)\n"
"  -a, --all            keep rows without tags, with empty tag columns\n"
"      --names          add the name of each tag's code\n"
"      --check          write the tags that break the scheme instead:\n"
"                       review sentence layer tag problem; exit 1 if any\n"
"      --list           write the scheme: layer code name description\n"
"                       polarity\n"
"      --scheme S       the scheme: pra (default), argu, or a file in the\n"
"                       form of --list; $REVIEWKIT_SCHEME gives the default\n"
"  -N, --no-header      the input has no header; write none\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.\n";

enum { OPT_NAMES = 256, OPT_CHECK, OPT_LIST, OPT_SCHEME };

static const struct option longopts[] = {
	{ "layers",	required_argument,	NULL, 'l' },
	{ "all",	no_argument,		NULL, 'a' },
	{ "names",	no_argument,		NULL, OPT_NAMES },
	{ "check",	no_argument,		NULL, OPT_CHECK },
	{ "list",	no_argument,		NULL, OPT_LIST },
	{ "scheme",	required_argument,	NULL, OPT_SCHEME },
	{ "no-header",	no_argument,		NULL, 'N' },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 },
};

static const char check_header[] = "review\tsentence\tlayer\ttag\tproblem\n";

/* The columns rtags inserts, in order; the last only with --names. */
static const char *const tag_columns[] = { "layer", "tag", "polarity", "name" };

/* What one run works with: the options, then per-row slices. */
struct rtags {
	int		 layer[SCHEME_LAYERS_MAX];	/* chosen, in -l order */
	size_t		 nlayers;
	bool		 all;
	bool		 names;
	bool		 check;
	const struct scheme *scheme;
	struct out	*o;

	size_t		 col[SCHEME_LAYERS_MAX];	/* of each chosen layer */
	size_t		 first;			/* leftmost chosen column */
	size_t		 last;			/* rightmost */
	bool		 gaps;			/* others stand between them */
	size_t		 review, sentence;	/* columns, with --check */
	size_t		 nf;			/* fields a row must have */
	struct slice	*f;
	struct slice	 prefix;		/* the row up to first */
	struct slice	 tail;			/* the other columns after it */
	struct buf	 tailbuf;		/* holds tail when gaps */
	unsigned long	 nproblems;
};

static void
usage(void)
{
	fputs(usage_text, stderr);
	exit(2);
}

static const char *
layer_name(const struct rtags *t, int l)
{
	return t->scheme->layers[l].name;
}

/*
 * An unknown -l name: say which the scheme has, and exit 2.  Each name
 * is clipped, since a scheme file's layer may be of any length.
 */
static void
unknown_layer(const struct scheme *s, struct slice name)
{
	char q[QUOTE_BUFSIZE];
	struct buf names = { NULL, 0, 0 };
	const char *c;
	int l;

	for (l = 0; l < s->nlayers; l++) {
		if (l > 0)
			buf_add(&names, ", ", 2);
		c = msg_clip((struct slice){ s->layers[l].name,
		    s->layers[l].namelen }, q);
		buf_add(&names, c, strlen(c));
	}
	buf_addc(&names, '\0');
	warnx("unknown layer %s; the layers are %s", msg_quote(name, q),
	    names.p);
	usage();
}

/* -l: layer names of the scheme, each once; "any" is no column. */
static void
parse_layers(struct rtags *t, const char *arg)
{
	struct slice rest = { arg, strlen(arg) }, name;
	bool done = false;	/* "" names one layer, the empty one */
	size_t i;
	int l;

	for (t->nlayers = 0; items_next_any(&rest, &done, &name);
	    t->nlayers++) {
		if ((l = scheme_layer(t->scheme, name)) == -1)
			unknown_layer(t->scheme, name);
		/* No more names than layers get here: one more repeats one. */
		for (i = 0; i < t->nlayers; i++)
			if (t->layer[i] == l) {
				warnx("layer '%s' given twice",
				    layer_name(t, l));
				usage();
			}
		t->layer[t->nlayers] = l;
	}
}

/* No -l: the layers whose codes take a polarity, or all with --check. */
static void
default_layers(struct rtags *t)
{
	int l;

	t->nlayers = 0;
	for (l = 0; l < t->scheme->nlayers; l++)
		if (t->check || t->scheme->layers[l].polar)
			t->layer[t->nlayers++] = l;
}

/* Finds the columns of the chosen layers (and, for --check, the ids). */
static void
resolve_columns(struct rtags *t, struct tsv_in *in)
{
	size_t i, c;

	t->first = (size_t)-1;
	t->last = 0;
	for (i = 0; i < t->nlayers; i++) {
		c = t->col[i] = tsvin_bind(in, layer_name(t, t->layer[i]),
		    NULL);
		if (c < t->first)
			t->first = c;
		if (c > t->last)
			t->last = c;
	}
	t->gaps = t->last - t->first + 1 != t->nlayers;
	t->nf = t->last + 1;
	if (t->check) {
		t->review = tsvin_bind(in, "review", NULL);
		t->sentence = tsvin_bind(in, "sentence", NULL);
		if (t->review >= t->nf)
			t->nf = t->review + 1;
		if (t->sentence >= t->nf)
			t->nf = t->sentence + 1;
	}
	t->f = xreallocarray(NULL, t->nf, sizeof(*t->f));
	/* Allocated now so that tail never points at NULL, even when empty. */
	if (t->gaps)
		xgrow(&t->tailbuf.p, &t->tailbuf.cap, 256);
}

static bool
chosen(const struct rtags *t, size_t col)
{
	size_t i;

	for (i = 0; i < t->nlayers; i++)
		if (t->col[i] == col)
			return true;
	return false;
}

/*
 * Slices the fields rtags needs from line; returns false when it has too
 * few.  The columns not chosen are gathered once per row into prefix and
 * tail, so that each tag of the row costs three writes.
 */
static bool
split_row(struct rtags *t, struct slice line)
{
	const char *end = line.p + line.n, *after;
	size_t i;

	if (tsv_split(line, t->f, t->nf) < t->nf)
		return false;
	if (t->check)
		return true;
	t->prefix.p = line.p;
	t->prefix.n = (size_t)(t->f[t->first].p - line.p);
	after = t->f[t->last].p + t->f[t->last].n;
	if (!t->gaps) {
		t->tail.p = after;
		t->tail.n = (size_t)(end - after);
		return true;
	}
	/* Non-adjacent columns: copy what stands between them. */
	t->tailbuf.len = 0;
	for (i = t->first + 1; i < t->last; i++)
		if (!chosen(t, i)) {
			buf_addc(&t->tailbuf, '\t');
			buf_add(&t->tailbuf, t->f[i].p, t->f[i].n);
		}
	buf_add(&t->tailbuf, after, (size_t)(end - after));
	t->tail.p = t->tailbuf.p;
	t->tail.n = t->tailbuf.len;
	return true;
}

/* Writes the current row with the columns ins in place of the chosen. */
static void
put_row(const struct rtags *t, const struct slice *ins, size_t nins)
{
	size_t i;

	out_write(t->o, t->prefix.p, t->prefix.n);
	for (i = 0; i < nins; i++) {
		if (i > 0)
			out_char(t->o, '\t');
		out_write(t->o, ins[i].p, ins[i].n);
	}
	out_write(t->o, t->tail.p, t->tail.n);
	out_char(t->o, '\n');
}

static struct slice
cslice(const char *s)
{
	struct slice sl = { s, strlen(s) };

	return sl;
}

static void
put_header(struct rtags *t, struct slice header)
{
	struct slice ins[4];
	size_t i, nins = t->names ? 4 : 3;

	if (t->check) {
		out_str(t->o, check_header);
		return;
	}
	split_row(t, header);
	for (i = 0; i < nins; i++)
		ins[i] = cslice(tag_columns[i]);
	put_row(t, ins, nins);
}

static void
put_tag(const struct rtags *t, int l, struct tag tag)
{
	const struct scheme_code *c;
	struct slice ins[4];
	bool elsewhere;

	ins[0] = cslice(layer_name(t, l));
	ins[1] = tag.code;
	ins[2] = tag.pol;
	if (t->names) {
		c = scheme_find(t->scheme, l, tag.code, &elsewhere);
		ins[3] = cslice(c != NULL ? c->name : "");
	}
	put_row(t, ins, t->names ? 4 : 3);
}

static void
tag_row(struct rtags *t)
{
	static const struct slice none[4] = {
		{ "", 0 }, { "", 0 }, { "", 0 }, { "", 0 }
	};
	struct slice rest, item;
	size_t i, ntags = 0;

	for (i = 0; i < t->nlayers; i++) {
		rest = t->f[t->col[i]];
		while (items_next(&rest, &item)) {
			put_tag(t, t->layer[i], items_tag(item));
			ntags++;
		}
	}
	if (ntags == 0 && t->all)
		put_row(t, none, t->names ? 4 : 3);
}

static void
put_problem(struct rtags *t, int l, struct slice item, enum problem p)
{
	struct out *o = t->o;

	out_write(o, t->f[t->review].p, t->f[t->review].n);
	out_char(o, '\t');
	out_write(o, t->f[t->sentence].p, t->f[t->sentence].n);
	out_char(o, '\t');
	out_str(o, layer_name(t, l));
	out_char(o, '\t');
	out_write(o, item.p, item.n);
	out_char(o, '\t');
	out_str(o, problem_name(p));
	out_char(o, '\n');
	t->nproblems++;
}

static void
check_row(struct rtags *t)
{
	enum problem p;
	struct slice rest, item;
	size_t i;
	bool done;

	for (i = 0; i < t->nlayers; i++) {
		rest = t->f[t->col[i]];
		done = rest.n == 0;
		while (items_next_any(&rest, &done, &item)) {
			p = scheme_check(t->scheme, t->layer[i],
			    items_tag(item));
			if (p != TAG_OK)
				put_problem(t, t->layer[i], item, p);
		}
	}
}

/* Tags (or checks) every row of the inputs; returns the exit status. */
static int
run(struct rtags *t, char **paths, size_t npaths, bool noheader)
{
	struct tsv_in in;
	struct slice row, header;
	int rval;

	tsvin_init(&in, paths, npaths, noheader, t->scheme);
	if (tsvin_header(&in)) {
		resolve_columns(t, &in);
		header.p = in.header;
		header.n = in.header_len;
		put_header(t, header);
	} else
		resolve_columns(t, &in);
	while (tsvin_next(&in, &row)) {
		if (!split_row(t, row))
			tsvin_split(&in, t->o, row, t->f);
		if (t->check)
			check_row(t);
		else
			tag_row(t);
	}
	rval = in.status != 0 || t->nproblems > 0;
	tsvin_free(&in);
	free(t->f);
	free(t->tailbuf.p);
	return rval;
}

int
main(int argc, char *argv[])
{
	struct rtags t;
	struct scheme scheme;
	struct out o;
	const char *scheme_arg = NULL, *layers_arg = NULL;
	bool list = false, noheader = false;
	int ch, rval = 0;

	memset(&t, 0, sizeof(t));
	while ((ch = getopt_long(argc, argv, "al:NhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			t.all = true;
			break;
		case 'l':
			layers_arg = optarg;
			break;
		case 'N':
			noheader = true;
			break;
		case OPT_NAMES:
			t.names = true;
			break;
		case OPT_CHECK:
			t.check = true;
			break;
		case OPT_LIST:
			list = true;
			break;
		case OPT_SCHEME:
			scheme_arg = optarg;
			break;
		case 'h':
			rk_help(help_text);
			break;
		case 'V':
			rk_version();
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (list && (t.check || t.all || t.names || layers_arg || argc > 0)) {
		warnx("--list reads no input and takes only -N and --scheme");
		usage();
	}
	if (t.check && (t.all || t.names)) {
		warnx("--check writes problems, not tags: no -a or --names");
		usage();
	}

	scheme_in_effect(&scheme, scheme_arg);
	t.scheme = &scheme;
	if (layers_arg != NULL)
		parse_layers(&t, layers_arg);
	else
		default_layers(&t);
	out_init(&o, STDOUT_FILENO);
	t.o = &o;
	if (list)
		scheme_write(&scheme, &o, !noheader);
	else
		rval = run(&t, argv, (size_t)argc, noheader);
	out_free(&o);
	scheme_free(&scheme);
	return rval;
}
