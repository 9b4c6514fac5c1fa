#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "items.h"
#include "ure.h"
#include "xmalloc.h"

#define OPCHARS	"=!~<>"

#define CMP_LT	0x1
#define CMP_EQ	0x2
#define CMP_GT	0x4

/* Longer operators first, so that "<=" is not read as "<" and "=N". */
static const struct op {
	const char	*text;
	enum expr_kind	 kind;
	bool		 negate;
	unsigned	 cmp;
} ops[] = {
	{ "!=",	EXPR_EQ,	true,	0 },
	{ "!~",	EXPR_RE,	true,	0 },
	{ "<=",	EXPR_NUM,	false,	CMP_LT | CMP_EQ },
	{ ">=",	EXPR_NUM,	false,	CMP_GT | CMP_EQ },
	{ "=",	EXPR_EQ,	false,	0 },
	{ "~",	EXPR_RE,	false,	0 },
	{ "<",	EXPR_NUM,	false,	CMP_LT },
	{ ">",	EXPR_NUM,	false,	CMP_GT },
};

static const struct op *find_op(const char *);
static int	fail(struct expr *, struct expr_error *, const char *, size_t);
static int	parse_alts(struct expr *, const char *, struct expr_error *);
static int	compile_alt(struct expr *, struct expr_alt *, const char **,
		    size_t *);
static int	parse_re(struct expr *, const char *, struct expr_error *);
enum re_verdict { RE_OK, RE_TOO_BIG, RE_BACKREF, RE_STACKED };
static bool	checked(enum re_verdict, struct expr_error *);
static enum re_verdict re_check(const char *, size_t);
static void	compile_any(struct expr *, const char *, int);

#define RE_ONE_PASS_MIN	1024	/* bytes of a value searched in one pass */
static const char *skip_bracket(const char *);
static enum re_verdict verdict(bool, bool);
static const char *skip_bracket(const char *);
static void	interval(const char **, size_t *, size_t *);
static bool	is_number(const char *, size_t);
static bool	to_number(struct expr *, struct slice, double *);
static const char *cstr(struct expr *, struct slice);
static bool	match_any(struct expr *, struct slice)
		    __attribute__((noinline));
static bool	match_eq(struct expr *, struct slice);
static bool	match_items(struct expr *, struct slice);
static bool	match_alt(struct expr *, const struct expr_alt *, struct slice);
static bool	match_num(struct expr *, struct slice);

/* memcmp(a, b, n) == 0 for a code of a few bytes, without the call. */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--)
		if (*a++ != *b++)
			return false;
	return true;
}

/*
 * Whether s has the shape of an expression: a field reference followed by
 * an operator.  rfilter takes the first argument that does not for its
 * first file; a '/' before the operator marks a path ("out/a=b.tsv").
 */
bool
expr_like(const char *s)
{
	size_t flen = strcspn(s, OPCHARS);

	return s[flen] != '\0' && memchr(s, '/', flen) == NULL;
}

/* Parses s into e; on error fills *er, leaves nothing to free, returns -1. */
int
expr_parse(struct expr *e, const char *s, int flags, struct expr_error *er)
{
	size_t flen = strcspn(s, OPCHARS), vcol;
	const struct op *op;
	const char *v;

	memset(e, 0, sizeof(*e));
	e->flags = flags;
	if (s[flen] == '\0')
		return fail(e, er, "expected an operator (= != ~ !~ < <= > >=)",
		    flen + 1);
	if (flen == 0)
		return fail(e, er, "expected a field name before the operator",
		    1);
	if ((op = find_op(s + flen)) == NULL)
		return fail(e, er, "expected != or !~", flen + 1);
	e->field = xmalloc(flen + 1);
	memcpy(e->field, s, flen);
	e->field[flen] = '\0';
	e->kind = op->kind;
	e->negate = op->negate;
	e->cmp = op->cmp;
	v = s + flen + strlen(op->text);
	vcol = (size_t)(v - s) + 1;
	switch (e->kind) {
	case EXPR_EQ:
		if (parse_alts(e, v, er) == -1)
			return fail(e, er, er->msg, vcol + er->col);
		break;
	case EXPR_RE:
		if (parse_re(e, v, er) == -1)
			return fail(e, er, er->detail, vcol);
		break;
	case EXPR_NUM:
		if (!is_number(v, strlen(v)) ||
		    !to_number(e, (struct slice){ v, strlen(v) }, &e->num))
			return fail(e, er, "expected a number", vcol);
		break;
	}
	return 0;
}

