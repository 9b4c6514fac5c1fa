/*
 * ragree: agreement between annotators.  Each file is one rater's review
 * TSV; units are matched by the -u fields (lib/agree/units.c), and for each
 * layer a unit's value is the set of its items.  The coefficients
 * (lib/agree/coef.c) are computed at the end from integer counts, over
 * categories in byte order, so the output never depends on hash order.
 * The arguments that name layers and raters are checked in
 * lib/agree/args.c, the files read in lib/agree/raters.c, and the tables
 * written by lib/agree/report.c.
 */
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agree/args.h"
#include "agree/raters.h"
#include "agree/report.h"
#include "agree/units.h"
#include "out.h"
#include "rk.h"
#include "scheme.h"

static const char usage_text[] =
"usage: ragree [-ikN] [-l LAYERS] [-u FIELDS] [-n NAMES] [--pairs]\n"
"              [--scheme S] FILE FILE...\n"
"       ragree -x LAYER [-kN] [-u FIELDS] [-n NAMES] [--scheme S] FILE FILE\n";

static const char help_text[] =
"usage: ragree [-ikN] [-l LAYERS] [-u FIELDS] [-n NAMES] [--pairs]\n"
"              [--scheme S] FILE FILE...\n"
"       ragree -x LAYER [-kN] [-u FIELDS] [-n NAMES] [--scheme S] FILE FILE\n"
"Agreement between raters: each FILE is one rater's review TSV.  Units\n"
"are matched by FIELDS; a unit's value in a layer is the set of its\n"
"items (codes without polarity unless -k or the layer has one code),\n"
"order and repetition ignored.\n"
"Output, one row per layer: layer raters units missing agree cohen fleiss\n"
"alpha unanimous majority split.\n"
"\n"
"  -l, --layers LAYERS  comma-separated layers (default: all the scheme's)\n"
"  -u, --units FIELDS   the fields that name a unit (default\n"
"                       review,sentence)\n"
"  -k, --keep-polarity  items keep their polarity: EMP-NEG, not EMP\n"
"  -i, --items          one row per layer and key: does the unit have it?\n"
"  -n, --names NAMES    the raters' names, in the order of the files\n"
"                       (default: each file's base name without extension)\n"
"      --pairs          one row per layer and pair of raters instead:\n"
"                       rater1 rater2 units agree cohen\n"
"  -x, --confusion LAYER  the confusion table of two raters in LAYER\n"
"  -N, --no-header      the inputs have no header; write none\n"
"      --scheme S       the scheme whose layers are compared: pra, argu,\n"
"                       or a scheme file\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"FIELDS are header names or 1-based numbers.  A FILE of - is standard\n"
"input.\n"
SCHEME_HELP;

enum { OPT_PAIRS = 256, OPT_SCHEME };

static const struct option longopts[] = {
	{ "items",	   no_argument,		NULL, 'i' },
	{ "keep-polarity", no_argument,		NULL, 'k' },
	{ "layers",	   required_argument,	NULL, 'l' },
	{ "units",	   required_argument,	NULL, 'u' },
	{ "names",	   required_argument,	NULL, 'n' },
	{ "pairs",	   no_argument,		NULL, OPT_PAIRS },
	{ "confusion",	   required_argument,	NULL, 'x' },
	{ "no-header",	   no_argument,		NULL, 'N' },
	{ "scheme",	   required_argument,	NULL, OPT_SCHEME },
	{ "help",	   no_argument,		NULL, 'h' },
	{ "version",	   no_argument,		NULL, 'V' },
	{ NULL,		   0,			NULL, 0 },
};

static void
usage(void)
{
	fputs(usage_text, stderr);
	exit(2);
}

static void
parse_options(int argc, char *argv[], struct agree_opts *o)
{
	int ch;

	while ((ch = getopt_long(argc, argv, "ikl:u:n:x:NhV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'i': o->items = true; break;
		case 'k': o->polarity = true; break;
		case 'l': o->layers = optarg; break;
		case 'u': o->units = optarg; break;
		case 'n': o->names = optarg; break;
		case 'x': o->confusion = optarg; break;
		case 'N': o->noheader = true; break;
		case OPT_PAIRS: o->pairs = true; break;
		case OPT_SCHEME: o->scheme = optarg; break;
		case 'h': rk_help(help_text); break;
		case 'V': rk_version(); break;
		default: usage();
		}
	}
}

static void
check_options(const struct agree_opts *o, int nfiles)
{
	if (nfiles < 2) {
		warnx("two rater files or more are needed, one per rater");
		usage();
	}
	if (o->confusion == NULL)
		return;
	if (nfiles != 2) {
		warnx("-x compares two raters, not %d", nfiles);
		usage();
	}
	if (o->items || o->pairs || o->layers != NULL) {
		warnx("-x writes one table: no -i, -l or --pairs");
		usage();
	}
}

int
main(int argc, char *argv[])
{
	struct agree_opts opts = { false, false, false, false, NULL,
	    "review,sentence", NULL, NULL, NULL };
	struct unit_spec spec;
	struct scheme scheme;
	struct ragree g;
	struct out o;
	size_t nfiles;
	int rval;

	parse_options(argc, argv, &opts);
	argc -= optind;
	argv += optind;
	check_options(&opts, argc);
	nfiles = (size_t)argc;

	memset(&g, 0, sizeof(g));
	g.opts = &opts;
	g.usage = usage_text;
	raters_scheme(&g, argv, &scheme);
	g.scheme = &scheme;
	args_layers(&g);
	memset(&spec, 0, sizeof(spec));
	spec.fields = args_list(&g, opts.units, &spec.nfields, "-u");
	spec.layers = g.layer;
	spec.nlayers = g.nlayers;
	spec.scheme = &scheme;
	spec.polarity = opts.polarity;
	args_names(&g, argv, nfiles);

	units_init(&g.u, &spec, nfiles);
	rval = raters_read(&g, argv, nfiles);
	out_init(&o, STDOUT_FILENO);
	g.o = &o;
	if (opts.confusion != NULL)
		report_confusion(&g);
	else
		report_write(&g);
	out_free(&o);

	raters_free(&g);
	args_list_free(spec.fields);
	scheme_free(&scheme);
	return rval;
}
