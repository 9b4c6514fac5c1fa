/*
 * rfilter: writes the header and the rows of review TSV for which the
 * expressions hold, unchanged.
 */
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filter/expr.h"
#include "filter/exprcheck.h"
#include "msg.h"
#include "out.h"
#include "rk.h"
#include "scheme.h"
#include "tsv.h"
#include "tsvin.h"
#include "xmalloc.h"

static const char usage_text[] =
"usage: rfilter [-iNov] [-e EXPR] [--scheme S] [EXPR...] [--] [FILE...]\n";

static const char help_text[] =
"usage: rfilter [-iNov] [-e EXPR] [--scheme S] [EXPR...] [--] [FILE...]\n"
"Write the header and the rows of review TSV for which the expressions\n"
"hold, unchanged.\n"
"\n"
"  F=V     F equals V, a glob; V may be a comma list meaning any of them\n"
"  F!=V    not F=V\n"
"  F~RE    the extended regular expression RE matches F\n"
"  F!~RE   RE does not match F\n"
"  F<N  F<=N  F>N  F>=N\n"
"          F is a number and compares so\n"
"For the label fields, the layers of the scheme (section, aspect,\n"
"function and severity by default), = tests each item:\n"
"aspect=EMP holds for EMP-NEU (the code alone ignores polarity),\n"
"aspect=EMP-NEG needs that item, aspect=*-NEG any negative item,\n"
"aspect= an empty list; a '-' in [...] is a range (section=[L-N]ET).\n"
"Patterns match characters of UTF-8 whatever the locale: ?, . and [...]\n"
"match one.  F is a header name or a 1-based number.  A value the scheme\n"
"cannot hold in a label field (severity=MJA) is warned about.\n"
"\n"
"  -o, --or           the expressions are ORed (default: ANDed)\n"
"  -v, --invert       write the rows for which they do not hold\n"
"  -i, --ignore-case  compare letters without regard to case\n"
"  -e, --expr EXPR    EXPR is an expression, whatever it looks like\n"
"  -N, --no-header    the input has no header; write none\n"
"      --scheme S     the scheme whose layers are the label fields: pra,\n"
"                     argu, or a scheme file\n"
"  -h, --help         print this help and exit\n"
"  -V, --version      print the version and exit\n"
"\n"
"Leading arguments that look like expressions are expressions; the first\n"
"that does not, or any after --, is the first FILE.  With no FILE, or\n"
"when FILE is -, read standard input.\n"
SCHEME_HELP;

static const struct option longopts[] = {
	{ "or",		 no_argument,		NULL, 'o' },
	{ "invert",	 no_argument,		NULL, 'v' },
	{ "ignore-case", no_argument,		NULL, 'i' },
	{ "expr",	 required_argument,	NULL, 'e' },
	RK_LONGOPTS_COMMON,
};

struct opts {
	bool	any;		/* -o */
	bool	invert;		/* -v */
	bool	noheader;	/* -N */
	int	flags;		/* -i: EXPR_ICASE */
	const char *scheme;	/* --scheme */
};

/* The operands, sorted into expression texts and files in argv order. */
struct args {
	char	**texts;
	size_t	  ntexts;
	char	**files;
	size_t	  nfiles;
};

static void
usage(void)
{
	rk_usage(usage_text);
}

static void
option(int ch, struct opts *opts, struct args *a)
{
	switch (ch) {
	case 'o':
		opts->any = true;
		break;
	case 'v':
		opts->invert = true;
		break;
	case 'i':
		opts->flags |= EXPR_ICASE;
		break;
	case 'e':
		a->texts[a->ntexts++] = optarg;
		break;
	case 'N':
		opts->noheader = true;
		break;
	case RK_OPT_SCHEME:
		opts->scheme = optarg;
		break;
	default:
		rk_option(ch, help_text, usage_text);
	}
}

/*
 * getopt stops at each operand ("+"), so that an operand's place tells
 * what it is: before the first file, one that looks like an expression is
 * one.  Options may still follow operands, as with GNU tools; "--" ends
 * both options and expressions.
 */
static void
parse_args(int argc, char *argv[], struct opts *opts, struct args *a)
{
	char *arg;
	int ch;

	a->texts = xreallocarray(NULL, (size_t)argc, sizeof(*a->texts));
	a->files = xreallocarray(NULL, (size_t)argc, sizeof(*a->files));
	for (;;) {
		while ((ch = rk_getopt(argc, argv, "+e:hiNovV", longopts))
		    != -1)
			option(ch, opts, a);
		if (optind >= argc)
			return;
		if (strcmp(argv[optind - 1], "--") == 0)
			break;
		arg = argv[optind++];
		if (a->nfiles == 0 && expr_like(arg))
			a->texts[a->ntexts++] = arg;
		else
			a->files[a->nfiles++] = arg;
	}
	while (optind < argc)
		a->files[a->nfiles++] = argv[optind++];
}

/*
 * Shows where a bad expression went wrong, and exits 2.  The caret
 * stands under the character at er->col as the text is shown, escapes
 * and all, counting a UTF-8 character as one column; when the text is
 * too long to show up to there, it is shown without a caret.
 */
