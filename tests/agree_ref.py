#!/usr/bin/env python3
"""Independent reference for ragree(1): Python standard library only, no
code of reviewkit.  Exact rational arithmetic (fractions), rounded once.

    agree_ref.py write CASE DIR    writes a textbook case's rater files
                                   (and DIR/scheme.tsv) into DIR
    agree_ref.py table [-k] [-i] [--pairs] -l LAYERS [-u FIELDS] FILE...
                                   the table ragree writes for FILE...

Textbook cases (published results in the comments):
  cohen   a 2x2 table worked by hand: 50 units, raters agree on 20 yes
          and 15 no; p_o = 0.70, p_e = 0.5*0.6 + 0.5*0.4 = 0.50,
          kappa = (0.70 - 0.50) / (1 - 0.50) = 0.400
  fleiss  the example of the Wikipedia article "Fleiss' kappa" and of
          reference works after Fleiss (1971): 10 subjects, 14 raters,
          5 categories; P = 0.378, Pe = 0.213, kappa = 0.210
  kripp   Krippendorff (2011), "Computing Krippendorff's Alpha-
          Reliability", section C: 4 observers, 12 units, values 1-5,
          missing values; nominal alpha = 0.743
"""
import itertools
import os
import sys
from fractions import Fraction

COHEN = [("Y", "Y")] * 20 + [("Y", "N")] * 5 + [("N", "Y")] * 10 + \
    [("N", "N")] * 15

FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]

# Krippendorff (2011), C: observers A to D, units 1 to 12; "." missing.
KRIPP = [
    "1 2 3 3 2 1 4 1 2 . . .",
    "1 2 3 3 2 2 4 1 2 5 . 3",
    ". 3 3 3 2 3 4 2 2 5 1 .",
    "1 2 3 3 2 4 4 1 2 5 1 .",
]

HEADER = "review\tsentence\tcategory\ttext\n"
SCHEME = "layer\tcode\tname\tdescription\tpolarity\n" + "".join(
    "category\t%s\t%s\tvalue %s\tno\n" % (c, c, c)
    for c in ["A", "B", "C", "D", "E", "N", "Y"])


def write_rater(path, values):
    """values: (unit number, category) pairs."""
    with open(path, "w") as f:
        f.write(HEADER)
        for unit, cat in values:
            f.write("U\t%d\t%s\tunit %d\n" % (unit, cat, unit))


def write_case(case, d):
    with open(os.path.join(d, "scheme.tsv"), "w") as f:
        f.write(SCHEME)
    if case == "cohen":
        for r, name in enumerate(["r1", "r2"]):
            write_rater(os.path.join(d, name + ".tsv"),
                        [(u + 1, pair[r]) for u, pair in enumerate(COHEN)])
    elif case == "fleiss":
        # Fleiss' kappa knows counts, not raters: rater r takes the r-th
        # rating of each subject, its ratings listed category by category.
        ratings = [[c for c, k in zip("ABCDE", row) for _ in range(k)]
                   for row in FLEISS]
        for r in range(14):
            write_rater(os.path.join(d, "r%02d.tsv" % (r + 1)),
                        [(s + 1, ratings[s][r]) for s in range(10)])
    elif case == "kripp":
        for r, line in enumerate(KRIPP):
            vals = [(u + 1, "ABCDE"[int(v) - 1])
                    for u, v in enumerate(line.split()) if v != "."]
            write_rater(os.path.join(d, "ABCD"[r] + ".tsv"), vals)
    else:
        sys.exit("unknown case " + case)


