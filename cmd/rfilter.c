/*
 * rfilter: writes the header and the rows of review TSV for which the
 * expressions hold, unchanged.
 */
#include <ctype.h>
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expr.h"
#include "fields.h"
#include "items.h"
#include "msg.h"
#include "scheme.h"
#include "out.h"
#include "rk.h"
#include "tsv.h"
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
"aspect= an empty list.  F is a header name or a 1-based number.  A value\n"
"the scheme cannot hold in a label field (severity=MJA) is warned about.\n"
"\n"
"  -o, --or           the expressions are ORed (default: ANDed)\n"
"  -v, --invert       write the rows for which they do not hold\n"
"  -i, --ignore-case  compare letters without regard to case\n"
"  -e, --expr EXPR    EXPR is an expression, whatever it looks like\n"
"  -N, --no-header    the input has no header; write none\n"
"      --scheme S     the scheme whose layers are the label fields: pra\n"
"                     (default), argu, or a file; $REVIEWKIT_SCHEME\n"
"  -h, --help         print this help and exit\n"
"  -V, --version      print the version and exit\n"
"\n"
"Leading arguments that look like expressions are expressions; the first\n"
"that does not, or any after --, is the first FILE.  With no FILE, or\n"
"when FILE is -, read standard input.\n";

enum { OPT_SCHEME = 256 };

