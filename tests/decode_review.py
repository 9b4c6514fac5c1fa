#!/usr/bin/env python3
"""Test oracle: print a review's decoded text with every annotation marker removed.

Usage: decode_review.py FILE

Independent of the C code (stdlib only).  Markers are found in the raw file
text before any decoding (SPEC 1.1, 1.2); then, if the file is a JSON string
literal, its content is decoded.  Output is UTF-8 on stdout, nothing added.
"""
import re
import sys

CODE = r'[A-Za-z]{2,4}(?:[-_][A-Za-z]{2,4})?'     # MET-NEG, null, CRT, EXP_NEU
ITEM = CODE + r'(?:<' + CODE + r')?'               # odd corpus item: EXP-POS<MET-NEU
SP = r'[ \t]*'


def items(item):
    return item + r'(?:' + SP + ',' + SP + item + r')*'


def group(item):
    # "[A,B]", "[]", or a group opened inside another: "[PDI-POS,[MET-POS]"
    its = items(item)
    return (r'\[' + SP + r'(?:' + its + SP + ',?' + SP + r'\[' + SP + r')?'
            + r'(?:' + its + r')?' + SP + r'\]')


def sep(item):
    # ", " or only spaces between groups, or bare items: ",PNF-POS, "
    return SP + r'(?:,' + SP + r'(?:' + items(item) + SP + ',' + SP + r')?)?'


G, S = group(ITEM), sep(ITEM)          # lenient items for "[[" markers
GS, SS = group(CODE), sep(CODE)        # every item a code for "[" markers
MARKER = re.compile(
    # "[[" or "[[[", first item a code followed by punctuation; 1-4 groups;
    # closed by "]]", "]]]", or only the last group's "]".
    r'\[\[?(?=\[' + SP + CODE + SP + r'[],<])'
    + G + r'(?:' + S + G + r'){0,3}' + r'\]{0,2}'
    # single "[": four groups, or two or three groups ending in "]]" (the
    # last group's "]" and one more).
    + r'|' + GS + r'(?:' + SS + GS + r'){3}' + r'\]{0,2}'
    + r'|' + GS + r'(?:' + SS + GS + r'){1,2}' + r'\]')

ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f',
           '/': '/', '\\': '\\', '"': '"'}
ESCAPE = re.compile(r'\\u([Dd][89ABab][0-9A-Fa-f]{2})\\u([Dd][C-Fc-f][0-9A-Fa-f]{2})'
                    r'|\\u([0-9A-Fa-f]{4})|\\(.)', re.DOTALL)
CLOSING_TAIL = re.compile('[\\s.,;:!?)\\]\'"\u2019\u201d]*')


def unescape(s):
    def one(m):
        hi, lo, u, c = m.groups()
        if hi:                                         # surrogate pair
            return chr(0x10000 + ((int(hi, 16) - 0xD800) << 10)
                       + int(lo, 16) - 0xDC00)
        if u:                                          # lone surrogate -> U+FFFD
            n = int(u, 16)
            return '\uFFFD' if 0xD800 <= n < 0xE000 else chr(n)
        return ESCAPES.get(c, m.group(0))              # invalid: kept as written
    return ESCAPE.sub(one, s)


def decode_json_body(s):
    """s starts after the opening quote; return the decoded string content."""
    closing = None
    i = 0
    while True:
        i = s.find('"', i)
        if i < 0:
            break
        bs = 0
        while i - bs - 1 >= 0 and s[i - bs - 1] == '\\':
            bs += 1
        if bs % 2 == 0:
            closing = i                                # last unescaped quote
        i += 1
    if closing is not None and CLOSING_TAIL.fullmatch(s, closing + 1):
        s = s[:closing] + s[closing + 1:]              # the quote is syntax
    return unescape(s)


def remove_markers(s, json):
    """Removes markers; an escape split by one (\\[[...]] n) is joined,
    the spaces after the marker staying where they were."""
    out, pos = [], 0
    for m in MARKER.finditer(s):
        out.append(s[pos:m.start()])
        pos = m.end()
        before = ''.join(out)
        odd = (len(before) - len(before.rstrip('\\'))) % 2 == 1
        j = re.match(r' {0,8}(u[0-9A-Fa-f]{4}|["\\/bfnrt])', s[pos:])
        if json and odd and j:
            out.append(j.group(1) + s[pos:pos + j.start(1)])
            pos += j.end()
    out.append(s[pos:])
    return ''.join(out)


def decode_review(raw):
    text = raw.decode('utf-8', errors='replace')       # invalid UTF-8 -> U+FFFD
    start = re.match('[ \t\r\n\uFEFF]*"', text)       # JSON string form?
    if start:
        text = decode_json_body(remove_markers(text[start.end():], True))
    else:
        text = remove_markers(text[1:] if text[:1] == '\uFEFF' else text,
                              False)
    return text.replace('\0', '\uFFFD')


def main(argv):
    if len(argv) != 2 or argv[1].startswith('-') and argv[1] != '-':
        sys.stderr.write('usage: decode_review.py FILE\n')
        return 2
    if argv[1] == '-':
        raw = sys.stdin.buffer.read()
    else:
        with open(argv[1], 'rb') as f:
            raw = f.read()
    sys.stdout.buffer.write(decode_review(raw).encode('utf-8'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
