/*
 * Buffered input from a file operand ("-" is standard input).  The
 * window buf[0..len) holds bytes from file offset base on; callers keep
 * what they still need and ask for more with input_fill.
 *
 * An input may also be a view of part of another one (lib/review/lines.c: one
 * line of a lines file, presented to the parser as a whole file): then
 * refill does what read(2) does for a file, and buf is not its own.
 */
#ifndef RK_INPUT_H
#define RK_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct input {
	const char	*name;		/* for messages */
	int		 fd;
	char		*buf;
	size_t		 len;
	size_t		 cap;
	off_t		 base;		/* file offset of buf[0] */
	bool		 eof;
	char		*map;		/* a mapped file's window, else NULL */
	size_t		 maplen;
	off_t		 size;		/* a mapped file's size */
	bool		 failed;	/* a read error was reported */
	int		(*refill)(struct input *, size_t keep);	/* a view */
	void		*src;		/* what the view shows part of */
};

int	input_open(struct input *, const char *path);
int	input_fill(struct input *, size_t keep);
void	input_close(struct input *);

#endif
