#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scheme.h"
#include "xmalloc.h"

/*
 * Which layers need a polarity is a property of the layer, not of a
 * scheme: review TSV has these four label columns, and section and
 * aspect items are CODE-POL by construction.  A scheme read from a file
 * chooses the codes, never the rule.
 */
static const struct {
	const char	*name;
	bool		 polar;
} layers[NLAYERS] = {
	[LAYER_SECTION] =	{ "section", true },
	[LAYER_ASPECT] =	{ "aspect", true },
	[LAYER_FUNCTION] =	{ "function", false },
	[LAYER_SEVERITY] =	{ "severity", false },
	[LAYER_ANY] =		{ "any", false },
};

static const char *const polarities[] = { "POS", "NEG", "NEU" };

static const char *const problems[] = {
	[TAG_OK] =		"",
	[TAG_EMPTY] =		"empty item",
	[TAG_UNKNOWN_CODE] =	"unknown code",
	[TAG_OTHER_LAYER] =	"code of another layer",
	[TAG_MISSING_POL] =	"missing polarity",
	[TAG_UNEXPECTED_POL] =	"unexpected polarity",
	[TAG_UNKNOWN_POL] =	"unknown polarity",
};

/* The Peer Review Analyze scheme (SPEC 6), in its order. */
static const struct {
	enum layer	 layer;
	const char	*code;
	const char	*name;
	const char	*desc;
} builtin[] = {
	{ LAYER_SECTION, "ABS", "Abstract",
	    "the paper's abstract" },
	{ LAYER_SECTION, "INT", "Introduction",
	    "the introduction: motivation, context and claimed contributions" },
	{ LAYER_SECTION, "RWK", "Related Work",
	    "prior work, as the paper discusses, compares with or omits it" },
	{ LAYER_SECTION, "PDI", "Problem Definition / Idea",
	    "the problem the paper addresses, or its central idea" },
	{ LAYER_SECTION, "DAT", "Data / Datasets",
	    "the data or datasets the paper uses, builds or releases" },
	{ LAYER_SECTION, "MET", "Methodology",
	    "the proposed method, model, algorithm or approach" },
	{ LAYER_SECTION, "EXP", "Experiments",
	    "the experimental set-up: tasks, baselines, settings, protocol" },
	{ LAYER_SECTION, "RES", "Results",
	    "the results the paper reports" },
	{ LAYER_SECTION, "TNF", "Tables and Figures",
	    "the paper's tables, figures and plots" },
	{ LAYER_SECTION, "ANA", "Analysis",
	    "the analysis of results: ablations, discussion, theory" },
	{ LAYER_SECTION, "FWK", "Future Work",
	    "future work, open questions and possible extensions" },
	{ LAYER_SECTION, "OAL", "Overall",
	    "the paper as a whole" },
	{ LAYER_SECTION, "BIB", "Bibliography",
	    "the references: missing, wrong or badly formatted citations" },
	{ LAYER_SECTION, "EXT", "External Knowledge",
	    "knowledge from outside the paper: the field, other work, "
	    "the reviewer's experience" },
	{ LAYER_ASPECT, "APR", "Appropriateness",
	    "whether the paper fits the venue and its scope" },
	{ LAYER_ASPECT, "NOV", "Originality / Novelty",
	    "how new the problem, idea, method or findings are" },
	{ LAYER_ASPECT, "IMP", "Significance / Impact",
	    "how much the work matters, and its likely influence on the field" },
	{ LAYER_ASPECT, "CMP", "Meaningful Comparison",
	    "whether the work is compared fairly and fully with prior work "
	    "and baselines" },
	{ LAYER_ASPECT, "PNF", "Presentation and Formatting",
	    "writing, organisation, notation, typos and layout" },
	{ LAYER_ASPECT, "REC", "Recommendation",
	    "the reviewer's recommendation to accept or reject" },
	{ LAYER_ASPECT, "EMP", "Empirical / Theoretical Soundness",
	    "whether the experiments, proofs and claims are correct and "
	    "support the conclusions" },
	{ LAYER_ASPECT, "SUB", "Substance",
	    "whether there is enough work, depth and detail for a paper" },
	{ LAYER_ASPECT, "CLA", "Clarity",
	    "whether the paper is clear and easy to follow" },
	{ LAYER_FUNCTION, "SMY", "Summary",
	    "restates what the paper does or claims" },
	{ LAYER_FUNCTION, "CRT", "Criticism",
	    "points out a weakness, flaw or error" },
	{ LAYER_FUNCTION, "DIS", "Discussion",
	    "discusses the content without praise or blame" },
	{ LAYER_FUNCTION, "APC", "Appreciation",
	    "praises a strength of the paper" },
	{ LAYER_FUNCTION, "QSN", "Question",
	    "asks the authors a question" },
	{ LAYER_FUNCTION, "SUG", "Suggestion",
	    "suggests a change, addition or further experiment" },
	{ LAYER_FUNCTION, "DFT", "Deficiency",
	    "names something the paper lacks" },
	{ LAYER_FUNCTION, "FBK", "Feedback",
	    "gives the reviewer's overall verdict on the paper" },
	{ LAYER_SEVERITY, "MAJ", "Major",
	    "a major comment, one that bears on the paper's acceptance" },
	{ LAYER_SEVERITY, "MIN", "Minor",
	    "a minor comment: a detail, a typo, a small fix" },
	{ LAYER_SEVERITY, "GEN", "General",
	    "a general remark, neither a major nor a minor point" },
	{ LAYER_ANY, "CNT", "Unclassifiable",
	    "no category of the layer applies; never has a polarity" },
};