static void
bad_expr(const char *text, const struct expr_error *er)
{
	char shown[MSG_NAME_BUFSIZE], before[MSG_NAME_MAX + 1];
	size_t n = er->col - 1, width = 0;
	const char *p;

	warnx("bad expression at column %zu: %s", er->col, er->msg);
	fprintf(stderr, "  %s\n", msg_name(text, shown));
	if (n <= MSG_NAME_MAX && n <= strlen(text)) {
		memcpy(before, text, n);
		before[n] = '\0';
		for (p = msg_name(before, shown); *p != '\0'; p++)
			width += ((unsigned char)*p & 0xc0) != 0x80;
		fprintf(stderr, "  %*s^\n", (int)width, "");
	}
	exit(2);
}

/* Whether s begins, or ends, with a character of an operator. */
static bool
op_char(char c)
{
	return c != '\0' && strchr("=!~<>", c) != NULL;
}

static bool
ends_in_op(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && op_char(s[n - 1]);
}

/*
 * No operand was taken for an expression.  The two ways this happens to
 * people are "rfilter severity = MAJ" (the shell makes three words of
 * it) and "rfilter reviews.tsv severity=MAJ" (a file first): say which.
 */
static void
no_expression(struct args *a)
{
	char q[3][MSG_QUOTE_BUFSIZE], name[MSG_NAME_BUFSIZE];
	const char *f0, *f1, *f2;
	size_t i;

	for (i = 0; i + 1 < a->nfiles; i++) {
		if (!ends_in_op(a->files[i]) && !op_char(a->files[i + 1][0]))
			continue;
		f0 = msg_clip(slice_str(a->files[i]), q[0]);
		f1 = msg_clip(slice_str(a->files[i + 1]), q[1]);
		if (ends_in_op(a->files[i + 1]) && i + 2 < a->nfiles) {
			f2 = msg_clip(slice_str(a->files[i + 2]), q[2]);
			warnx("no expression given: write '%s %s %s' without "
			    "spaces, as %s%s%s", f0, f1, f2, f0, f1, f2);
		} else
			warnx("no expression given: write '%s %s' without "
			    "spaces, as %s%s", f0, f1, f0, f1);
		goto out;
	}
	for (i = 1; i < a->nfiles; i++)
		if (expr_like(a->files[i])) {
			warnx("no expression given: expressions come before "
			    "files, and %s follows the file %s",
			    msg_quote(slice_str(a->files[i]), q[0]),
			    msg_name(a->files[0], name));
			goto out;
		}
	if (a->nfiles > 0 && access(a->files[0], F_OK) == -1 &&
	    strcmp(a->files[0], "-") != 0) {
		warnx("no expression given: %s has no operator (= != ~ !~ < "
		    "<= > >=) and is no file",
		    msg_quote(slice_str(a->files[0]), q[0]));
		goto out;
	}
	warnx("no expression given");
out:
	free(a->texts);
	free(a->files);
	usage();
}

static struct expr *
compile(const struct args *a, int flags)
{
	struct expr_error er;
	struct expr *ex;
	size_t i;

	ex = xreallocarray(NULL, a->ntexts, sizeof(*ex));
	for (i = 0; i < a->ntexts; i++)
		if (expr_parse(&ex[i], a->texts[i], flags, &er) == -1)
			bad_expr(a->texts[i], &er);
	return ex;
}

/*
 * Resolves each expression's field, and checks what it asks of a label
 * field against the scheme; returns how many fields rows need.
 */
static size_t
bind(struct expr *ex, char **texts, size_t n, struct tsvin *in)
{
	size_t i, col;
	int layer;

	for (i = 0; i < n; i++) {
		col = tsvin_bind(in, ex[i].field, &layer);
		expr_bind(&ex[i], col, layer >= 0);
		if (layer >= 0)
			exprcheck(&ex[i], texts[i], in->scheme, layer);
	}
	return in->need;
}

/* Whether all expressions hold, or with -o any. */
static bool
holds(struct expr *ex, size_t n, const struct slice *f, bool any)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (expr_match(&ex[i], f[ex[i].col]) == any)
			return any;
	return !any;
}

/* Rows are split only as far as the last field an expression needs. */
static void
filter(struct tsvin *in, struct out *o, struct expr *ex,
    const struct args *a, const struct opts *opts)
{
	struct slice row;
	size_t n = a->ntexts;

	bind(ex, a->texts, n, in);
	if (in->have_header && !opts->noheader) {
		out_write(o, in->header, in->header_len);
		out_char(o, '\n');
	}
	while (tsvin_next(in, &row))
		if (holds(ex, n, tsvin_fields(in), opts->any) !=
		    opts->invert) {
			out_write(o, row.p, row.n);
			out_char(o, '\n');
		}
}

int
main(int argc, char *argv[])
{
	struct opts opts = { false, false, false, 0, NULL };
	struct scheme scheme;
	struct args a = { NULL, 0, NULL, 0 };
	struct tsvin in;
	struct expr *ex;
	struct out o;
	size_t i;
	int rval;

	parse_args(argc, argv, &opts, &a);
	if (a.ntexts == 0)
		no_expression(&a);
	ex = compile(&a, opts.flags);

	tsvin_start(&in, a.files, a.nfiles, opts.noheader, &scheme, opts.scheme);
	out_init(&o, STDOUT_FILENO);
	filter(&in, &o, ex, &a, &opts);
	out_free(&o);
	rval = in.status;

	for (i = 0; i < a.ntexts; i++)
		expr_free(&ex[i]);
	free(ex);
	tsvin_free(&in);
	scheme_free(&scheme);
	free(a.texts);
	free(a.files);
	return rval;
}
