/*
 * Buffered input from a file operand ("-" is standard input).  The
 * window buf[0..len) holds bytes from file offset base on; callers keep
 * what they still need and ask for more with input_fill.
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
};

int	input_open(struct input *, const char *path);
int	input_fill(struct input *, size_t keep);
void	input_close(struct input *);

#endif
