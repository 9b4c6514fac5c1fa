#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"
#ifdef SIMD_SSE2
#include <immintrin.h>
#endif

#include "marker.h"
#include "note.h"
#include "text.h"
#include "xmalloc.h"

#define ITEM_MAX	32
#define CODE_MIN	2	/* letters of a code, at least */
#define CODE_MIN_STR	"2"
#define CODE_SHORT	4	/* ... at most, unless the scheme has longer */
#define CODE_FIRST	16	/* ... at most in the first item of a [[ */
#define CODE_FIRST_STR	"16"
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
 * has items already (for the comma).  The layer of its code joins the
 * group's, so the group's layer is known when its last item is in, with
 * one lookup an item.
 */
static void
join_item(struct marker *m, const struct scheme *sch, char *dst, size_t n)
{
	int g = m->ngroups - 1;
	size_t code;
	uint64_t key;

	/* "null", "NULL", "Null": an empty list (SPEC 1.2). */
	if (n == 4 && memcmp(dst, "NULL", 4) == 0)
		return;
	key = code_key(dst, n, m->text + MARKER_MAX, &code);
	if (m->n[g] > 0) {
		dst[-1] = ',';
		m->n[g]++;
	}
	m->n[g] += n;
	m->home[g] = join_home(m->home[g], scheme_home_key(sch, key,
	    (struct slice){ dst, code }));
}

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
	/*
	 * "[[ MET-NEU ] , ..." has spaces before the punctuation; any white
	 * space, as between groups: a raw line end there is a space in the
	 * review's line (rsplit -L), which must give the same rows.
	 */
	for (k = s->i + c; k < s->n && text_is_space(s->p[k]); k++)
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
 * The fast path reads a marker's first WINDOW bytes as bit masks, bit i
 * for byte i, of what each byte is to the marker, and as normalised
 * bytes (upper case, '_' as '-': the labels' form) in a buffer with room
 * to copy 32 bytes from any item.  Bytes are classified 16 or 32 at a
 * time, as far as the first "]]".
 */
#define WINDOW	64

struct masks {
	uint64_t	open;		/* '[' */
	uint64_t	close;		/* ']' */
	uint64_t	comma;
	uint64_t	space;		/* ' ' only: other white space is rare */
	uint64_t	item;		/* item characters (is_item_char) */
	uint64_t	dash;		/* '-', '_' */
	uint64_t	letter;
};

#ifdef SIMD_SSE2
/* The 16 bytes at p, classified into w from bit at, normalised into nb. */
static inline __attribute__((always_inline)) void
classify(const char *p, char *nb, struct masks *w, unsigned at)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i o, c, cm, no, d, up, lt;

	o = _mm_cmpeq_epi8(v, _mm_set1_epi8('['));
	c = _mm_cmpeq_epi8(v, _mm_set1_epi8(']'));
	cm = _mm_cmpeq_epi8(v, _mm_set1_epi8(','));
	no = _mm_or_si128(_mm_or_si128(o, c), _mm_or_si128(cm,
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')))));
	/* a to z: v - 'a' <= 25 unsigned, as min(v - 'a', 25) == v - 'a'. */
	d = _mm_sub_epi8(v, _mm_set1_epi8('a'));
	up = _mm_sub_epi8(v, _mm_and_si128(_mm_cmpeq_epi8(_mm_min_epu8(d,
	    _mm_set1_epi8('z' - 'a')), d), _mm_set1_epi8(0x20)));
	d = _mm_sub_epi8(up, _mm_set1_epi8('A'));
	lt = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8('Z' - 'A')), d);
	up = _mm_sub_epi8(up, _mm_and_si128(_mm_cmpeq_epi8(up,
	    _mm_set1_epi8('_')), _mm_set1_epi8('_' - '-')));
	_mm_storeu_si128((__m128i *)(void *)(nb + at), up);
	w->open |= (uint64_t)_mm_movemask_epi8(o) << at;
	w->close |= (uint64_t)_mm_movemask_epi8(c) << at;
	w->comma |= (uint64_t)_mm_movemask_epi8(cm) << at;
	w->space |= (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8(' '))) << at;
	/* Printable: from '!' to '~' (signed: bytes from 0x80 are below). */
	w->item |= (uint64_t)_mm_movemask_epi8(_mm_andnot_si128(no,
	    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(' ')),
	    _mm_cmpgt_epi8(_mm_set1_epi8(0x7f), v)))) << at;
	w->dash |= (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(up,
	    _mm_set1_epi8('-'))) << at;
	w->letter |= (uint64_t)_mm_movemask_epi8(lt) << at;
}
#else
static inline void
classify(const char *p, char *nb, struct masks *w, unsigned at)
{
	unsigned char c;
	uint64_t bit;
	unsigned i;

	for (i = 0; i < 16; i++) {
		c = (unsigned char)p[i];
		bit = 1ULL << (at + i);
		if (c == '[')
			w->open |= bit;
		else if (c == ']')
			w->close |= bit;
		else if (c == ',')
			w->comma |= bit;
		else if (c == ' ')
			w->space |= bit;
		else if (bclass[c] & B_ITEM)
			w->item |= bit;
		if (bclass[c] & B_LETTER)
			w->letter |= bit;
		nb[at + i] = (char)norm[c];
		if (norm[c] == '-')
			w->dash |= bit;
	}
}
#endif

