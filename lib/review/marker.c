#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* SSE2 unless the build asks for the portable loop, as lib/tsv.c. */
#if defined(__SSE2__) && !defined(TSV_PORTABLE)
#define MARKER_SSE2	1
#include <emmintrin.h>
#endif

#include "marker.h"
#include "note.h"
#include "text.h"

#define ITEM_MAX	32
#define CODE_MIN	2	/* letters of a code, at least */
#define CODE_SHORT	4	/* ... at most, unless the scheme has longer */
#define CODE_FIRST	16	/* ... at most in the first item of a [[ */
#define POL_MIN		2	/* letters of a polarity */
#define POL_MAX		4

/* How a step of the parse ended. */
enum step { STEP_OK, STEP_END, STEP_FAIL, STEP_MORE };

struct scan {
	const char	*p;
	size_t		 n;
	size_t		 i;
	bool		 eof;
	bool		 codes_only;	/* opened by one '[': items must be codes */
	int		 nlayers;	/* groups a marker may have */
	size_t		 code_max;	/* letters of a code, at most */
	const struct scheme *sch;
	struct marker	*m;
};

/*
 * What each byte is to the parser, in one load: a marker is read byte
 * by byte, and chains of comparisons per byte were a tenth of rsplit.
 * Item characters are printable ASCII but brackets, comma, space, '\\'
 * and '"'; white space is text_is_space's.  norm is an item's byte
 * as a marker's labels hold it: upper case, '_' as '-'.
 */
enum { B_SPACE = 1, B_ITEM = 2, B_LETTER = 4 };

#define IS_LETTER(c)	(((c) >= 'A' && (c) <= 'Z') || ((c) >= 'a' && (c) <= 'z'))
#define CLASS(c)							\
	(TEXT_IS_SPACE(c) ? B_SPACE :					\
	 (c) > ' ' && (c) < 0x7f && (c) != '[' && (c) != ']' &&		\
	 (c) != ',' && (c) != '\\' && (c) != '"' ?				\
	 B_ITEM | (IS_LETTER(c) ? B_LETTER : 0) : 0)
#define NORM(c)	((c) >= 'a' && (c) <= 'z' ? (c) - 'a' + 'A' : (c) == '_' ? '-' : (c))
#define ROW(f, c)	f(c), f(c + 1), f(c + 2), f(c + 3), f(c + 4), f(c + 5), \
	f(c + 6), f(c + 7), f(c + 8), f(c + 9), f(c + 10), f(c + 11),	\
	f(c + 12), f(c + 13), f(c + 14), f(c + 15)
#define TABLE(f)	{ ROW(f, 0), ROW(f, 16), ROW(f, 32), ROW(f, 48),	\
	ROW(f, 64), ROW(f, 80), ROW(f, 96), ROW(f, 112), ROW(f, 128),	\
	ROW(f, 144), ROW(f, 160), ROW(f, 176), ROW(f, 192), ROW(f, 208),	\
	ROW(f, 224), ROW(f, 240) }

static const unsigned char bclass[256] = TABLE(CLASS);
static const unsigned char norm[256] = TABLE(NORM);

static inline bool
is_letter(char c)
{
	return (bclass[(unsigned char)c] & B_LETTER) != 0;
}

static inline bool
is_item_char(char c)
{
	return (bclass[(unsigned char)c] & B_ITEM) != 0;
}

static size_t
letters(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && is_letter(p[i]))
		i++;
	return i;
}

/*
 * Length of the code at p, or 0: CODE_MIN to max letters, optionally
 * '-' or '_' and a polarity of POL_MIN to POL_MAX letters (MET-NEG, and
 * models' ENG-PAR).  The bound on letters is what tells a code from a
 * word ("[Lee et al 2013]" is text).
 */
static size_t
code_len(const char *p, size_t n, size_t max)
{
	size_t a, b;

	a = letters(p, n);
	if (a < CODE_MIN || a > max)
		return 0;
	if (a + 1 < n && (p[a] == '-' || p[a] == '_')) {
		b = letters(p + a + 1, n - a - 1);
		if (b >= POL_MIN && b <= POL_MAX)
			return a + 1 + b;
	}
	return a;
}