static const struct option longopts[] = {
	{ "or",		 no_argument,		NULL, 'o' },
	{ "invert",	 no_argument,		NULL, 'v' },
	{ "ignore-case", no_argument,		NULL, 'i' },
	{ "expr",	 required_argument,	NULL, 'e' },
	{ "no-header",	 no_argument,		NULL, 'N' },
	{ "scheme",	 required_argument,	NULL, OPT_SCHEME },
	{ "help",	 no_argument,		NULL, 'h' },
	{ "version",	 no_argument,		NULL, 'V' },
	{ NULL,		 0,			NULL, 0 },
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

static void	check_expr(const struct expr *, const char *,
		    const struct scheme *, int);
static void	check_item(const struct expr *, const char *,
		    const struct scheme *, int, struct slice);
static bool	nearest(const struct scheme *, int, struct slice, char *,
		    size_t);
static size_t	distance(struct slice, const char *);

static void
usage(void)
{
	fputs(usage_text, stderr);
	exit(2);
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
	case OPT_SCHEME:
		opts->scheme = optarg;
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
		while ((ch = getopt_long(argc, argv, "+e:hiNovV", longopts,
		    NULL)) != -1)
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
 * The scheme in effect tells which values a label field can hold, so a
 * value it cannot hold (severity=MJA, severity=maj, aspect=EMP_NEG,
 * aspect==EMP) would match no row and say nothing: each plain
 * alternative is checked, and one the scheme cannot hold is warned
 * about, with the closest value it can.  The expression keeps its
 * meaning: rows are compared as written, since TSV from elsewhere may
 * hold such values (rtags --check reports them).  Globs are not checked.
 */
static void
check_expr(const struct expr *e, const char *text, const struct scheme *s,
    int layer)
{
	size_t i;

	if (e->kind == EXPR_NUM) {
		warnx("%s: %s is a label field, a list of codes, never a "
		    "number", text, e->field);
		return;
	}
	if (e->kind != EXPR_EQ)
		return;
	for (i = 0; i < e->nalts; i++)
		if (!e->alts[i].glob && e->alts[i].len > 0)
			check_item(e, text, s, layer, (struct slice){
			    e->alts[i].pat, e->alts[i].len });
}

/* Whether layer may hold item as rfilter compares it (-i: any case). */
static bool
holdable(const struct scheme *s, int layer, struct slice item, int flags)
{
	char up[256];
	size_t i;

	if (flags & EXPR_ICASE) {
		if (item.n > sizeof(up))
			return false;
		for (i = 0; i < item.n; i++)
			up[i] = (char)toupper((unsigned char)item.p[i]);
		item.p = up;
	}
	switch (scheme_check(s, layer, items_tag(item))) {
	case TAG_OK:
	case TAG_MISSING_POL:		/* the code alone ignores polarity */
		return true;
	default:
		return false;
	}
}

static void
check_item(const struct expr *e, const char *text, const struct scheme *s,
    int layer, struct slice item)
{
	char q2[QUOTE_BUFSIZE], lq[QUOTE_BUFSIZE];
	struct slice lname = { s->layers[layer].name, s->layers[layer].namelen };
	struct tag t = items_tag(item);
	const char *what = t.has_pol || memchr(item.p, '_', item.n) != NULL ?
	    "item" : "code";
	char near[256];
	int home;

	if (holdable(s, layer, item, e->flags))
		return;
	msg_clip(lname, lq);
	if (item.p[0] == '=' && holdable(s, layer, (struct slice){ item.p + 1,
	    item.n - 1 }, e->flags)) {
		warnx("%s: '=' is written once: %s=%.*s", text, e->field,
		    (int)(item.n - 1), item.p + 1);
		return;
	}
	if (scheme_check(s, layer, t) == TAG_UNEXPECTED_POL) {
		warnx("%s: the codes of %s take no polarity; did you mean "
		    "%s?", text, lq, msg_quote(t.code, q2));
		return;
	}
	if (scheme_check(s, layer, t) == TAG_OTHER_LAYER &&
	    (home = scheme_home(s, t.code)) >= 0) {
		warnx("%s: %s is a code of %s, not of %s", text,
		    msg_quote(t.code, q2), s->layers[home].name, lq);
		return;
	}
	if (nearest(s, layer, item, near, sizeof(near)))
		warnx("%s: %s is no %s of %s; did you mean '%s'?", text,
		    msg_quote(item, q2), what, lq, near);
	else
		warnx("%s: %s is no %s of %s", text, msg_quote(item, q2),
		    what, lq);
}

/*
 * The value of layer closest to item: first item as rsplit would
 * normalise it (upper case, '_' for '-'), else the code of the layer
 * within one edit or swap of item's code, with item's polarity, or the
 * polarity within one edit of item's.  Writes it to near; false if none.
 */
static bool
nearest(const struct scheme *s, int layer, struct slice item, char *near,
    size_t size)
{
	static const char *const pols[] = { "POS", "NEG", "NEU" };
	const struct scheme_code *c, *best = NULL;
	struct tag t;
	size_t i, d, bestd = 2;

	if (item.n >= size)
		return false;
	for (i = 0; i < item.n; i++)
		near[i] = item.p[i] == '_' ? '-' :
		    (char)toupper((unsigned char)item.p[i]);
	near[item.n] = '\0';
	if (holdable(s, layer, (struct slice){ near, item.n }, 0))
		return true;
	t = items_tag((struct slice){ near, item.n });
	if ((c = scheme_find(s, layer, t.code, &(bool){ false })) != NULL) {
		for (i = 0; i < sizeof(pols) / sizeof(pols[0]); i++)
			if (c->polar && distance(t.pol, pols[i]) <= 1) {
				snprintf(near, size, "%s-%s", c->code,
				    pols[i]);
				return true;
			}
		return false;
	}
	for (i = 0; i < s->n; i++) {
		c = &s->codes[i];
		if (c->layer != layer && c->layer != LAYER_ANY)
			continue;
		if ((d = distance(t.code, c->code)) < bestd) {
			bestd = d;
			best = c;
		}
	}
	if (best == NULL)
		return false;
	if (t.has_pol && best->polar)
		snprintf(near, size, "%s-%.*s", best->code, (int)t.pol.n,
		    t.pol.p);
	else
		snprintf(near, size, "%s", best->code);
	return true;
}

/*
 * Edit distance with swaps of neighbours (MJA is one swap from MAJ), for
 * the short codes of a scheme; anything past 31 bytes is far.
 */
static size_t
distance(struct slice a, const char *b)
{
	size_t d[33][33], i, j, nb = strlen(b), v;

	if (a.n > 31 || nb > 31)
		return (size_t)-1;
	for (i = 0; i <= a.n; i++)
		d[i][0] = i;
	for (j = 0; j <= nb; j++)
		d[0][j] = j;
	for (i = 1; i <= a.n; i++)
		for (j = 1; j <= nb; j++) {
			v = d[i - 1][j - 1] + (a.p[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a.p[i - 1] == b[j - 2] &&
			    a.p[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[a.n][nb];
}

/* Shows where a bad expression went wrong, and exits 2. */
static void
bad_expr(const char *text, const struct expr_error *er)
{
	warnx("bad expression at column %zu: %s", er->col, er->msg);
	fprintf(stderr, "  %s\n  %*s^\n", text, (int)er->col - 1, "");
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
no_expression(const struct args *a)
{
	size_t i;

	for (i = 0; i + 1 < a->nfiles; i++) {
		if (!ends_in_op(a->files[i]) && !op_char(a->files[i + 1][0]))
			continue;
		if (ends_in_op(a->files[i + 1]) && i + 2 < a->nfiles)
			warnx("no expression given: write '%s %s %s' without "
			    "spaces, as %s%s%s", a->files[i], a->files[i + 1],
			    a->files[i + 2], a->files[i], a->files[i + 1],
			    a->files[i + 2]);
		else
			warnx("no expression given: write '%s %s' without "
			    "spaces, as %s%s", a->files[i], a->files[i + 1],
			    a->files[i], a->files[i + 1]);
		usage();
	}
	for (i = 1; i < a->nfiles; i++)
		if (expr_like(a->files[i])) {
			warnx("no expression given: expressions come before "
			    "files, and '%s' follows the file %s",
			    a->files[i], a->files[0]);
			usage();
		}
	warnx("no expression given");
	usage();
}

static struct expr *
compile(const struct args *a, int flags)
{
	struct expr_error er;
	struct expr *ex;
	size_t i;

	if (a->ntexts == 0)
		no_expression(a);
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
bind(struct expr *ex, char **texts, size_t n, struct tsv_in *in)
{
	size_t i, col;
	int layer;

	for (i = 0; i < n; i++) {
		col = tsvin_bind(in, ex[i].field, &layer);
		expr_bind(&ex[i], col, layer >= 0);
		if (layer >= 0)
			check_expr(&ex[i], texts[i], in->scheme, layer);
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
filter(struct tsv_in *in, struct out *o, struct expr *ex,
    const struct args *a, const struct opts *opts)
{
	struct slice row, *f;
	size_t need, n = a->ntexts;

	need = bind(ex, a->texts, n, in);
	f = xreallocarray(NULL, need, sizeof(*f));
	if (in->have_header && !opts->noheader) {
		out_write(o, in->header, in->header_len);
		out_char(o, '\n');
	}
	while (tsvin_next(in, &row)) {
		tsvin_split(in, o, row, f);
		if (holds(ex, n, f, opts->any) != opts->invert) {
			out_write(o, row.p, row.n);
			out_char(o, '\n');
		}
	}
	free(f);
}

int
main(int argc, char *argv[])
{
	struct opts opts = { false, false, false, 0, NULL };
	struct scheme scheme;
	struct args a = { NULL, 0, NULL, 0 };
	struct tsv_in in;
	struct expr *ex;
	struct out o;
	size_t i;
	int rval;

	parse_args(argc, argv, &opts, &a);
	ex = compile(&a, opts.flags);

	scheme_in_effect(&scheme, opts.scheme);
	tsvin_init(&in, a.files, a.nfiles, opts.noheader, &scheme);
	tsvin_header(&in);
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
