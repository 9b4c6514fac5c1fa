/*
 * libFuzzer target: the scheme-file parser (scheme_parse, lib/scheme.c)
 * with its layers, and its writer and lookup.
 *
 * The input is read as a --scheme file (SPEC 6.3: layer code name
 * description polarity).  A rejected one must come back with a message
 * and a line number within the file (or the line after its last, for "no
 * codes").  An accepted one:
 *   - its layers are the layer names other than "any" in the order they
 *     first appear, one to SCHEME_LAYERS_MAX of them, each found again
 *     by scheme_layer, and scheme_columns puts them between sentence and
 *     text;
 *   - each code's polarity is its line's fifth field, "yes" or "no" (read
 *     again here from the input), and a layer takes one when a code of
 *     it does; its items are keyed by polarity (scheme_keys_polarity)
 *     when it lists one code and "any" none;
 *   - every code is found again by scheme_find in its layer (a code of
 *     "any" in every layer), scheme_home names that layer (LAYER_ANY,
 *     LAYER_SEVERAL when several list it), and scheme_check takes CODE
 *     and CODE-POS as its polarity says;
 *   - writing it as "rtags --list" does (through a memory file) and
 *     parsing that gives the same layers and codes in the same order,
 *     and writing that again gives the same bytes.
 */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "out.h"
#include "scheme.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int	outfd = -1;

static void	check_polar(const struct scheme *, int,
		    const struct scheme_code *);

/* Lines in p[0..n): what a rejected file's line number may reach. */
static unsigned long
count_lines(const char *p, size_t n)
{
	unsigned long lines = 0;
	size_t i;

	for (i = 0; i < n; i++)
		lines += p[i] == '\n';
	return lines + (n > 0 && p[n - 1] != '\n');
}

/* Line number line (1-based) of p[0..n), without its LF and CRs. */
static struct slice
line_at(const char *p, size_t n, unsigned long line)
{
	const char *end = p + n, *nl;
	struct slice l;

	for (; line > 1; line--) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			abort();
		p = nl + 1;
	}
	nl = memchr(p, '\n', (size_t)(end - p));
	l.p = p;
	l.n = (size_t)((nl ? nl : end) - p);
	while (l.n > 0 && l.p[l.n - 1] == '\r')
		l.n--;
	return l;
}

/* Field i (0-based) of a line, by a plain walk. */
static struct slice
field_of(struct slice l, size_t i)
{
	const char *p = l.p, *end = l.p + l.n, *tab;

	for (; i > 0; i--) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			abort();
		p = tab + 1;
	}
	tab = memchr(p, '\t', (size_t)(end - p));
	return (struct slice){ p, (size_t)((tab ? tab : end) - p) };
}

/* The layers, polarities and columns against a model of the file. */
static void
check_layers(const struct scheme *s, const char *p, size_t n)
{
	struct slice cols[SCHEME_COLUMNS_MAX], pol, ln;
	bool polar[SCHEME_LAYERS_MAX] = { false };
	size_t ncodes[SCHEME_LAYERS_MAX] = { 0 }, nany = 0, i;
	const struct scheme_code *c;
	int nl = 0, l;

	if (s->nlayers < 1 || s->nlayers > SCHEME_LAYERS_MAX)
		abort();
	for (i = 0; i < s->n; i++) {
		c = &s->codes[i];
		if (i > 0 && c->line <= s->codes[i - 1].line)
			abort();
		ln = line_at(p, n, c->line);
		pol = field_of(ln, 4);
		if (!(c->polar ? slice_eq(pol, "yes") : slice_eq(pol, "no")))
			abort();
		if (!slice_eq(field_of(ln, 0), c->lname) ||
		    !slice_eq(field_of(ln, 1), c->code))
			abort();
		if (strcmp(c->lname, "any") == 0) {
			if (c->layer != LAYER_ANY)
				abort();
			nany++;
			continue;
		}
		for (l = 0; l < nl; l++)
			if (strcmp(s->layers[l].name, c->lname) == 0)
				break;
		if (l == nl && nl++ == s->nlayers)
			abort();
		if (c->layer != l || strcmp(s->layers[l].name, c->lname) != 0)
			abort();
		polar[l] |= c->polar;
		ncodes[l]++;
	}
	if (nl != s->nlayers)
		abort();
	if (scheme_columns(s, cols) != (size_t)nl + 3 ||
	    !slice_eq(cols[1], "sentence") || !slice_eq(cols[nl + 2], "text"))
		abort();
	for (l = 0; l < nl; l++) {
		if (s->layers[l].polar != polar[l] ||
		    scheme_keys_polarity(s, l) != (ncodes[l] + nany == 1) ||
		    s->layers[l].namelen != strlen(s->layers[l].name) ||
		    scheme_layer(s, cols[l + 2]) != l)
			abort();
	}
}