/* The first 32 bytes of the window, or all 64 when no "]]" is in them. */
static void
classify_sse(const char *q, char *nb, struct masks *w)
{
	classify(q, nb, w, 0);
	classify(q + 16, nb, w, 16);
	if ((w->close & w->close >> 1 & 0x7fffffff) == 0) {
		classify(q + 32, nb, w, 32);
		classify(q + 48, nb, w, 48);
	}
}

#ifdef SIMD_AVX2
/*
 * classify_sse 32 bytes a step, with AVX2.  The constants are read from
 * a table the compiler cannot see into (the empty asm), as operands of
 * the compares: built from immediates, they cost three instructions each.
 */
static const char k32[10][32] __attribute__((aligned(32))) = {
#define K32(c)	{ c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c,		\
	c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c }
	K32('['), K32(']'), K32(','), K32('\\'), K32('"'), K32(' '),
	K32(0x7f), K32('a'), K32('z' - 'a'), K32(0x20),
#undef K32
};
enum { K_OPEN, K_CLOSE, K_COMMA, K_BSL, K_QUOTE, K_SPACE, K_DEL, K_A,
	K_AZ, K_CASE };

struct masks32 {
	uint32_t	open, close, comma, space, item, dash, letter;
};

static inline SIMD_AVX2 __m256i
kv(const char (*k)[32], int i)
{
	return _mm256_load_si256((const __m256i *)(const void *)k[i]);
}

static inline SIMD_AVX2 uint32_t
mask32(__m256i v)
{
	return (uint32_t)_mm256_movemask_epi8(v);
}

