/*
 * ragree: agreement between annotators.  Each file is one rater's review
 * TSV (or, with -r, the rows name their rater); units are matched by the
 * -u fields (lib/agree/units.c), and for each layer a unit's value is the
 * set of its items.  The figures (lib/agree/figures.c, over the tallies of
 * lib/agree/coef.c, ordered.c and gold.c) are computed at the end from
 * integer sums, over classes in byte order, so the output never depends
 * on hash order; --ci resamples the units (lib/agree/boot.c) with a
 * generator of ragree's own, so it is the same bytes everywhere.  The
 * arguments that name layers and raters are checked in lib/agree/args.c,
 * the files read in lib/agree/raters.c, the rows built in rows.c and
 * written by report.c, or with --units by byunit.c.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agree/args.h"
#include "agree/byunit.h"
#include "agree/order.h"
#include "agree/ordered.h"
#include "agree/raters.h"
#include "agree/report.h"
#include "agree/rows.h"
#include "agree/units.h"
#include "msg.h"
#include "out.h"
#include "rk.h"
#include "scheme.h"

static const char usage_text[] =
"usage: ragree [-ikN] [-l LAYERS] [-u FIELDS] [-n NAMES | -r F] [-g NAME]\n"
"              [--pairs] [--units] [--mean] [--order LIST] [--weights W]\n"
"              [--metric M] [--ci PCT [--boot N] [--seed S]] [--digits N]\n"
"              [--scheme S] FILE...\n"
"       ragree -x LAYER [-kN] [-u FIELDS] [-n NAMES | -r F] [--scheme S]\n"
"              FILE...\n";

static const char help_text[] =
"usage: ragree [-ikN] [-l LAYERS] [-u FIELDS] [-n NAMES | -r F] [-g NAME]\n"
"              [--pairs] [--units] [--mean] [--order LIST] [--weights W]\n"
"              [--metric M] [--ci PCT [--boot N] [--seed S]] [--digits N]\n"
"              [--scheme S] FILE...\n"
"       ragree -x LAYER [-kN] [-u FIELDS] [-n NAMES | -r F] [--scheme S]\n"
"              FILE...\n"
"Agreement between raters: each FILE is one rater's review TSV (with -r,\n"
"the rows name their rater).  Units are matched by FIELDS; a unit's value\n"
"in a layer is the set of its items (codes without polarity unless -k\n"
"or the layer has one code), order and repetition ignored.  Output, one\n"
"row per layer: layer raters units missing agree cohen fleiss alpha\n"
"unanimous majority split (with two raters, fleiss is Scott's pi).\n"
"\n"
"  -l, --layers LAYERS  comma-separated layers (default: all the scheme's)\n"
"  -u, --unit-fields FIELDS  the fields that name a unit (default\n"
"                       review,sentence)\n"
"  -k, --keep-polarity  items keep their polarity: EMP-NEG, not EMP\n"
"  -i, --items          one row per layer and key: does the unit have it?\n"
"  -n, --names NAMES    the raters' names, in the order of the files\n"
"                       (default: each file's base name without extension)\n"
"  -r, --rater F        each row's rater is the value of field F (long\n"
"                       form); the inputs are one stream\n"
"  -g, --gold NAME      each rater against the gold NAME: rater units\n"
"                       accuracy kappa precision recall f1 macro_f1\n"
"      --pairs          one row per pair of raters instead: rater1 rater2\n"
"                       units agree cohen\n"
"      --units          no figures: one row per unit and layer, a column\n"
"                       per rater ('.' where it gave none) and agree\n"
"      --mean           add a row mean (per rater with -g, per pair with\n"
"                       --pairs): the mean over the rows, nan left out\n"
"      --order LIST     the values are ordered: keys (MIN,MAJ) or\n"
"                       polarities (NEG,NEU,POS)\n"
"      --weights linear|quadratic  Cohen's kappas weighted (with --order)\n"
"      --metric ordinal|interval  alpha with that metric (with --order)\n"
"      --ci PCT         a PCT per cent bootstrap interval for each\n"
"                       coefficient: C_lo and C_hi after each column C\n"
"      --boot N         resamples for --ci (default 1000)\n"
"      --seed SEED      the resamples' seed (default 1)\n"
"      --digits N       decimals of shares and coefficients, 0 to 15\n"
"                       (default 3)\n"
"  -x, --confusion LAYER  the confusion table of two raters in LAYER\n"
"  -N, --no-header      the inputs have no header; write none\n"
"      --scheme S       the scheme whose layers are compared: pra, argu,\n"
"                       or a scheme file\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"FIELDS and F are header names or 1-based numbers.  A FILE of - is\n"
"standard input; with -r, no FILE is standard input too.\n"
SCHEME_HELP;

enum {
	OPT_PAIRS = 256, OPT_UNITS, OPT_MEAN, OPT_ORDER,
	OPT_WEIGHTS, OPT_METRIC, OPT_CI, OPT_BOOT, OPT_SEED, OPT_DIGITS
};

static const struct option longopts[] = {
	{ "items",	   no_argument,		NULL, 'i' },
	{ "keep-polarity", no_argument,		NULL, 'k' },
	{ "layers",	   required_argument,	NULL, 'l' },
	{ "unit-fields",   required_argument,	NULL, 'u' },
	{ "names",	   required_argument,	NULL, 'n' },
	{ "rater",	   required_argument,	NULL, 'r' },
	{ "gold",	   required_argument,	NULL, 'g' },
	{ "pairs",	   no_argument,		NULL, OPT_PAIRS },
	{ "units",	   no_argument,		NULL, OPT_UNITS },
	{ "mean",	   no_argument,		NULL, OPT_MEAN },
	{ "order",	   required_argument,	NULL, OPT_ORDER },
	{ "weights",	   required_argument,	NULL, OPT_WEIGHTS },
	{ "metric",	   required_argument,	NULL, OPT_METRIC },
	{ "ci",		   required_argument,	NULL, OPT_CI },
	{ "boot",	   required_argument,	NULL, OPT_BOOT },
	{ "seed",	   required_argument,	NULL, OPT_SEED },
	{ "digits",	   required_argument,	NULL, OPT_DIGITS },
	{ "confusion",	   required_argument,	NULL, 'x' },
	RK_LONGOPTS_COMMON,
};

/* The words an option takes, and what each means. */
struct word {
	const char	*name;
	int		 value;
};

