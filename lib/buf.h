/* A growable byte buffer. */
#ifndef RK_BUF_H
#define RK_BUF_H

#include <stddef.h>
#include <string.h>

#include "xmalloc.h"

struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	/* An empty buffer has no memory yet: p + 0 would be NULL + 0. */
	if (n == 0)
		return;
	if (n > b->cap - b->len)
		xgrow(&b->p, &b->cap, b->len + n);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len == b->cap)
		xgrow(&b->p, &b->cap, b->len + 1);
	b->p[b->len++] = c;
}

#endif
