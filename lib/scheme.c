#include <sys/stat.h>

#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "line.h"
#include "msg.h"
#include "scheme.h"
#include "xmalloc.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define POL		true
#define NOPOL		false

static const char *const polarities[] = { "POS", "NEG", "NEU" };

static const char *const problems[] = {
	[TAG_OK] =		"",
	[TAG_EMPTY] =		"empty item",
	[TAG_UNKNOWN_CODE] =	"unknown code",
	[TAG_OTHER_LAYER] =	"code of another layer",
	[TAG_MISSING_POL] =	"missing polarity",
	[TAG_UNEXPECTED_POL] =	"unexpected polarity",
	[TAG_UNKNOWN_POL] =	"unknown polarity",
	[TAG_REPEATED] =	"repeated item",
};

/*
 * A built-in scheme is its rows, as a scheme file would hold them: the
 * layers are the layer names in the order they first appear.  These two
 * tables are the only place in reviewkit that knows a layer's name.
 */
struct row {
	const char	*layer;
	const char	*code;
	const char	*name;
	const char	*desc;
	bool		 polar;
};

/* Peer Review Analyze (SPEC 6.1). */
static const struct row pra[] = {
	{ "section", "ABS", "Abstract",
	    "the paper's abstract", POL },
	{ "section", "INT", "Introduction",
	    "the introduction: motivation, context and claimed contributions", POL },
	{ "section", "RWK", "Related Work",
	    "prior work, as the paper discusses, compares with or omits it", POL },
	{ "section", "PDI", "Problem Definition / Idea",
	    "the problem the paper addresses, or its central idea", POL },
	{ "section", "DAT", "Data / Datasets",
	    "the data or datasets the paper uses, builds or releases", POL },
	{ "section", "MET", "Methodology",
	    "the proposed method, model, algorithm or approach", POL },
	{ "section", "EXP", "Experiments",
	    "the experimental set-up: tasks, baselines, settings, protocol", POL },
	{ "section", "RES", "Results",
	    "the results the paper reports", POL },
	{ "section", "TNF", "Tables and Figures",
	    "the paper's tables, figures and plots", POL },
	{ "section", "ANA", "Analysis",
	    "the analysis of results: ablations, discussion, theory", POL },
	{ "section", "FWK", "Future Work",
	    "future work, open questions and possible extensions", POL },
	{ "section", "OAL", "Overall",
	    "the paper as a whole", POL },
	{ "section", "BIB", "Bibliography",
	    "the references: missing, wrong or badly formatted citations", POL },
	{ "section", "EXT", "External Knowledge",
	    "knowledge from outside the paper: the field, other work, "
	    "the reviewer's experience", POL },
	{ "aspect", "APR", "Appropriateness",
	    "whether the paper fits the venue and its scope", POL },
	{ "aspect", "NOV", "Originality / Novelty",
	    "how new the problem, idea, method or findings are", POL },
	{ "aspect", "IMP", "Significance / Impact",
	    "how much the work matters, and its likely influence on the field", POL },
	{ "aspect", "CMP", "Meaningful Comparison",
	    "whether the work is compared fairly and fully with prior work "
	    "and baselines", POL },
	{ "aspect", "PNF", "Presentation and Formatting",
	    "writing, organisation, notation, typos and layout", POL },
	{ "aspect", "REC", "Recommendation",
	    "the reviewer's recommendation to accept or reject", POL },
	{ "aspect", "EMP", "Empirical / Theoretical Soundness",
	    "whether the experiments, proofs and claims are correct and "
	    "support the conclusions", POL },
	{ "aspect", "SUB", "Substance",
	    "whether there is enough work, depth and detail for a paper", POL },
	{ "aspect", "CLA", "Clarity",
	    "whether the paper is clear and easy to follow", POL },
	{ "function", "SMY", "Summary",
	    "restates what the paper does or claims", NOPOL },
	{ "function", "CRT", "Criticism",
	    "points out a weakness, flaw or error", NOPOL },
	{ "function", "DIS", "Discussion",
	    "discusses the content without praise or blame", NOPOL },
	{ "function", "APC", "Appreciation",
	    "praises a strength of the paper", NOPOL },
	{ "function", "QSN", "Question",
	    "asks the authors a question", NOPOL },
	{ "function", "SUG", "Suggestion",
	    "suggests a change, addition or further experiment", NOPOL },
	{ "function", "DFT", "Deficiency",
	    "names something the paper lacks", NOPOL },
	{ "function", "FBK", "Feedback",
	    "gives the reviewer's overall verdict on the paper", NOPOL },
	{ "severity", "MAJ", "Major",
	    "a major comment, one that bears on the paper's acceptance", NOPOL },
	{ "severity", "MIN", "Minor",
	    "a minor comment: a detail, a typo, a small fix", NOPOL },
	{ "severity", "GEN", "General",
	    "a general remark, neither a major nor a minor point", NOPOL },
	{ "any", "CNT", "Unclassifiable",
	    "no category of the layer applies; never has a polarity", NOPOL },
};