static const struct word weight_words[] = {
	{ "linear",	ORDERED_LINEAR },
	{ "quadratic",	ORDERED_QUADRATIC },
	{ NULL,		0 },
};

static const struct word metric_words[] = {
	{ "ordinal",	ORDERED_ORDINAL },
	{ "interval",	ORDERED_INTERVAL },
	{ NULL,		0 },
};

/* Options that do not go together, each pair's message (a usage error). */
struct conflict {
	bool		 both;
	const char	*msg;
};

static void
usage(void)
{
	rk_usage(usage_text);
}

static int
word(const struct word *w, const char *opt, const char *arg)
{
	char q[MSG_QUOTE_BUFSIZE];

	for (; w->name != NULL; w++)
		if (strcmp(w->name, arg) == 0)
			return w->value;
	errx(2, "%s takes %s or %s, not %s", opt, w[-2].name, w[-1].name,
	    msg_quote(slice_str(arg), q));
}

static long long
number(const char *opt, const char *arg, long long min, long long max)
{
	char q[MSG_QUOTE_BUFSIZE];
	const char *errstr;
	long long n = strtonum(arg, min, max, &errstr);

	if (errstr != NULL)
		errx(2, "%s takes a whole number from %lld to %lld, not %s",
		    opt, min, max, msg_quote(slice_str(arg), q));
	return n;
}

