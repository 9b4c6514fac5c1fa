#include <err.h>
#include <stdio.h>
#include <stdlib.h>

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
