#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "xmalloc.h"

#define OUT_BUFSIZE	(256 * 1024)

/*
 * The writer of standard output while it is open.  A tool's rows sit in
 * its buffer until it fills; whatever way the tool exits (the end of
 * main, a short row, a bad weight, a usage error), flush_at_exit writes
 * them and checks the write, so a reader that stops the tool needs no
 * handle on the writer to flush it first.
 */
static struct out *stdout_writer;
static bool at_exit;		/* flush_at_exit is registered */

static int	drain(struct out *);
static void	flush_at_exit(void);

void
out_init(struct out *o, int fd)
{
	/*
	 * A parent may have ignored SIGPIPE; restore the default so that
	 * "| head -1" ends us at once and quietly, as it ends cat.
	 */
	signal(SIGPIPE, SIG_DFL);
#ifdef F_SETPIPE_SZ
	/*
	 * Linux: a pipe of 64 KiB takes a flush of our buffer in four
	 * rounds, each a switch to the reader and back; one as large as
	 * the buffer takes it in one.  Not a pipe, or not allowed: no harm.
	 */
	(void)fcntl(fd, F_SETPIPE_SZ, OUT_BUFSIZE);
#endif
	o->fd = fd;
	o->cap = OUT_BUFSIZE;
	o->len = 0;
	o->buf = xmalloc(o->cap);
	if (fd == STDOUT_FILENO) {
		if (!at_exit && atexit(flush_at_exit) != 0)
			errx(1, "atexit failed");
		at_exit = true;
		stdout_writer = o;
	}
}

/* Writes the buffer out: 0, or -1 with errno set by the failed write. */
static int
drain(struct out *o)
{
	const char *p = o->buf;
	size_t left = o->len;
	ssize_t n;

	while (left > 0) {
		if ((n = write(o->fd, p, left)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		left -= (size_t)n;
	}
	o->len = 0;
	return 0;
}

void
out_flush(struct out *o)
{
	if (drain(o) == 0)
		return;
	if (errno == EPIPE)
		_exit(1);
	/* err exits: the writer must not be written again at exit. */
	if (o == stdout_writer)
		stdout_writer = NULL;
	err(1, "write error");
}

/*
 * exit(3) must not be called again from here, so a failed write is
 * reported and ends the tool with _exit, status 1, as out_flush would.
 */
static void
flush_at_exit(void)
{
	struct out *o = stdout_writer;

	if (o == NULL)
		return;
	stdout_writer = NULL;
	if (drain(o) == 0)
		return;
	if (errno != EPIPE)
		warn("write error");
	_exit(1);
}

/* out_room's slow path: flushes, and grows the buffer for a huge n. */
void
out_make_room(struct out *o, size_t n)
{
	out_flush(o);
	if (n > o->cap) {
		o->buf = xreallocarray(o->buf, n, 1);
		o->cap = n;
	}
}

void
out_write(struct out *o, const void *p, size_t n)
{
	if (n > o->cap - o->len) {
		out_flush(o);
		if (n >= o->cap) {
			/* Larger than the buffer: write it through. */
			struct out direct = { o->fd, (char *)p, n, n };
			out_flush(&direct);
			return;
		}
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

void
out_str(struct out *o, const char *s)
{
	out_write(o, s, strlen(s));
}

void
out_ulong(struct out *o, unsigned long long v)
{
	o->len = (size_t)(out_digits(out_room(o, 20), v) - o->buf);
}

void
out_free(struct out *o)
{
	out_flush(o);
	if (o == stdout_writer)
		stdout_writer = NULL;
	free(o->buf);
	o->buf = NULL;
}
