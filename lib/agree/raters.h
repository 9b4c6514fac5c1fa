/*
 * The raters' files, read into the run's units.
 */
#ifndef RK_AGREE_RATERS_H
#define RK_AGREE_RATERS_H

#include "run.h"

void	raters_scheme(struct ragree *, char **files, size_t nfiles,
	    struct scheme *);
/* Returns 1 if a file could not be read. */
int	raters_read(struct ragree *, char **files, size_t nfiles);
void	raters_free(struct ragree *);

#endif
