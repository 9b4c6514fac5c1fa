/*
 * What every reviewkit tool shares: its version, --help and --version,
 * and getopt_long with messages that quote what was typed.
 */
#ifndef RK_RK_H
#define RK_RK_H

#include <getopt.h>

#define RK_VERSION	"0.1.0"

void	rk_help(const char *text);
void	rk_version(void);

/* Writes a tool's usage text to stderr and exits 2: a usage error. */
void	rk_usage(const char *usage) __attribute__((noreturn));

/*
 * The long options every tool takes, the end of each tool's table:
 * --scheme (RK_OPT_SCHEME), -N, -h and -V, and the table's end.
 */
#define RK_OPT_SCHEME	0x4000
#define RK_LONGOPTS_COMMON						\
	{ "scheme",	required_argument,	NULL, RK_OPT_SCHEME },	\
	{ "no-header",	no_argument,		NULL, 'N' },		\
	{ "help",	no_argument,		NULL, 'h' },		\
	{ "version",	no_argument,		NULL, 'V' },		\
	{ NULL,		0,			NULL, 0 }

/*
 * The end of each tool's switch over its options: -h prints help, -V the
 * version, and anything else (getopt's '?') is a usage error.
 */
void	rk_option(int ch, const char *help, const char *usage)
	    __attribute__((noreturn));

/*
 * getopt_long(3), but a bad option is reported here, in getopt's words,
 * with the option as typed passed through msg_quote's escapes (glibc
 * writes it raw), and '?' returned.
 */
int	rk_getopt(int argc, char *argv[], const char *optstring,
	    const struct option *longopts);

#endif