static inline SIMD_AVX2 struct masks32
classify32(const char (*k)[32], const char *p, char *nb)
{
	const __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i o, c, cm, d, up, lt, it, a2z = kv(k, K_AZ), cs = kv(k, K_CASE);
	struct masks32 r;

	o = _mm256_cmpeq_epi8(v, kv(k, K_OPEN));
	c = _mm256_cmpeq_epi8(v, kv(k, K_CLOSE));
	cm = _mm256_cmpeq_epi8(v, kv(k, K_COMMA));
	it = _mm256_andnot_si256(_mm256_or_si256(_mm256_or_si256(o, c),
	    _mm256_or_si256(cm, _mm256_or_si256(_mm256_cmpeq_epi8(v,
	    kv(k, K_BSL)), _mm256_cmpeq_epi8(v, kv(k, K_QUOTE))))),
	    _mm256_and_si256(_mm256_cmpgt_epi8(v, kv(k, K_SPACE)),
	    _mm256_cmpgt_epi8(kv(k, K_DEL), v)));
	/* a to z: v - 'a' <= 25 unsigned; A to Z then: up - ('a' - 0x20). */
	d = _mm256_sub_epi8(v, kv(k, K_A));
	up = _mm256_sub_epi8(v, _mm256_and_si256(_mm256_cmpeq_epi8(
	    _mm256_min_epu8(d, a2z), d), cs));
	d = _mm256_sub_epi8(up, _mm256_sub_epi8(kv(k, K_A), cs));
	lt = _mm256_cmpeq_epi8(_mm256_min_epu8(d, a2z), d);
	/* '_' to '-': '_' is ',' + 0x33, '-' is ',' + 1. */
	d = _mm256_cmpeq_epi8(up, _mm256_add_epi8(kv(k, K_COMMA),
	    _mm256_set1_epi8('_' - ',')));
	up = _mm256_sub_epi8(up, _mm256_and_si256(d, _mm256_set1_epi8('_' -
	    '-')));
	_mm256_storeu_si256((__m256i *)(void *)nb, up);
	r.open = mask32(o);
	r.close = mask32(c);
	r.comma = mask32(cm);
	r.space = mask32(_mm256_cmpeq_epi8(v, kv(k, K_SPACE)));
	r.item = mask32(it);
	r.dash = mask32(_mm256_cmpeq_epi8(up, _mm256_set1_epi8('-')));
	r.letter = mask32(lt);
	return r;
}

static SIMD_AVX2 void
classify_avx2(const char *q, char *nb, struct masks *w)
{
	const char (*k)[32] = k32;
	struct masks32 lo, hi = { 0, 0, 0, 0, 0, 0, 0 };

	__asm__("" : "+r"(k));
	lo = classify32(k, q, nb);
	if ((lo.close & lo.close >> 1 & 0x7fffffff) == 0)
		hi = classify32(k, q + 32, nb + 32);
	w->open = lo.open | (uint64_t)hi.open << 32;
	w->close = lo.close | (uint64_t)hi.close << 32;
	w->comma = lo.comma | (uint64_t)hi.comma << 32;
	w->space = lo.space | (uint64_t)hi.space << 32;
	w->item = lo.item | (uint64_t)hi.item << 32;
	w->dash = lo.dash | (uint64_t)hi.dash << 32;
	w->letter = lo.letter | (uint64_t)hi.letter << 32;
}
#endif

