/*
 * rfilter's expressions (SPEC 3): F=V, F!=V, F~RE, F!~RE, F<N, F<=N,
 * F>N, F>=N.  Parsing takes a string and never exits: an error comes back
 * as a message and the 1-based column where it was found, so a caller can
 * point at it and a fuzzer can call it on any input.
 */
#ifndef RK_EXPR_H
#define RK_EXPR_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "tsv.h"
#include "wild.h"

#define EXPR_ICASE	0x1	/* -i: compare ASCII letters without case */

enum expr_kind { EXPR_EQ, EXPR_RE, EXPR_NUM };

/* One alternative of F=V's comma list. */
struct expr_alt {
	char	*pat;		/* NUL-terminated, inside expr.val */
	size_t	 len;
	bool	 glob;		/* has * ? [ or \: matched as wild */
	bool	 whole;		/* has '-', not in brackets: tests the whole
				   item, not its code */
	struct wild wild;	/* glob: the compiled pattern */
};

struct expr {
	char		*field;		/* the field reference as written */
	size_t		 col;		/* 0-based field, set by expr_bind */
	bool		 items;		/* a label field: = tests each item */
	enum expr_kind	 kind;
	bool		 negate;	/* != and !~ */
	int		 flags;
	unsigned	 cmp;		/* EXPR_NUM: which of <, =, > hold */
	double		 num;
	char		*val;		/* EXPR_EQ: the alternatives' storage */
	struct expr_alt	*alts;
	size_t		 nalts;
	bool		 plain;		/* no alternative is a glob or empty */
	size_t		 minlen;	/* of the shortest alternative */
	bool		 one_code;	/* F=CODE on a label field, no -i */
	regex_t		 re;
	bool		 have_re;	/* re is compiled and must be freed */
	regex_t		 re_any;	/* "^(.|[^.])*(re)": one start */
	bool		 have_re_any;
	bool		 re_chars;	/* re needs values as ure_subject has them */
	struct buf	 scratch;	/* a NUL-terminated copy for regexec */
	struct buf	 subject;	/* a value's invalid bytes as codes */
};

struct expr_error {
	const char	*msg;
	size_t		 col;		/* 1-based byte column in the text */
	char		 detail[128];	/* regerror's text, when msg points here */
};

bool	expr_like(const char *);
int	expr_parse(struct expr *, const char *, int flags, struct expr_error *);
void	expr_bind(struct expr *, size_t col, bool items);
bool	expr_match(struct expr *, struct slice value);
void	expr_free(struct expr *);

#endif