#define NBUILTIN	(sizeof(builtin) / sizeof(builtin[0]))
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char scheme_header[] = "layer\tcode\tname\tdescription";

static void	index_codes(struct scheme *);
static int	cmp_code(const void *, const void *);
static size_t	first_with_code(const struct scheme *, struct slice);
static int	parse_line(struct scheme_code *, struct slice,
		    struct scheme_error *);
static int	check_duplicates(const struct scheme *, struct scheme_error *);
static bool	same_code(const struct scheme_code *,
		    const struct scheme_code *);
static bool	overlap(const struct scheme_code *, const struct scheme_code *);
static int	bad(struct scheme_error *, unsigned long, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

const char *
layer_name(enum layer l)
{
	return layers[l].name;
}

int
layer_lookup(struct slice name)
{
	int i;

	for (i = 0; i < NLAYERS; i++)
		if (slice_eq(name, layers[i].name))
			return i;
	return -1;
}

const char *
problem_name(enum problem p)
{
	return problems[p];
}

void
scheme_builtin(struct scheme *s)
{
	size_t i;

	s->n = NBUILTIN;
	s->codes = xcalloc(s->n, sizeof(*s->codes));
	for (i = 0; i < s->n; i++) {
		s->codes[i].layer = builtin[i].layer;
		s->codes[i].code = builtin[i].code;
		s->codes[i].codelen = strlen(builtin[i].code);
		s->codes[i].name = builtin[i].name;
		s->codes[i].desc = builtin[i].desc;
	}
	index_codes(s);
}

/*
 * Parses a scheme in the form scheme_write writes from buf[0..len),
 * split into lines as every input is (line_next).  On a fault fills *er,
 * leaves nothing to free and returns -1.
 */
int
scheme_parse(struct scheme *s, const char *buf, size_t len,
    struct scheme_error *er)
{
	struct line_reader r;
	struct slice line;
	size_t cap = 0;

	memset(s, 0, sizeof(*s));
	/* A reader already at end of input never reads: it splits buf. */
	memset(&r, 0, sizeof(r));
	r.in.fd = -1;
	r.in.buf = (char *)buf;
	r.in.len = len;
	r.in.eof = true;
	if (len == 0 || !line_next(&r, &line))
		return bad(er, 1, "no header");
	if (!slice_eq(line, scheme_header))
		return bad(er, 1, "the header must be: layer, code, name, "
		    "description, TAB-separated");
	while (line_next(&r, &line)) {
		if (s->n == cap) {
			cap = cap ? 2 * cap : 64;
			s->codes = xreallocarray(s->codes, cap,
			    sizeof(*s->codes));
		}
		s->codes[s->n].line = r.lineno;
		/* Counted once parsed, so that scheme_free meets no junk. */
		if (parse_line(&s->codes[s->n], line, er) == -1) {
			scheme_free(s);
			return -1;
		}
		s->n++;
	}
	if (s->n == 0)
		return bad(er, 2, "no codes");
	index_codes(s);
	if (check_duplicates(s, er) == -1) {
		scheme_free(s);
		return -1;
	}
	return 0;
}

/*
 * Reads the scheme file path whole (a scheme is a few kilobytes) and
 * parses it.  Any fault is fatal with status 2, before a row is read:
 * like a bad expression, a bad scheme means the command cannot run as
 * asked.
 */
void
scheme_load(struct scheme *s, const char *path)
{
	struct scheme_error er;
	struct input in;

	if (input_open(&in, path) == -1)
		exit(2);
	while (input_fill(&in, 0) == 1)
		;
	if (in.failed)
		exit(2);
	if (scheme_parse(s, in.buf, in.len, &er) == -1)
		errx(2, "%s:%lu: %s", path, er.line, er.msg);
	input_close(&in);
}

void
scheme_free(struct scheme *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->codes[i].text);
	free(s->codes);
	free(s->bycode);
	memset(s, 0, sizeof(*s));
}