/* Ties e to field col of the rows; items says it is a label field. */
void
expr_bind(struct expr *e, size_t col, bool items)
{
	e->col = col;
	e->items = items;
	e->one_code = e->kind == EXPR_EQ && items && e->plain &&
	    e->nalts == 1 && !(e->flags & EXPR_ICASE);
}

bool
expr_match(struct expr *e, struct slice value)
{
	/*
	 * The commonest test, severity=MAJ: a field no longer than the one
	 * code holds it only as a whole (match_items), decided here by one
	 * comparison, before match_any sets up its frame.
	 */
	if (e->one_code && value.n <= e->minlen)
		return (value.n == e->minlen &&
		    same_bytes(value.p, e->alts[0].pat, value.n)) != e->negate;
	return match_any(e, value);
}

static bool
match_any(struct expr *e, struct slice value)
{
	bool holds = false;

	switch (e->kind) {
	case EXPR_EQ:
		holds = e->items ? match_items(e, value) : match_eq(e, value);
		break;
	case EXPR_RE: {
		/*
		 * REG_STARTEND (glibc, the BSDs) bounds the match by length,
		 * so a NUL byte in the field is data.  The copy ends in a NUL
		 * all the same, for sanitizers that take the string to one.
		 */
		struct slice v = value;
		const char *p;
		regmatch_t m;

		if (e->re_chars &&
		    (v = ure_subject(value, &e->subject)).p != value.p)
			p = v.p;	/* a copy, NUL-ended */
		else
			p = cstr(e, value);
		m.rm_so = 0;
		m.rm_eo = (regoff_t)v.n;
		holds = regexec(e->have_re_any && v.n > RE_ONE_PASS_MIN ?
		    &e->re_any : &e->re, p, 1, &m, REG_STARTEND) == 0;
		break;
	}
	case EXPR_NUM:
		holds = match_num(e, value);
		break;
	}
	return holds != e->negate;
}

void
expr_free(struct expr *e)
{
	size_t i;

	for (i = 0; i < e->nalts; i++)
		if (e->alts[i].glob)
			wild_free(&e->alts[i].wild);
	free(e->field);
	free(e->val);
	free(e->alts);
	free(e->scratch.p);
	free(e->subject.p);
	if (e->have_re)
		regfree(&e->re);
	if (e->have_re_any)
		regfree(&e->re_any);
	memset(e, 0, sizeof(*e));
}

static const struct op *
find_op(const char *s)
{
	size_t i, n;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		n = strlen(ops[i].text);
		if (strncmp(s, ops[i].text, n) == 0)
			return &ops[i];
	}
	return NULL;
}

static int
fail(struct expr *e, struct expr_error *er, const char *msg, size_t col)
{
	er->msg = msg;
	er->col = col;
	expr_free(e);
	return -1;
}

/*
 * Splits V at its commas into alternatives, in place in a copy, and
 * compiles the globs among them.  "\," is a comma inside a value; the
 * backslash stays for the glob to read.  On error fills *er, its column
 * 0-based in V.
 */