/* --ci's per cent: a number above 0 and below 100, as 95 or 99.9. */
static double
percent(const char *arg)
{
	char q[MSG_QUOTE_BUFSIZE];
	char *end;
	double x;

	errno = 0;
	x = strtod(arg, &end);
	if (end == arg || *end != '\0' || errno != 0 || !(x > 0 && x < 100))
		errx(2, "--ci takes a per cent above 0 and below 100, not "
		    "%s", msg_quote(slice_str(arg), q));
	return x;
}

static void
parse_options(int argc, char *argv[], struct agree_opts *o, bool *ci_only)
{
	int ch;

	while ((ch = rk_getopt(argc, argv, "g:ikl:u:n:r:x:NhV", longopts))
	    != -1) {
		switch (ch) {
		case 'g': o->gold = optarg; break;
		case 'i': o->items = true; break;
		case 'k': o->polarity = true; break;
		case 'l': o->layers = optarg; break;
		case 'u': o->units = optarg; break;
		case 'n': o->names = optarg; break;
		case 'r': o->rater = optarg; break;
		case 'x': o->confusion = optarg; break;
		case 'N': o->noheader = true; break;
		case OPT_PAIRS: o->pairs = true; break;
		case OPT_UNITS: o->byunit = true; break;
		case OPT_MEAN: o->mean = true; break;
		case OPT_ORDER: o->order = optarg; break;
		case OPT_WEIGHTS:
			o->weights = word(weight_words, "--weights", optarg);
			break;
		case OPT_METRIC:
			o->metric = word(metric_words, "--metric", optarg);
			break;
		case OPT_CI: o->ci = percent(optarg); break;
		case OPT_BOOT:
			o->nboot = (size_t)number("--boot", optarg, 1, 1000000);
			*ci_only = true;
			break;
		case OPT_SEED:
			o->seed = (uint64_t)number("--seed", optarg, 0,
			    LLONG_MAX);
			*ci_only = true;
			break;
		case OPT_DIGITS:
			o->digits = (int)number("--digits", optarg, 0, 15);
			break;
		case RK_OPT_SCHEME: o->scheme = optarg; break;
		default: rk_option(ch, help_text, usage_text);
		}
	}
}

static void
check_options(const struct agree_opts *o, int nfiles, bool ci_only)
{
	bool ordered = o->weights != ORDERED_NO_WEIGHTS ||
	    o->metric != ORDERED_NOMINAL;
	bool figures = o->items || o->gold != NULL || o->pairs || o->mean ||
	    o->ci > 0 || o->order != NULL;
	const struct conflict c[] = {
		{ nfiles < 2 && o->rater == NULL,
		    "two rater files or more are needed, one per rater" },
		{ o->rater != NULL && o->names != NULL,
		    "-r names the raters by a field: not with -n" },
		{ o->confusion != NULL && (figures || o->layers != NULL ||
		    o->byunit), "-x writes one table: no -i, -l, -g, --pairs, "
		    "--units, --mean, --order or --ci" },
		{ o->byunit && figures, "--units writes values, not figures: "
		    "no -i, -g, --pairs, --mean, --order or --ci" },
		{ o->gold != NULL && o->pairs,
		    "-g and --pairs write different tables: choose one" },
		{ ordered && o->order == NULL,
		    "--weights and --metric need --order" },
		{ o->items && o->order != NULL,
		    "-i compares keys, not ordered values: no --order" },
		{ ci_only && o->ci == 0, "--boot and --seed need --ci" },
	};
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (c[i].both) {
			warnx("%s", c[i].msg);
			usage();
		}
	if (o->confusion != NULL && o->rater == NULL && nfiles != 2) {
		warnx("-x compares two raters, not %d", nfiles);
		usage();
	}
}

/*
 * The gold's rater among n, -g's NAME; exit 2 when no rater has that
 * name, 1 when it was a file that could not be read.
 */
