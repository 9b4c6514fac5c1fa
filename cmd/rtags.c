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
#include "items.h"
#include "msg.h"
#include "out.h"
#include "rk.h"
#include "scheme.h"
#include "tags/longform.h"
#include "tsvin.h"

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
"      --scheme S       the scheme: pra, argu, or a file as --list writes\n"
"  -N, --no-header      the input has no header; write none\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.\n"
SCHEME_HELP;

enum { OPT_NAMES = 256, OPT_CHECK, OPT_LIST };

static const struct option longopts[] = {
	{ "layers",	required_argument,	NULL, 'l' },
	{ "all",	no_argument,		NULL, 'a' },
	{ "names",	no_argument,		NULL, OPT_NAMES },
	{ "check",	no_argument,		NULL, OPT_CHECK },
	{ "list",	no_argument,		NULL, OPT_LIST },
	RK_LONGOPTS_COMMON,
};

static void
usage(void)
{
	rk_usage(usage_text);
}

/*
 * An unknown -l name: say which the scheme has, and exit 2.  Each name
 * is clipped, since a scheme file's layer may be of any length.
 */
static void
unknown_layer(const struct scheme *s, struct slice name)
{
	scheme_unknown_layer(s, name);
	usage();
}

/* -l: layer names of the scheme, each once; "any" is no column. */
static void
parse_layers(struct longform *t, const char *arg)
{
	struct slice rest = { arg, strlen(arg) }, name;
	char q[MSG_QUOTE_BUFSIZE];
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
				warnx("layer %s given twice", msg_quote(name, q));
				usage();
			}
		t->layer[t->nlayers] = l;
	}
}

/* No -l: the layers whose codes take a polarity, or all with --check. */
static void
default_layers(struct longform *t)
{
	int l;

	t->nlayers = 0;
	for (l = 0; l < t->scheme->nlayers; l++)
		if (t->check || t->scheme->layers[l].polar)
			t->layer[t->nlayers++] = l;
}

/* Tags (or checks) every row of in; returns the exit status. */
static int
run(struct longform *t, struct tsvin *in, bool has_header)
{
	struct slice row, header;
	int rval;

	longform_bind(t, in);
	if (has_header) {
		header.p = in->header;
		header.n = in->header_len;
		longform_header(t, header);
	}
	while (tsvin_next(in, &row)) {
		if (!longform_split(t, row))
			tsvin_split(in, row, t->f);
		if (t->check)
			longform_check(t);
		else
			longform_tags(t);
	}
	rval = in->status != 0 || t->nproblems > 0;
	tsvin_free(in);
	longform_free(t);
	return rval;
}

int
main(int argc, char *argv[])
{
	struct longform t;
	struct scheme scheme;
	struct tsvin in;
	struct out o;
	const char *scheme_arg = NULL, *layers_arg = NULL;
	bool list = false, noheader = false, has_header;
	int ch, rval = 0;

	memset(&t, 0, sizeof(t));
	while ((ch = rk_getopt(argc, argv, "al:NhV", longopts)) != -1) {
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
		case RK_OPT_SCHEME:
			scheme_arg = optarg;
			break;
		default:
			rk_option(ch, help_text, usage_text);
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

	t.scheme = &scheme;
	out_init(&o, STDOUT_FILENO);
	t.o = &o;
	if (list) {
		scheme_in_effect(&scheme, scheme_arg);
		scheme_write(&scheme, &o, !noheader);
	} else {
		/* The layers are named once the header has chosen the scheme. */
		has_header = tsvin_start(&in, argv, (size_t)argc, noheader,
		    &scheme, scheme_arg);
		if (layers_arg != NULL)
			parse_layers(&t, layers_arg);
		else
			default_layers(&t);
		rval = run(&t, &in, has_header);
	}
	out_free(&o);
	scheme_free(&scheme);
	return rval;
}
