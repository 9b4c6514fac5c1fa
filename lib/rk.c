#include <err.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "rk.h"

/* Prints text to stdout and exits 0; a failed write is still an error. */
void
rk_help(const char *text)
{
	fputs(text, stdout);
	if (fflush(stdout) != 0 || ferror(stdout))
		err(1, "write error");
	exit(0);
}

void
rk_version(void)
{
	printf("%s (reviewkit) %s\n", getprogname(), RK_VERSION);
	if (fflush(stdout) != 0 || ferror(stdout))
		err(1, "write error");
	exit(0);
}

void
rk_usage(const char *usage)
{
	fputs(usage, stderr);
	exit(2);
}

void
rk_option(int ch, const char *help, const char *usage)
{
	if (ch == 'h')
		rk_help(help);
	if (ch == 'V')
		rk_version();
	rk_usage(usage);
}

/*
 * A bad long option, arg as typed ("--sch=x"): unknown or ambiguous when
 * getopt found no option (val 0), else the option of that val whose name
 * begins with what was typed, missing its argument or given one it does
 * not take.
 */
static void
bad_long(const char *arg, int val, const struct option *longopts)
{
	char q[MSG_NAME_BUFSIZE];
	const char *name = arg + 2, *eq = strchr(name, '=');
	size_t n = eq != NULL ? (size_t)(eq - name) : strlen(name), i, nmatch = 0;

	for (i = 0; longopts[i].name != NULL; i++)
		if (strncmp(longopts[i].name, name, n) == 0) {
			if (val != 0 && longopts[i].val == val)
				break;
			nmatch++;
		}
	if (val != 0 && longopts[i].name != NULL && eq != NULL)
		warnx("option '--%s' doesn't allow an argument",
		    longopts[i].name);
	else if (val != 0 && longopts[i].name != NULL)
		warnx("option '--%s' requires an argument", longopts[i].name);
	else if (val == 0 && nmatch > 1) {
		fprintf(stderr, "%s: option '--%s' is ambiguous; possibilities:",
		    getprogname(), msg_clip((struct slice){ name, n }, q));
		for (i = 0; longopts[i].name != NULL; i++)
			if (strncmp(longopts[i].name, name, n) == 0)
				fprintf(stderr, " '--%s'", longopts[i].name);
		fputc('\n', stderr);
	} else
		warnx("unrecognized option '%s'", msg_name(arg, q));
}

/* Whether c is one of optstring's short options (after its flags). */
static bool
is_short(const char *optstring, int c)
{
	optstring += strspn(optstring, "+-:");
	return c > 0 && c < 256 && c != ':' && strchr(optstring, c) != NULL;
}

/*
 * glibc's getopt prints the bytes of a bad option as they are, so that
 * "-\033" or "--\033]0;title\a" would drive the terminal: opterr is off
 * and the message is written here instead.  getopt leaves the option it
 * failed on in optopt (0 for an unknown long one, the val of a long one)
 * and, for a long one, in argv[optind - 1]; a short one's cluster never
 * starts with "--".
 */
int
rk_getopt(int argc, char *argv[], const char *optstring,
    const struct option *longopts)
{
	char q[MSG_QUOTE_BUFSIZE], c;
	const char *arg;
	int ch;

	opterr = 0;
	ch = getopt_long(argc, argv, optstring, longopts, NULL);
	if (ch != '?')
		return ch;
	arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	c = (char)optopt;
	if (strncmp(arg, "--", 2) == 0 && arg[2] != '\0' &&
	    (optopt == 0 || optopt > 255 || is_short(optstring, optopt)))
		bad_long(arg, optopt, longopts);
	else if (is_short(optstring, optopt))
		warnx("option requires an argument -- '%c'", c);
	else
		warnx("invalid option -- '%s'",
		    msg_clip((struct slice){ &c, 1 }, q));
	return '?';
}