static bool
is_code(const struct scan *s, const char *p, size_t n)
{
	return n > 0 && code_len(p, n, s->code_max) == n;
}

/* Skips spaces; false when the input ran out before anything else. */
static inline bool
skip_space(struct scan *s)
{
	while (s->i < s->n && text_is_space(s->p[s->i]))
		s->i++;
	return s->i < s->n;
}

static enum step
ran_out(const struct scan *s)
{
	return s->eof ? STEP_FAIL : STEP_MORE;
}

static void
open_group(struct marker *m)
{
	size_t end = 0;

	if (m->ngroups > 0) {
		end = m->off[m->ngroups - 1] + m->n[m->ngroups - 1];
		m->text[end++] = '\t';
	}
	m->off[m->ngroups] = end;
	m->n[m->ngroups] = 0;
	m->home[m->ngroups] = LAYER_ANY;
	m->ngroups++;
}

/*
 * A group's layer with one more item's, h: the one layer that lists
 * each of its codes, codes valid in any layer (CNT) aside; LAYER_ANY
 * while no code tells (an empty group, CNT alone); LAYER_UNKNOWN or
 * LAYER_SEVERAL, for good, once no one layer is evident.
 */
static int
join_home(int home, int h)
{
	if (home < LAYER_ANY || h == LAYER_ANY)
		return home;
	if (h < 0 || home == LAYER_ANY)
		return h;
	return home == h ? home : LAYER_SEVERAL;
}

/*
 * Adds the item at dst, already upper-cased with '_' as '-', to the last
 * group: dst is where the group's text ends, one byte on when the group
 * has items already (for the comma).  The code's layer joins the group's,
 * so the group's layer is known when its last item is in, with one
 * lookup an item.
 */
/*
 * The code of the normalised item at dst[0..n), before its first '-',
 * packed as scheme_code_key packs it, and its length in *code: the 8
 * bytes at dst as one word (the text has room past the item but at its
 * very end), its '-' bytes found as the zero bytes of the word xor
 * "--------", the rest masked off.
 */
static inline uint64_t
code_key(const char *dst, size_t n, const char *text_end, size_t *code)
{
	uint64_t w, d;
	size_t c;

	if (dst + 8 > text_end) {
		for (c = 0; c < n && dst[c] != '-'; c++)
			;
		*code = c;
		return scheme_code_key(dst, c);
	}
	memcpy(&w, dst, 8);
	/*
	 * The bytes past a short item may not be written yet: masked off
	 * before any test looks at them (memcheck sees the mask).
	 */
	if (n < 8)
		w &= (1ULL << (8 * n)) - 1;
	d = w ^ 0x2d2d2d2d2d2d2d2dULL;
	d = (d - 0x0101010101010101ULL) & ~d & 0x8080808080808080ULL;
	c = d != 0 ? (size_t)__builtin_ctzll(d) / 8 : 8;
	if (c > n)
		c = n;
	if (c < 8) {
		*code = c;
		return w & ((1ULL << (8 * c)) - 1);
	}
	while (c < n && dst[c] != '-')
		c++;
	*code = c;
	return c == 8 ? w : scheme_code_key(dst, c);
}

/*
 * Adds the item at dst, already upper-cased with '_' as '-', to the last
 * group: dst is where the group's text ends, one byte on when the group
 * has items already (for the comma).  The layer of its code (code bytes,
 * packed in key) joins the group's, so the group's layer is known when
 * its last item is in, with one lookup an item.
 */
static inline __attribute__((always_inline)) void
join_item_key(struct marker *m, const struct scheme *sch, char *dst, size_t n,
    uint64_t key, size_t code)
{
	int g = m->ngroups - 1;

	/* "null", "NULL", "Null": an empty list (SPEC 1.2). */
	if (n == 4 && memcmp(dst, "NULL", 4) == 0)
		return;
	if (m->n[g] > 0) {
		dst[-1] = ',';
		m->n[g]++;
	}
	m->n[g] += n;
	m->home[g] = join_home(m->home[g], scheme_home_key(sch, key,
	    (struct slice){ dst, code }));
}

