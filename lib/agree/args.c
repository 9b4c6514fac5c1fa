/*
 * ragree's arguments that name things: -l's layers (or -x's), -n's
 * raters, and the comma lists they are given in.  Each is checked before
 * a file is read; a bad one is a usage error.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "msg.h"
#include "xmalloc.h"

static void
usage(const struct ragree *g)
{
	fputs(g->usage, stderr);
	exit(2);
}

/*
 * The number of words of a comma list; an empty one is a usage error,
 * found before anything is allocated.
 */
static size_t
list_count(const struct ragree *g, const char *arg, const char *what)
{
	char q[MSG_QUOTE_BUFSIZE];
	size_t n = 1, i;

	for (i = 0; arg[i] != '\0'; i++)
		n += arg[i] == ',';
	if (arg[0] == '\0' || arg[0] == ',' || arg[i - 1] == ',' ||
	    strstr(arg, ",,") != NULL) {
		warnx("empty name in %s %s", what, msg_quote(slice_str(arg), q));
		usage(g);
	}
	return n;
}

/* Splits a comma list into its words, checked by list_count. */
char **
args_list(const struct ragree *g, const char *arg, size_t *n,
    const char *what)
{
	char *p, **w;
	size_t i;

	*n = list_count(g, arg, what);
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

/* An unknown layer: say which the scheme has, and exit 2. */
static void
unknown_layer(const struct ragree *g, const char *name)
{
	scheme_unknown_layer(g->scheme, (struct slice){ name, strlen(name) });
	usage(g);
}

static int
find_layer(const struct ragree *g, const char *name)
{
	struct slice n = { name, strlen(name) };
	int l;

	if ((l = scheme_layer(g->scheme, n)) == -1)
		unknown_layer(g, name);
	return l;
}

/* -x's layer, -l's in their order (each once), or all the scheme's. */
void
args_layers(struct ragree *g)
{
	const struct agree_opts *o = g->opts;
	char q[MSG_QUOTE_BUFSIZE];
	char **w;
	size_t n, i, j;

	if (o->confusion != NULL) {
		g->layer[0] = find_layer(g, o->confusion);
		g->nlayers = 1;
		return;
	}
	if (o->layers == NULL) {
		for (g->nlayers = 0; g->nlayers < (size_t)g->scheme->nlayers;
		    g->nlayers++)
			g->layer[g->nlayers] = (int)g->nlayers;
		return;
	}
	w = g->words = args_list(g, o->layers, &n, "-l");
	for (i = 0; i < n; i++) {
		g->layer[i] = find_layer(g, w[i]);
		for (j = 0; j < i; j++)
			if (g->layer[j] == g->layer[i]) {
				warnx("layer %s given twice",
				    msg_quote(slice_str(w[i]), q));
				usage(g);
			}
	}
	g->nlayers = n;
	args_list_free(w);
	g->words = NULL;
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
 * -n's names or the base names; two raters may not share one.  They go
 * to g at once, so that a usage error's exit leaves nothing unreachable.
 */
void
args_names(struct ragree *g, char **files, size_t nfiles)
{
	const char *arg = g->opts->names;
	char q[MSG_QUOTE_BUFSIZE];
	char **w;
	size_t n, i, j;

	if (arg != NULL && (n = list_count(g, arg, "-n")) != nfiles) {
		warnx("-n names %zu raters, but %zu files are given", n,
		    nfiles);
		usage(g);
	}
	g->names = xcalloc(nfiles, sizeof(*g->names));
	if (arg != NULL) {
		w = g->words = args_list(g, arg, &n, "-n");
		for (i = 0; i < n; i++)
			g->names[i] = xstrdup(w[i]);
		args_list_free(w);
		g->words = NULL;
	} else
		for (i = 0; i < nfiles; i++)
			g->names[i] = base_name(files[i]);
	for (i = 0; i < nfiles; i++)
		for (j = 0; j < i; j++)
			if (strcmp(g->names[i], g->names[j]) == 0) {
				warnx("raters %zu and %zu are both named %s; "
				    "name them with -n", j + 1, i + 1,
				    msg_quote(slice_str(g->names[i]), q));
				usage(g);
			}
}
