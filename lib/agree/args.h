/*
 * The arguments of ragree(1) that name layers, units and raters, checked
 * against the scheme and the files.
 */
#ifndef RK_AGREE_ARGS_H
#define RK_AGREE_ARGS_H

#include "run.h"

char	**args_list(const struct ragree *, const char *arg, size_t *n,
	    const char *what);
void	args_list_free(char **);
void	args_layers(struct ragree *);
void	args_names(struct ragree *, char **files, size_t nfiles);

#endif
