/*
 * Bracket expressions of rfilter's patterns ([L-N], [!é], [[:digit:]]),
 * parsed once into a set of characters (codes as utf8.h gives them),
 * which globs test (wild.c) and regular expressions are rewritten from
 * (ure.c).  Ranges go by code point; classes, equivalence classes and
 * collating symbols are those of the C locale, whatever the user's.
 */
#ifndef RK_CHARSET_H
#define RK_CHARSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CHARSET_GLOB	0x1	/* fnmatch's: \ escapes, ! negates as ^ */
#define CHARSET_ICASE	0x2	/* ASCII letters match in either case */

enum charset_status {
	CHARSET_OK,
	CHARSET_OPEN,		/* no closing ]: a glob's [ is a character */
	CHARSET_ERANGE,		/* a range that ends before it starts */
	CHARSET_ECTYPE,		/* [:name:] of no class */
	CHARSET_ECOLLATE,	/* [.ab.] or [=ab=]: not one character */
};

struct charset_range {
	uint32_t	lo;
	uint32_t	hi;
};

struct charset {
	uint64_t	 ascii[2];	/* codes below 128, a bit each */
	struct charset_range *r;	/* the others: sorted, disjoint */
	size_t		 nr;
	size_t		 cap;
	bool		 negate;	/* [^...]: the characters not listed */
};

enum charset_status charset_parse(struct charset *, const char *p,
		    const char *end, int flags, const char **after);
const char	*charset_error(enum charset_status);
void		 charset_free(struct charset *);

/* Whether c is one of the set's characters. */
static inline bool
charset_has(const struct charset *cs, uint32_t c)
{
	size_t lo = 0, hi = cs->nr, mid;
	bool in = false;

	if (c < 128)
		in = cs->ascii[c >> 6] >> (c & 63) & 1;
	else
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (c < cs->r[mid].lo)
				hi = mid;
			else if (c > cs->r[mid].hi)
				lo = mid + 1;
			else {
				in = true;
				break;
			}
		}
	return in != cs->negate;
}

#endif