static int
parse_alts(struct expr *e, const char *v, struct expr_error *er)
{
	size_t len = strlen(v), n = 1, i, at;
	char *p, *start;

	for (i = 0; i < len; i++)
		n += v[i] == ',';
	e->val = xmemdup(v, len + 1);
	e->alts = xreallocarray(NULL, n, sizeof(*e->alts));
	for (p = start = e->val;; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			continue;
		}
		if (*p != ',' && *p != '\0')
			continue;
		memset(&e->alts[e->nalts], 0, sizeof(e->alts[e->nalts]));
		e->alts[e->nalts].pat = start;
		e->alts[e->nalts].len = (size_t)(p - start);
		if (*p == '\0') {
			e->nalts++;
			break;
		}
		*p = '\0';
		start = p + 1;
		e->nalts++;
	}
	e->plain = true;
	e->minlen = (size_t)-1;
	for (i = 0; i < e->nalts; i++) {
		if (compile_alt(e, &e->alts[i], &er->msg, &at) == -1) {
			er->col = (size_t)(e->alts[i].pat - e->val) + at;
			return -1;
		}
		if (e->alts[i].glob || e->alts[i].len == 0)
			e->plain = false;
		if (e->alts[i].len < e->minlen)
			e->minlen = e->alts[i].len;
	}
	return 0;
}

/*
 * A value with '-' tests whole items (aspect=EMP-NEG), one without
 * their codes; a '-' in a bracket expression is a range ([L-N]ET), no
 * such '-'.  A glob is compiled; its errors come back as wild_compile
 * gives them.
 */
static int
compile_alt(struct expr *e, struct expr_alt *a, const char **msg, size_t *at)
{
	a->glob = strpbrk(a->pat, "*?[\\") != NULL;
	if (!a->glob) {
		a->whole = memchr(a->pat, '-', a->len) != NULL;
		return 0;
	}
	if (wild_compile(&a->wild, a->pat, a->len, e->flags & EXPR_ICASE,
	    msg, at) == -1) {
		a->glob = false;
		return -1;
	}
	a->whole = a->wild.dash;
	return 0;
}

/*
 * The ERE is checked as written (re_check), then rewritten so that it
 * matches characters of UTF-8 (ure.c).  A character class or '.' then
 * takes a few nodes where it took one, and a negated class with a
 * character past ASCII a few dozen: what regcomp will see is measured
 * again, against limits URE_GROWTH times as large, so that '.{1,1000}',
 * whose rewritten form takes 11 MB as it took 10, stays in, and
 * '[^é]{1,1000}', which takes 114 MB, does not.
 */
#define URE_GROWTH	8

static int
parse_re(struct expr *e, const char *text, struct expr_error *er)
{
	int cflags = REG_EXTENDED | REG_NOSUB, rc = -1;
	struct buf out = { NULL, 0, 0 };
	const char *msg;

	if (e->flags & EXPR_ICASE)
		cflags |= REG_ICASE;
	if (!checked(re_check(text, 1), er))
		return -1;
	if ((msg = ure_rewrite(text, e->flags & EXPR_ICASE, &out,
	    &e->re_chars)) != NULL)
		snprintf(er->detail, sizeof(er->detail), "%s", msg);
	else if (checked(re_check(out.p, URE_GROWTH), er)) {
		if ((rc = regcomp(&e->re, out.p, cflags)) != 0) {
			regerror(rc, &e->re, er->detail, sizeof(er->detail));
			rc = -1;
		} else {
			e->have_re = true;
			compile_any(e, out.p, cflags);
		}
	}
	free(out.p);
	return rc;
}

/*
 * Whether re, which regcomp took, closes every group it opens with no
 * ')' left over (an unmatched ')' is an ordinary character in an ERE),
 * so that "(re)" groups it whole.
 */
static bool
re_groups_whole(const char *p)
{
	size_t depth = 0;

	while (*p != '\0')
		switch (*p++) {
		case '\\':
			if (*p != '\0')
				p++;
			break;
		case '[':
			if ((p = skip_bracket(p)) == NULL)
				return false;
			break;
		case '(':
			depth++;
			break;
		case ')':
			if (depth-- == 0)
				return false;
			break;
		}
	return depth == 0;
}

