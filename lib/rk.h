/* What every reviewkit tool shares: its version, --help and --version. */
#ifndef RK_RK_H
#define RK_RK_H

#define RK_VERSION	"0.1.0"

void	rk_help(const char *text);
void	rk_version(void);

#endif
