/*
 * ragree: agreement between annotators.  Each file is one rater's review
 * TSV; units are matched by the -u fields (lib/units.c), and for each
 * layer a unit's value is the set of its items.  The coefficients
 * (lib/agree.c) are computed at the end from integer counts, over
 * categories in byte order, so the output never depends on hash order.
 */
#include <err.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agree.h"
#include "buf.h"
#include "fields.h"
#include "items.h"
#include "msg.h"
#include "out.h"
#include "rk.h"
#include "scheme.h"
#include "units.h"
#include "xmalloc.h"

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
"items (codes without polarity unless -k), order and repetition ignored.\n"
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
"      --scheme S       the scheme whose layers are compared: pra\n"
"                       (default), argu, or a file; $REVIEWKIT_SCHEME\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"FIELDS are header names or 1-based numbers.  A FILE of - is standard\n"
"input.\n";

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

struct opts {
	bool		 items;		/* -i */
	bool		 polarity;	/* -k */
	bool		 pairs;		/* --pairs */
	bool		 noheader;	/* -N */
	const char	*layers;	/* -l */
	const char	*units;		/* -u */
	const char	*names;		/* -n */
	const char	*confusion;	/* -x */
	const char	*scheme;	/* --scheme */
};

/* The run: what is compared, by whom, and the units read. */
struct ragree {
	const struct opts *opts;
	const struct scheme *scheme;
	int		 layer[SCHEME_LAYERS_MAX];
	size_t		 nlayers;
	char		**names;	/* of the raters, by file */
	bool		 *keep;		/* by file: it could be read */
	char		**words;	/* a list being checked */
	struct buf	  msg;		/* a message being made */
	struct units	 u;
	struct out	*o;
};

static const char *const table_columns[] = {
	"raters", "units", "missing", "agree", "cohen", "fleiss", "alpha",
	"unanimous", "majority", "split",
};

static const char *const pair_columns[] = {
	"rater1", "rater2", "units", "agree", "cohen",
};

static void
usage(void)
{
	fputs(usage_text, stderr);
	exit(2);
}

static void
parse_options(int argc, char *argv[], struct opts *o)
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
check_options(const struct opts *o, int nfiles)
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

/*
 * The number of words of a comma list; an empty one is a usage error,
 * found before anything is allocated.
 */
static size_t
list_count(const char *arg, const char *what)
{
	size_t n = 1, i;

	for (i = 0; arg[i] != '\0'; i++)
		n += arg[i] == ',';
	if (arg[0] == '\0' || arg[0] == ',' || arg[i - 1] == ',' ||
	    strstr(arg, ",,") != NULL) {
		warnx("empty name in %s '%s'", what, arg);
		usage();
	}
	return n;
}

/* Splits a comma list into its words, checked by list_count. */
static char **
split_list(const char *arg, size_t *n, const char *what)
{
	char *p, **w;
	size_t i;

	*n = list_count(arg, what);
	w = xreallocarray(NULL, *n, sizeof(*w));
	p = xstrdup(arg);
	for (i = 0; i < *n; i++)
		w[i] = strsep(&p, ",");
	return w;
}

static void
free_list(char **w)
{
	if (w == NULL)
		return;
	free(w[0]);
	free(w);
}

/* An unknown layer: say which the scheme has, and exit 2. */
static void
unknown_layer(const struct scheme *s, const char *name)
{
	char q[QUOTE_BUFSIZE];
	struct slice n = { name, strlen(name) };
	int l;

	struct slice ln;

	warnx("unknown layer %s", msg_quote(n, q));
	fprintf(stderr, "%s: the layers are:", getprogname());
	for (l = 0; l < s->nlayers; l++) {
		ln.p = s->layers[l].name;
		ln.n = s->layers[l].namelen;
		fprintf(stderr, " %s", msg_clip(ln, q));
	}
	fputc('\n', stderr);
	usage();
}

static int
find_layer(const struct scheme *s, const char *name)
{
	struct slice n = { name, strlen(name) };
	int l;

	if ((l = scheme_layer(s, n)) == -1)
		unknown_layer(s, name);
	return l;
}