/* The ArGU-LLM review-quality criteria (SPEC 6.2): a layer each. */
static const struct row argu[] = {
	{ "clarity", "CLA", "Clarity of Review",
	    "whether the review is clear, well organised and easy to follow",
	    POL },
	{ "justification", "JUS", "Justification of Scores",
	    "whether the review's scores and verdict are backed by reasons",
	    POL },
	{ "depth", "DEP", "Depth of Analysis",
	    "how far the review goes into the paper's method and evidence",
	    POL },
	{ "fairness", "FAI", "Fairness and Objectivity",
	    "whether the review judges the work, not its authors, without bias",
	    POL },
	{ "constructiveness", "CON", "Constructiveness of Feedback",
	    "whether the review says how the paper could be improved", POL },
	{ "engagement", "ENG", "Engagement with Related Work",
	    "whether the review places the paper among prior work", POL },
	{ "accuracy", "ACC", "Accuracy in Understanding",
	    "whether the review understands and reports the paper correctly",
	    POL },
	{ "consistency", "CST", "Consistency of Evaluation",
	    "whether the review's comments, scores and verdict agree", POL },
	{ "novelty", "NOV", "Identification of Novelty",
	    "whether the review judges what is new in the paper", POL },
	{ "ethics", "ETH", "Ethical Considerations and Responsibility",
	    "whether the review raises the ethical questions the work poses",
	    POL },
};

static const struct {
	const char	*name;
	const struct row *rows;
	size_t		 n;
} builtins[] = {
	{ "pra",	pra,	NELEM(pra) },
	{ "argu",	argu,	NELEM(argu) },
};

static const char any_layer[] = "any";
static const char scheme_header[] =
    "layer\tcode\tname\tdescription\tpolarity";

static int	assign_layers(struct scheme *, struct scheme_error *);
static void	index_codes(struct scheme *);
static int	cmp_code(const void *, const void *);
static void	index_slots(struct scheme *);

static int	parse_line(struct scheme_code *, struct slice,
		    struct scheme_error *);
static int	check_layer_name(const struct scheme_code *,
		    struct scheme_error *);
static int	check_duplicates(const struct scheme *, struct scheme_error *);
static bool	same_code(const struct scheme_code *,
		    const struct scheme_code *);
static const struct scheme_code *earlier(const struct scheme_code *,
		    const struct scheme_code *);