static inline uint64_t
load64(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* Bits from..to-1 (from <= to < 64). */
static inline uint64_t
span(unsigned from, unsigned to)
{
	return ((1ULL << to) - 1) & ~((1ULL << from) - 1);
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
 * The first non-space byte after each run of spaces that starts at a bit
 * of from (or from's bit itself when no space is there): adding a bit at
 * the start of a run carries through it.
 */
static inline uint64_t
after_spaces(uint64_t space, uint64_t from)
{
	return (space + from) & ~space;
}

/* Is the item at nb, 4 bytes, "null" in any case (SPEC 1.2: none)? */
static inline bool
is_null(const char *nb)
{
	return memcmp(nb, "NULL", 4) == 0;
}

/*
 * The marker as annotators nearly always write it, "[[MET-NEG,RES-POS],
 * [EMP-NEG], [CRT], [MAJ]]" (over 99% of the corpus' markers), read in
 * one pass with nothing to undo: two '[', groups of items with a comma
 * between each two ("null" alone), each group but the last followed by a
 * comma and a '[', then "]]" and a byte that is no third ']' or the end
 * of the input, all in the first WINDOW bytes, with no white space but
 * ' ' between groups.  At anything else (a slip of SPEC 1.2, more groups
 * than layers, a longer marker, input cut short) it returns false,
 * having decided nothing, and the general parser reads the marker.
 * What it accepts, it reads as the general parser does (read_marker,
 * check_start, read_group, after_group): fuzz/fuzz_marker.c holds the
 * two to the same results.
 *
 * It reads the marker's bytes as bit masks (struct masks), as simdjson
 * reads a document, and checks its form on them whole: the end is the
 * first "]]"; no byte before it but those of items, brackets, commas and
 * spaces; after each other ']', across spaces, a comma and then a '[',
 * and no other '['; in a group, no space and a comma only between two
 * items.  Then each group, the bits from a '[' to the next ']', is its
 * text as it stands, one copy, and each item a run of item bits, its
 * code the bits up to its first dash, its layer one look in the scheme's
 * table.
 */
static bool
fast_marker(const char *p, size_t n, bool eof, const struct scheme *sch,
    struct marker *m)
{
	struct masks w = { 0, 0, 0, 0, 0, 0, 0 };
	char pad[WINDOW], nb[2 * WINDOW];
	const char *q = p;
	uint64_t ends, in, close, open, between, items, key;
	unsigned e, a, b, c, s, len, from, to, code, gend;
	size_t at;
	int g, nl = sch->nlayers, out;

	if (n > MARKER_MAX) {
		n = MARKER_MAX;
		eof = false;
	}
	if (n < 4 || p[1] != '[')
		return false;
	if (n < WINDOW) {
		memset(pad, 0, sizeof(pad));
		memcpy(pad, p, n);
		q = pad;
	}
#ifdef SIMD_AVX2
	if (simd_avx2())
		classify_avx2(q, nb, &w);
	else
#endif
		classify_sse(q, nb, &w);
	/* The end: the first "]]", and no third ']' after it. */
	if ((ends = w.close & w.close >> 1) == 0)
		return false;
	e = (unsigned)__builtin_ctzll(ends);
	if (e + 2 < n ? p[e + 2] == ']' : !eof)
		return false;
	in = span(2, e);
	close = w.close & in;
	open = after_spaces(w.space, after_spaces(w.space, close << 1) << 1);
	/* From each ']' but the last to the next '[': "], [". */
	between = open - close;
	if ((in & ~(w.open | w.close | w.comma | w.space | w.item)) != 0 ||
	    (after_spaces(w.space, close << 1) & ~w.comma) != 0 ||
	    open != (w.open & in) ||
	    (w.space & in & ~between) != 0 ||
	    (w.comma & in & ~between & ~(w.item << 1 & w.item >> 1)) != 0)
		return false;
	/*
	 * check_start: a code of CODE_MIN to CODE_FIRST letters, perhaps a
	 * '-' or '_' and a polarity, then punctuation (no letter, digit or
	 * space: the bytes are item bytes, brackets or commas).
	 */
	a = (unsigned)__builtin_ctzll(~(w.letter >> 2));
	if (a < CODE_MIN || a > CODE_FIRST)
		return false;
	c = a;
	if (w.dash >> (a + 2) & 1) {
		b = (unsigned)__builtin_ctzll(~(w.letter >> (a + 3)));
		if (b >= POL_MIN && b <= POL_MAX)
			c = a + 1 + b;
	}
	if ((w.letter >> (c + 2) & 1) != 0 ||
	    (p[c + 2] >= '0' && p[c + 2] <= '9'))
		return false;

	/* The groups' text, a TAB between two: "null" is none. */
	memset(m, 0, offsetof(struct marker, home));
	open = open << 1 | 1u << 2;
	close |= 1ULL << e;
	for (g = 0, at = 0;; g++) {
		from = (unsigned)__builtin_ctzll(open);
		to = (unsigned)__builtin_ctzll(close);
		memcpy(m->text + at, nb + from, 32);
		if (to - from > 32)
			memcpy(m->text + at + 32, nb + from + 32, 32);
		m->off[g] = at;
		m->n[g] = to - from == 4 && is_null(nb + from) ? 0 : to - from;
		m->home[g] = LAYER_ANY;
		at += m->n[g];
		open &= open - 1;
		if ((close &= close - 1) == 0)
			break;
		if (g + 1 == nl)
			return false;
		m->text[at++] = '\t';
	}
	m->ngroups = m->nread = ++g;
	if (g < nl && !no_group_follows(p, e + 2, n, eof))
		return false;

	/* Each item's layer joins its group's. */
	items = w.item & in & ~(w.item << 1);
	close = w.close & in;
	gend = close != 0 ? (unsigned)__builtin_ctzll(close) : e;
	for (g = 0; items != 0; items &= items - 1) {
		s = (unsigned)__builtin_ctzll(items);
		len = (unsigned)__builtin_ctzll(~(w.item >> s));
		while (s > gend) {
			close &= close - 1;
			gend = close != 0 ? (unsigned)__builtin_ctzll(close) : e;
			g++;
		}
		if (len > ITEM_MAX)
			return false;
		if (len == 4 && is_null(nb + s)) {
			/* "null" among other items: the general parser's. */
			if (m->n[g] != 0)
				return false;
			continue;
		}
		code = (unsigned)__builtin_ctzll(w.dash >> s | 1ULL << len);
		key = code < 8 ? load64(nb + s) & ((1ULL << 8 * code) - 1) :
		    code == 8 ? load64(nb + s) : scheme_code_key(nb + s, code);
		m->home[g] = join_home(m->home[g], scheme_home_key(sch, key,
		    (struct slice){ nb + s, code }));
	}
	for (out = 0, g = 0; g < m->ngroups; g++)
		out |= m->home[g] >= 0 && m->home[g] != g;
	m->len = e + 2;
	m->inplace = !out;
	return true;
}

/*
 * The memo of markers read by the fast path.  Annotators write the same
 * markers over and over ("[[MET-NEU], [EMP-NEU]]"): what fast_marker
 * decides and reads depends only on the bytes from the first '[' to the
 * first "]]" (the key) and the scheme, but for two looks past them, done
 * again at each use: no third ']' (nor the end of an input that goes
 * on), and no group after a marker of fewer groups than layers.
 * A key is one of MEMO_SIZE entries, chosen by its hash, and replaces
 * what was there: no input makes the memo grow, and one that makes
 * every look a miss costs a hash and a compare more than the fast path
 * alone.  The entries hold the marker as place left it, the places and
 * layers of its first MEMO_GROUPS groups copied whole, not group by
 * group: a marker of more (argu's, one a review) is not kept.
 */
/*
 * 4096 entries of 256 bytes (1 MB): a corpus' 20 MB of lines holds
 * 6,662 distinct markers among 129,078, and 1024 entries read 64% of them
 * from the memo, 2048 70%, 4096 76%.
 */
#define MEMO_BITS	12
#define MEMO_SIZE	(1 << MEMO_BITS)
#define MEMO_GROUPS	4	/* pra's layers (8: 0.08 instructions a byte more) */

struct memo_entry {
	unsigned char	klen;		/* of the key; 0: empty */
	unsigned char	len, ngroups, nread;
	bool		inplace;
	unsigned	notes;
	int		place[3][3];
	size_t		off[MEMO_GROUPS], n[MEMO_GROUPS];
	int		home[MEMO_GROUPS];
	char		key[WINDOW];
	char		text[WINDOW];
};

struct marker_memo {
	const struct scheme *sch;	/* the scheme its markers were read in */
	struct memo_entry v[MEMO_SIZE];
};

struct marker_memo *
marker_memo_new(const struct scheme *sch)
{
	struct marker_memo *mm = xcalloc(1, sizeof(*mm));

	mm->sch = sch;
	return mm;
}

void
marker_memo_free(struct marker_memo *mm)
{
	free(mm);
}

/*
 * The key at q, the WINDOW bytes there: its length in *len (0 when no
 * "]]" is there), and its entry, which holds it when *hit.
 */
#ifdef SIMD_SSE2
static inline __m128i
block(const char *p)
{
	return _mm_loadu_si128((const __m128i *)(const void *)p);
}

static inline uint64_t
closes(__m128i v, unsigned at)
{
	return (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8(']'))) << at;
}

/* The bytes of block v before cut (its bytes' places: at), the rest 0. */
static inline __m128i
key_part(__m128i v, __m128i cut, const char *at)
{
	return _mm_and_si128(v, _mm_cmpgt_epi8(cut, block(at)));
}

/*
 * In one pass over the 4 blocks of 16 bytes: the first "]]" (as
 * fast_marker finds it), then the blocks with the bytes past the key
 * masked off, hashed (16-bit multiplies chain them, so that a byte
 * counts by its place) and compared with the entry's.
 */
static struct memo_entry *
memo_find(struct marker_memo *mm, const char *q, unsigned *len, bool *hit)
{
	static const char at[WINDOW] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
	    11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
	    27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,
	    43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58,
	    59, 60, 61, 62, 63 };
	const __m128i mul = _mm_set1_epi16(0x2f0b);
	__m128i a = block(q), b = block(q + 16), c = block(q + 32),
	    d = block(q + 48), cut, h, eq;
	uint64_t close, ends, w[2];
	struct memo_entry *e;

	close = closes(a, 0) | closes(b, 16) | closes(c, 32) | closes(d, 48);
	if ((ends = close & close >> 1) == 0) {
		*len = 0;
		return NULL;
	}
	*len = (unsigned)__builtin_ctzll(ends) + 2;
	cut = _mm_set1_epi8((char)*len);
	a = key_part(a, cut, at);
	b = key_part(b, cut, at + 16);
	c = key_part(c, cut, at + 32);
	d = key_part(d, cut, at + 48);
	h = _mm_xor_si128(_mm_mullo_epi16(a, mul), b);
	h = _mm_xor_si128(_mm_mullo_epi16(h, mul), c);
	h = _mm_xor_si128(_mm_mullo_epi16(h, mul), d);
	_mm_storeu_si128((__m128i *)(void *)w, h);
	e = &mm->v[(w[0] * 0x9e3779b97f4a7c15ULL ^ w[1]) *
	    0xbf58476d1ce4e5b9ULL >> (64 - MEMO_BITS)];
	eq = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(a, block(e->key)),
	    _mm_cmpeq_epi8(b, block(e->key + 16))), _mm_and_si128(
	    _mm_cmpeq_epi8(c, block(e->key + 32)),
	    _mm_cmpeq_epi8(d, block(e->key + 48))));
	*hit = e->klen == *len && _mm_movemask_epi8(eq) == 0xffff;
	return e;
}
#else
/* The last k bytes (1 to 8) of a word loaded from memory. */
static inline uint64_t
low_bytes(uint64_t w, unsigned k)
{
	return w & (~0ULL >> (64 - 8 * k));
}

