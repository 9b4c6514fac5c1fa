/*
 * rfilter's globs (F=V, SPEC 3): fnmatch(3) with no flags, as in the C
 * locale, but by characters of UTF-8 whatever the locale: ? and a
 * bracket expression match one character, and a byte that is no valid
 * UTF-8 is one (utf8.h).  A pattern is compiled once into tokens; NUL
 * bytes in a value are data.
 */
#ifndef RK_WILD_H
#define RK_WILD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "charset.h"
#include "slice.h"

enum wild_kind { WILD_LIT, WILD_ANY, WILD_STAR, WILD_SET };

struct wild_tok {
	enum wild_kind	 kind;
	size_t		 off;		/* WILD_LIT: its bytes in lit */
	size_t		 len;		/* (the last WILD_STAR: wild.last) */
	struct charset	 set;		/* WILD_SET */
};

struct wild {
	struct wild_tok	*t;
	size_t		 n;
	size_t		 cap;
	struct buf	 lit;		/* the literal bytes, escapes undone */
	const struct wild_tok *last;	/* the last '*': its off and len are
					   the fewest and most bytes after it */
	bool		 icase;		/* -i: ASCII letters without case */
	bool		 dash;		/* a literal '-': tests whole items */
};

int	wild_compile(struct wild *, const char *pat, size_t len, bool icase,
	    const char **msg, size_t *at);
bool	wild_match(const struct wild *, struct slice);
bool	wild_same(const char *, const char *, size_t, bool icase);
void	wild_free(struct wild *);

#endif
