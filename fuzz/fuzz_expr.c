/*
 * libFuzzer target: rfilter's expressions (expr_parse, expr_bind,
 * expr_match, lib/filter/expr.c).
 *
 * The input is split at NUL bytes: the first parts (up to four) are
 * expressions, each copied into its own string; when there are two parts
 * or more, the last is also a TSV row (after a fifth NUL, all that
 * follows, NUL bytes and all).  Each expression is parsed with
 * and without -i.  A rejected one must carry a message and a column
 * within the text (or just after it) and leave nothing to free.  An
 * accepted one whose field names a column of rsplit's header (or is its
 * number) is bound like rfilter binds it and matched against a few fixed
 * rows, the row from the input, and a row whose every field is the
 * expression's value; there:
 *   - F!=V is the negation of F=V and F!~RE of F~RE;
 *   - of F<N, F>=N (and F<=N, F>N) at most one holds, and one does
 *     exactly when the field is a number;
 *   - F=V with a single plain value (no glob character, no comma) holds
 *     on the row whose fields are all V;
 *   - on ASCII, where a character is a byte, a glob (without -i, on a
 *     field of whole values) matches as fnmatch(3) does, and an ERE as
 *     regcomp(3) in the C locale does: their UTF-8 engines (wild.c,
 *     ure.c) change nothing there.
 */
#include <fnmatch.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter/expr.h"
#include "items.h"
#include "scheme.h"
#include "tsvin.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAXEXPRS	4
#define OPCHARS		"=!~<>"

static const char *const fixed_rows[] = {
	"ICLR2018-B1-R1\t1\tMET-NEG,EXP-NEU\tEMP-NEG\tCRT\tMAJ\tThe method is weak.",
	"r\t2\t\t\tSMY\tMIN\t",
	"x\t-1.5e3\tRES-POS,,TNF-NEU,\tIMP-POS,-NEG\tAPC,QSN\tGEN\t+.5",
	"\t007\t*-NEG\t[\t\\\t?\t\xff\xfe caf\xc3\xa9 ",
	"1e999\t0\tmet-neg\temp\tcrt\tmaj\t1.0",
};

#define NCOLS	7	/* rsplit's columns under the default scheme */

static struct scheme pra;
static struct slice cols[SCHEME_COLUMNS_MAX];

/* The column rfilter would bind ref to under rsplit's header, or -1. */
static long
column(const char *ref)
{
	size_t i;
	char *end;
	long n;

	if (pra.n == 0 && (scheme_builtin(&pra, "pra") == -1 ||
	    scheme_columns(&pra, cols) != NCOLS))
		abort();
	for (i = 0; i < NCOLS; i++)
		if (slice_eq(cols[i], ref))
			return (long)i;
	if (ref[0] < '0' || ref[0] > '9')
		return -1;
	n = strtol(ref, &end, 10);
	return *end == '\0' && n >= 1 && n <= NCOLS ? n - 1 : -1;
}

/* Parses text; checks the error when it fails. */
static bool
parse(struct expr *e, const char *text, int flags)
{
	struct expr_error er;

	memset(&er, 0, sizeof(er));
	if (expr_parse(e, text, flags, &er) == 0) {
		if (e->field == NULL ||
		    strncmp(e->field, text, strlen(e->field)) != 0)
			abort();
		return true;
	}
	if (er.msg == NULL || er.msg[0] == '\0' || er.col < 1 ||
	    er.col > strlen(text) + 1)
		abort();
	if (e->field != NULL || e->val != NULL || e->alts != NULL ||
	    e->have_re || e->scratch.p != NULL)
		abort();
	return false;
}

/* Where the value of a parsed expression text starts. */
static size_t
value_pos(const char *text)
{
	size_t flen = strcspn(text, OPCHARS);

	return flen + (strncmp(text + flen, "!=", 2) == 0 ||
	    strncmp(text + flen, "!~", 2) == 0 ||
	    strncmp(text + flen, "<=", 2) == 0 ||
	    strncmp(text + flen, ">=", 2) == 0 ? 2 : 1);
}

/* text with its operator replaced by op; the caller frees it. */
static char *
with_op(const char *text, const char *op)
{
	size_t flen = strcspn(text, OPCHARS), vpos = value_pos(text);
	size_t olen = strlen(op);
	char *s;

	if ((s = malloc(flen + olen + strlen(text + vpos) + 1)) == NULL)
		abort();
	memcpy(s, text, flen);
	memcpy(s + flen, op, olen);
	strcpy(s + flen + olen, text + vpos);
	return s;
}

/* Parses text with operator op, bound as e is; false when it fails. */
static bool
variant(struct expr *v, const struct expr *e, const char *text,
    const char *op)
{
	char *s = with_op(text, op);
	bool ok = parse(v, s, e->flags);

	free(s);
	if (ok)
		expr_bind(v, e->col, e->items);
	return ok;
}

