/*
 * rcount: counts the rows of review TSV by the values of fields.  One
 * pass adds each row's keys to a tally (lib/count/count.c); the output, a list
 * or with -x a table (lib/count/crosstab.c), is sorted at the end, so it never
 * depends on hash order.  Memory grows with the number of distinct keys.
 */
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "count/count.h"
#include "count/crosstab.h"
#include "msg.h"
#include "out.h"
#include "rk.h"
#include "scheme.h"
#include "tsvin.h"
#include "xmalloc.h"

static const char usage_text[] =
"usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS\n"
"              [FILE...]\n";

static const char help_text[] =
"usage: rcount [-bkNptx] [-d F] [-s count|key] [-w F] [--scheme S] FIELDS\n"
"              [FILE...]\n"
"Count the rows of review TSV by the values of FIELDS, a comma-separated\n"
"list (aspect or aspect,severity).  Output: the fields, then count,\n"
"by count descending, ties by key in byte order.\n"
"\n"
"Label fields (the layers of the scheme; section, aspect, function and\n"
"severity under pra) count per item, by code without polarity (with it\n"
"in a layer of one code, as every argu layer is); several label fields\n"
"count every combination (at most 100000 distinct keys a row); a row\n"
"counts at most once for a key and an empty list adds nothing.  The rows\n"
"counted are the rows that added a key.\n"
"\n"
"  -k, --keep-polarity  keys keep the polarity: EMP-NEG, not EMP\n"
"  -p, --percent        add percent, the share of the rows counted\n"
"                       (with -x: of the line's rows counted)\n"
"  -t, --total          add a total row, the rows counted (and a column\n"
"                       with -x)\n"
"  -x, --crosstab       two fields as a table: a row per value of the\n"
"                       first, a column per value of the second (at\n"
"                       most 10000000 cells)\n"
"  -b, --bar            add a bar scaled to the largest count\n"
"  -d, --distinct F     count distinct values of F per key, not rows\n"
"  -w, --weight F       add F's integer value instead of 1; with -p or\n"
"                       -t, an input's last row 'total' is its total,\n"
"                       which counts by item need; -x -w total adds up\n"
"                       tables that rcount -x -t wrote; counts written\n"
"                       with -k merge with -k\n"
"  -s, --sort count|key sort by count (default) or by key, numbers in\n"
"                       keys by value (2 before 10)\n"
"  -N, --no-header      the input has no header; write none\n"
"      --scheme S       the scheme whose layers are the label fields: pra,\n"
"                       argu, or a scheme file\n"
"  -h, --help           print this help and exit\n"
"  -V, --version        print the version and exit\n"
"\n"
"F is a header name or a 1-based number.  With no FILE, or when FILE is\n"
"-, read standard input.\n"
SCHEME_HELP;

static const struct option longopts[] = {
	{ "keep-polarity", no_argument,		NULL, 'k' },
	{ "percent",	   no_argument,		NULL, 'p' },
	{ "total",	   no_argument,		NULL, 't' },
	{ "crosstab",	   no_argument,		NULL, 'x' },
	{ "bar",	   no_argument,		NULL, 'b' },
	{ "distinct",	   required_argument,	NULL, 'd' },
	{ "weight",	   required_argument,	NULL, 'w' },
	{ "sort",	   required_argument,	NULL, 's' },
	RK_LONGOPTS_COMMON,
};

static const struct sort {
	const char	*name;
	enum count_sort	 sort;
} sorts[] = {
	{ "count",	COUNT_BY_COUNT },
	{ "key",	COUNT_BY_KEY },
};

struct opts {
	struct count_opts count;	/* -bkNpstx */
	const char	*distinct;	/* -d */
	const char	*weight;	/* -w */
	const char	*scheme;	/* --scheme */
};

static void
usage(void)
{
	rk_usage(usage_text);
}

static enum count_sort
find_sort(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(sorts) / sizeof(sorts[0]); i++)
		if (strcmp(name, sorts[i].name) == 0)
			return sorts[i].sort;
	char q[MSG_QUOTE_BUFSIZE];

	errx(2, "-s takes count or key, not %s", msg_quote(slice_str(name), q));
}