static int	bad(struct scheme_error *, unsigned long, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/*
 * The scheme asked for: --scheme's arg, else $REVIEWKIT_SCHEME (empty is
 * unset), else NULL.  *how is what a message writes before the name:
 * "--scheme " or "REVIEWKIT_SCHEME=".
 */
static const char *
asked_name(const char *arg, const char **how)
{
	if (arg != NULL) {
		*how = "--scheme ";
		return arg;
	}
	*how = SCHEME_ENV "=";
	arg = getenv(SCHEME_ENV);
	return arg != NULL && *arg != '\0' ? arg : NULL;
}

/*
 * Loads the scheme called name: a built-in's name means the built-in,
 * and anything else, or a name with a '/' ("./argu"), is a file, read
 * relative to the current directory.  A file in the current directory
 * named as a built-in is not read, and a warning says so, since the
 * user may have meant it.  Exits 2 on any fault.
 */
static void
load_named(struct scheme *s, const char *name, const char *how)
{
	char q[MSG_QUOTE_BUFSIZE];
	bool path = strchr(name, '/') != NULL;
	struct stat st;

	if (!path && scheme_builtin(s, name) == 0) {
		if (stat(name, &st) == 0 && S_ISREG(st.st_mode))
			warnx("%s%s names the built-in scheme %s, not the file %s "
			    "in the current directory; for the file, write ./%s",
			    how, name, name, name, name);
		return;
	}
	if (!path && access(name, F_OK) == -1)
		errx(2, "no scheme %s: the built-in schemes are %s, and any "
		    "other is a scheme file", msg_quote(slice_str(name), q),
		    scheme_builtin_names());
	scheme_load(s, name);
}

/*
 * Loads the scheme asked for by --scheme's arg or $REVIEWKIT_SCHEME, and
 * returns true; false, with nothing loaded, when neither asks.  Exits 2
 * on any fault, before a row is read.
 */
bool
scheme_asked(struct scheme *s, const char *arg)
{
	const char *how, *name;

	if ((name = asked_name(arg, &how)) == NULL)
		return false;
	load_named(s, name, how);
	return true;
}

/* The scheme asked for, else pra: for a tool that reads no header. */
void
scheme_in_effect(struct scheme *s, const char *arg)
{
	if (!scheme_asked(s, arg))
		(void)scheme_builtin(s, SCHEME_DEFAULT);
}

/* Whether the n fields of a header include one called name. */
static bool
header_has(const struct slice *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (slice_eq(names[i], name))
			return true;
	return false;
}

/*
 * A table of ragree's figures (a layer or key column and a rater column,
 * then figures such as accuracy): it holds no label field, so its names
 * say nothing of the scheme, though argu has a layer called accuracy.
 */
static bool
figure_table(const struct slice *names, size_t n)
{
	return (header_has(names, n, "layer") || header_has(names, n, "key")) &&
	    header_has(names, n, "rater");
}

/*
 * How many layers of the built-in scheme b are among the n fields of a
 * header; each layer once, however often the header repeats it.
 */
static size_t
builtin_layers_in(size_t b, const struct slice *names, size_t n)
{
	const struct row *rows = builtins[b].rows;
	size_t i, j, count = 0;

	for (i = 0; i < builtins[b].n; i++) {
		if (strcmp(rows[i].layer, any_layer) == 0)
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(rows[j].layer, rows[i].layer) == 0)
				break;
		if (j == i && header_has(names, n, rows[i].layer))
			count++;
	}
	return count;
}

/* The built-in scheme with the most layers among the fields; pra on a tie. */
static size_t
best_builtin(const struct slice *names, size_t n, size_t *nlayers)
{
	size_t b, best = 0, c;

	*nlayers = 0;
	for (b = 0; b < NELEM(builtins); b++)
		if ((c = builtin_layers_in(b, names, n)) > *nlayers) {
			*nlayers = c;
			best = b;
		}
	return best;
}

/*
 * The header of file, fields names[0..n), contradicts s when none of its
 * layers is a field while a built-in scheme's are: the label columns are
 * another scheme's, and reading them under s would give wrong answers
 * with no error (SPEC 3).  A usage error, naming the scheme that fits.
 */
void
scheme_fits(const struct scheme *s, const struct slice *names, size_t n,
    const char *file)
{
	char q[2][MSG_NAME_BUFSIZE];
	size_t b, found;
	int l;

	if (figure_table(names, n))
		return;
	for (l = 0; l < s->nlayers; l++)
		if (header_has(names, n, s->layers[l].name))
			return;
	b = best_builtin(names, n, &found);
	if (found > 0)
		errx(2, "%s: the header's label fields are the layers of scheme "
		    "%s, not of %s; use --scheme %s", msg_name(file, q[0]),
		    builtins[b].name, msg_name(s->source, q[1]),
		    builtins[b].name);
}

