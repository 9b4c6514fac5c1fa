#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "msg.h"
#include "xmalloc.h"

/* The fuzz build makes it tiny, so that parsers meet the buffer's edges. */
#ifndef INPUT_CHUNK
#define INPUT_CHUNK	(1024 * 1024)
#endif

/*
 * A named regular file is mapped in windows of at least INPUT_WINDOW
 * bytes (rounded up to pages) rather than read: read(2) copies every
 * byte from the page cache, and that copy was a third of rfilter's
 * time.  One window is mapped at a time, so memory stays bounded by the
 * longest line plus a window, as with read.  Pipes, terminals and
 * standard input are read.  -DINPUT_READ reads everything.
 */
#ifndef INPUT_WINDOW
#define INPUT_WINDOW	(4 * INPUT_CHUNK)
#endif

static bool	map_open(struct input *);
static int	map_fill(struct input *, size_t);
static void	map_drop(struct input *);
static void	on_sigbus(int);

/*
 * The file mapped now, for on_sigbus: a signal handler has no other way
 * to know it.  Its name is quoted (msg_name) when it is mapped, since
 * the handler may call nothing but write(2).
 */
static const char *mapped_name;
static char mapped_shown[MSG_NAME_BUFSIZE];

static void
set_mapped(const char *name)
{
	if (mapped_name == name)
		return;
	mapped_name = name;
	msg_name(name, mapped_shown);
}

/* Opens path; on failure warns "PROG: path: reason" and returns -1. */
int
input_open(struct input *in, const char *path)
{
	memset(in, 0, sizeof(*in));
	in->name = path;
	if (strcmp(path, "-") == 0)
		in->fd = STDIN_FILENO;
	else if ((in->fd = open(path, O_RDONLY)) == -1) {
		msg_warn_sys(path);
		return -1;
	}
	if (in->fd != STDIN_FILENO && map_open(in))
		return 0;
#ifdef POSIX_FADV_SEQUENTIAL
	/* Read ahead further: no harm where it means nothing (a pipe). */
	(void)posix_fadvise(in->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
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
	if (in->map != NULL)
		return map_fill(in, keep);
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
			msg_warn_sys(in->name);
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
	if (in->map != NULL)
		map_drop(in);
	else
		free(in->buf);
	in->buf = NULL;
	in->fd = -1;
}

/* Whether in is a regular file, now to be mapped by map_fill. */
static bool
map_open(struct input *in)
{
	struct sigaction sa;
	struct stat st;

#ifdef INPUT_READ
	return false;
#endif
	if (fstat(in->fd, &st) == -1 || !S_ISREG(st.st_mode))
		return false;
	in->size = st.st_size;
	in->map = (char *)"";		/* mapped, though nothing yet */
	in->buf = in->map;
	set_mapped(in->name);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigbus;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGBUS, &sa, NULL);
	return true;
}

/*
 * input_fill over a mapped file: drops buf[0..keep) by moving buf on,
 * and maps a window from the first kept byte to a window past the last
 * (or to the end of the file).  A file that grew since is mapped on; one
 * that cannot be mapped any more is read from there on.
 */
static int
map_fill(struct input *in, size_t keep)
{
	long page = sysconf(_SC_PAGESIZE);
	off_t from, at, to;
	size_t have;
	struct stat st;
	char *p;

	in->buf += keep;
	in->len -= keep;
	in->base += (off_t)keep;
	if (in->eof)
		return 0;
	from = in->base;
	have = in->len;
	if (from + (off_t)have >= in->size) {
		if (fstat(in->fd, &st) == -1 || st.st_size <= in->size) {
			in->eof = true;
			return 0;
		}
		in->size = st.st_size;
	}
	at = from & ~(off_t)(page - 1);
	to = from + (off_t)have + INPUT_WINDOW;
	if (to > in->size)
		to = in->size;
	p = mmap(NULL, (size_t)(to - at), PROT_READ | PROT_WRITE, MAP_PRIVATE,
	    in->fd, at);
	if (p == MAP_FAILED) {
		/* Read on from the first unmapped byte. */
		p = xmalloc(have + INPUT_CHUNK);
		memcpy(p, in->buf, have);
		map_drop(in);
		in->buf = p;
		in->cap = have + INPUT_CHUNK;
		if (lseek(in->fd, from + (off_t)have, SEEK_SET) == -1) {
			msg_warn_sys(in->name);
			in->failed = in->eof = true;
			return 0;
		}
		return input_fill(in, 0);
	}
	set_mapped(in->name);
	map_drop(in);
	in->map = p;
	in->maplen = (size_t)(to - at);
	in->buf = p + (from - at);
	in->len = (size_t)(to - from);
	return 1;
}

static void
map_drop(struct input *in)
{
	if (in->maplen > 0)
		munmap(in->map, in->maplen);
	in->map = NULL;
	in->maplen = 0;
}

/*
 * A mapped file cut short while it is read: its pages past the new end
 * are gone, and touching one raises SIGBUS.  read(2) would have seen an
 * early end; here the tool stops with status 1 and says why.
 */
static void
on_sigbus(int sig)
{
	static const char msg[] = ": file shrank while being read\n";
	const char *prog = getprogname();

	(void)sig;
	(void)write(STDERR_FILENO, prog, strlen(prog));
	(void)write(STDERR_FILENO, ": ", 2);
	if (mapped_name != NULL)
		(void)write(STDERR_FILENO, mapped_shown, strlen(mapped_shown));
	(void)write(STDERR_FILENO, msg, sizeof(msg) - 1);
	_exit(1);
}