static size_t
find_gold(char *const *names, size_t n, const char *gold, bool read)
{
	char q[MSG_QUOTE_BUFSIZE];
	size_t r;

	for (r = 0; r < n; r++)
		if (strcmp(names[r], gold) == 0)
			return r;
	msg_quote(slice_str(gold), q);
	if (read)
		errx(1, "-g: the file of rater %s could not be read", q);
	errx(2, "-g names no rater: %s", q);
}

/*
 * --units: a rater named as another column of its output would make
 * rfilter and rcount read the wrong one.
 */
static void
check_columns(const struct ragree *g)
{
	char q[MSG_QUOTE_BUFSIZE];
	size_t r, i;

	for (r = 0; r < g->u.nraters; r++) {
		for (i = 0; i < g->u.spec->nfields; i++)
			if (strcmp(g->names[r], g->unitnames[i]) == 0)
				break;
		if (i < g->u.spec->nfields || strcmp(g->names[r], "layer") == 0 ||
		    strcmp(g->names[r], "agree") == 0)
			errx(2, "--units: rater %s has the name of another "
			    "column; name the raters otherwise",
			    msg_quote(slice_str(g->names[r]), q));
	}
}

int
main(int argc, char *argv[])
{
	static char *stdin_only[] = { "-" };
	struct agree_opts opts;
	struct unit_spec spec;
	struct scheme scheme;
	struct order order;
	struct ragree g;
	struct rows rows;
	struct out o;
	size_t nfiles;
	bool ci_only = false;
	int rval;

	memset(&opts, 0, sizeof(opts));
	opts.units = "review,sentence";
	opts.digits = 3;
	opts.nboot = 1000;
	opts.seed = 1;
	parse_options(argc, argv, &opts, &ci_only);
	argc -= optind;
	argv += optind;
	check_options(&opts, argc, ci_only);
	nfiles = (size_t)argc;

	memset(&g, 0, sizeof(g));
	g.opts = &opts;
	g.inputs = nfiles > 0 ? argv : stdin_only;
	memset(&order, 0, sizeof(order));
	if (opts.order != NULL && order_parse(&order, opts.order) == -1)
		usage();
	opts.places = opts.order != NULL ? &order : NULL;
	memset(&spec, 0, sizeof(spec));
	if ((spec.fields = args_list(opts.units, &spec.nfields, "-u")) == NULL)
		usage();
	if (opts.rater == NULL && args_names(&g, argv, nfiles) == -1)
		usage();
	if (opts.rater == NULL && opts.gold != NULL)
		find_gold(g.names, nfiles, opts.gold, false);
	/* The scheme may come from the first header: the layers after it. */
	raters_scheme(&g, argv, nfiles, &scheme);
	g.scheme = &scheme;
	if (args_layers(&g) == -1)
		usage();
	spec.layers = g.layer;
	spec.nlayers = g.nlayers;
	spec.scheme = &scheme;
	spec.polarity = opts.polarity;

	units_init(&g.u, &spec, opts.rater != NULL ? 2 : nfiles);
	rval = raters_read(&g, argv, nfiles);
	if (opts.confusion != NULL && g.u.nraters != 2)
		errx(2, "-x compares two raters, not %zu", g.u.nraters);
	if (opts.gold != NULL)
		g.gold = find_gold(g.names, g.u.nraters, opts.gold,
		    opts.rater == NULL);
	out_init(&o, STDOUT_FILENO);
	g.o = &o;
	if (opts.byunit) {
		check_columns(&g);
		byunit_write(&g);
	} else {
		rows_build(&rows, &g);
		if (opts.confusion != NULL)
			report_confusion(&g, &rows);
		else {
			rows_figures(&rows, &g);
			report_write(&g, &rows);
		}
		rows_free(&rows, &g);
	}
	out_free(&o);

	raters_free(&g);
	order_free(&order);
	args_list_free(spec.fields);
	scheme_free(&scheme);
	return rval;
}
