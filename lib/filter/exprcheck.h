/*
 * rfilter's expressions against the scheme in effect: a value that a
 * label field cannot hold (severity=MJA, severity=maj, aspect=EMP_NEG,
 * aspect==EMP, aspect>3) would match no row and say nothing, so it is
 * warned about, with the closest value the layer can hold.
 */
#ifndef RK_EXPRCHECK_H
#define RK_EXPRCHECK_H

#include "expr.h"
#include "scheme.h"

void	exprcheck(const struct expr *, const char *text,
	    const struct scheme *, int layer);

#endif