/* -x's layer, -l's in their order (each once), or all the scheme's. */
static void
choose_layers(struct ragree *g)
{
	const struct opts *o = g->opts;
	char **w;
	size_t n, i, j;

	if (o->confusion != NULL) {
		g->layer[0] = find_layer(g->scheme, o->confusion);
		g->nlayers = 1;
		return;
	}
	if (o->layers == NULL) {
		for (g->nlayers = 0; g->nlayers < (size_t)g->scheme->nlayers;
		    g->nlayers++)
			g->layer[g->nlayers] = (int)g->nlayers;
		return;
	}
	w = g->words = split_list(o->layers, &n, "-l");
	for (i = 0; i < n; i++) {
		g->layer[i] = find_layer(g->scheme, w[i]);
		for (j = 0; j < i; j++)
			if (g->layer[j] == g->layer[i]) {
				warnx("layer '%s' given twice", w[i]);
				usage();
			}
	}
	g->nlayers = n;
	free_list(w);
	g->words = NULL;
}

/* A file's base name without its extension: "human" for "a/human.tsv". */
static char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/'), *dot;
	char *name;

	b = b != NULL && b[1] != '\0' ? b + 1 : path;
	dot = strrchr(b, '.');
	if (dot == NULL || dot == b)
		return xstrdup(b);
	name = xmemdup(b, (size_t)(dot - b + 1));
	name[dot - b] = '\0';
	return name;
}

/*
 * -n's names or the base names; two raters may not share one.  They go
 * to g at once, so that a usage error's exit leaves nothing unreachable.
 */
static void
rater_names(struct ragree *g, char **files, size_t nfiles)
{
	const char *arg = g->opts->names;
	char **w;
	size_t n, i, j;

	if (arg != NULL && (n = list_count(arg, "-n")) != nfiles) {
		warnx("-n names %zu raters, but %zu files are given", n,
		    nfiles);
		usage();
	}
	g->names = xcalloc(nfiles, sizeof(*g->names));
	if (arg != NULL) {
		w = g->words = split_list(arg, &n, "-n");
		for (i = 0; i < n; i++)
			g->names[i] = xstrdup(w[i]);
		free_list(w);
		g->words = NULL;
	} else
		for (i = 0; i < nfiles; i++)
			g->names[i] = base_name(files[i]);
	for (i = 0; i < nfiles; i++)
		for (j = 0; j < i; j++)
			if (strcmp(g->names[i], g->names[j]) == 0) {
				warnx("raters %zu and %zu are both named '%s'; "
				    "name them with -n", j + 1, i + 1,
				    g->names[i]);
				usage();
			}
}

