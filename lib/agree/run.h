/*
 * One run of ragree(1): its options, the layers compared, the raters'
 * names and the units read.  Everything the run allocates hangs off
 * struct ragree, so that a usage or data error's exit leaves nothing
 * unreachable.  A fault in a rater's file exits 1 (2 for a missing field)
 * with FILE:LINE.
 */
#ifndef RK_AGREE_RUN_H
#define RK_AGREE_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "out.h"
#include "scheme.h"
#include "units.h"

struct order;

struct agree_opts {
	bool		 items;		/* -i */
	bool		 polarity;	/* -k */
	bool		 pairs;		/* --pairs */
	bool		 noheader;	/* -N */
	bool		 byunit;	/* --units */
	bool		 mean;		/* --mean */
	const char	*layers;	/* -l */
	const char	*units;		/* -u */
	const char	*names;		/* -n */
	const char	*rater;		/* -r */
	const char	*gold;		/* -g */
	const char	*confusion;	/* -x */
	const char	*scheme;	/* --scheme */
	const char	*order;		/* --order */
	const struct order *places;	/* --order, parsed */
	int		 weights;	/* --weights: enum ordered_weights */
	int		 metric;	/* --metric: enum ordered_metric */
	int		 digits;	/* --digits */
	double		 ci;		/* --ci: per cent, or 0 */
	size_t		 nboot;		/* --boot */
	uint64_t	 seed;		/* --seed */
};

struct ragree {
	const struct agree_opts *opts;
	const struct scheme *scheme;
	int		 layer[SCHEME_LAYERS_MAX];
	size_t		 nlayers;
	char		**names;	/* of the raters, in order */
	char		**paths;	/* of the files, by rater (not with -r) */
	char		**inputs;	/* the operands (with -r, "-" for none) */
	char		**unitnames;	/* the -u fields, as the header names them */
	size_t		 gold;		/* -g: the gold's rater */
	bool		 *keep;		/* by file: it could be read */
	char		**words;	/* a list being checked */
	struct buf	  msg;		/* a message being made */
	struct units	 u;
	struct tsvin	  first;	/* the first file, its header read */
	struct out	*o;
};

#endif
