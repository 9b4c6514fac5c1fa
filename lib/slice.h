/*
 * A slice: bytes that carry their length, as lines and fields do here, so
 * that NUL bytes survive and nothing is copied to compare.
 */
#ifndef RK_SLICE_H
#define RK_SLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct slice {
	const char	*p;
	size_t		 n;
};

/* Whether s holds exactly the C string str. */
static inline bool
slice_eq(struct slice s, const char *str)
{
	return strlen(str) == s.n && memcmp(s.p, str, s.n) == 0;
}

/* The slice of a C string. */
static inline struct slice
slice_str(const char *str)
{
	return (struct slice){ str, strlen(str) };
}

#endif