/* The fields of a header, for the message of a missing one. */
static void
list_fields(const struct tsv_in *in)
{
	char q[QUOTE_BUFSIZE];
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
	char q[QUOTE_BUFSIZE];
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
fault(struct ragree *g, const struct tsv_in *in, const struct units_fault *e)
{
	char q[QUOTE_BUFSIZE];

	switch (e->kind) {
	case UNITS_NO_FIELD:
	case UNITS_NO_LAYER:
		warnx("%s: the header has no field %s'%s'", e->file,
		    e->kind == UNITS_NO_LAYER ? "for the layer " : "",
		    e->ref);
		list_fields(in);
		exit(2);
	case UNITS_SHORT_ROW:
		if (e->field <= in->nnames)
			die_at(1, e->file, e->line, "row has no field %zu (%s)",
			    e->field, msg_clip(in->names[e->field - 1], q));
		die_at(1, e->file, e->line, "row has no field %zu", e->field);
	case UNITS_TWICE:
		describe_unit(g->u.spec, e->unit, &g->msg);
		die_at(1, e->file, e->line, "unit %s given again; first at "
		    "%s:%lu", g->msg.p, e->file, e->first);
	case UNITS_TOO_MANY:
	default:
		die_at(1, e->file, e->line, "more units or values than ragree "
		    "can count");
	}
}

/*
 * Reads each rater's file.  An unreadable one is reported (by input.c)
 * and left out, as SPEC 2.1 has it; returns 1 then, else 0.
 */
static int
read_raters(struct ragree *g, char **files, size_t nfiles)
{
	struct units_fault e;
	struct tsv_in in;
	bool *keep;
	size_t r, k, nkept = 0;
	int rval = 0;

	/* Kept in g, so that a fault's exit leaves nothing unreachable. */
	keep = g->keep = xcalloc(nfiles, sizeof(*keep));
	for (r = 0; r < nfiles; r++) {
		tsvin_init(&in, files + r, 1, g->opts->noheader, g->scheme);
		tsvin_header(&in);
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

/* Three decimals, or nan; never -0.000. */
static void
put_num(struct out *o, double x)
{
	char s[64];

	if (isnan(x)) {
		out_str(o, "nan");
		return;
	}
	snprintf(s, sizeof(s), "%.3f", x);
	out_str(o, strcmp(s, "-0.000") == 0 ? "0.000" : s);
}

static void
put_tab_ulong(struct out *o, unsigned long long n)
{
	out_char(o, '\t');
	out_ulong(o, n);
}

static void
put_tab_num(struct out *o, double x)
{
	out_char(o, '\t');
	put_num(o, x);
}

static void
put_header(const struct ragree *g, const char *const *cols, size_t ncols)
{
	size_t i;

	if (g->opts->noheader)
		return;
	out_str(g->o, g->opts->items ? "layer\tkey" : "layer");
	for (i = 0; i < ncols; i++) {
		out_char(g->o, '\t');
		out_str(g->o, cols[i]);
	}
	out_char(g->o, '\n');
}

/* The first columns of a row: the layer, and with -i the key. */
static void
put_what(const struct ragree *g, size_t l, const struct slice *key)
{
	out_str(g->o, g->scheme->layers[g->layer[l]].name);
	if (key != NULL) {
		out_char(g->o, '\t');
		out_write(g->o, key->p, key->n);
	}
}

static void
put_name(struct out *o, const char *name)
{
	tsv_put_escaped(o, name, strlen(name));
}

static void
put_table_row(struct ragree *g, size_t l, const struct slice *key,
    const struct ratings *R)
{
	struct agreement a;
	struct out *o = g->o;

	agree_all(R, &a);
	put_what(g, l, key);
	put_tab_ulong(o, R->nraters);
	put_tab_ulong(o, a.units);
	put_tab_ulong(o, a.missing);
	put_tab_num(o, a.agree);
	put_tab_num(o, a.cohen);
	put_tab_num(o, a.fleiss);
	put_tab_num(o, a.alpha);
	put_tab_ulong(o, a.unanimous);
	put_tab_ulong(o, a.majority);
	put_tab_ulong(o, a.split);
	out_char(o, '\n');
}

/* --pairs: each pair of raters over the units both gave. */
static void
put_pair_rows(struct ragree *g, size_t l, const struct slice *key,
    const struct ratings *R)
{
	struct pair_agreement p;
	struct out *o = g->o;
	size_t a, b;

	for (a = 0; a < R->nraters; a++)
		for (b = a + 1; b < R->nraters; b++) {
			agree_pair(R, a, b, false, &p);
			put_what(g, l, key);
			out_char(o, '\t');
			put_name(o, g->names[a]);
			out_char(o, '\t');
			put_name(o, g->names[b]);
			put_tab_ulong(o, p.units);
			put_tab_num(o, p.agree);
			put_tab_num(o, p.cohen);
			out_char(o, '\n');
		}
}

static void
put_rows(struct ragree *g, size_t l, const struct slice *key,
    const struct ratings *R)
{
	if (g->opts->pairs)
		put_pair_rows(g, l, key, R);
	else
		put_table_row(g, l, key, R);
}

/* -i: per key, the classes are 0 (the set lacks it) and 1 (has it). */
static void
put_keys(struct ragree *g, size_t l, size_t ncats)
{
	struct unit_keys k;
	struct ratings R;
	struct slice key;
	uint32_t *has = xcalloc(ncats, sizeof(*has));
	size_t i, j;

	units_keys(&g->u, l, &k);
	for (i = 0; i < k.n; i++) {
		for (j = k.start[i]; j < k.start[i + 1]; j++)
			has[k.cats[j]] = 1;
		key = hash_key(&k.h, k.order[i]);
		units_ratings(&g->u, l, has, 2, &R);
		put_rows(g, l, &key, &R);
		for (j = k.start[i]; j < k.start[i + 1]; j++)
			has[k.cats[j]] = 0;
	}
	units_keys_free(&k);
	free(has);
}

static void
put_agreement(struct ragree *g)
{
	struct ratings R;
	uint32_t *order, *rank;
	size_t l, n;

	if (g->opts->pairs)
		put_header(g, pair_columns,
		    sizeof(pair_columns) / sizeof(pair_columns[0]));
	else
		put_header(g, table_columns,
		    sizeof(table_columns) / sizeof(table_columns[0]));
	for (l = 0; l < g->nlayers; l++) {
		n = units_sorted(&g->u, l, &order, &rank);
		if (g->opts->items)
			put_keys(g, l, n);
		else {
			units_ratings(&g->u, l, rank, n, &R);
			put_rows(g, l, NULL, &R);
		}
		free(order);
		free(rank);
	}
}

/*
 * -x: rows the first rater's values, columns the second's, over the
 * units both gave, both in byte order of the sets and each value either
 * rater gave on them, so that the diagonal is agreement.  The first cell
 * names the first rater, as rcount -x's names the rows' field; the line
 * is written even with -N, since it names the columns.
 */
static void
put_confusion(struct ragree *g)
{
	struct agree_cell *c;
	struct ratings R;
	struct out *o = g->o;
	uint32_t *order, *rank;
	bool *used;
	size_t n, ncells, i, j, k;
	struct slice v;

	n = units_sorted(&g->u, 0, &order, &rank);
	units_ratings(&g->u, 0, rank, n, &R);
	ncells = agree_confusion(&R, 0, 1, &c);
	used = xcalloc(n, sizeof(*used));
	for (k = 0; k < ncells; k++)
		used[c[k].a] = used[c[k].b] = true;
	put_name(o, g->names[0]);
	for (j = 0; j < n; j++)
		if (used[j]) {
			v = units_category(&g->u, 0, order[j]);
			out_char(o, '\t');
			out_write(o, v.p, v.n);
		}
	out_char(o, '\n');
	for (i = 0, k = 0; i < n; i++) {
		if (!used[i])
			continue;
		v = units_category(&g->u, 0, order[i]);
		out_write(o, v.p, v.n);
		for (j = 0; j < n; j++) {
			if (!used[j])
				continue;
			if (k < ncells && c[k].a == i && c[k].b == j)
				put_tab_ulong(o, c[k++].n);
			else
				put_tab_ulong(o, 0);
		}
		out_char(o, '\n');
	}
	free(used);
	free(c);
	free(order);
	free(rank);
}

int
main(int argc, char *argv[])
{
	struct opts opts = { false, false, false, false, NULL,
	    "review,sentence", NULL, NULL, NULL };
	struct unit_spec spec;
	struct scheme scheme;
	struct ragree g;
	struct out o;
	size_t i, nfiles;
	int rval;

	parse_options(argc, argv, &opts);
	argc -= optind;
	argv += optind;
	check_options(&opts, argc);
	nfiles = (size_t)argc;

	memset(&g, 0, sizeof(g));
	g.opts = &opts;
	scheme_in_effect(&scheme, opts.scheme);
	g.scheme = &scheme;
	choose_layers(&g);
	memset(&spec, 0, sizeof(spec));
	spec.fields = split_list(opts.units, &spec.nfields, "-u");
	spec.layers = g.layer;
	spec.nlayers = g.nlayers;
	spec.scheme = &scheme;
	spec.polarity = opts.polarity;
	rater_names(&g, argv, nfiles);

	units_init(&g.u, &spec, nfiles);
	rval = read_raters(&g, argv, nfiles);
	out_init(&o, STDOUT_FILENO);
	g.o = &o;
	if (opts.confusion != NULL)
		put_confusion(&g);
	else
		put_agreement(&g);
	out_free(&o);

	for (i = 0; i < g.u.nraters; i++)
		free(g.names[i]);
	free(g.names);
	free(g.keep);
	units_free(&g.u);
	free_list(spec.fields);
	scheme_free(&scheme);
	return rval;
}
