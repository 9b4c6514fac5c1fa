/* Allocation that cannot fail: on exhaustion the tool dies with status 1. */
#ifndef RK_XMALLOC_H
#define RK_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xmemdup(const void *, size_t);

/* Grows *buf so that it holds at least need bytes; doubles to amortise. */
void	 xgrow(char **buf, size_t *cap, size_t need);

/*
 * The growable array: returns p grown so that it holds at least need
 * elements of size bytes, *cap counting them; doubles to amortise.
 */
void	*xgrowarray(void *p, size_t *cap, size_t need, size_t size);

#endif
