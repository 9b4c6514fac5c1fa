/*
 * The annotation scheme in effect (SPEC 6, review-tags(7)): its layers,
 * which are the label columns of review TSV in marker order, and the
 * codes each layer may hold, with their names and whether they take a
 * polarity.  Two schemes are built in (pra, the default, and argu); any
 * other is a file in the form "rtags --list" writes.  No tool knows a
 * layer's name but through this.
 *
 * Which scheme is in effect (SPEC 3): the one --scheme or
 * $REVIEWKIT_SCHEME asks for (scheme_asked), else, for a tool that reads
 * review TSV, the built-in scheme whose layers its first header names
 * (scheme_for_header), else pra.  A header that contradicts the scheme
 * asked for is a usage error naming the one that fits (scheme_fits).
 *
 * scheme_parse reads a scheme file from memory and never exits, so a
 * fuzzer can call it; the functions that load a scheme exit 2 on any
 * fault, since a command cannot run as asked under a bad scheme.
 */
#ifndef RK_SCHEME_H
#define RK_SCHEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "items.h"
#include "out.h"
#include "tsv.h"

#define SCHEME_LAYERS_MAX	32	/* groups of a marker, at most */
#define SCHEME_COLUMNS_MAX	(SCHEME_LAYERS_MAX + 3)
#define SCHEME_ENV		"REVIEWKIT_SCHEME"
#define SCHEME_DEFAULT		"pra"
#define SCHEME_FILE_MAX		(1024 * 1024)	/* bytes of a scheme file */

/* The line of --help that says how the scheme is chosen. */
#define SCHEME_HELP \
"Scheme: --scheme, else $REVIEWKIT_SCHEME, else the built-in one with the\n" \
"most layers in the first header (pra if none, or with -N); review-tsv(5).\n"

/* What scheme_home says of a code that no single layer owns. */
#define LAYER_ANY	(-1)	/* listed for every layer ("any") */
#define LAYER_UNKNOWN	(-2)	/* listed nowhere */
#define LAYER_SEVERAL	(-3)	/* listed for more than one layer */

struct scheme_layer {
	const char	*name;
	size_t		 namelen;
	bool		 polar;		/* one of its codes takes a polarity */
	bool		 onecode;	/* it may hold one code only */
};

struct scheme_code {
	const char	*lname;		/* its layer's name, or "any" */
	const char	*code;
	size_t		 codelen;
	const char	*name;
	const char	*desc;
	bool		 polar;		/* takes a polarity */
	int		 layer;		/* index in layers, or LAYER_ANY */
	unsigned long	 line;		/* in the scheme file, for messages */
	char		*text;		/* the line that holds them, or NULL */
};

/*
 * One distinct code in the lookup table (scheme_home, scheme_find): its
 * rows in bycode, and the layer that owns it.  code == NULL: a free slot.
 */
struct scheme_slot {
	uint64_t		 key;	/* the code's first 8 bytes, packed */
	const char		*code;
	size_t			 len;
	size_t			 first;	/* its first row in bycode */
	size_t			 rows;
	int			 home;	/* what scheme_home says */
};

struct scheme {
	const char		  *source;	/* a built-in's name, or a path */
	struct scheme_layer	   layers[SCHEME_LAYERS_MAX];
	int			   nlayers;
	struct scheme_code	  *codes;	/* in the order of the scheme */
	size_t			   n;
	const struct scheme_code **bycode;	/* sorted by code, then order */
	size_t			   maxcode;	/* bytes of the longest code */
	struct scheme_slot	  *slots;	/* by hash of the code */
	size_t			   slotmask;
};

/* What is wrong with a scheme file, and on which line (1-based). */
struct scheme_error {
	unsigned long	line;
	char		msg[256];
};

bool	scheme_asked(struct scheme *, const char *arg);
void	scheme_in_effect(struct scheme *, const char *arg);
void	scheme_for_header(struct scheme *, bool asked,
	    const struct slice *names, size_t n, const char *file);
