#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "xmalloc.h"

/* The fuzz build makes it tiny, so that parsers meet the buffer's edges. */
#ifndef INPUT_CHUNK
#define INPUT_CHUNK	(1024 * 1024)
#endif

/* Opens path; on failure warns "PROG: path: reason" and returns -1. */
int
input_open(struct input *in, const char *path)
{
	memset(in, 0, sizeof(*in));
	in->name = path;
	if (strcmp(path, "-") == 0)
		in->fd = STDIN_FILENO;
	else if ((in->fd = open(path, O_RDONLY)) == -1) {
		warn("%s", path);
		return -1;
	}
	in->cap = INPUT_CHUNK;
	in->buf = xmalloc(in->cap);
	return 0;
}

/*
 * Drops buf[0..keep), then reads at least one more chunk after the kept
 * bytes, growing the buffer when the kept bytes fill it.  Returns
 * 1 when bytes were read, 0 at end of file or after a read error, which is
 * reported once.
 */
int
input_fill(struct input *in, size_t keep)
{
	ssize_t n;

	if (in->refill != NULL)
		return in->refill(in, keep);
	if (keep > 0) {
		memmove(in->buf, in->buf + keep, in->len - keep);
		in->len -= keep;
		in->base += (off_t)keep;
	}
	if (in->eof)
		return 0;
	if (in->cap - in->len < INPUT_CHUNK / 2)
		xgrow(&in->buf, &in->cap, in->len + INPUT_CHUNK);
	do
		n = read(in->fd, in->buf + in->len, in->cap - in->len);
	while (n == -1 && errno == EINTR);
	if (n <= 0) {
		if (n == -1) {
			warn("%s", in->name);
			in->failed = true;
		}
		in->eof = true;
		return 0;
	}
	in->len += (size_t)n;
	return 1;
}

void
input_close(struct input *in)
{
	/* A view's buffer and descriptor belong to what it shows. */
	if (in->refill != NULL) {
		in->buf = NULL;
		return;
	}
	if (in->fd != STDIN_FILENO && in->fd != -1)
		close(in->fd);
	free(in->buf);
	in->buf = NULL;
	in->fd = -1;
}