static inline void
join_item(struct marker *m, const struct scheme *sch, char *dst, size_t n)
{
	size_t code;
	uint64_t key = code_key(dst, n, m->text + MARKER_MAX, &code);

	join_item_key(m, sch, dst, n, key, code);
}

#ifdef MARKER_SSE2
/*
 * The item at p, whose 16 bytes are there to read, normalised into dst,
 * which has room for 16: its length (16 when it may go on), in *dashes
 * its '-' as a mask, in *low its first 8 bytes normalised.  Item
 * characters are the bytes from '!' to '~' (signed compares: bytes from
 * 0x80 are below) but '"', ',', '[', '\\' and ']'.
 */
static inline size_t
item16(const char *p, char *dst, unsigned *dashes, uint64_t *low)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i no, d, up;
	unsigned item;

	no = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(','))), _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('[')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(']'))),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
	item = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(no, _mm_and_si128(
	    _mm_cmpgt_epi8(v, _mm_set1_epi8(' ')),
	    _mm_cmpgt_epi8(_mm_set1_epi8(0x7f), v))));
	/* a to z: v - 'a' <= 25 unsigned, as min(v - 'a', 25) == v - 'a'. */
	d = _mm_sub_epi8(v, _mm_set1_epi8('a'));
	up = _mm_sub_epi8(v, _mm_and_si128(_mm_cmpeq_epi8(_mm_min_epu8(d,
	    _mm_set1_epi8('z' - 'a')), d), _mm_set1_epi8(0x20)));
	up = _mm_sub_epi8(up, _mm_and_si128(_mm_cmpeq_epi8(up,
	    _mm_set1_epi8('_')), _mm_set1_epi8('_' - '-')));
	_mm_storeu_si128((__m128i *)(void *)dst, up);
	*dashes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(up,
	    _mm_set1_epi8('-')));
	*low = (uint64_t)_mm_cvtsi128_si64(up);
	return (size_t)__builtin_ctz(~item);
}
#endif

/* Appends the item p[0..n) to the last group, upper-cased, '_' as '-'. */
static void
add_item(struct marker *m, const struct scheme *sch, const char *p, size_t n)
{
	int g = m->ngroups - 1;
	char *dst = m->text + m->off[g] + m->n[g] + (m->n[g] > 0);
	size_t k;

	for (k = 0; k < n; k++)
		dst[k] = (char)norm[(unsigned char)p[k]];
	join_item(m, sch, dst, n);
}

/* The layer of the item at p (scheme_home of its code, upper-cased). */
static int
item_home(const struct scan *s, const char *p, size_t n)
{
	char up[ITEM_MAX];
	size_t k;

	if (n > ITEM_MAX)
		return LAYER_UNKNOWN;
	for (k = 0; k < n; k++)
		up[k] = (char)norm[(unsigned char)p[k]];
	return scheme_home(s->sch, items_code((struct slice){ up, n }));
}

/*
 * Do the item at p and the last group belong to two layers?  Then a
 * bracket between them was left out (SPEC 1.3: labels must not join a
 * group of another layer).
 */
static bool
other_layer(const struct scan *s, const char *p, size_t n)
{
	int g = s->m->ngroups - 1, h = item_home(s, p, n), home;

	if (h < 0 || s->m->n[g] == 0)
		return false;
	home = s->m->home[g];
	return home >= 0 && home != h;
}

/* Length of the run of item characters at s->i. */
static size_t
item_len(const struct scan *s)
{
	size_t k = s->i;

	while (k < s->n && is_item_char(s->p[k]))
		k++;
	return k - s->i;
}

/*
 * A '[' inside a group: "[PDI-POS,[MET-POS]" joins items of one layer;
 * "[[MET-NEG, [EMP-NEG]" lacks the ']' of a group of another layer, and
 * a new group starts.  One past the scheme's last layer makes a marker
 * that is not read.
 */
