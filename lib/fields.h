/*
 * Several TSV inputs read as one stream of rows (SPEC 2.1): each input has
 * its own header, the first is kept, a later one that differs is reported
 * and its input skipped; unreadable inputs are reported and skipped.
 * Fields are referred to by header name or 1-based number.
 */
#ifndef RK_FIELDS_H
#define RK_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "out.h"
#include "tsv.h"

/* rsplit's layout: what names mean when the input has no header (-N). */
#define RK_NFIELDS	7
extern const char *const rk_fields[RK_NFIELDS];

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
	int		  status;	/* 1 once an input was bad */
};

void	tsvin_init(struct tsv_in *, char **paths, size_t npaths, bool noheader);
bool	tsvin_header(struct tsv_in *);
bool	tsvin_next(struct tsv_in *, struct slice *row);
void	tsvin_free(struct tsv_in *);
size_t	tsvin_field(const struct tsv_in *, const char *ref);
void	tsvin_short_row(const struct tsv_in *, struct out *, size_t field);

const char *tsvin_file(const struct tsv_in *);
unsigned long tsvin_lineno(const struct tsv_in *);

#endif