/*
 * glibc's regexec tries a pattern from each start in turn, so that
 * "(a|aa)*c" took 24 s over a value of 128 KB of a's: as "^(.|[^.])*(re)",
 * the same test of whether re matches anywhere, it runs from the one
 * start, in one pass.  (. takes any byte but NUL, [^.] NUL too.)  That
 * pass reads every byte, where the search skips to the bytes that can
 * start a match: 2.4 times slower for "text~weak".  So values of more
 * than RE_ONE_PASS_MIN bytes take it, and a shorter one costs at most
 * that length squared.  Where the rewrite would not say the same (a ')'
 * that is a character) or regcomp refuses it, re is searched as it is.
 */
static void
compile_any(struct expr *e, const char *re, int cflags)
{
	static const char any_prefix[] = "^(.|[^.])*(";
	struct buf any = { NULL, 0, 0 };

	if (!re_groups_whole(re))
		return;
	buf_add(&any, any_prefix, sizeof(any_prefix) - 1);
	buf_add(&any, re, strlen(re));
	buf_add(&any, ")", 2);		/* and the NUL */
	e->have_re_any = regcomp(&e->re_any, any.p, cflags) == 0;
	free(any.p);
}

/* Whether re_check's verdict lets the ERE through; else the error. */
static bool
checked(enum re_verdict v, struct expr_error *er)
{
	switch (v) {
	case RE_TOO_BIG:
		/* regerror's text for REG_ESIZE, as regcomp would say it. */
		snprintf(er->detail, sizeof(er->detail),
		    "Regular expression too big");
		return false;
	case RE_BACKREF:
		snprintf(er->detail, sizeof(er->detail),
		    "back-references such as '\\1' are undefined in an ERE");
		return false;
	case RE_STACKED:
		snprintf(er->detail, sizeof(er->detail),
		    "adjacent repetitions such as '++' are undefined in an ERE");
		return false;
	case RE_OK:
		break;
	}
	return true;
}

/*
 * glibc's regcomp copies the tree of E for each copy E+ or E{n,m} needs,
 * so stacked or nested repetitions grow it exponentially ("a++++++++++
 * ++++++++++++" took 3 GB; fuzz_expr found it); the closures it then
 * computes grow with the square of the nodes a repetition may skip or
 * loop over ("a*++++++++++++" 3.5 GB, "a{1,10000}" 790 MB); and it
 * parses groups recursively, so 30000 nested parentheses overflow the
 * stack.  This counts both kinds of node, and the depth, the way regcomp
 * will make them, and refuses a pattern over the limits (each about
 * 20 MB) before regcomp sees it.  What it cannot follow (a bracket
 * without its ']') is left for regcomp to reject.
 *
 * On the way it notes adjacent duplication symbols ("a++", "a*{2}"),
 * which POSIX leaves undefined in an ERE: glibc takes them, and matching
 * with a few can run for minutes ("]+++++++ ... ct+++++" took 594 s on
 * one short row; found by fuzz_expr).  It notes back-references (\1 to
 * \9) too, equally undefined in an ERE: glibc takes them and backtracks
 * exponentially ("^(a*)(a*)(a*)\3\2\1$" took 62 s on 200 a's).  An
 * escaped backslash and a backslash inside brackets ("[\1]") are no
 * back-reference.  Too big is said first, then back-references.  The
 * limits are scale times the above (the depth one more), for a pattern
 * rewritten by ure.c.
 */
#define RE_MAX_NODES	100000
#define RE_MAX_LOOPS	1500
#define RE_MAX_DEPTH	256

/* Nodes, and those of them under a repetition that may skip or loop. */
struct re_size {
	size_t	nodes;
	size_t	loops;
};

