/*
 * A lines file (rsplit -L, SPEC 3): one review per line, ID<TAB>TEXT,
 * where TEXT is what a review file holds.  Each good line's TEXT is
 * presented to the parser as an input of its own, a view that reads on
 * within the line only, so a line of any length streams: memory is the
 * parser's (the longest sentence) plus one read, never the line.
 * lines_put writes a review file as such a line (rsplit --to-lines).
 */
#ifndef RK_LINES_H
#define RK_LINES_H

#include <stdbool.h>
#include <sys/types.h>

#include "buf.h"
#include "input.h"
#include "out.h"
#include "slice.h"

/* An id is a name; a line whose first this many bytes hold no TAB is bad. */
#define LINES_ID_MAX	65536
#define LINES_ID_MAX_STR "65536"
#define LINES_ID_MAX1_STR "65537"

struct lines {
	struct input	 in;		/* the lines file */
	unsigned long	 line;		/* number of the current line */
	struct buf	 id;		/* its review id, NUL-terminated */
	off_t		 start;		/* offset of the line in `in` */
	off_t		 text;		/* offset of its TEXT, after the TAB */
	off_t		 seen;		/* bytes before it are known to be text */
	off_t		 end;		/* end of TEXT (before CR LF), -1 unknown */
	off_t		 next;		/* where the next line starts */
	off_t		 lone_cr;	/* first CR not before an LF, or -1 */
	bool		 quiet;		/* -q: count warnings, print none */
	unsigned long	 nwarn;
	unsigned long	 nbad;		/* lines reported as errors */
};

int	lines_open(struct lines *, const char *path, bool quiet);
bool	lines_next(struct lines *, struct input *text);
void	lines_close(struct lines *);
int	lines_put(struct out *, struct slice id, const char *path);

#endif
