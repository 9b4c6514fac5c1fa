#!/usr/bin/env python3
"""Corpus properties of rsplit, checked file by file.

Usage: corpus_check.py RSPLIT FILE...

For every FILE, independently of rsplit's code:
  rows     rsplit gives a row for every marker (counted with a regular
           expression) and no sentence text holds a marker;
  raw      in raw mode with -a, the unescaped texts concatenated equal the
           review's decoded text without markers (decode_review.py),
           whitespace after the last marker aside.
Prints "N files, M differ", then one line per file that differs.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from decode_review import decode_review  # noqa: E402

MARKER_START = re.compile(rb'\[\[\[?\s*[A-Za-z]{2}')
LEFTOVER = re.compile(rb'\[\[|\[[A-Za-z]{3}[-_](POS|NEG|NEU)\]')
UNESCAPE = {ord('n'): b'\n', ord('t'): b'\t', ord('r'): b'\r', ord('\\'): b'\\'}


def unescape(field):
    out, i = bytearray(), 0
    while i < len(field):
        if field[i] == ord('\\') and i + 1 < len(field):
            out += UNESCAPE[field[i + 1]]
            i += 2
        else:
            out.append(field[i])
            i += 1
    return bytes(out)


def texts(rsplit, path, *opts):
    out = subprocess.run([rsplit, '-q', '-N', *opts, path],
                         capture_output=True, check=False).stdout
    return [line.split(b'\t', 6)[6] for line in out.split(b'\n') if line]


def problem(rsplit, path):
    raw = open(path, 'rb').read()
    rows = texts(rsplit, path)
    if len(rows) < len(MARKER_START.findall(raw)):
        return 'fewer rows than markers'
    if any(LEFTOVER.search(t) for t in rows):
        return 'a marker is left in a text'
    joined = b''.join(unescape(t) for t in texts(rsplit, path, '-r', '-a'))
    if joined.rstrip() != decode_review(raw).encode('utf-8').rstrip():
        return 'raw texts differ from the decoded review'
    return None


def main(argv):
    rsplit, files = argv[1], argv[2:]
    bad = [(f, p) for f in files if (p := problem(rsplit, f))]
    print(f'{len(files)} files, {len(bad)} differ')
    for f, p in bad:
        print(f'{f}: {p}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
