/*
 * Messages every tool words the same way (SPEC 2.1): "PROG: FILE:LINE:
 * what" through one pair of helpers, and values from the input quoted
 * short, so that a 2 GB field never becomes a 2 GB message.
 */
#ifndef RK_MSG_H
#define RK_MSG_H

#include <stddef.h>

#include "slice.h"

#define MSG_QUOTE_MAX	48		/* bytes of a value a message shows */
#define MSG_QUOTE_BUFSIZE	(4 * MSG_QUOTE_MAX + 48)

/*
 * Writes s into buf as 'value', at most MSG_QUOTE_MAX bytes of it, control
 * bytes as \t \r \n \xNN; a longer value is cut at a character boundary
 * and marked: 'value...' (N bytes).  Returns buf.
 */
const char	*msg_quote(struct slice s, char buf[MSG_QUOTE_BUFSIZE]);

/* The same without the quotes, for names: aspect, or aspe... (N bytes). */
const char	*msg_clip(struct slice s, char buf[MSG_QUOTE_BUFSIZE]);

/* "PROG: FILE:LINE: message" on stderr. */
void		 msg_warn_at(const char *file, unsigned long line, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));

/* The same, then exits with status: the "die" of the pair. */
void		 msg_die_at(int status, const char *file, unsigned long line,
		    const char *fmt, ...)
		    __attribute__((format(printf, 4, 5), noreturn));

#endif
