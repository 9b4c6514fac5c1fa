/*
 * Several TSV inputs read as one stream of rows (SPEC 2.1): each input has
 * its own header, the first is kept, a later one that differs is reported
 * and its input skipped (with own_headers, each replaces the last, for
 * inputs whose columns differ by design: rcount's tables); unreadable
 * inputs are reported and skipped.
 * Fields are referred to by header name or 1-based number; those named
 * as a layer of the scheme in effect are label fields.
 */
#ifndef RK_FIELDS_H
#define RK_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "line.h"
#include "scheme.h"
#include "tsv.h"

struct tsvin {
	char		**paths;	/* operands; "-" is standard input */
	size_t		  npaths;
	size_t		  next;		/* next operand to open */
	struct line_reader r;
	bool		  open;
	bool		  noheader;
	bool		  have_header;
	char		 *header;	/* the first input's header line */
	size_t		  header_len;
	size_t		  header2;	/* its bytes up to its second TAB */
	const char	 *header_file;	/* the input it came from */
	struct slice	 *names;	/* fields of header */
	size_t		  nnames;
	const struct scheme *scheme;	/* which fields are label fields */
	size_t		  need;		/* fields tsvin_split must find */
	size_t		  skip;		/* fields before the first bound */
	struct slice	 *f;		/* the first need fields of row, */
	size_t		  nf;		/* found by tsvin_next: how many */
	size_t		  fcap;
	struct slice	  row;		/* the row tsvin_next returned last */
	bool		  repeat_seen;	/* a repeated header was skipped */
	bool		  own_headers;	/* each input's header is its own */
	bool		  by_layout;	/* -N: a field named as rsplit's */
	int		  status;	/* 1 once an input was bad */
};

void	tsvin_init(struct tsvin *, char **paths, size_t npaths, bool noheader,
	    const struct scheme *);
bool	tsvin_header(struct tsvin *);
bool	tsvin_start(struct tsvin *, char **paths, size_t npaths,
	    bool noheader, struct scheme *, const char *scheme_arg);
bool	tsvin_next(struct tsvin *, struct slice *row);
void	tsvin_free(struct tsvin *);
size_t	tsvin_field(const struct tsvin *, const char *ref);
bool	tsvin_closest(const struct tsvin *, const char *ref, size_t *col);
size_t	tsvin_bind(struct tsvin *, const char *ref, int *layer);
int	tsvin_layer(const struct tsvin *, size_t col);
void	tsvin_split(const struct tsvin *, struct slice row, struct slice *f);
const struct slice *tsvin_fields(const struct tsvin *);

const char *tsvin_file(const struct tsvin *);
unsigned long tsvin_lineno(const struct tsvin *);

#endif