static enum step
nested(struct scan *s)
{
	size_t save = s->i, n;

	s->i++;
	if (!skip_space(s))
		return ran_out(s);
	n = item_len(s);
	if (s->i + n == s->n)
		return ran_out(s);
	if (!other_layer(s, s->p + s->i, n)) {
		s->m->notes |= 1u << NOTE_NESTED;
		return STEP_OK;
	}
	if (s->m->ngroups == s->nlayers) {
		s->i = save;
		return STEP_FAIL;
	}
	s->m->notes |= 1u << NOTE_NO_CLOSE;
	open_group(s->m);
	return STEP_OK;
}

/*
 * Is what follows s->i, spaces aside, a comma (or none) and a group of
 * codes?  Then a "]]" before it closed the marker too early.
 */
static enum step
group_follows(const struct scan *s)
{
	enum step more = s->eof ? STEP_END : STEP_MORE;
	size_t k = s->i, n;

	while (k < s->n && text_is_space(s->p[k]))
		k++;
	if (k < s->n && s->p[k] == ',')
		for (k++; k < s->n && text_is_space(s->p[k]); k++)
			;
	if (k == s->n)
		return more;
	if (s->p[k] != '[')
		return STEP_END;
	for (k++;;) {
		while (k < s->n && text_is_space(s->p[k]))
			k++;
		n = 0;
		while (k + n < s->n && is_item_char(s->p[k + n]))
			n++;
		if (k + n >= s->n)
			return more;
		if (!is_code(s, s->p + k, n))
			return STEP_END;
		for (k += n; k < s->n && text_is_space(s->p[k]); k++)
			;
		if (k == s->n)
			return more;
		if (s->p[k] == ']')
			return STEP_OK;
		if (s->p[k] != ',')
			return STEP_END;
		k++;
	}
}

/* Inside a group: items separated by commas, up to its ']'. */
static enum step
read_group(struct scan *s)
{
	bool after_item = false;
	enum step st;
	size_t n;

	for (;;) {
		if (!skip_space(s))
			return ran_out(s);
		switch (s->p[s->i]) {
		case ']':
			s->i++;
			return STEP_OK;
		case ',':
			s->i++;
			after_item = false;
			continue;
		case '[':
			if ((st = nested(s)) != STEP_OK)
				return st;
			continue;
		}
		n = item_len(s);
		if (s->i + n == s->n)
			return ran_out(s);
		if (after_item || n == 0 || n > ITEM_MAX ||
		    (s->codes_only && !is_code(s, s->p + s->i, n)))
			return STEP_FAIL;
		add_item(s->m, s->sch, s->p + s->i, n);
		s->i += n;
		after_item = true;
	}
}

/*
 * A character typed for the comma before a group: STEP_OK when a '['
 * follows (across spaces) and the group is opened, STEP_END if not.
 */
static enum step
typo_comma(struct scan *s, enum note_kind note)
{
	size_t k = s->i + 1;

	while (k < s->n && text_is_space(s->p[k]))
		k++;
	if (k == s->n && !s->eof)
		return STEP_MORE;
	if (k == s->n || s->p[k] != '[')
		return STEP_END;
	s->m->notes |= 1u << note;
	s->i = k + 1;
	return STEP_OK;
}

/*
 * After a group's ']': the closing ']' (perhaps doubled), a comma and the
 * next group, bare codes that join the group before (or, of another
 * layer, are a group of their own that lacks its '['), or text, which
 * ends a marker that was not closed.  A "]]" directly followed by a
 * group closed the marker early: the groups after it join it.  STEP_OK
 * means a next group was opened.
 */