/* A word at a time: the same entries as the SSE2 version's, or others. */
static struct memo_entry *
memo_find(struct marker_memo *mm, const char *q, unsigned *len, bool *hit)
{
	struct memo_entry *e;
	uint64_t h;
	unsigned i;

	for (i = 0; i + 1 < WINDOW && (q[i] != ']' || q[i + 1] != ']'); i++)
		;
	if (i + 1 == WINDOW) {
		*len = 0;
		return NULL;
	}
	*len = i + 2;
	for (h = *len, i = 0; i + 8 < *len; i += 8)
		h = (h ^ load64(q + i)) * 0x9e3779b97f4a7c15ULL;
	h = (h ^ low_bytes(load64(q + i), *len - i)) * 0x9e3779b97f4a7c15ULL;
	e = &mm->v[(h ^ h >> 32) & (MEMO_SIZE - 1)];
	*hit = e->klen == *len;
	for (i = 0; *hit && i + 8 < *len; i += 8)
		*hit = load64(e->key + i) == load64(q + i);
	*hit = *hit && load64(e->key + i) == low_bytes(load64(q + i),
	    *len - i);
	return e;
}
#endif

static void
memo_get(const struct memo_entry *e, struct marker *m)
{
	m->len = e->len;
	m->ngroups = e->ngroups;
	m->nread = e->nread;
	m->notes = e->notes;
	m->inplace = e->inplace;
	memcpy(m->place, e->place, sizeof(m->place));
	memcpy(m->text, e->text, WINDOW);
	memcpy(m->off, e->off, sizeof(e->off));
	memcpy(m->n, e->n, sizeof(e->n));
	memcpy(m->home, e->home, sizeof(e->home));
}