void
scheme_write(const struct scheme *s, struct out *o, bool header)
{
	const struct scheme_code *c;
	size_t i;

	if (header) {
		out_str(o, scheme_header);
		out_char(o, '\n');
	}
	for (i = 0; i < s->n; i++) {
		c = &s->codes[i];
		out_str(o, layers[c->layer].name);
		out_char(o, '\t');
		out_str(o, c->code);
		out_char(o, '\t');
		out_str(o, c->name);
		out_char(o, '\t');
		out_str(o, c->desc);
		out_char(o, '\n');
	}
}

/*
 * Splits an item at its first '-': "MET-NEG" is MET and NEG, "CRT" has
 * no polarity, and an odd item such as "EXP-POS<MET-NEU" is EXP with the
 * polarity "POS<MET-NEU", which --check then reports as unknown.
 */
struct tag
tag_split(struct slice item)
{
	const char *dash = memchr(item.p, '-', item.n);
	struct tag t;

	t.code.p = item.p;
	t.has_pol = dash != NULL;
	if (dash == NULL) {
		t.code.n = item.n;
		t.pol.p = item.p + item.n;
		t.pol.n = 0;
	} else {
		t.code.n = (size_t)(dash - item.p);
		t.pol.p = dash + 1;
		t.pol.n = item.n - t.code.n - 1;
	}
	return t;
}

/*
 * The code as layer l may hold it: listed for l or for any layer.  When
 * there is none, *elsewhere tells whether another layer lists the code.
 */
const struct scheme_code *
scheme_find(const struct scheme *s, enum layer l, struct slice code,
    bool *elsewhere)
{
	const struct scheme_code *c;
	size_t i;

	*elsewhere = false;
	for (i = first_with_code(s, code); i < s->n; i++) {
		c = s->bycode[i];
		if (c->codelen != code.n || memcmp(c->code, code.p, code.n))
			break;
		if (c->layer == l || c->layer == LAYER_ANY)
			return c;
		*elsewhere = true;
	}
	return NULL;
}

/*
 * The first problem of a tag in layer l.  The code is judged first:
 * once it is wrong, whether a polarity belongs to it cannot be said.
 */
enum problem
scheme_check(const struct scheme *s, enum layer l, struct tag t)
{
	const struct scheme_code *c;
	bool elsewhere;
	size_t i;

	if (t.code.n == 0 && !t.has_pol)
		return TAG_EMPTY;
	if ((c = scheme_find(s, l, t.code, &elsewhere)) == NULL)
		return elsewhere ? TAG_OTHER_LAYER : TAG_UNKNOWN_CODE;
	if (!layers[c->layer].polar)
		return t.has_pol ? TAG_UNEXPECTED_POL : TAG_OK;
	if (!t.has_pol)
		return TAG_MISSING_POL;
	for (i = 0; i < NELEM(polarities); i++)
		if (slice_eq(t.pol, polarities[i]))
			return TAG_OK;
	return TAG_UNKNOWN_POL;
}

static void
index_codes(struct scheme *s)
{
	size_t i;

	s->bycode = xreallocarray(NULL, s->n, sizeof(*s->bycode));
	for (i = 0; i < s->n; i++)
		s->bycode[i] = &s->codes[i];
	qsort(s->bycode, s->n, sizeof(*s->bycode), cmp_code);
}