static enum step
after_group(struct scan *s, int nopen)
{
	size_t end = s->i, n;
	bool comma = false, bare = false, joined = false;
	enum step st;

	for (;;) {
		if (!skip_space(s)) {
			if (!s->eof)
				return STEP_MORE;
			break;
		}
		if (s->p[s->i] == ']' && bare) {
			/* "[B], CRT], [MAJ]]": the ']' of the bare group. */
			end = ++s->i;
			bare = comma = false;
			continue;
		}
		if (s->p[s->i] == ']') {
			if (++s->i == s->n && !s->eof)
				return STEP_MORE;
			if (s->i < s->n && s->p[s->i] == ']') {
				s->i++;
				if (nopen != 3)
					s->m->notes |= 1u << NOTE_EXTRA_CLOSE;
				return STEP_END;
			}
			if (s->m->ngroups == s->nlayers || comma)
				return STEP_END;
			if ((st = group_follows(s)) != STEP_OK)
				return st;
			s->m->notes |= 1u << NOTE_EARLY_CLOSE;
			joined = true;
			end = s->i;
			continue;
		}
		if (s->m->ngroups == s->nlayers)
			break;
		if (s->p[s->i] == '[') {
			if (!comma && !joined)
				s->m->notes |= 1u << NOTE_NO_COMMA;
			s->i++;
			return STEP_OK;
		}
		if (s->p[s->i] == ',' && !comma) {
			s->i++;
			comma = true;
			continue;
		}
		/*
		 * "[MET-NEG],, [EMP-NEG]", "[EMP-NEG]. [CRT]": typos for
		 * the comma.
		 */
		if ((s->p[s->i] == ',' && !bare) ||
		    (!comma && strchr(".;:", s->p[s->i]) != NULL)) {
			st = typo_comma(s, s->p[s->i] == ',' ?
			    NOTE_TWO_COMMAS : NOTE_BAD_COMMA);
			if (st != STEP_END)
				return st;
		}
		n = item_len(s);
		if (s->i + n == s->n && !s->eof)
			return STEP_MORE;
		if (!comma || !is_code(s, s->p + s->i, n))
			break;
		if (other_layer(s, s->p + s->i, n)) {
			open_group(s->m);
			s->m->notes |= 1u << NOTE_NO_OPEN;
			bare = true;
		} else
			s->m->notes |= 1u << NOTE_BARE;
		add_item(s->m, s->sch, s->p + s->i, n);
		s->i += n;
		end = s->i;
		comma = false;
	}
	s->i = end;
	s->m->notes |= 1u << NOTE_UNCLOSED;
	return STEP_END;
}

/* Does the first item start with a code followed by punctuation? */
static enum step
check_start(struct scan *s)
{
	size_t c, k;
	char next;

	if (!skip_space(s))
		return ran_out(s);
	/*
	 * The first item of a [[ may be a longer code than the scheme's
	 * ("[[ABSTRACT-NEG], [EMP-NEG], ...]"): read whole and kept as
	 * written, rather than left to look like a marker's tail.
	 */
	c = code_len(s->p + s->i, s->n - s->i,
	    s->codes_only ? s->code_max : CODE_FIRST);
	/*
	 * Letters up to the end of the input may be a code cut off by the
	 * end of the buffer ("[[I" of "[[INT-NEU]"): wait for more rather
	 * than call it text (found by fuzz/fuzz_review.c).
	 */
	if (s->i + (c > 0 ? c : letters(s->p + s->i, s->n - s->i)) >= s->n)
		return ran_out(s);
	/* "[[ MET-NEU ] , ..." has spaces before the punctuation. */
	for (k = s->i + c; k < s->n && (s->p[k] == ' ' || s->p[k] == '\t'); k++)
		;
	if (k == s->n)
		return ran_out(s);
	next = s->p[k];
	if (c == 0 || next <= ' ' || next >= 0x7f || is_letter(next) ||
	    (next >= '0' && next <= '9'))
		return STEP_FAIL;
	return STEP_OK;
}