/*
 * The scheme in effect for review TSV whose first header, read from
 * file, has the fields names[0..n); names is NULL when there is no
 * header (no input had a line, or -N).  asked says whether s holds the
 * scheme asked for (scheme_asked): then the header may only confirm it
 * (scheme_fits).  Otherwise s becomes the built-in scheme with the most
 * layers among the fields, pra when none has any or the header is one of
 * ragree's figure tables.
 */
void
scheme_for_header(struct scheme *s, bool asked, const struct slice *names,
    size_t n, const char *file)
{
	size_t found;

	if (asked) {
		if (names != NULL)
			scheme_fits(s, names, n, file);
		return;
	}
	(void)scheme_builtin(s, builtins[names != NULL &&
	    !figure_table(names, n) ? best_builtin(names, n, &found) : 0].name);
}

/*
 * Whether name is a column of review TSV under the scheme asked for by
 * arg or $REVIEWKIT_SCHEME, or, when none is, under a built-in scheme:
 * for rcount's hint, before any input is read.  False for a scheme that
 * is neither a built-in nor a file (loading it later says why); a bad
 * scheme file exits here as it would there.
 */
bool
scheme_names_column(const char *arg, const char *name)
{
	static const char *const fixed[] = { "review", "sentence", "text" };
	struct slice one = { name, strlen(name) };
	const char *how, *asked;
	struct scheme s;
	size_t b, i;
	bool found;

	for (i = 0; i < NELEM(fixed); i++)
		if (strcmp(name, fixed[i]) == 0)
			return true;
	if ((asked = asked_name(arg, &how)) == NULL) {
		for (b = 0; b < NELEM(builtins); b++)
			if (builtin_layers_in(b, &one, 1) > 0)
				return true;
		return false;
	}
	if (strchr(asked, '/') != NULL || scheme_builtin(&s, asked) == -1) {
		if (access(asked, F_OK) == -1)
			return false;
		scheme_load(&s, asked);
	}
	found = scheme_layer(&s, one) >= 0;
	scheme_free(&s);
	return found;
}

/* The built-in scheme called name; -1 when there is none. */
int
scheme_builtin(struct scheme *s, const char *name)
{
	struct scheme_error er;
	const struct row *r;
	size_t i, b;

	for (b = 0; b < NELEM(builtins); b++)
		if (strcmp(name, builtins[b].name) == 0)
			break;
	if (b == NELEM(builtins))
		return -1;
	memset(s, 0, sizeof(*s));
	s->source = builtins[b].name;
	s->n = builtins[b].n;
	s->codes = xcalloc(s->n, sizeof(*s->codes));
	for (i = 0; i < s->n; i++) {
		r = &builtins[b].rows[i];
		s->codes[i].lname = r->layer;
		s->codes[i].code = r->code;
		s->codes[i].codelen = strlen(r->code);
		s->codes[i].name = r->name;
		s->codes[i].desc = r->desc;
		s->codes[i].polar = r->polar;
		s->codes[i].line = i + 2;
	}
	/* The tables above are right by construction; a test holds them so. */
	if (assign_layers(s, &er) == -1)
		errx(2, "built-in scheme %s:%lu: %s", name, er.line, er.msg);
	index_codes(s);
	return 0;
}

/* The name of the i-th built-in scheme (0: the default), or NULL. */
const char *
scheme_builtin_name(size_t i)
{
	return i < NELEM(builtins) ? builtins[i].name : NULL;
}

/* "pra, argu", for messages and help. */
const char *
scheme_builtin_names(void)
{
	return "pra, argu";
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
		    "description, polarity, TAB-separated");
	while (line_next(&r, &line)) {
		s->codes = xgrowarray(s->codes, &cap, s->n + 1,
		    sizeof(*s->codes));
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
	if (assign_layers(s, er) == -1) {
		scheme_free(s);
		return -1;
	}
	index_codes(s);
	if (check_duplicates(s, er) == -1) {
		scheme_free(s);
		return -1;
	}
	return 0;
}

