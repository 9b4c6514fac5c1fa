#!/usr/bin/env python3
"""A straightforward Python parser of annotated reviews, rsplit's peer in
bench/run: what a researcher would write in an afternoon, neither tuned
nor deliberately slow.

For each file: read it whole, decode UTF-8 (bad bytes replaced), drop a
BOM and leading space, and when it starts with '"' treat it as one JSON
string.  A regular expression finds the regular markers
([[A], [B]] and [[A], [B], [C], [D]], with any spacing); the text between
two markers is JSON-decoded by json.loads (kept as it is when that
fails), its white space squeezed, and written as a row of review TSV
with rsplit's columns and header.  It reads none of the annotators'
slips of SPEC 1.2 (those markers stay text), so it does less than
rsplit, not more.

With -L, each line of each FILE is one review, ID<TAB>TEXT, where TEXT
is what a review file holds without its raw line ends (rsplit -L's
input): the review id is ID, and TEXT is parsed as a file's contents.

usage: pyparse.py [-L] FILE...
"""
import json
import os
import re
import sys

GROUP = r'\[([^\[\]]*)\]'
MARKER = re.compile(r'\[' + GROUP + r'\s*,\s*' + GROUP +
                    r'(?:\s*,\s*' + GROUP + r'\s*,\s*' + GROUP + r')?\]')
HEADER = 'review\tsentence\tsection\taspect\tfunction\tseverity\ttext\n'


def review_id(path):
    """The base name without its extension and its "annotated" suffix."""
    base = os.path.basename(path)
    cut = base.rfind('annotated')
    if cut >= 0:
        stem = base[:cut].rstrip('_- .')
    else:
        stem = os.path.splitext(base)[0]
    return stem or base


def labels(group):
    """A group's items, upper-cased, '_' as '-', null meaning none."""
    if group is None:
        return ''
    items = (i.strip().upper().replace('_', '-') for i in group.split(','))
    return ','.join(i for i in items if i and i != 'NULL')


def decode(segment, is_json):
    if is_json:
        # The closing quote of the JSON string stands before the last
        # marker; it is syntax, not text.
        if segment.endswith('"') and not segment.endswith('\\"'):
            segment = segment[:-1]
        try:
            segment = json.loads('"' + segment + '"', strict=False)
        except ValueError:
            pass
    return ' '.join(segment.split())


def split(rid, text):
    text = text.lstrip('\ufeff \t\r\n')
    is_json = text.startswith('"')
    if is_json:
        text = text[1:]
    rows = []
    pos = 0
    for m in MARKER.finditer(text):
        rows.append('%s\t%d\t%s\t%s\t%s\t%s\t%s\n' % (
            rid, len(rows) + 1, labels(m.group(1)), labels(m.group(2)),
            labels(m.group(3)), labels(m.group(4)),
            decode(text[pos:m.start()], is_json)))
        pos = m.end()
    return ''.join(rows)


def main():
    out = sys.stdout
    out.reconfigure(errors='replace')
    out.write(HEADER)
    args = sys.argv[1:]
    lines = args[:1] == ['-L']
    for path in args[1:] if lines else args:
        with open(path, 'rb') as f:
            if not lines:
                text = f.read().decode('utf-8', 'replace')
                out.write(split(review_id(path), text))
                continue
            for line in f:
                rid, tab, text = line.decode('utf-8', 'replace').rstrip(
                    '\r\n').partition('\t')
                if tab and rid:
                    out.write(split(rid, text))


if __name__ == '__main__':
    main()