/* One reading of the marker at s->p, of at most s->nlayers groups. */
static enum marker_result
read_marker(struct scan *s, bool capped)
{
	struct marker *m = s->m;
	enum step st;
	int nopen;

	while (s->i < s->n && s->p[s->i] == '[')
		s->i++;
	nopen = (int)s->i;
	if (nopen > 3)
		return MARKER_NO;
	s->codes_only = nopen == 1;
	if ((st = check_start(s)) != STEP_OK)
		return st == STEP_MORE && !capped ? MARKER_MORE : MARKER_NO;

	memset(m, 0, offsetof(struct marker, home));
	m->notes = (nopen == 1 ? 1u << NOTE_OPEN1 : 0) |
	    (nopen == 3 ? 1u << NOTE_EXTRA_OPEN : 0);
	do {
		open_group(m);
		if ((st = read_group(s)) == STEP_OK)
			st = after_group(s, nopen);
	} while (st == STEP_OK);

	if (st == STEP_MORE && !capped)
		return MARKER_MORE;
	/* One '[' opens a marker only if it is one beyond doubt. */
	if (s->codes_only && (st != STEP_END || m->ngroups < 2 ||
	    (m->ngroups < s->nlayers && (m->notes & 1u << NOTE_UNCLOSED))))
		return MARKER_NO;
	if (st != STEP_END)
		return MARKER_BROKEN;
	m->len = s->i;
	m->nread = m->ngroups;
	return MARKER_YES;
}

/*
 * A marker read as far as the scheme's last layer and not closed there:
 * does it go on with groups (", [...]") up to a closing ']'?  Then it
 * has more groups than the scheme has layers, an annotation error (SPEC
 * 1.3), and it is text; cutting it after the last layer would give the
 * rest to the next sentence as text of its own, and a shorter scheme's
 * reading of a longer marker would look right.  The extra groups are
 * only counted, in one pass and no further than SCHEME_LAYERS_MAX groups
 * in all, since every '[' of a long run of groups may get here.
 */
static enum marker_result
too_many(const struct scan *s, bool capped)
{
	struct marker *m = s->m;
	size_t i = m->len;
	int more = 0, k;

	for (;;) {
		while (i < s->n && text_is_space(s->p[i]))
			i++;
		if (i == s->n)
			break;
		if (s->p[i] == ']' && more > 0) {
			m->nread = s->nlayers + more;
			m->len = i + 1;
			return MARKER_EXCESS;
		}
		/* Past SCHEME_LAYERS_MAX groups it is no marker. */
		if (more == SCHEME_LAYERS_MAX - s->nlayers)
			return MARKER_YES;
		/* A comma, a doubled one, or none, as after_group reads. */
		for (k = 0; k < 2 && i < s->n && s->p[i] == ','; k++)
			for (i++; i < s->n && text_is_space(s->p[i]); i++)
				;
		if (i == s->n)
			break;
		if (s->p[i] != '[')
			return MARKER_YES;
		for (i++; i < s->n && s->p[i] != ']'; i++)
			if (!is_item_char(s->p[i]) && s->p[i] != ',' &&
			    !text_is_space(s->p[i]))
				return MARKER_YES;
		if (i == s->n)
			break;
		i++;
		more++;
	}
	return s->eof || capped ? MARKER_YES : MARKER_MORE;
}

/*
 * SPEC 1.3, group by group: a group whose codes all belong to one layer
 * goes to that layer; any other group (no code that tells, unknown codes,
 * codes of several layers) stays in its position.  Where two groups would
 * take one layer, those that would move stay, and so on until no layer
 * is wanted twice.  want[g] is the layer group g ends in.
 */
static void
placement(const int *home, int ngroups, int *want)
{
	int claims[SCHEME_LAYERS_MAX], g;
	bool changed;

	for (g = 0; g < ngroups; g++)
		want[g] = home[g] >= 0 ? home[g] : g;
	do {
		memset(claims, 0, sizeof(claims));
		for (g = 0; g < ngroups; g++)
			claims[want[g]]++;
		changed = false;
		for (g = 0; g < ngroups; g++)
			if (want[g] != g && claims[want[g]] > 1) {
				want[g] = g;
				changed = true;
			}
	} while (changed);
}

/* Counts a group for the note of index k (0 moved, 1 kept, 2 unsure). */
static void
count_place(struct marker *m, int k, int g, int layer)
{
	if (m->place[k][2]++ == 0) {
		m->place[k][0] = g + 1;
		m->place[k][1] = layer;
	}
}