static void
parse_options(int argc, char *argv[], struct opts *o)
{
	struct count_opts *c = &o->count;
	int ch;

	while ((ch = rk_getopt(argc, argv, "bd:hkNps:tVw:x", longopts))
	    != -1) {
		switch (ch) {
		case 'b': c->bar = true; break;
		case 'd': o->distinct = optarg; break;
		case 'k': c->polarity = true; break;
		case 'N': c->noheader = true; break;
		case 'p': c->percent = true; break;
		case 's': c->sort = find_sort(optarg); break;
		case 't': c->total = true; break;
		case 'w': o->weight = optarg; break;
		case 'x': c->crosstab = true; break;
		case RK_OPT_SCHEME: o->scheme = optarg; break;
		default: rk_option(ch, help_text, usage_text);
		}
	}
}

/* Splits FIELDS at its commas into names; an empty one is an error. */
static char **
split_fields(const char *arg, size_t *n)
{
	char *copy = xstrdup(arg), *p = copy, **names;
	char q[MSG_QUOTE_BUFSIZE];
	size_t i;

	for (*n = 1; *p != '\0'; p++)
		*n += *p == ',';
	names = xreallocarray(NULL, *n, sizeof(*names));
	for (i = 0, p = copy; i < *n; i++) {
		names[i] = strsep(&p, ",");
		if (names[i][0] == '\0')
			errx(2, "empty field name in FIELDS %s",
			    msg_quote(slice_str(arg), q));
	}
	return names;
}

/* Before FIELDS is split, so that nothing is left allocated at exit. */
static void
check_options(const struct opts *o, const char *fields)
{
	size_t nkeys = 1;

	for (; *fields != '\0'; fields++)
		nkeys += *fields == ',';
	if (o->count.crosstab && nkeys != 2)
		errx(2, "-x needs two fields, not %zu", nkeys);
	if (o->count.crosstab && o->count.bar)
		errx(2, "-x cannot be combined with -b");
	if (o->distinct != NULL && o->weight != NULL)
		errx(2, "-d and -w cannot be combined");
}

/*
 * "rcount aspect severity" meant "aspect,severity": when an operand that
 * is no file is a field name, say so rather than "No such file".
 */
static void
field_hint(const char *fields, char **files, size_t nfiles,
    const char *scheme_arg)
{
	char q[3][MSG_QUOTE_BUFSIZE];
	size_t i;

	for (i = 0; i < nfiles; i++)
		if (access(files[i], F_OK) == -1 &&
		    scheme_names_column(scheme_arg, files[i]))
			errx(2, "%s is a field, not a file; to count by "
			    "several fields write '%s,%s'",
			    msg_quote(slice_str(files[i]), q[0]),
			    msg_clip(slice_str(fields), q[1]),
			    msg_clip(slice_str(files[i]), q[2]));
}

int
main(int argc, char *argv[])
{
	struct opts opts = { { false, false, false, false, false, false,
	    COUNT_BY_COUNT }, NULL, NULL, NULL };
	struct scheme scheme;
	struct tsvin in;
	struct count c;
	struct out o;
	const char *why;
	char **names;
	size_t nkeys;
	int rval;

	parse_options(argc, argv, &opts);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		warnx("no FIELDS given");
		usage();
	}
	check_options(&opts, argv[0]);
	field_hint(argv[0], argv + 1, (size_t)argc - 1, opts.scheme);
	names = split_fields(argv[0], &nkeys);

	tsvin_start(&in, argv + 1, (size_t)argc - 1, opts.count.noheader,
	    &scheme, opts.scheme);
	count_init(&c, &opts.count, &in, names, nkeys, opts.distinct,
	    opts.weight);
	if ((why = count_refusal(&c)) != NULL)
		errx(2, "%s", why);
	out_init(&o, STDOUT_FILENO);
	count_read(&c, &in);
	if (opts.count.crosstab)
		crosstab_write(&c, &o, &in);
	else
		count_write(&c, &o, &in);
	out_free(&o);
	rval = in.status;

	count_free(&c);
	tsvin_free(&in);
	scheme_free(&scheme);
	free(names[0]);
	free(names);
	return rval;
}