static void
memo_put(struct memo_entry *e, const char *q, unsigned len,
    const struct marker *m)
{
	memset(e->key, 0, WINDOW);
	memcpy(e->key, q, len);
	e->klen = (unsigned char)len;
	e->len = (unsigned char)m->len;
	e->ngroups = (unsigned char)m->ngroups;
	e->nread = (unsigned char)m->nread;
	e->notes = m->notes;
	e->inplace = m->inplace;
	memcpy(e->place, m->place, sizeof(e->place));
	memcpy(e->text, m->text, WINDOW);
	memcpy(e->off, m->off, sizeof(e->off));
	memcpy(e->n, m->n, sizeof(e->n));
	memcpy(e->home, m->home, sizeof(e->home));
}

/*
 * fast_marker and place, through the memo: the key's entry, if it holds
 * the key, and its looks past the key hold.
 */
static bool
memo_marker(struct marker_memo *mm, const char *p, size_t n, bool eof,
    struct marker *m)
{
	const struct scheme *sch = mm->sch;
	struct memo_entry *e;
	char pad[WINDOW];
	const char *q = p;
	unsigned len;
	bool hit;

	if (n > MARKER_MAX) {
		n = MARKER_MAX;
		eof = false;
	}
	if (n < WINDOW) {
		memset(pad, 0, sizeof(pad));
		memcpy(pad, p, n);
		q = pad;
	}
	if ((e = memo_find(mm, q, &len, &hit)) == NULL)
		return false;
	if (hit) {
		if (len < n ? p[len] == ']' : !eof)
			return false;
		if (e->nread < sch->nlayers &&
		    !no_group_follows(p, len, n, eof))
			return false;
		memo_get(e, m);
		return true;
	}
	if (!fast_marker(p, n, eof, sch, m))
		return false;
	if (!m->inplace)
		place(m);
	if (m->ngroups <= MEMO_GROUPS && m->nread <= MEMO_GROUPS)
		memo_put(e, q, len, m);
	return true;
}

