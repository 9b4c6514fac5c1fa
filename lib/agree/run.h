/*
 * One run of ragree(1): its options, the layers compared, the raters'
 * names and the units read.  Everything the run allocates hangs off
 * struct ragree, so that a usage or data error's exit leaves nothing
 * unreachable.  A usage error writes the usage text given and exits 2;
 * a fault in a rater's file exits 1 (2 for a missing field) with
 * FILE:LINE.
 */
#ifndef RK_AGREE_RUN_H
#define RK_AGREE_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "out.h"
#include "scheme.h"
#include "units.h"

struct agree_opts {
	bool		 items;		/* -i */
	bool		 polarity;	/* -k */
	bool		 pairs;		/* --pairs */
	bool		 noheader;	/* -N */
	const char	*layers;	/* -l */
	const char	*units;		/* -u */
	const char	*names;		/* -n */
	const char	*confusion;	/* -x */
	const char	*scheme;	/* --scheme */
};

struct ragree {
	const struct agree_opts *opts;
	const char	*usage;		/* written on a usage error */
	const struct scheme *scheme;
	int		 layer[SCHEME_LAYERS_MAX];
	size_t		 nlayers;
	char		**names;	/* of the raters, by file */
	bool		 *keep;		/* by file: it could be read */
	char		**words;	/* a list being checked */
	struct buf	  msg;		/* a message being made */
	struct units	 u;
	struct out	*o;
};

/* lib/agree_args.c: the arguments that name things. */
char	**agree_list(const struct ragree *, const char *arg, size_t *n,
	    const char *what);
void	agree_list_free(char **);
void	agree_layers(struct ragree *);
void	agree_names(struct ragree *, char **files, size_t nfiles);

/* lib/agree_read.c: each rater's file; returns 1 if one was unreadable. */
int	agree_read(struct ragree *, char **files, size_t nfiles);
void	agree_free(struct ragree *);

/* lib/agree_out.c: the table (or --pairs rows), or -x's confusion table. */
void	agree_write(struct ragree *);
void	agree_write_confusion(struct ragree *);

#endif
