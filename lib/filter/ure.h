/*
 * rfilter's regular expressions (F~RE, SPEC 3) by characters of UTF-8,
 * whatever the locale.  regcomp(3) in the C locale matches bytes, so the
 * pattern is rewritten for it: '.', a bracket expression that is negated
 * or lists a character past ASCII, \W and \S become groups that match
 * the bytes of one character, and a character of several bytes under a
 * repetition is grouped.  A value with bytes that are no valid UTF-8 is
 * matched as ure_subject rewrites it, each such byte as the three bytes
 * of its code (utf8.h), so that it is one character too.
 */
#ifndef RK_URE_H
#define RK_URE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "slice.h"

const char	*ure_rewrite(const char *re, bool icase, struct buf *out,
		    bool *chars);
struct slice	 ure_subject(struct slice, struct buf *scratch);

#endif