/*
 * Parses the marker that may start at p[0] == '[', through the memo mm
 * when it is given and holds the markers of sch.  Without eof, a marker
 * cut off by the end of p gives MARKER_MORE.
 */
enum marker_result
marker_parse(const char *p, size_t n, bool eof, const struct scheme *sch,
    struct marker_memo *mm, struct marker *m)
{
	if (mm != NULL && mm->sch == sch) {
		if (memo_marker(mm, p, n, eof, m))
			return MARKER_YES;
	} else if (fast_marker(p, n, eof, sch, m)) {
		if (!m->inplace)
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

/*
 * Why no marker can hold code, a scheme file's, or NULL.  A marker's code
 * is read as CODE_MIN to CODE_FIRST letters and written in capitals, so
 * such a code ("met", "D2") would match no label rsplit writes.
 */
const char *
marker_code_fault(const char *code, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_letter(code[i]))
			return "is not letters only, as a marker's codes are";
		if (norm[(unsigned char)code[i]] != code[i])
			return "is not in capitals, as rsplit writes a marker's "
			    "codes";
	}
	if (n < CODE_MIN || n > CODE_FIRST)
		return "is not of " CODE_MIN_STR " to " CODE_FIRST_STR
		    " letters, as a marker's codes are";
	return NULL;
}