/*
 * Reads the scheme file path whole (a scheme is a few kilobytes; more
 * than SCHEME_FILE_MAX bytes is no scheme, and /dev/zero must not eat
 * memory) and parses it.  Any fault is fatal with status 2, before a row
 * is read: like a bad expression, a bad scheme means the command cannot
 * run as asked.
 */
void
scheme_load(struct scheme *s, const char *path)
{
	char q[MSG_NAME_BUFSIZE];
	struct scheme_error er;
	struct input in;

	if (input_open(&in, path) == -1)
		exit(2);
	while (input_fill(&in, 0) == 1)
		if (in.len > SCHEME_FILE_MAX)
			errx(2, "%s: more than 1 MiB, too large for a scheme "
			    "file", msg_name(path, q));
	if (in.failed)
		exit(2);
	if (scheme_parse(s, in.buf, in.len, &er) == -1)
		msg_die_at(2, path, er.line, "%s", er.msg);
	input_close(&in);
	s->source = path;
}

void
scheme_free(struct scheme *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->codes[i].text);
	free(s->codes);
	free(s->bycode);
	free(s->slots);
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
		out_str(o, c->lname);
		out_char(o, '\t');
		out_str(o, c->code);
		out_char(o, '\t');
		out_str(o, c->name);
		out_char(o, '\t');
		out_str(o, c->desc);
		out_str(o, c->polar ? "\tyes\n" : "\tno\n");
	}
}

/* The index of the layer called name, or -1 ("any" is no layer). */
int
scheme_layer(const struct scheme *s, struct slice name)
{
	int i;

	for (i = 0; i < s->nlayers; i++)
		if (name.n == s->layers[i].namelen &&
		    memcmp(name.p, s->layers[i].name, name.n) == 0)
			return i;
	return -1;
}

/*
 * Warns that name is no layer of s, and which are: the one wording of
 * that fault in every tool (rtags -l, ragree -l and -x).  The caller
 * exits with its usage.  Each name is clipped, since a scheme file's
 * layer may be of any length.
 */
void
scheme_unknown_layer(const struct scheme *s, struct slice name)
{
	char q[MSG_QUOTE_BUFSIZE];
	int l;

	warnx("unknown layer %s", msg_quote(name, q));
	fprintf(stderr, "%s: the layers are:", getprogname());
	for (l = 0; l < s->nlayers; l++)
		fprintf(stderr, " %s", msg_clip((struct slice){
		    s->layers[l].name, s->layers[l].namelen }, q));
	fputc('\n', stderr);
}

/*
 * The columns of review TSV under s (SPEC 2): review, sentence, the
 * layers in marker order, text.  cols has room for SCHEME_COLUMNS_MAX.
 */
size_t
scheme_columns(const struct scheme *s, struct slice *cols)
{
	size_t n = 0;
	int i;

	cols[n++] = (struct slice){ "review", 6 };
	cols[n++] = (struct slice){ "sentence", 8 };
	for (i = 0; i < s->nlayers; i++)
		cols[n++] = (struct slice){ s->layers[i].name,
		    s->layers[i].namelen };
	cols[n++] = (struct slice){ "text", 4 };
	return n;
}

/* The layer names joined by sep ("section, aspect"), for messages. */
void
scheme_put_layers(const struct scheme *s, struct out *o, const char *sep)
{
	int i;

	for (i = 0; i < s->nlayers; i++) {
		if (i > 0)
			out_str(o, sep);
		out_write(o, s->layers[i].name, s->layers[i].namelen);
	}
}

/*
 * The one layer that lists code: its index, or LAYER_ANY, LAYER_UNKNOWN
 * or LAYER_SEVERAL.  What the marker parser asks to put a group that
 * stands out of place where it belongs (SPEC 1.3).
 */
int
scheme_home(const struct scheme *s, struct slice code)
{
	return scheme_home_key(s, scheme_code_key(code.p, code.n), code);
}

/*
 * Whether the items of layer l are keyed by code and polarity even
 * without -k (SPEC 3): in a layer that holds one code, every argu layer,
 * the code says nothing and the polarity is the label.  rcount's keys
 * and ragree's values ask this.
 */
bool
scheme_keys_polarity(const struct scheme *s, int l)
{
	return s->layers[l].onecode;
}

