#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n ? n : 1)) == NULL)
		err(1, NULL);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p;

	if ((p = calloc(nmemb ? nmemb : 1, size ? size : 1)) == NULL)
		err(1, NULL);
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if ((p = reallocarray(p, nmemb ? nmemb : 1, size ? size : 1)) == NULL)
		err(1, NULL);
	return p;
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s) + 1);
}

char *
xmemdup(const void *s, size_t n)
{
	char *p;

	p = xmalloc(n);
	memcpy(p, s, n);
	return p;
}

void
xgrow(char **buf, size_t *cap, size_t need)
{
	if (need > *cap)
		*buf = xgrowarray(*buf, cap, need < 256 ? 256 : need, 1);
}

void *
xgrowarray(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n;

	if (need <= *cap)
		return p;
	n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			errx(1, "too large to hold in memory");
		n *= 2;
	}
	p = xreallocarray(p, n, size);
	*cap = n;
	return p;
}