def read_rater(path, ufields, layers, keep):
    """{unit: {layer: frozenset of keys}}, from one rater's TSV."""
    with open(path, newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    names = lines[0].rstrip("\r").split("\t")
    units = {}
    for line in lines[1:]:
        fields = line.rstrip("\r").split("\t")
        row = dict(zip(names, fields))
        unit = tuple(row[u] for u in ufields)
        if unit in units:
            sys.exit("%s: unit %r twice" % (path, unit))
        vals = {}
        for layer in layers:
            items = [i for i in row[layer].split(",") if i != ""]
            if not keep:
                items = [i.split("-", 1)[0] for i in items]
            vals[layer] = frozenset(i for i in items if i != "")
        units[unit] = vals
    return units


def fmt(x):
    if x is None:
        return "nan"
    s = "%.3f" % float(x)
    return "0.000" if s == "-0.000" else s


def cohen(pairs):
    """Cohen (1960): (p_o - p_e) / (1 - p_e); None when undefined."""
    n = len(pairs)
    if n == 0:
        return None
    po = Fraction(sum(a == b for a, b in pairs), n)
    cats = set(a for a, _ in pairs) | set(b for _, b in pairs)
    pe = sum(Fraction(sum(a == c for a, _ in pairs), n) *
             Fraction(sum(b == c for _, b in pairs), n) for c in cats)
    return None if pe == 1 else (po - pe) / (1 - pe)


def fleiss(rows, n):
    """Fleiss (1971) over complete units: rows of n values each."""
    N = len(rows)
    if N == 0:
        return None
    cats = set(v for row in rows for v in row)
    P = sum(Fraction(sum(row.count(c) ** 2 for c in cats) - n, n * (n - 1))
            for row in rows) / N
    p = [Fraction(sum(row.count(c) for row in rows), N * n) for c in cats]
    Pe = sum(x * x for x in p)
    return None if Pe == 1 else (P - Pe) / (1 - Pe)


def alpha(units):
    """Krippendorff, nominal, from the coincidence matrix: units are lists
    of the values given; those with fewer than two have no pair."""
    o = {}
    for vals in units:
        m = len(vals)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            key = (vals[i], vals[j])
            o[key] = o.get(key, 0) + Fraction(1, m - 1)
    nc = {}
    for (c, _), x in o.items():
        nc[c] = nc.get(c, 0) + x
    n = sum(nc.values())
    if n == 0:
        return None
    do = sum(x for (c, k), x in o.items() if c != k)
    de = sum(nc[c] * nc[k] for c in nc for k in nc if c != k)
    if de == 0:
        return None
    return 1 - (n - 1) * do / de


def light(raters, complete):
    ks = []
    for a, b in itertools.combinations(range(len(raters)), 2):
        k = cohen([(raters[a][u], raters[b][u]) for u in complete])
        if k is None:
            return None
        ks.append(k)
    return sum(ks) / len(ks) if complete else None


def stats(raters, allunits):
    """raters: list of {unit: value}; the row of ragree's table."""
    R = len(raters)
    complete = [u for u in allunits if all(u in r for r in raters)]
    missing = sum(1 for u in allunits
                  if 0 < sum(u in r for r in raters) < R)
    una = maj = spl = 0
    for u in complete:
        vals = [r[u] for r in raters]
        top = max(vals.count(v) for v in vals)
        if top == R:
            una += 1
        elif 2 * top > R:
            maj += 1
        else:
            spl += 1
    agree = Fraction(una, len(complete)) if complete else None
    rows = [[r[u] for r in raters] for u in complete]
    a = alpha([[r[u] for r in raters if u in r] for u in allunits])
    return [str(R), str(len(complete)), str(missing), fmt(agree),
            fmt(light(raters, complete)), fmt(fleiss(rows, R)), fmt(a),
            str(una), str(maj), str(spl)]


def pair_stats(ra, rb, allunits):
    both = [u for u in allunits if u in ra and u in rb]
    agree = Fraction(sum(ra[u] == rb[u] for u in both), len(both)) \
        if both else None
    k = cohen([(ra[u], rb[u]) for u in both])
    return [str(len(both)), fmt(agree), fmt(k)]


def table(args):
    keep = items = pairs = False
    layers, ufields, files = None, ["review", "sentence"], []
    while args:
        a = args.pop(0)
        if a == "-k":
            keep = True
        elif a == "-i":
            items = True
        elif a == "--pairs":
            pairs = True
        elif a == "-l":
            layers = args.pop(0).split(",")
        elif a == "-u":
            ufields = args.pop(0).split(",")
        else:
            files.append(a)
    names = [os.path.splitext(os.path.basename(f))[0] for f in files]
    data = [read_rater(f, ufields, layers, keep) for f in files]
    allunits = sorted(set(u for d in data for u in d))
    head = ["layer"] + (["key"] if items else [])
    head += ["rater1", "rater2", "units", "agree", "cohen"] if pairs else \
        ["raters", "units", "missing", "agree", "cohen", "fleiss", "alpha",
         "unanimous", "majority", "split"]
    out = ["\t".join(head)]
    for layer in layers:
        if items:
            keys = sorted(set(k for d in data for v in d.values()
                              for k in v[layer]),
                          key=lambda s: s.encode())
            views = [([k], [{u: k in v[layer] for u, v in d.items()}
                            for d in data]) for k in keys]
        else:
            views = [([], [{u: v[layer] for u, v in d.items()}
                           for d in data])]
        for what, raters in views:
            if pairs:
                for a, b in itertools.combinations(range(len(raters)), 2):
                    out.append("\t".join([layer] + what + [names[a], names[b]]
                               + pair_stats(raters[a], raters[b], allunits)))
            else:
                out.append("\t".join([layer] + what +
                                     stats(raters, allunits)))
    print("\n".join(out))


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "write":
        write_case(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "table":
        table(sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
