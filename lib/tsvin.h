/*
 * Several TSV inputs read as one stream of rows (SPEC 2.1): each input has
 * its own header, the first is kept, a later one that differs is reported
 * and its input skipped; unreadable inputs are reported and skipped.
 * Fields are referred to by header name or 1-based number; those named
 * as a layer of the scheme in effect are label fields.
 */
#ifndef RK_FIELDS_H
#define RK_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "out.h"
#include "scheme.h"
#include "tsv.h"

struct tsv_in {
	char		**paths;	/* operands; "-" is standard input */
	size_t		  npaths;
	size_t		  next;		/* next operand to open */
	struct line_reader r;
	bool		  open;
	bool		  noheader;
	bool		  have_header;
	char		 *header;	/* the first input's header line */
	size_t		  header_len;
	const char	 *header_file;	/* the input it came from */
	struct slice	 *names;	/* fields of header */
	size_t		  nnames;
	const struct scheme *scheme;	/* which fields are label fields */
	size_t		  need;		/* fields tsvin_split must find */
	struct slice	 *f;		/* the first need fields of row, */
	size_t		  nf;		/* found by tsvin_next: how many */
	size_t		  fcap;
	struct slice	  row;		/* the row tsvin_next returned last */
	bool		  repeat_seen;	/* a repeated header was skipped */
	int		  status;	/* 1 once an input was bad */
};

void	tsvin_init(struct tsv_in *, char **paths, size_t npaths, bool noheader,
	    const struct scheme *);
bool	tsvin_header(struct tsv_in *);
bool	tsvin_next(struct tsv_in *, struct slice *row);
void	tsvin_free(struct tsv_in *);
size_t	tsvin_field(const struct tsv_in *, const char *ref);
size_t	tsvin_bind(struct tsv_in *, const char *ref, int *layer);
int	tsvin_layer(const struct tsv_in *, size_t col);
void	tsvin_split(const struct tsv_in *, struct out *, struct slice row,
	    struct slice *f);
const struct slice *tsvin_fields(const struct tsv_in *, struct out *);

const char *tsvin_file(const struct tsv_in *);
unsigned long tsvin_lineno(const struct tsv_in *);

#endif