/*
 * SPEC 1.3: groups out of place ("[[MET-NEG], [CRT], [MAJ]]", without
 * its aspect group; a model that skips or swaps criteria) go to the
 * layers their codes belong to, when that is evident; a layer that no
 * group fills stays empty.  The others stay where they are, and the
 * warnings say which may be in the wrong columns.
 */
static void
place(struct marker *m)
{
	int want[SCHEME_LAYERS_MAX], *home = m->home;
	size_t off[SCHEME_LAYERS_MAX], n[SCHEME_LAYERS_MAX];
	int g, last = 0, out = 0;

	for (g = 0; g < m->ngroups; g++)
		if (home[g] >= 0 && home[g] != g)
			out++;
	if (out == 0) {
		m->inplace = true;
		return;
	}
	memset(off, 0, sizeof(off));
	memset(n, 0, sizeof(n));
	placement(home, m->ngroups, want);
	for (g = 0; g < m->ngroups; g++) {
		if (want[g] != g)
			count_place(m, 0, g, home[g]);
		else if (home[g] >= 0 && home[g] != g)
			count_place(m, 1, g, home[g]);
		else if (home[g] < LAYER_ANY)
			count_place(m, 2, g, home[g]);
		off[want[g]] = m->off[g];
		n[want[g]] = m->n[g];
		if (want[g] + 1 > last)
			last = want[g] + 1;
	}
	if (m->place[0][2] > 0)
		m->notes |= 1u << NOTE_MOVED;
	if (m->place[1][2] > 0)
		m->notes |= 1u << NOTE_KEPT;
	if (m->place[2][2] > 0)
		m->notes |= 1u << NOTE_UNSURE;
	m->ngroups = last;
	memcpy(m->off, off, sizeof(off));
	memcpy(m->n, n, sizeof(n));
}

/*
 * After a marker of fewer groups than layers: does a group follow?
 * Only what after_group's group_follows decides at once, that none
 * does (spaces, perhaps a comma, then no '['): false sends the marker
 * to the general parser.
 */
static bool
no_group_follows(const char *p, size_t i, size_t n, bool eof)
{
	while (i < n && text_is_space(p[i]))
		i++;
	if (i < n && p[i] == ',')
		for (i++; i < n && text_is_space(p[i]); i++)
			;
	return i < n ? p[i] != '[' : eof;
}

/*
 * The marker as annotators nearly always write it, "[[MET-NEG,RES-POS],
 * [EMP-NEG], [CRT], [MAJ]]" (over 99% of the corpus' markers), read in
 * one pass with nothing to undo: two '[', groups of items, each but the
 * last followed by a comma and a '[', then "]]" and a byte that is no
 * third ']' or the end of the input.  At anything else (a slip of SPEC
 * 1.2, more groups than layers, input cut short) it returns false, having decided
 * nothing, and the general parser reads the marker.  What it accepts,
 * it reads as the general parser does, step for step (read_marker,
 * check_start, read_group, after_group): fuzz/fuzz_marker.c holds the
 * two to the same results.
 */
static bool
fast_marker(const char *p, size_t n, bool eof, const struct scheme *sch,
    struct marker *m)
{
	size_t i, k, a, b, c, at = 0;
	int g = 0;
	bool after_item;
	char *dst;
#ifdef MARKER_SSE2
	unsigned dashes;
	uint64_t low;
	size_t code;
#endif

	if (n > MARKER_MAX) {
		n = MARKER_MAX;
		eof = false;
	}
	if (n < 4 || p[1] != '[' || !is_letter(p[2]))
		return false;
	/* check_start: a code, then punctuation. */
	a = letters(p + 2, n - 2);
	if (a < CODE_MIN || a > CODE_FIRST)
		return false;
	c = a;
	if (a + 3 < n && (p[a + 2] == '-' || p[a + 2] == '_')) {
		b = letters(p + a + 3, n - a - 3);
		if (b >= POL_MIN && b <= POL_MAX)
			c = a + 1 + b;
	}
	if (c + 2 >= n || p[c + 2] <= ' ' || p[c + 2] >= 0x7f ||
	    is_letter(p[c + 2]) || (p[c + 2] >= '0' && p[c + 2] <= '9'))
		return false;

