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
	struct tsvin	  first;	/* the first file, its header read */
	struct out	*o;
};

#endif
