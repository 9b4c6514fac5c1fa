/*
 * libFuzzer target: rtags' scheme-file parser (scheme_parse, lib/scheme.c)
 * and its writer and lookup.
 *
 * The input is read as a --scheme file.  A rejected one must come back
 * with a message and a line number within the file (or the line after
 * its last, for "no codes").  An accepted one: every code must be found
 * again by scheme_find in its layer (a code of layer "any" in every
 * layer), and checked by scheme_check; writing the scheme back as
 * "rtags --list" TSV (through a memory file) and parsing that must give
 * the same codes, names and descriptions in the same order.
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
			if (t.has_pol || (scheme_check(s, l, t) !=
			    TAG_OK && scheme_check(s, l, t) !=
			    TAG_MISSING_POL))
				abort();
		}
	}
}

/* Writes s as --list does and parses it again: the same scheme. */
static void
check_round_trip(const struct scheme *s)
{
	struct scheme back;
	struct scheme_error er;
	struct out o;
	char *text;
	off_t len;
	size_t i;

	if (ftruncate(outfd, 0) == -1 || lseek(outfd, 0, SEEK_SET) == -1)
		err(1, "memfd");
	out_init(&o, outfd);
	scheme_write(s, &o, true);
	out_free(&o);
	if ((len = lseek(outfd, 0, SEEK_CUR)) == -1)
		err(1, "lseek");
	if ((text = malloc((size_t)len)) == NULL ||
	    pread(outfd, text, (size_t)len, 0) != len)
		err(1, "pread");
	if (scheme_parse(&back, text, (size_t)len, &er) == -1)
		abort();
	if (back.n != s->n)
		abort();
	for (i = 0; i < s->n; i++)
		if (back.codes[i].layer != s->codes[i].layer ||
		    strcmp(back.codes[i].code, s->codes[i].code) != 0 ||
		    strcmp(back.codes[i].name, s->codes[i].name) != 0 ||
		    strcmp(back.codes[i].desc, s->codes[i].desc) != 0)
			abort();
	scheme_free(&back);
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
	check_lookup(&s);
	check_round_trip(&s);
	scheme_free(&s);
	return 0;
}