	memset(m, 0, offsetof(struct marker, home));
	for (i = 2;; i++) {
		/* open_group, then read_group */
		if (g > 0)
			m->text[at++] = '\t';
		m->off[g] = at;
		m->n[g] = 0;
		m->home[g] = LAYER_ANY;
		m->ngroups = ++g;
		for (after_item = false;;) {
			while (i < n && text_is_space(p[i]))
				i++;
			if (i == n)
				return false;
			if (p[i] == ']')
				break;
			if (p[i] == ',') {
				i++;
				after_item = false;
				continue;
			}
			/*
			 * The item copied as it is scanned: the text is never
			 * longer than the input read, so the copy stays in it.
			 */
			dst = m->text + at + (m->n[g - 1] > 0);
			k = i;
#ifdef MARKER_SSE2
			/*
			 * An item of fewer than 16 bytes in one step, its code
			 * found and packed on the way.  (The text is never
			 * longer than the marker read: there is room for 16.)
			 */
			if (n - i >= 16 && (k += item16(p + i, dst, &dashes,
			    &low)) < i + 16) {
				if (after_item || k == i || k == n)
					return false;
				code = (size_t)__builtin_ctz(dashes | 1u << 16);
				code = code < k - i ? code : k - i;
				join_item_key(m, sch, dst, k - i, code < 8 ?
				    low & ((1ULL << (8 * code)) - 1) : code == 8 ?
				    low : scheme_code_key(dst, code), code);
				at = m->off[g - 1] + m->n[g - 1];
				i = k;
				after_item = true;
				continue;
			}
#endif
			for (; k < n && is_item_char(p[k]); k++)
				dst[k - i] = (char)norm[(unsigned char)p[k]];
			if (after_item || k == i || k == n || k - i > ITEM_MAX)
				return false;
			join_item(m, sch, dst, k - i);
			at = m->off[g - 1] + m->n[g - 1];
			i = k;
			after_item = true;
		}
		/* after_group: "]]", or a comma and the next '['. */
		for (i++; i < n && text_is_space(p[i]); i++)
			;
		if (i == n)
			return false;
		if (p[i] == ']') {
			if (++i == n ? !eof : p[i] == ']')
				return false;
			if (g < sch->nlayers && !no_group_follows(p, i, n, eof))
				return false;
			break;
		}
		if (g == sch->nlayers || p[i] != ',')
			return false;
		for (i++; i < n && text_is_space(p[i]); i++)
			;
		if (i == n || p[i] != '[')
			return false;
	}
	m->len = i;
	m->nread = g;
	return true;
}

/*
 * Parses the marker that may start at p[0] == '['.  Without eof, a
 * marker cut off by the end of p gives MARKER_MORE.
 */
enum marker_result
marker_parse(const char *p, size_t n, bool eof, const struct scheme *sch,
    struct marker *m)
{
	if (fast_marker(p, n, eof, sch, m)) {
		place(m);
		return MARKER_YES;
	}
	return marker_parse_general(p, n, eof, sch, m);
}

/* marker_parse without its fast path, for fuzz/fuzz_marker.c. */
enum marker_result
marker_parse_general(const char *p, size_t n, bool eof,
    const struct scheme *sch, struct marker *m)
{
	struct scan s = { p, n, 0, eof, false, sch->nlayers,
	    sch->maxcode > CODE_SHORT ? sch->maxcode : CODE_SHORT, sch, m };
	bool capped = n > MARKER_MAX;
	enum marker_result res;

	if (capped) {
		s.n = MARKER_MAX;
		s.eof = false;
	}
	res = read_marker(&s, capped);
	if (res == MARKER_YES && m->ngroups == sch->nlayers &&
	    (m->notes & 1u << NOTE_UNCLOSED))
		res = too_many(&s, capped);
	if (res == MARKER_YES)
		place(m);
	return res;
}
