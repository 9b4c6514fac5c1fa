/*
 * libFuzzer target: lib/review/marker.c.  marker_parse reads the usual
 * marker through a fast path and any other through the general parser;
 * for every input both must give the same result, and for a marker the
 * same marker: length, groups read and placed, notes, where each layer's
 * labels are and what they say, each group's layer, and whether the
 * groups stayed in their layers.  The fast path classifies the marker's
 * bytes with SSE2 or, where the processor has it, AVX2 (lib/simd.h):
 * both versions are held to the general parser.  So is the memo of
 * markers, which each input goes through twice (the second time, a
 * marker the fast path read comes from the memo); it lives from input to
 * input, so a marker read again may stand before other bytes.
 *
 * The first byte chooses the scheme (bit 0: argu, else pra) and whether
 * the input ends there (bit 1: eof); the rest is parsed from its first
 * byte, as rsplit parses from a '['.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "review/marker.h"
#include "scheme.h"
#include "simd.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
same_marker(const struct marker *a, const struct marker *b)
{
	int g;

	if (a->len != b->len || a->ngroups != b->ngroups ||
	    a->nread != b->nread || a->notes != b->notes ||
	    a->inplace != b->inplace ||
	    memcmp(a->place, b->place, sizeof(a->place)) != 0)
		abort();
	for (g = 0; g < a->ngroups; g++)
		if (a->n[g] != b->n[g] || (a->n[g] > 0 &&
		    memcmp(a->text + a->off[g], b->text + b->off[g],
		    a->n[g]) != 0))
			abort();
	for (g = 0; g < a->nread; g++)
		if (a->home[g] != b->home[g])
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct scheme schemes[2];
	static struct marker_memo *memo[2];
	static bool ready;
	static struct marker a, b;
	const struct scheme *sch;
	enum marker_result ra, rb;
	bool eof;
	int k;

	if (!ready) {
		if (scheme_builtin(&schemes[0], "pra") == -1 ||
		    scheme_builtin(&schemes[1], "argu") == -1)
			abort();
		memo[0] = marker_memo_new(&schemes[0]);
		memo[1] = marker_memo_new(&schemes[1]);
		ready = true;
	}
	if (n < 2 || data[1] != '[')
		return 0;
	sch = &schemes[data[0] & 1];
	eof = (data[0] & 2) != 0;
	rb = marker_parse_general((const char *)data + 1, n - 1, eof, sch, &b);
	for (k = 0; k < 4; k++) {
		simd_use(k % 2 == 1);
		ra = marker_parse((const char *)data + 1, n - 1, eof, sch,
		    k < 2 ? NULL : memo[data[0] & 1], &a);
		if (ra != rb)
			abort();
		if (ra == MARKER_YES)
			same_marker(&a, &b);
		else if (ra == MARKER_EXCESS &&
		    (a.len != b.len || a.nread != b.nread))
			abort();
	}
	return 0;
}
