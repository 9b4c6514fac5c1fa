/*
 * The units of several raters' review TSV, matched by the values of the
 * unit fields (ragree -u), and each unit's value per layer: the set of
 * the layer's items, order and repetition ignored, as one category id.
 * A set is encoded canonically (items sorted in byte order, each once,
 * joined by commas; the empty list is "") so that equal sets are equal
 * categories.  Memory grows with units times raters, and with the
 * distinct sets.
 *
 * Nothing here exits or prints: a fault is returned with what a message
 * needs, so that the fuzz target can read any input.
 */
#ifndef RK_UNITS_H
#define RK_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hash.h"
#include "tsv.h"
#include "tsvin.h"

struct unit_spec {
	char		**fields;	/* -u: references naming a unit */
	size_t		  nfields;
	const int	 *layers;	/* the scheme's layers compared */
	size_t		  nlayers;
	const struct scheme *scheme;
	bool		  polarity;	/* -k: items keep their polarity */
};

struct units {
	const struct unit_spec *spec;
	size_t		  nraters;
	struct hash	  ids;		/* the unit fields joined by TAB */
	size_t		  cap;
	unsigned long	 *line;		/* [u * nraters + r]; 0: not given */
	uint32_t	 *val;		/* [(u * nraters + r) * nlayers + l] */
	uint32_t	 *given;	/* [u]: the raters that gave it */
	struct hash	 *cats;		/* [l]: canonical sets, by category */
	/* -r: raters by name, in order of first appearance */
	struct hash	  raters;
	uint32_t	 *src;		/* [u * nraters + r]: operand of line */
	bool		  byfield;
	size_t		  rcol;		/* the rater field's column */

	size_t		 *col;		/* per read: unit fields, then layers */
	size_t		  need;
	struct slice	 *f;
	struct slice	 *items;
	size_t		  itemcap;
	struct buf	  key;
	struct buf	  set;
};

enum units_fault_kind {
	UNITS_OK,
	UNITS_NO_FIELD,		/* the header lacks a unit field */
	UNITS_NO_LAYER,		/* the header lacks a layer */
	UNITS_SHORT_ROW,	/* a row lacks a field */
	UNITS_TWICE,		/* a rater gives a unit twice */
	UNITS_TOO_MANY,		/* more units or sets than ids hold */
	UNITS_NO_RATER		/* -r: a row's rater field is empty */
};

struct units_fault {
	enum units_fault_kind kind;
	const char	*file;
	unsigned long	 line;
	unsigned long	 first;		/* UNITS_TWICE: the line before */
	const char	*first_file;	/* UNITS_TWICE: and its file */
	const char	*ref;		/* NO_FIELD, NO_LAYER */
	size_t		 field;		/* SHORT_ROW: 1-based */
	struct slice	 unit;		/* UNITS_TWICE */
	struct slice	 rater;		/* UNITS_TWICE with -r: its name */
};

void	units_init(struct units *, const struct unit_spec *, size_t nraters);
void	units_free(struct units *);
enum units_fault_kind units_read(struct units *, struct tsvin *,
	    size_t rater, struct units_fault *);
enum units_fault_kind units_read_raters(struct units *, struct tsvin *,
	    const char *field, struct units_fault *);
struct slice units_rater(const struct units *, size_t r);
void	units_drop(struct units *, const bool *keep);
size_t	units_shared(const struct units *);

/* Where a value first occurs: units_first. */
struct units_place {
	uint32_t	 cat;
	size_t		 rater;
	size_t		 src;		/* -r: the input, else the rater */
	unsigned long	 line;
};

bool	units_first(const struct units *, size_t l, const bool *cats,
	    struct units_place *);

/* The categories of layer l in byte order, and each one's place. */
size_t	units_sorted(const struct units *, size_t l, uint32_t **order,
	    uint32_t **rank);
struct slice units_category(const struct units *, size_t l, uint32_t cat);

/*
 * The keys of layer l (codes, or items with -k) in byte order, each with
 * the categories whose set holds it: cats[start[k]..start[k + 1]).
 */
struct unit_keys {
	struct hash	 h;
	uint32_t	*order;		/* key ids, sorted */
	size_t		 n;
	size_t		*start;		/* by place in order */
	uint32_t	*cats;
};

void	units_keys(const struct units *, size_t l, struct unit_keys *);
void	units_keys_free(struct unit_keys *);

#endif
