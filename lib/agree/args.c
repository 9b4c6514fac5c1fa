/*
 * ragree's arguments that name things: -l's layers (or -x's), -n's
 * raters, and the comma lists they are given in.  Each is checked before
 * a file is read; a bad one is reported and returned as -1 (NULL), and
 * cmd/ragree.c, which owns the usage text, makes it a usage error.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "msg.h"
#include "xmalloc.h"

/*
 * The number of words of a comma list; 0 for one with an empty word,
 * found before anything is allocated.
 */
static size_t
list_count(const char *arg, const char *what)
{
	char q[MSG_QUOTE_BUFSIZE];
	size_t n = 1, i;

	for (i = 0; arg[i] != '\0'; i++)
		n += arg[i] == ',';
	if (arg[0] == '\0' || arg[0] == ',' || arg[i - 1] == ',' ||
	    strstr(arg, ",,") != NULL) {
		warnx("empty name in %s %s", what, msg_quote(slice_str(arg), q));
		return 0;
	}
	return n;
}

/* Splits a comma list into its words; NULL for one with an empty word. */
char **
args_list(const char *arg, size_t *n, const char *what)
{
	char *p, **w;
	size_t i;

	if ((*n = list_count(arg, what)) == 0)
		return NULL;
	w = xreallocarray(NULL, *n, sizeof(*w));
	p = xstrdup(arg);
	for (i = 0; i < *n; i++)
		w[i] = strsep(&p, ",");
	return w;
}

void
args_list_free(char **w)
{
	if (w == NULL)
		return;
	free(w[0]);
	free(w);
}

/* A layer's index, or -1 for an unknown one (said, with the scheme's). */
static int
find_layer(const struct ragree *g, const char *name)
{
	struct slice n = { name, strlen(name) };
	int l;

	if ((l = scheme_layer(g->scheme, n)) == -1)
		scheme_unknown_layer(g->scheme, n);
	return l;
}

/*
 * -x's layer, -l's in their order (each once), or all the scheme's.
 * Returns -1 for an unknown or repeated layer.
 */
int
args_layers(struct ragree *g)
{
	const struct agree_opts *o = g->opts;
	char q[MSG_QUOTE_BUFSIZE];
	char **w;
	size_t n, i, j;

	if (o->confusion != NULL) {
		g->nlayers = 1;
		return (g->layer[0] = find_layer(g, o->confusion)) == -1 ?
		    -1 : 0;
	}
	if (o->layers == NULL) {
		for (g->nlayers = 0; g->nlayers < (size_t)g->scheme->nlayers;
		    g->nlayers++)
			g->layer[g->nlayers] = (int)g->nlayers;
		return 0;
	}
	if ((w = g->words = args_list(o->layers, &n, "-l")) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if ((g->layer[i] = find_layer(g, w[i])) == -1)
			return -1;
		for (j = 0; j < i; j++)
			if (g->layer[j] == g->layer[i]) {
				warnx("layer %s given twice",
				    msg_quote(slice_str(w[i]), q));
				return -1;
			}
	}
	g->nlayers = n;
	args_list_free(w);
	g->words = NULL;
	return 0;
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
 * Whether no two raters share a name; -1 (said) when two do.  */
static int
unique(char *const *names, size_t n)
{
	char q[MSG_QUOTE_BUFSIZE];
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0) {
				warnx("raters %zu and %zu are both named %s; "
				    "name them with -n", j + 1, i + 1,
				    msg_quote(slice_str(names[i]), q));
				return -1;
			}
	return 0;
}

/*
 * -n's names or the base names; two raters may not share one.  They go
 * to g at once, so that a usage error's exit leaves nothing unreachable.
 * Returns -1 for a wrong number of names or a name given twice.
 */
int
args_names(struct ragree *g, char **files, size_t nfiles)
{
	const char *arg = g->opts->names;
	char **w;
	size_t n, i;

	if (arg != NULL && (n = list_count(arg, "-n")) != nfiles) {
		if (n > 0)
			warnx("-n names %zu raters, but %zu files are given",
			    n, nfiles);
		return -1;
	}
	g->names = xcalloc(nfiles, sizeof(*g->names));
	if (arg != NULL) {
		w = g->words = args_list(arg, &n, "-n");
		for (i = 0; i < n; i++)
			g->names[i] = xstrdup(w[i]);
		args_list_free(w);
		g->words = NULL;
	} else
		for (i = 0; i < nfiles; i++)
			g->names[i] = base_name(files[i]);
	return unique(g->names, nfiles);
}