static enum re_verdict
re_check(const char *p, size_t scale)
{
	/* Per open group: its size so far, and its last item's. */
	struct re_size total[RE_MAX_DEPTH + 2], last[RE_MAX_DEPTH + 2], *t, *l;
	const size_t max_nodes = RE_MAX_NODES * scale;
	const size_t max_loops = RE_MAX_LOOPS * scale;
	const size_t max_depth = RE_MAX_DEPTH + (scale > 1);
	size_t depth = 0, copies, optional;
	bool dup = false, was_dup, stacked = false, backref = false;

	memset(&total[0], 0, sizeof(total[0]));
	memset(&last[0], 0, sizeof(last[0]));
	while (*p != '\0') {
		t = &total[depth];
		l = &last[depth];
		copies = optional = 0;
		was_dup = dup;
		dup = false;
		switch (*p++) {
		case '(':
			if (++depth > max_depth)
				return RE_TOO_BIG;
			memset(&total[depth], 0, sizeof(total[depth]));
			memset(&last[depth], 0, sizeof(last[depth]));
			continue;
		case ')':
			if (depth == 0)
				break;
			depth--;
			last[depth].nodes = t->nodes + 1;
			last[depth].loops = t->loops;
			total[depth].nodes += t->nodes + 1;
			total[depth].loops += t->loops;
			t = &total[depth];
			goto check;
		case '|':
			l->nodes = l->loops = 0;
			continue;
		case '*':
		case '?':
			copies = optional = 1;
			break;
		case '+':			/* E+ is E E* */
			copies = 2;
			optional = 1;
			break;
		case '{':
			interval(&p, &copies, &optional);
			break;
		case '[':
			if ((p = skip_bracket(p)) == NULL)
				return verdict(backref, stacked);
			break;
		case '\\':
			backref |= *p >= '1' && *p <= '9';
			if (*p != '\0')
				p++;
			break;
		}
		if (copies == 0) {		/* an atom */
			t->nodes++;
			l->nodes = 1;
			l->loops = 0;
		} else {			/* a repetition of the last item */
			stacked |= was_dup;
			dup = true;
			if (l->nodes > max_nodes / copies ||
			    l->loops > max_loops / copies || (optional > 0 &&
			    l->nodes > max_loops / optional))
				return RE_TOO_BIG;
			t->nodes += l->nodes * (copies - 1) + 1;
			t->loops += l->loops * (copies - 1) + l->nodes * optional;
			l->loops = l->loops * copies + l->nodes * optional;
			l->nodes = l->nodes * copies + 1;
		}
	check:
		if (t->nodes > max_nodes || t->loops > max_loops)
			return RE_TOO_BIG;
	}
	return verdict(backref, stacked);
}

static enum re_verdict
verdict(bool backref, bool stacked)
{
	if (backref)
		return RE_BACKREF;
	return stacked ? RE_STACKED : RE_OK;
}

/* Past the bracket expression after its '[' at p, or NULL without end. */
static const char *
skip_bracket(const char *p)
{
	const char *end;

	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p != ']'; p++) {
		if (*p == '\0')
			return NULL;
		if (*p == '[' && (p[1] == ':' || p[1] == '=' || p[1] == '.')) {
			char close[3] = { p[1], ']', '\0' };

			if ((end = strstr(p + 2, close)) == NULL)
				return NULL;
			p = end + 1;
		}
	}
	return p + 1;
}

/*
 * An interval {n}, {n,}, {n,m} or {,m} after the '{' at *p: sets *copies
 * to the copies of the item regcomp makes, *optional to those that may
 * be skipped or repeated, and moves *p past it.  Anything else is no
 * interval, and leaves them 0: the '{' is then an atom.
 */
static void
interval(const char **p, size_t *copies, size_t *optional)
{
	const char *s = *p;
	size_t n = 0, m;

#define DIGIT(c)	((unsigned)((c) - '0') < 10)
	/* glibc reads {,m} as {0,m}. */
	if (!DIGIT(*s) && *s != ',')
		return;
	for (; DIGIT(*s); s++)
		if ((n = n * 10 + (size_t)(*s - '0')) > RE_DUP_MAX)
			return;
	m = n;
	if (*s == ',' && !DIGIT(s[1])) {	/* {n,}: n copies, then E* */
		s++;
		m = n + 1;
		*optional = 1;
	} else if (*s == ',') {
		for (s++, m = 0; DIGIT(*s); s++)
			if ((m = m * 10 + (size_t)(*s - '0')) > RE_DUP_MAX)
				return;
		*optional = m > n ? m - n : 0;
	}
#undef DIGIT
	if (*s != '}') {
		*optional = 0;
		return;
	}
	*p = s + 1;
	*copies = m > 1 ? m : 1;
}

