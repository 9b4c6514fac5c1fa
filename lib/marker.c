#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "marker.h"
#include "note.h"

#define ITEM_MAX	32

/* How a step of the parse ended. */
enum step { STEP_OK, STEP_END, STEP_FAIL, STEP_MORE };

struct scan {
	const char	*p;
	size_t		 n;
	size_t		 i;
	bool		 eof;
	bool		 codes_only;	/* opened by one '[': items must be codes */
	int		 nlayers;	/* groups a marker may have */
	struct marker	*m;
};

static bool
is_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Item characters: printable ASCII but brackets, comma, space, \ and ". */
static bool
is_item_char(char c)
{
	return c > ' ' && c < 0x7f && c != '[' && c != ']' && c != ',' &&
	    c != '\\' && c != '"';
}

static size_t
letters(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && is_letter(p[i]))
		i++;
	return i;
}

/* Length of the code at p (2-4 letters, optionally -/_ and 2-4), or 0. */
static size_t
code_len(const char *p, size_t n)
{
	size_t a, b;

	a = letters(p, n);
	if (a < 2 || a > 4)
		return 0;
	if (a + 1 < n && (p[a] == '-' || p[a] == '_')) {
		b = letters(p + a + 1, n - a - 1);
		if (b >= 2 && b <= 4)
			return a + 1 + b;
	}
	return a;
}

bool
marker_is_code(const char *p, size_t n)
{
	return n > 0 && code_len(p, n) == n;
}

/* Skips spaces; false when the input ran out before anything else. */
static bool
skip_space(struct scan *s)
{
	while (s->i < s->n && is_space(s->p[s->i]))
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

	if (m->ngroups > 0)
		end = m->off[m->ngroups - 1] + m->n[m->ngroups - 1];
	m->off[m->ngroups] = end;
	m->n[m->ngroups] = 0;
	m->ngroups++;
}

/* Appends an item, upper-cased with '_' as '-', to the last group. */
static void
add_item(struct marker *m, const char *p, size_t n)
{
	int g = m->ngroups - 1;
	char *dst;
	size_t k;

	if (n == 4 && strncasecmp(p, "null", 4) == 0)
		return;
	dst = m->text + m->off[g] + m->n[g];
	if (m->n[g] > 0) {
		*dst++ = ',';
		m->n[g]++;
	}
	for (k = 0; k < n; k++) {
		char c = p[k];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		else if (c == '_')
			c = '-';
		dst[k] = c;
	}
	m->n[g] += n;
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

/* Inside a group: items separated by commas, up to its ']'. */
static enum step
read_group(struct scan *s)
{
	bool after_item = false;
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
			s->m->notes |= 1u << NOTE_NESTED;
			s->i++;
			continue;
		}
		n = item_len(s);
		if (s->i + n == s->n)
			return ran_out(s);
		if (after_item || n == 0 || n > ITEM_MAX ||
		    (s->codes_only && !marker_is_code(s->p + s->i, n)))
			return STEP_FAIL;
		add_item(s->m, s->p + s->i, n);
		s->i += n;
		after_item = true;
	}
}

/*
 * After a group's ']': the closing ']' (perhaps doubled), a comma and the
 * next group, bare codes that join the group before, or text, which ends
 * a marker that was not closed.  STEP_OK means a next group was opened.
 */
static enum step
after_group(struct scan *s, int nopen)
{
	size_t end = s->i, n, k;
	bool comma = false;

	for (;;) {
		if (!skip_space(s)) {
			if (!s->eof)
				return STEP_MORE;
			break;
		}
		if (s->p[s->i] == ']') {
			if (++s->i == s->n && !s->eof)
				return STEP_MORE;
			if (s->i < s->n && s->p[s->i] == ']') {
				s->i++;
				if (nopen != 3)
					s->m->notes |= 1u << NOTE_EXTRA_CLOSE;
			}
			return STEP_END;
		}
		if (s->m->ngroups == s->nlayers)
			break;
		if (s->p[s->i] == '[') {
			if (!comma)
				s->m->notes |= 1u << NOTE_NO_COMMA;
			s->i++;
			return STEP_OK;
		}
		if (s->p[s->i] == ',' && !comma) {
			s->i++;
			comma = true;
			continue;
		}
		/* "[EMP-NEG]. [CRT]": a typo for the comma. */
		if (!comma && strchr(".;:", s->p[s->i]) != NULL) {
			k = s->i + 1;
			while (k < s->n && is_space(s->p[k]))
				k++;
			if (k == s->n && !s->eof)
				return STEP_MORE;
			if (k < s->n && s->p[k] == '[') {
				s->m->notes |= 1u << NOTE_BAD_COMMA;
				s->i = k + 1;
				return STEP_OK;
			}
		}
		n = item_len(s);
		if (s->i + n == s->n && !s->eof)
			return STEP_MORE;
		if (!comma || !marker_is_code(s->p + s->i, n))
			break;
		add_item(s->m, s->p + s->i, n);
		s->m->notes |= 1u << NOTE_BARE;
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
	c = code_len(s->p + s->i, s->n - s->i);
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

/*
 * Parses the marker that may start at p[0] == '['.  Without eof, a
 * marker cut off by the end of p gives MARKER_MORE.
 */
enum marker_result
marker_parse(const char *p, size_t n, bool eof, const struct scheme *sch,
    struct marker *m)
{
	struct scan s = { p, n, 0, eof, false, sch->nlayers, m };
	bool capped = n > MARKER_MAX;
	enum step st;
	int nopen;

	if (capped) {
		s.n = MARKER_MAX;
		s.eof = false;
	}
	while (s.i < s.n && p[s.i] == '[')
		s.i++;
	nopen = (int)s.i;
	if (nopen > 3)
		return MARKER_NO;
	if ((st = check_start(&s)) != STEP_OK)
		return st == STEP_MORE && !capped ? MARKER_MORE : MARKER_NO;

	memset(m, 0, offsetof(struct marker, text));
	s.codes_only = nopen == 1;
	m->notes = (nopen == 1 ? 1u << NOTE_OPEN1 : 0) |
	    (nopen == 3 ? 1u << NOTE_EXTRA_OPEN : 0);
	do {
		open_group(m);
		if ((st = read_group(&s)) == STEP_OK)
			st = after_group(&s, nopen);
	} while (st == STEP_OK);

	if (st == STEP_MORE && !capped)
		return MARKER_MORE;
	/* One '[' opens a marker only if it is one beyond doubt. */
	if (s.codes_only && (st != STEP_END || m->ngroups < 2 ||
	    (m->ngroups < s.nlayers && (m->notes & 1u << NOTE_UNCLOSED))))
		return MARKER_NO;
	if (st != STEP_END)
		return MARKER_BROKEN;
	m->len = s.i;
	return MARKER_YES;
}