/* Where scheme_home must say code lives: from the codes, one by one. */
static int
home_of(const struct scheme *s, const char *code)
{
	int home = LAYER_UNKNOWN;
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (strcmp(s->codes[i].code, code) != 0)
			continue;
		if (s->codes[i].layer == LAYER_ANY)
			return LAYER_ANY;
		home = home == LAYER_UNKNOWN ? s->codes[i].layer :
		    LAYER_SEVERAL;
	}
	return home;
}

static void
check_lookup(const struct scheme *s)
{
	const struct scheme_code *c, *found;
	struct slice code;
	struct tag t;
	bool elsewhere;
	size_t i;
	int l;

	for (i = 0; i < s->n; i++) {
		c = &s->codes[i];
		code.p = c->code;
		code.n = c->codelen;
		if (c->codelen != strlen(c->code) || c->codelen == 0)
			abort();
		for (l = 0; l < s->nlayers; l++) {
			if (c->layer != LAYER_ANY && c->layer != l)
				continue;
			found = scheme_find(s, l, code, &elsewhere);
			if (found != c)
				abort();
			t = items_tag(code);
			if (t.has_pol || scheme_check(s, l, t) !=
			    (c->polar ? TAG_MISSING_POL : TAG_OK))
				abort();
			check_polar(s, l, c);
		}
		if (scheme_home(s, code) != home_of(s, c->code))
			abort();
	}
}

/* CODE-POS and CODE-XYZ in layer l, where code c stands. */
static void
check_polar(const struct scheme *s, int l, const struct scheme_code *c)
{
	char item[512];
	struct tag t;

	if (c->codelen + 5 > sizeof(item))
		return;
	memcpy(item, c->code, c->codelen);
	memcpy(item + c->codelen, "-POS", 4);
	t = items_tag((struct slice){ item, c->codelen + 4 });
	if (scheme_check(s, l, t) != (c->polar ? TAG_OK : TAG_UNEXPECTED_POL))
		abort();
	memcpy(item + c->codelen, "-XYZ", 4);
	t = items_tag((struct slice){ item, c->codelen + 4 });
	if (scheme_check(s, l, t) !=
	    (c->polar ? TAG_UNKNOWN_POL : TAG_UNEXPECTED_POL))
		abort();
}

/* s as "rtags --list" writes it, in a malloc'd buffer of *len bytes. */
static char *
written(const struct scheme *s, size_t *len)
{
	struct out o;
	char *text;
	off_t n;

	if (ftruncate(outfd, 0) == -1 || lseek(outfd, 0, SEEK_SET) == -1)
		err(1, "memfd");
	out_init(&o, outfd);
	scheme_write(s, &o, true);
	out_free(&o);
	if ((n = lseek(outfd, 0, SEEK_CUR)) == -1)
		err(1, "lseek");
	if ((text = malloc((size_t)n + 1)) == NULL ||
	    pread(outfd, text, (size_t)n, 0) != n)
		err(1, "pread");
	*len = (size_t)n;
	return text;
}

/* Writes s as --list does and parses it again: the same scheme. */
static void
check_round_trip(const struct scheme *s)
{
	struct scheme back;
	struct scheme_error er;
	char *text, *again;
	size_t len, len2, i;
	int l;

	text = written(s, &len);
	if (scheme_parse(&back, text, len, &er) == -1)
		abort();
	if (back.n != s->n || back.nlayers != s->nlayers)
		abort();
	for (l = 0; l < s->nlayers; l++)
		if (strcmp(back.layers[l].name, s->layers[l].name) != 0 ||
		    back.layers[l].polar != s->layers[l].polar)
			abort();
	for (i = 0; i < s->n; i++)
		if (back.codes[i].layer != s->codes[i].layer ||
		    back.codes[i].polar != s->codes[i].polar ||
		    strcmp(back.codes[i].lname, s->codes[i].lname) != 0 ||
		    strcmp(back.codes[i].code, s->codes[i].code) != 0 ||
		    strcmp(back.codes[i].name, s->codes[i].name) != 0 ||
		    strcmp(back.codes[i].desc, s->codes[i].desc) != 0)
			abort();
	again = written(&back, &len2);
	if (len2 != len || memcmp(again, text, len) != 0)
		abort();
	scheme_free(&back);
	free(again);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct scheme s;
	struct scheme_error er;
	const char *p = (const char *)data;

	if (outfd == -1 && (outfd = memfd_create("scheme", 0)) == -1)
		err(1, "memfd_create");
	memset(&er, 0, sizeof(er));
	if (scheme_parse(&s, p, n, &er) == -1) {
		if (er.msg[0] == '\0' || er.line == 0 ||
		    er.line > count_lines(p, n) + 1 ||
		    memchr(er.msg, '\0', sizeof(er.msg)) == NULL)
			abort();
		if (s.n != 0 || s.codes != NULL || s.bycode != NULL)
			abort();
		return 0;
	}
	if (s.n == 0 || s.n + 1 > count_lines(p, n))
		abort();
	check_layers(&s, p, n);
	check_lookup(&s);
	check_round_trip(&s);
	scheme_free(&s);
	return 0;
}
