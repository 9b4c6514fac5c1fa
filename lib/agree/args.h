/*
 * The arguments of ragree(1) that name layers, units and raters, checked
 * against the scheme and the files.  A bad one is said on stderr and
 * returned as -1 (or NULL): the caller owns the usage text.
 */
#ifndef RK_AGREE_ARGS_H
#define RK_AGREE_ARGS_H

#include "run.h"

char	**args_list(const char *arg, size_t *n, const char *what);
void	args_list_free(char **);
int	args_layers(struct ragree *);
int	args_names(struct ragree *, char **files, size_t nfiles);

#endif
