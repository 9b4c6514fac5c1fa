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

/*
 * getopt_long(3), but a bad option is reported here, in getopt's words,
 * with the option as typed passed through msg_quote's escapes (glibc
 * writes it raw), and '?' returned.
 */
int	rk_getopt(int argc, char *argv[], const char *optstring,
	    const struct option *longopts);

#endif
