/*
 * Decoding the text of an annotated review into UTF-8: JSON escapes in a
 * JSON-string file, nothing in a plain one; invalid UTF-8, NUL bytes and
 * lone surrogates become U+FFFD, noted once per file, and so is the first
 * JSON escape of a plain file, which -j would decode.
 */
#ifndef RK_DECODE_H
#define RK_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "buf.h"
#include "note.h"

struct decoder {
	bool		 json;
	/*
	 * Normal mode: white space is squeezed as the text is written
	 * (lib/review/text.h), and the text may end in the ' ' due before
	 * more text.
	 */
	bool		 squeeze;
	bool		 avx2;		/* simd_avx2(), asked once */
	bool		 repaired;	/* a U+FFFD was noted */
	bool		 hinted;	/* a plain file's JSON escape was noted */
	off_t		 close_quote;	/* the closing '"', or -1 */
	struct notes	*notes;
};

size_t	decode_text(struct decoder *, const char *raw, size_t n, off_t off,
	    struct buf *);
size_t	decode_part(struct decoder *, const char *raw, size_t n, size_t stop,
	    off_t off, struct buf *);
size_t	decode_escape(struct decoder *, const char *raw, size_t n, off_t off,
	    struct buf *);
void	decode_put_utf8(struct buf *, unsigned long cp);

#endif