/*
 * A decimal number: [+-] digits [. digits] [e [+-] digits], at least one
 * digit before the exponent.  Checked by hand because strtod also takes
 * "nan", "inf", hex and leading spaces, which are no numbers in a TSV
 * field.
 */
static bool
is_number(const char *p, size_t n)
{
	const char *end = p + n;
	size_t digits = 0;

#define DIGIT(c)	((unsigned)((c) - '0') < 10)
	if (p < end && (*p == '+' || *p == '-'))
		p++;
	for (; p < end && DIGIT(*p); p++)
		digits++;
	if (p < end && *p == '.')
		for (p++; p < end && DIGIT(*p); p++)
			digits++;
	if (digits == 0)
		return false;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p == end || !DIGIT(*p))
			return false;
		while (p < end && DIGIT(*p))
			p++;
	}
#undef DIGIT
	return p == end;
}

/* The tools run in the C locale, so strtod's radix is always '.'. */
static bool
to_number(struct expr *e, struct slice s, double *d)
{
	if (!is_number(s.p, s.n))
		return false;
	*d = strtod(cstr(e, s), NULL);
	return true;
}

/* s as a C string, copied into e's scratch buffer. */
static const char *
cstr(struct expr *e, struct slice s)
{
	e->scratch.len = 0;
	buf_add(&e->scratch, s.p, s.n);
	buf_addc(&e->scratch, '\0');
	return e->scratch.p;
}

static bool
match_eq(struct expr *e, struct slice value)
{
	size_t i;

	for (i = 0; i < e->nalts; i++)
		if (match_alt(e, &e->alts[i], value))
			return true;
	return false;
}

/*
 * Label fields: an alternative without '-' is a code and tests each
 * item's code (EMP holds for EMP-NEU); one with '-' tests whole items;
 * the empty one holds for an empty list.
 */
static bool
match_items(struct expr *e, struct slice value)
{
	struct slice rest = value, item;
	const struct expr_alt *a, *end = e->alts + e->nalts;
	bool any = false;

	/*
	 * Items and their codes are parts of the field, so a plain
	 * alternative as long as the field holds only when it is the whole
	 * field, and a longer one never holds.  Most label fields are one
	 * short item ("MAJ") or empty: decided here without splitting them.
	 */
	if (e->plain && value.n <= e->minlen) {
		for (a = e->alts; a < end; a++)
			if (a->len == value.n && match_alt(e, a, value))
				return true;
		return false;
	}
	while (items_next(&rest, &item)) {
		any = true;
		for (a = e->alts; a < end; a++)
			if (a->len > 0 &&
			    match_alt(e, a, a->whole ? item : items_code(item)))
				return true;
	}
	if (!any)
		for (a = e->alts; a < end; a++)
			if (a->len == 0)
				return true;
	return false;
}

/* Plain values, the common case, are compared without a copy. */
static bool
match_alt(struct expr *e, const struct expr_alt *a, struct slice s)
{
	if (!a->glob) {
		if (a->len != s.n)
			return false;
		return wild_same(a->pat, s.p, s.n, e->flags & EXPR_ICASE);
	}
	return wild_match(&a->wild, s);
}

static bool
match_num(struct expr *e, struct slice value)
{
	double d;
	unsigned c;

	if (!to_number(e, value, &d))
		return false;
	c = d < e->num ? CMP_LT : d > e->num ? CMP_GT : CMP_EQ;
	return (e->cmp & c) != 0;
}
