#!/usr/bin/env python3
"""rsplit -L against rsplit FILE..., on the same reviews.

Usage: lines_check.py RSPLIT LINES FILE...

LINES is rsplit --to-lines FILE...: line i is FILE i.  For each of the
modes (none), -a, -r, -a -r, rsplit -L LINES must give:
  rows     byte for byte the rows of rsplit FILE...; with -r, the texts
           equal once every LF and CR in them (unescaped) is a space,
           since a raw line end of the file is a space in the line, and
           byte for byte the rows of copies of the files with every raw
           LF and CR a space (what --to-lines changes);
  warnings the same messages in the same order, each at the same byte:
           FILE:LINE:COL of the file is LINES:i:COL' of its line, COL'
           counted after the id and its TAB.  A warning that names a
           raw line-end byte (0x0a, 0x0d) names the space (0x20).
The files run in groups of distinct review ids (a corpus may give two
files one id), so the check does not depend on how rsplit treats a
repeated id; the files' warnings about a repeated id are left out, since
--to-lines gives such a file the id rsplit gives it (ID#N), with the
same warning (tests/lines.bats compares the two).  Prints "N files, M modes: K differ" and the differences.
"""
import os
import re
import subprocess
import sys
import tempfile

MODES = ([], ['-a'], ['-r'], ['-a', '-r'])
UNESCAPE = {ord('n'): b'\n', ord('t'): b'\t', ord('r'): b'\r', ord('\\'): b'\\'}
WARNING = re.compile(rb'^rsplit: (.+?):(\d+):(\d+): (.*)$')
NONE = re.compile(rb'^rsplit: (.+?)(?::(\d+))?: no annotations$')
CLASH = re.compile(rb"^rsplit: .*: review id '.*' already names .*; this one is '.*")


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


def spaced(rows):
    """Rows with every LF and CR of the text a space (the -r rule)."""
    out = []
    for row in rows.split(b'\n'):
        f = row.split(b'\t')
        f[-1] = unescape(f[-1]).replace(b'\n', b' ').replace(b'\r', b' ')
        out.append(f)
    return out


def run(rsplit, opts, args):
    p = subprocess.run([rsplit, '-N', *opts, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr.splitlines()


def file_warnings(err, paths):
    """(review index, byte offset or None, message) of each warning."""
    index = {p.encode(): i for i, p in enumerate(paths)}
    out = []
    for line in err:
        if CLASH.match(line):
            continue
        m = NONE.match(line)
        if m and m.group(1) in index:
            out.append((index[m.group(1)], None, b'no annotations'))
            continue
        m = WARNING.match(line)
        if not m or m.group(1) not in index:
            out.append((None, None, line))
            continue
        i, ln, col = index[m.group(1)], int(m.group(2)), int(m.group(3))
        with open(paths[i], 'rb') as f:
            data = f.read()
        start = 0
        for _ in range(ln - 1):
            start = data.index(b'\n', start) + 1
        msg = m.group(4).replace(b'0x0a', b'0x20').replace(b'0x0d', b'0x20')
        out.append((i, start + col - 1, msg))
    return out


def line_warnings(err, name, ids):
    out = []
    for line in err:
        m = NONE.match(line)
        if m and m.group(1) == name and m.group(2):
            out.append((int(m.group(2)) - 1, None, b'no annotations'))
            continue
        m = WARNING.match(line)
        if not m or m.group(1) != name:
            out.append((None, None, line))
            continue
        i, col = int(m.group(2)) - 1, int(m.group(3))
        out.append((i, col - len(ids[i]) - 2, m.group(4)))
    return out


def copies(paths, tmp):
    """The files with every raw LF and CR a space, under their names."""
    out = []
    for i, path in enumerate(paths):
        os.makedirs(f'{tmp}/{i}', exist_ok=True)
        out.append(f'{tmp}/{i}/{os.path.basename(path)}')
        with open(path, 'rb') as f, open(out[-1], 'wb') as g:
            g.write(f.read().replace(b'\n', b' ').replace(b'\r', b' '))
    return out


def compare(what, files, lines, problems):
    (fs, fout, fw), (ls, lout, lw) = files, lines
    if fs != ls:
        problems.append(f'{what}: status {fs} for files, {ls} for lines')
    if fout != lout and (what[0] == '=' or spaced(fout) != spaced(lout)):
        problems.append(f'{what}: rows differ')
    for a, b in zip(fw + [None] * len(lw), lw + [None] * len(fw)):
        if a != b:
            problems.append(f'{what}: warning {a} for files, {b} for lines')
            break


def check(rsplit, lines, paths, tmp, problems):
    ids = [ln.split(b'\t', 1)[0] for ln in lines]
    name = tmp + '/group.lines'
    with open(name, 'wb') as f:
        f.write(b''.join(ln + b'\n' for ln in lines))
    spaced_paths = copies(paths, tmp)
    for opts in MODES:
        ls, lout, lerr = run(rsplit, ['-L', *opts], [name])
        lw = line_warnings(lerr, name.encode(), ids)
        what = ' '.join(opts) or 'normal'
        fs, fout, ferr = run(rsplit, opts, paths)
        exact = '=' if '-r' not in opts else '~'
        compare(exact + what, (fs, fout, file_warnings(ferr, paths)),
                (ls, lout, lw), problems)
        if '-r' in opts:
            fs, fout, ferr = run(rsplit, opts, spaced_paths)
            compare('=' + what + ' (spaced copies)',
                    (fs, fout, file_warnings(ferr, spaced_paths)),
                    (ls, lout, lw), problems)


def main():
    rsplit, lines_path, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(lines_path, 'rb') as f:
        lines = f.read().split(b'\n')[:-1]
    if len(lines) != len(paths):
        sys.exit(f'{len(lines)} lines for {len(paths)} files')
    groups, seen = [], {}
    for line, path in zip(lines, paths):
        k = seen[line.split(b'\t', 1)[0]] = \
            seen.get(line.split(b'\t', 1)[0], -1) + 1
        if k == len(groups):
            groups.append(([], []))
        groups[k][0].append(line)
        groups[k][1].append(path)
    problems = []
    for group_lines, group_paths in groups:
        with tempfile.TemporaryDirectory() as tmp:
            check(rsplit, group_lines, group_paths, tmp, problems)
    print(f'{len(paths)} files, {len(MODES)} modes: {len(problems)} differ')
    for p in problems:
        print(p)


main()