static void
check_negation(struct expr *e, const char *text, const struct slice *rows,
    size_t nrows)
{
	static const char *const num_ops[] = { "<", ">=", "<=", ">" };
	struct expr v[4];
	bool m[4];
	size_t r, i;

	if (e->kind != EXPR_NUM) {
		if (!variant(&v[0], e, text, e->kind == EXPR_EQ ?
		    (e->negate ? "=" : "!=") : (e->negate ? "~" : "!~")))
			abort();
		for (r = 0; r < nrows; r++)
			if (expr_match(e, rows[r]) == expr_match(&v[0], rows[r]))
				abort();
		expr_free(&v[0]);
		return;
	}
	for (i = 0; i < 4; i++)
		if (!variant(&v[i], e, text, num_ops[i]))
			abort();
	for (r = 0; r < nrows; r++) {
		for (i = 0; i < 4; i++)
			m[i] = expr_match(&v[i], rows[r]);
		if ((m[0] && m[1]) || (m[2] && m[3]) ||
		    (m[0] != m[1]) != (m[2] != m[3]) || (m[0] && !m[2]) ||
		    (m[3] && !m[1]) || expr_match(e, rows[r]) !=
		    m[e->cmp == 0x1 ? 0 : e->cmp == 0x6 ? 1 : e->cmp == 0x3 ? 2 : 3])
			abort();
	}
	for (i = 0; i < 4; i++)
		expr_free(&v[i]);
}

/* A single value without glob characters or commas matches itself. */
static void
check_literal(struct expr *e, struct slice value)
{
	if (e->kind != EXPR_EQ || e->nalts != 1 || e->alts[0].glob ||
	    strchr(e->val, ',') != NULL)
		return;
	if (expr_match(e, value) == e->negate)
		abort();
}

static bool
ascii(const char *p, size_t n, bool nul)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] >= 0x80 || (p[i] == '\0' && !nul))
			return false;
	return true;
}

/* On ASCII the engines of wild.c and ure.c are fnmatch's and regcomp's. */
static void
check_ascii(struct expr *e, const char *text, const struct slice *rows,
    size_t nrows)
{
	const char *v = text + value_pos(text);
	regmatch_t m;
	regex_t re;
	char *s;
	size_t r;
	bool want;

	if (!ascii(v, strlen(v), false) || e->items || e->flags != 0 ||
	    (e->kind == EXPR_EQ && (e->nalts != 1 || !e->alts[0].glob ||
	    (e->alts[0].wild.lit.len > 0 && memchr(e->alts[0].wild.lit.p, '[',
	    e->alts[0].wild.lit.len)))) ||
	    e->kind == EXPR_NUM)
		return;	/* a '[' without its ']': glibc varies, wild.c not */
	if (e->kind == EXPR_RE && regcomp(&re, v, REG_EXTENDED | REG_NOSUB) != 0)
		abort();	/* the rewritten one compiled */
	for (r = 0; r < nrows; r++) {
		if (!ascii(rows[r].p, rows[r].n, e->kind == EXPR_RE))
			continue;
		if ((s = malloc(rows[r].n + 1)) == NULL)
			abort();
		memcpy(s, rows[r].p, rows[r].n);
		s[rows[r].n] = '\0';
		if (e->kind == EXPR_EQ)
			want = fnmatch(e->alts[0].pat, s, 0) == 0;
		else {
			m.rm_so = 0;
			m.rm_eo = (regoff_t)rows[r].n;
			want = regexec(&re, s, 1, &m, REG_STARTEND) == 0;
		}
		free(s);
		if ((expr_match(e, rows[r]) != e->negate) != want)
			abort();
	}
	if (e->kind == EXPR_RE)
		regfree(&re);
}

static void
check_expr(const char *text, const struct slice *input_row, int flags)
{
	struct slice rows[16], value;
	struct expr e;
	size_t nrows = 0, i;
	long col;

	if (!parse(&e, text, flags))
		return;
	if ((col = column(e.field)) == -1) {
		expr_free(&e);
		return;
	}
	expr_bind(&e, (size_t)col, scheme_layer(&pra, cols[col]) >= 0);
	for (i = 0; i < sizeof(fixed_rows) / sizeof(fixed_rows[0]); i++) {
		struct slice f[NCOLS] = { { "", 0 } };
		struct slice line = { fixed_rows[i], strlen(fixed_rows[i]) };

		tsv_split(line, f, NCOLS);
		rows[nrows++] = f[col];
	}
	if (input_row != NULL)
		rows[nrows++] = input_row[col];
	value.p = text + value_pos(text);
	value.n = strlen(value.p);
	rows[nrows++] = value;
	check_literal(&e, value);
	check_negation(&e, text, rows, nrows);
	check_ascii(&e, text, rows, nrows);
	expr_free(&e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const char *p = (const char *)data, *end = p + n, *nul;
	char *text[MAXEXPRS + 1];
	struct slice f[NCOLS], *row = NULL;
	size_t len, nparts = 0, i;

	while (nparts < MAXEXPRS + 1) {
		nul = memchr(p, '\0', (size_t)(end - p));
		len = (size_t)((nul ? nul : end) - p);
		if ((text[nparts] = malloc(len + 1)) == NULL)
			abort();
		memcpy(text[nparts], p, len);
		text[nparts++][len] = '\0';
		if (nul == NULL)
			break;
		p = nul + 1;
	}
	/* The last part as a row: up to its end, NUL bytes and all. */
	if (nparts > 1) {
		struct slice line = { p, (size_t)(end - p) };

		for (i = 0; i < NCOLS; i++)
			f[i] = (struct slice){ "", 0 };
		tsv_split(line, f, NCOLS);
		row = f;
	}
	for (i = 0; i < nparts && i < MAXEXPRS; i++) {
		check_expr(text[i], row, 0);
		check_expr(text[i], row, EXPR_ICASE);
	}
	for (i = 0; i < nparts; i++)
		free(text[i]);
	return 0;
}