/*
 * A tool needs a layer of s that the header of file, fields
 * names[0..n), lacks: says which layers of s the header has and lacks,
 * and that another scheme is a --scheme away (SPEC 3), then exits 2.
 */
void
scheme_missing_layer(const struct scheme *s, const struct slice *names,
    size_t n, const char *file)
{
	char q[MSG_QUOTE_BUFSIZE], nm[2][MSG_NAME_BUFSIZE];
	bool has[SCHEME_LAYERS_MAX];
	int l, k = 0, i;

	for (l = 0; l < s->nlayers; l++)
		k += has[l] = header_has(names, n, s->layers[l].name);
	fprintf(stderr, "%s: %s: the header has %d of the %d layer%s of scheme "
	    "%s (", getprogname(), msg_name(file, nm[0]), k, s->nlayers,
	    s->nlayers == 1 ? "" : "s", msg_name(s->source, nm[1]));
	for (l = 0, i = 0; l < s->nlayers; l++)
		if (has[l])
			fprintf(stderr, "%s%s", i++ > 0 ? ", " : "",
			    msg_clip((struct slice){ s->layers[l].name,
			    s->layers[l].namelen }, q));
	for (l = 0, i = 0; l < s->nlayers; l++)
		if (!has[l])
			fprintf(stderr, "%s%s", i++ > 0 ? ", " : k > 0 ?
			    "; no " : "no ", msg_clip((struct slice){
			    s->layers[l].name, s->layers[l].namelen }, q));
	fputs("); for another scheme, use --scheme FILE\n", stderr);
	exit(2);
}

const char *
scheme_problem_name(enum problem p)
{
	return problems[p];
}

/*
 * The code as layer l may hold it: listed for l or for any layer.  When
 * there is none, *elsewhere tells whether another layer lists the code.
 */
const struct scheme_code *
scheme_find(const struct scheme *s, int l, struct slice code, bool *elsewhere)
{
	const struct scheme_slot *sl = scheme_slot_of(s,
	    scheme_code_key(code.p, code.n), code);
	const struct scheme_code *c;
	size_t i;

	*elsewhere = false;
	for (i = 0; sl != NULL && i < sl->rows; i++) {
		c = s->bycode[sl->first + i];
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
scheme_check(const struct scheme *s, int l, struct tag t)
{
	const struct scheme_code *c;
	bool elsewhere;
	size_t i;

	if (t.code.n == 0 && !t.has_pol)
		return TAG_EMPTY;
	if ((c = scheme_find(s, l, t.code, &elsewhere)) == NULL)
		return elsewhere ? TAG_OTHER_LAYER : TAG_UNKNOWN_CODE;
	if (!c->polar)
		return t.has_pol ? TAG_UNEXPECTED_POL : TAG_OK;
	if (!t.has_pol)
		return TAG_MISSING_POL;
	for (i = 0; i < NELEM(polarities); i++)
		if (slice_eq(t.pol, polarities[i]))
			return TAG_OK;
	return TAG_UNKNOWN_POL;
}

/*
 * The layers are the layer names in the order they first appear; "any"
 * is none of them.  A layer takes a polarity when one of its codes does,
 * and holds one code when it lists one and no code is listed for "any".
 */
static int
assign_layers(struct scheme *s, struct scheme_error *er)
{
	size_t ncodes[SCHEME_LAYERS_MAX] = { 0 }, nany = 0;
	struct scheme_code *c;
	struct slice name;
	size_t i;
	int l;

	for (i = 0; i < s->n; i++) {
		c = &s->codes[i];
		if (c->codelen > s->maxcode)
			s->maxcode = c->codelen;
		if (strcmp(c->lname, any_layer) == 0) {
			c->layer = LAYER_ANY;
			nany++;
			continue;
		}
		name.p = c->lname;
		name.n = strlen(c->lname);
		if ((l = scheme_layer(s, name)) == -1) {
			if (check_layer_name(c, er) == -1)
				return -1;
			if (s->nlayers == SCHEME_LAYERS_MAX)
				return bad(er, c->line, "more than %d layers",
				    SCHEME_LAYERS_MAX);
			l = s->nlayers++;
			s->layers[l].name = c->lname;
			s->layers[l].namelen = name.n;
		}
		c->layer = l;
		s->layers[l].polar |= c->polar;
		ncodes[l]++;
	}
	if (s->nlayers == 0)
		return bad(er, 2, "no layer but 'any'");
	for (l = 0; l < s->nlayers; l++)
		s->layers[l].onecode = ncodes[l] + nany == 1;
	return 0;
}

/*
 * A layer is a column of review TSV that tools name in lists
 * ("-l section,aspect") and expressions ("aspect=EMP"): its name must
 * read as one there, and must not be one of the other columns.
 */
static int
check_layer_name(const struct scheme_code *c, struct scheme_error *er)
{
	static const char *const taken[] = { "review", "sentence", "text" };
	char q[MSG_QUOTE_BUFSIZE];
	const char *p;
	bool digits = true;
	size_t i;

	/* Quoted: the name may be any bytes of the file but TAB and LF. */
	msg_quote(slice_str(c->lname), q);
	for (p = c->lname; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '.'))
			return bad(er, c->line, "layer name %s may hold only "
			    "letters, digits, '_' and '.'", q);
		digits &= *p >= '0' && *p <= '9';
	}
	if (digits)
		return bad(er, c->line, "layer name %s is a number, which "
		    "would mean a column", q);
	for (i = 0; i < NELEM(taken); i++)
		if (strcmp(c->lname, taken[i]) == 0)
			return bad(er, c->line, "layer name %s is a column "
			    "of review TSV already", q);
	return 0;
}