void	scheme_fits(const struct scheme *, const struct slice *names,
	    size_t n, const char *file);
bool	scheme_names_column(const char *arg, const char *name);
int	scheme_builtin(struct scheme *, const char *name);
const char *scheme_builtin_name(size_t);
const char *scheme_builtin_names(void);
int	scheme_parse(struct scheme *, const char *buf, size_t len,
	    struct scheme_error *);
void	scheme_load(struct scheme *, const char *path);
void	scheme_free(struct scheme *);
void	scheme_write(const struct scheme *, struct out *, bool header);

int	scheme_layer(const struct scheme *, struct slice name);
void	scheme_unknown_layer(const struct scheme *, struct slice name);
size_t	scheme_columns(const struct scheme *, struct slice *cols);
void	scheme_put_layers(const struct scheme *, struct out *, const char *sep);
int	scheme_home(const struct scheme *, struct slice code);
bool	scheme_keys_polarity(const struct scheme *, int layer);
void	scheme_missing_layer(const struct scheme *, const struct slice *names,
	    size_t n, const char *file) __attribute__((noreturn));

/*
 * What the table of codes is indexed by: a code's bytes packed into a
 * number, the first 8 as they stand (most codes are 3 letters, compared
 * at once), a longer code's mixed.  A caller that builds a code byte by
 * byte (rsplit's marker parser) packs it as it goes, and asks
 * scheme_home_key.
 */
static inline uint64_t
scheme_code_key(const char *p, size_t n)
{
	uint64_t k = 0;
	size_t i;

	if (n <= 8) {
		for (i = n; i > 0; i--)
			k = k << 8 | (unsigned char)p[i - 1];
		return k;
	}
	for (i = 0; i < n; i++)
		k = (k ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return k;
}

/* Where the table's probe for a code starts. */
static inline size_t
scheme_slot_index(const struct scheme *s, uint64_t key, size_t n)
{
	return (size_t)(((key ^ n) * 0x9e3779b97f4a7c15ULL) >> 32) &
	    s->slotmask;
}

/*
 * The slot of code, whose scheme_code_key is key, or NULL when the scheme
 * has no such code: a slot or two, since the table is at most half full.
 * Inline, as rsplit asks for every item of every marker.
 */
static inline const struct scheme_slot *
scheme_slot_of(const struct scheme *s, uint64_t key, struct slice code)
{
	const struct scheme_slot *sl;
	size_t i;

	for (i = scheme_slot_index(s, key, code.n);
	    (sl = &s->slots[i])->code != NULL; i = (i + 1) & s->slotmask)
		if (sl->key == key && sl->len == code.n &&
		    (code.n <= 8 || memcmp(sl->code, code.p, code.n) == 0))
			return sl;
	return NULL;
}

/*
 * scheme_home of code, whose scheme_code_key is key.  A code of 1 to 8
 * bytes is its key: found in its first slot, the usual case, it takes one
 * look (an empty slot has length 0); else the whole probe.
 */
static inline int
scheme_home_key(const struct scheme *s, uint64_t key, struct slice code)
{
	const struct scheme_slot *sl =
	    &s->slots[scheme_slot_index(s, key, code.n)];

	if (sl->key == key && sl->len == code.n && code.n - 1 < 8)
		return sl->home;
	sl = scheme_slot_of(s, key, code);
	return sl != NULL ? sl->home : LAYER_UNKNOWN;
}

enum problem {
	TAG_OK,
	TAG_EMPTY,
	TAG_UNKNOWN_CODE,
	TAG_OTHER_LAYER,
	TAG_MISSING_POL,
	TAG_UNEXPECTED_POL,
	TAG_UNKNOWN_POL,
	TAG_REPEATED		/* judged by the caller, who sees the list */
};

const struct scheme_code *scheme_find(const struct scheme *, int layer,
		    struct slice code, bool *elsewhere);
enum problem	 scheme_check(const struct scheme *, int layer, struct tag);
const char	*scheme_problem_name(enum problem);
bool		 scheme_is_polarity(struct slice);

#endif
