/*
 * Messages every tool words the same way (SPEC 2.1): "PROG: FILE:LINE:
 * what" through one pair of helpers, and every byte from outside (file
 * names, ids, field names, values, option arguments) through one quoting
 * function, so that no message passes a terminal control through and a
 * 2 GB field never becomes a 2 GB message.
 *
 * The quoting: printable ASCII, a backslash included, and valid UTF-8
 * other than the C1 controls pass as they are, so a message shows a
 * value's bytes as the TSV holds them; TAB, LF and CR are written \t, \n
 * and \r; every other C0 control, DEL, each byte of a C1 control
 * (U+0080 to U+009F) and each byte that is no part of valid UTF-8
 * (overlong forms, surrogates, beyond U+10FFFF, a sequence cut short) is
 * written in octal: \033, \177, \302\233, \377.
 */
#ifndef RK_MSG_H
#define RK_MSG_H

#include <stddef.h>

#include "slice.h"

#define MSG_QUOTE_MAX	48		/* bytes of a value a message shows */
#define MSG_QUOTE_BUFSIZE	(4 * MSG_QUOTE_MAX + 48)
#define MSG_NAME_MAX	1024		/* bytes of a file name it shows */
#define MSG_NAME_BUFSIZE	(4 * MSG_NAME_MAX + 48)

/*
 * Writes s into buf quoted as above, as 'value', at most MSG_QUOTE_MAX
 * bytes of it; a longer value is cut at a character boundary and marked:
 * 'value...' (N bytes).  Returns buf.
 */
const char	*msg_quote(struct slice s, char buf[MSG_QUOTE_BUFSIZE]);

/* The same without the quotes, for names: aspect, or aspe... (N bytes). */
const char	*msg_clip(struct slice s, char buf[MSG_QUOTE_BUFSIZE]);

/*
 * A file name or an option's argument as a message shows it: quoted as
 * above, without quotes, at most MSG_NAME_MAX bytes.  Returns buf.
 */
const char	*msg_name(const char *name, char buf[MSG_NAME_BUFSIZE]);

/* "PROG: NAME: reason", the reason from errno, as warn(3) writes it. */
void		 msg_warn_sys(const char *name);

/* "PROG: FILE:LINE: message" on stderr, FILE through msg_name. */
void		 msg_warn_at(const char *file, unsigned long line, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));

/* The same, then exits with status: the "die" of the pair. */
void		 msg_die_at(int status, const char *file, unsigned long line,
		    const char *fmt, ...)
		    __attribute__((format(printf, 4, 5), noreturn));

#endif