/* By code in byte order, then by place in the scheme, so sorting is stable. */
static int
cmp_code(const void *a, const void *b)
{
	const struct scheme_code *x = *(const struct scheme_code *const *)a;
	const struct scheme_code *y = *(const struct scheme_code *const *)b;
	size_t n = x->codelen < y->codelen ? x->codelen : y->codelen;
	int d;

	if ((d = memcmp(x->code, y->code, n)) != 0)
		return d;
	if (x->codelen != y->codelen)
		return x->codelen < y->codelen ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Binary search: the index in bycode of the first entry not below code. */
static size_t
first_with_code(const struct scheme *s, struct slice code)
{
	const struct scheme_code *c;
	size_t lo = 0, hi = s->n, mid, n;
	int d;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = s->bycode[mid];
		n = c->codelen < code.n ? c->codelen : code.n;
		d = memcmp(c->code, code.p, n);
		if (d < 0 || (d == 0 && c->codelen < code.n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* One line of a scheme file; its fields become NUL-terminated strings. */
static int
parse_line(struct scheme_code *c, struct slice line, struct scheme_error *er)
{
	struct slice f[5];
	const char *bad_char;
	int l;

	if (memchr(line.p, '\0', line.n) != NULL)
		return bad(er, c->line, "NUL byte");
	/*
	 * Only the CR of a CRLF ends a line.  Another, as in "x\r\r\n",
	 * would end its field in a CR that --list writes as a CRLF, which
	 * reads back without it (fuzz_scheme found it).
	 */
	if (memchr(line.p, '\r', line.n) != NULL)
		return bad(er, c->line, "CR byte");
	if (tsv_split(line, f, 5) != 4)
		return bad(er, c->line, "%zu fields, expected 4 (layer, code, "
		    "name, description)", tsv_count(line));
	if ((l = layer_lookup(f[0])) == -1)
		return bad(er, c->line, "unknown layer '%.*s' (the layers are "
		    "section, aspect, function, severity, any)",
		    (int)f[0].n, f[0].p);
	if (f[1].n == 0)
		return bad(er, c->line, "empty code");
	/* Items are split at ',' and '-', so such a code could never match. */
	if ((bad_char = memchr(f[1].p, ',', f[1].n)) != NULL ||
	    (bad_char = memchr(f[1].p, '-', f[1].n)) != NULL)
		return bad(er, c->line, "code '%.*s' contains '%c'",
		    (int)f[1].n, f[1].p, *bad_char);
	c->text = xmalloc(line.n + 1);
	memcpy(c->text, line.p, line.n);
	c->text[line.n] = '\0';
	c->text[f[1].p - line.p - 1] = '\0';
	c->text[f[2].p - line.p - 1] = '\0';
	c->text[f[3].p - line.p - 1] = '\0';
	c->layer = (enum layer)l;
	c->code = c->text + (f[1].p - line.p);
	c->codelen = f[1].n;
	c->name = c->text + (f[2].p - line.p);
	c->desc = c->text + (f[3].p - line.p);
	return 0;
}

/*
 * A code may stand in several layers, but only once in each; a code of
 * layer "any" stands in all of them.  Reports the first line, in file
 * order, that repeats an earlier one.
 */
static int
check_duplicates(const struct scheme *s, struct scheme_error *er)
{
	const struct scheme_code *a, *b, *first = NULL, *dup = NULL;
	size_t i, j, end;

	for (i = 0; i < s->n; i = end) {
		for (end = i + 1; end < s->n &&
		    same_code(s->bycode[i], s->bycode[end]); end++)
			;
		/* Within a code, bycode is in file order: b comes after a. */
		for (; i < end; i++)
			for (j = i + 1; j < end; j++) {
				a = s->bycode[i];
				b = s->bycode[j];
				if (overlap(a, b) &&
				    (dup == NULL || b->line < dup->line)) {
					first = a;
					dup = b;
				}
			}
	}
	if (dup != NULL)
		return bad(er, dup->line, "duplicate code '%s' (line %lu has "
		    "it in layer %s)", dup->code, first->line,
		    layers[first->layer].name);
	return 0;
}

static bool
same_code(const struct scheme_code *a, const struct scheme_code *b)
{
	return a->codelen == b->codelen &&
	    memcmp(a->code, b->code, a->codelen) == 0;
}

static bool
overlap(const struct scheme_code *a, const struct scheme_code *b)
{
	return a->layer == b->layer || a->layer == LAYER_ANY ||
	    b->layer == LAYER_ANY;
}

/* Fills *er; returns -1, for "return bad(...)". */
static int
bad(struct scheme_error *er, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	er->line = line;
	va_start(ap, fmt);
	vsnprintf(er->msg, sizeof(er->msg), fmt, ap);
	va_end(ap);
	return -1;
}