static void
index_codes(struct scheme *s)
{
	size_t i;

	s->bycode = xreallocarray(NULL, s->n, sizeof(*s->bycode));
	for (i = 0; i < s->n; i++)
		s->bycode[i] = &s->codes[i];
	qsort(s->bycode, s->n, sizeof(*s->bycode), cmp_code);
	index_slots(s);
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

/*
 * The table of distinct codes, built once per scheme: a code's rows are
 * one run of bycode, and its home is what they say together (a code of
 * "any" is LAYER_ANY, one listed in two layers LAYER_SEVERAL).  Open
 * addressing at most half full, so that a lookup is a slot or two,
 * whatever the scheme's size (rsplit looks up every item of every
 * marker; the binary search it replaces was a sixth of rsplit -L).
 */
static void
index_slots(struct scheme *s)
{
	struct scheme_slot *sl;
	const struct scheme_code *c;
	size_t i, end, nslots = 16;

	while (nslots < 4 * s->n)
		nslots *= 2;
	s->slots = xcalloc(nslots, sizeof(*s->slots));
	s->slotmask = nslots - 1;
	for (i = 0; i < s->n; i = end) {
		c = s->bycode[i];
		sl = &s->slots[scheme_slot_index(s,
		    scheme_code_key(c->code, c->codelen), c->codelen)];
		while (sl->code != NULL)
			sl = sl == &s->slots[s->slotmask] ? s->slots : sl + 1;
		sl->key = scheme_code_key(c->code, c->codelen);
		sl->code = c->code;
		sl->len = c->codelen;
		sl->first = i;
		sl->home = LAYER_UNKNOWN;
		for (end = i; end < s->n && same_code(c, s->bycode[end]); end++)
			if (sl->home != LAYER_ANY)
				sl->home = s->bycode[end]->layer == LAYER_ANY ||
				    sl->home == LAYER_UNKNOWN ?
				    s->bycode[end]->layer : LAYER_SEVERAL;
		sl->rows = end - i;
	}
}

/* One line of a scheme file; its fields become NUL-terminated strings. */
static int
parse_line(struct scheme_code *c, struct slice line, struct scheme_error *er)
{
	struct slice f[6];
	const char *bad_char;
	char quoted[2][MSG_QUOTE_BUFSIZE];
	size_t i;

	if (memchr(line.p, '\0', line.n) != NULL)
		return bad(er, c->line, "NUL byte");
	/*
	 * Only the CR of a CRLF ends a line.  Another, as in "x\r\r\n",
	 * would end its field in a CR that --list writes as a CRLF, which
	 * reads back without it (fuzz_scheme found it).
	 */
	if (memchr(line.p, '\r', line.n) != NULL)
		return bad(er, c->line, "CR byte");
	if (tsv_split(line, f, 6) != 5)
		return bad(er, c->line, "%zu fields, expected 5 (layer, code, "
		    "name, description, polarity)", tsv_count(line));
	if (f[0].n == 0)
		return bad(er, c->line, "empty layer");
	if (f[1].n == 0)
		return bad(er, c->line, "empty code");
	/* Items are split at ',' and '-', so such a code could never match. */
	if ((bad_char = memchr(f[1].p, ',', f[1].n)) != NULL ||
	    (bad_char = memchr(f[1].p, '-', f[1].n)) != NULL)
		return bad(er, c->line, "code %s contains '%c'",
		    msg_quote(f[1], quoted[0]), *bad_char);
	if (!slice_eq(f[4], "yes") && !slice_eq(f[4], "no"))
		return bad(er, c->line, "polarity %s, expected yes or no",
		    msg_quote(f[4], quoted[1]));
	c->text = xmalloc(line.n + 1);
	memcpy(c->text, line.p, line.n);
	c->text[line.n] = '\0';
	for (i = 1; i < 5; i++)
		c->text[f[i].p - line.p - 1] = '\0';
	c->lname = c->text;
	c->code = c->text + (f[1].p - line.p);
	c->codelen = f[1].n;
	c->name = c->text + (f[2].p - line.p);
	c->desc = c->text + (f[3].p - line.p);
	c->polar = f[4].n == 3;
	return 0;
}

/*
 * A code may stand in several layers, but only once in each; a code of
 * layer "any" stands in all of them.  Reports the first line, in file
 * order, that repeats an earlier one.  One pass over each code's rows,
 * noting the first row of each layer, since a file may hold one code
 * thousands of times (comparing every pair was quadratic).
 */
static int
check_duplicates(const struct scheme *s, struct scheme_error *er)
{
	const struct scheme_code *seen[SCHEME_LAYERS_MAX], *any, *a, *b;
	const struct scheme_code *first = NULL, *dup = NULL;
	char q[MSG_QUOTE_BUFSIZE];
	size_t i, j, end;

	for (i = 0; i < s->n; i = end) {
		for (end = i + 1; end < s->n &&
		    same_code(s->bycode[i], s->bycode[end]); end++)
			;
		/* Within a code, bycode is in file order. */
		memset(seen, 0, sizeof(seen));
		any = NULL;
		for (j = i; j < end; j++) {
			b = s->bycode[j];
			if (b->layer == LAYER_ANY)
				a = j > i ? s->bycode[i] : NULL;
			else
				a = earlier(seen[b->layer], any);
			if (a != NULL) {
				if (dup == NULL || b->line < dup->line) {
					first = a;
					dup = b;
				}
				break;
			}
			if (b->layer == LAYER_ANY)
				any = b;
			else
				seen[b->layer] = b;
		}
	}
	if (dup != NULL)
		return bad(er, dup->line, "duplicate code %s (line %lu has "
		    "it in layer %s)", msg_quote((struct slice){ dup->code,
		    dup->codelen }, q), first->line, first->lname);
	return 0;
}

/* The one of a and b (either may be NULL) that comes first in the file. */
static const struct scheme_code *
earlier(const struct scheme_code *a, const struct scheme_code *b)
{
	if (a == NULL)
		return b;
	if (b == NULL)
		return a;
	return a->line < b->line ? a : b;
}

static bool
same_code(const struct scheme_code *a, const struct scheme_code *b)
{
	return a->codelen == b->codelen &&
	    memcmp(a->code, b->code, a->codelen) == 0;
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

/* Whether s is one of the polarities, POS, NEG or NEU. */
bool
scheme_is_polarity(struct slice s)
{
	size_t i;

	for (i = 0; i < NELEM(polarities); i++)
		if (slice_eq(s, polarities[i]))
			return true;
	return false;
}
