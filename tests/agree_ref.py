#!/usr/bin/env python3
"""Independent reference for ragree(1): Python standard library only, no
code of reviewkit.  Exact rational arithmetic (fractions), each figure
rounded once to a double; where ragree itself averages doubles (Light's
mean of kappas, macro F1, --mean, the percentile interpolation of --ci)
this does the same sums in the same order, so that the output is the
same bytes at any --digits.

    agree_ref.py write CASE DIR    writes a textbook case's rater files
                                   (and DIR/scheme.tsv) into DIR
    agree_ref.py table [OPTION...] FILE...
                                   what ragree writes for FILE...; the
                                   options are ragree's (-l is needed):
                                   -k -i -l -u -n -r -g --pairs --units
                                   --mean --order --weights --metric --ci
                                   --boot --seed --digits
    agree_ref.py check BIN [CASES [SEED]]
                                   compares BIN/ragree with this on CASES
                                   (300) generated cases; prints the first
                                   that differs, or "N cases agree"

What each figure is, independently of ragree's sums:
  Cohen's kappa (1960) from the proportions; weighted (Cohen 1968) as
  1 - sum w_ij p_ij / sum w_ij p_i. p_.j with w = |i - j| or (i - j)^2
  (Fleiss, Cohen and Everitt 1969; scikit-learn's weights "linear" and
  "quadratic"); Fleiss' kappa (1971) from the subjects' counts;
  Krippendorff's alpha from the coincidence matrix with the nominal,
  ordinal and interval difference functions as Krippendorff (2011) writes
  them; precision, recall and F1 of items summed over units, macro F1 the
  mean over the keys present, as scikit-learn's
  precision_recall_fscore_support; with -i and -g or --pairs, a rater's
  (a pair's) rows only for the keys either of the two gave on the units
  both gave; the bootstrap by copying the units a
  resample draws, with ragree's generator (SplitMix64, seeded per
  resample) and the percentile interpolation of Hyndman and Fan's type 7.

Textbook cases (published results in the comments):
  cohen   a 2x2 table worked by hand: 50 units, raters agree on 20 yes
          and 15 no; p_o = 0.70, p_e = 0.5*0.6 + 0.5*0.4 = 0.50,
          kappa = (0.70 - 0.50) / (1 - 0.50) = 0.400
  fleiss  the example of the Wikipedia article "Fleiss' kappa" and of
          reference works after Fleiss (1971): 10 subjects, 14 raters,
          5 categories; P = 0.378, Pe = 0.213, kappa = 0.210
  kripp   Krippendorff (2011), "Computing Krippendorff's Alpha-
          Reliability", section C: 4 observers, 12 units, values 1-5,
          missing values; alpha = 0.743 nominal, 0.815 ordinal, 0.849
          interval (the same data is irrCAC's cac.raw4raters, whose
          krippen.alpha.raw gives 0.74342)
  wiki    the computational example of the Wikipedia article
          "Krippendorff's alpha": 3 coders, 15 units, values 1-4, missing
          values; alpha = 0.691358 nominal, 0.810845 interval (to six
          decimals in the tests of the Python package krippendorff)
  abstr   Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., the
          3x3 table of 100 pregnancies by two abstractors (irrCAC's
          cont3x3abstractors): Cohen's kappa 0.7964094, Scott's pi
          0.7962397, Krippendorff's alpha 0.7972585, percent agreement
          0.89, and with quadratic weights kappa 0.8921569
  six     the same book's 15 subjects by 6 raters in 5 categories
          (irrCAC's distrib.6raters): Fleiss' kappa 0.4139265,
          Krippendorff's alpha 0.4204384
  ap1     Artstein and Poesio (2008), table 1: a 2x2 table of 100 units,
          kappa 0.348 (scikit-learn's test_cohen_kappa)
  ap4     Artstein and Poesio (2008), table 4, as scikit-learn's
          test_cohen_kappa aligns its marginals: kappa 0.8013
  skw     scikit-learn's weighting example (test_cohen_kappa): kappa
          0.9315, linear 0.9412, quadratic 0.9541
  pets    scikit-learn's example of precision_recall_fscore_support:
          y_true cat dog pig cat dog pig, y_pred cat pig dog cat cat dog;
          macro F1 0.2666..., micro precision = recall = F1 0.333...
"""
import itertools
import math
import os
import random
import subprocess
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

# Wikipedia, "Krippendorff's alpha": coders A to C, units 1 to 15.
WIKI = [
    ". . . . . 3 4 1 2 1 1 3 3 . 3",
    "1 . 2 1 3 3 4 3 . . . . . . .",
    ". . 2 1 3 4 4 . 2 1 1 3 3 . 4",
]

# Gwet (2014): rows the first abstractor (Ectopic, AIU, NIU), columns the
# second.
ABSTR = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]

# Gwet (2014): 15 subjects, the number of the 6 raters in each of the 5
# categories.
SIX = [
    [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6],
    [0, 3, 0, 3, 0], [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0],
    [2, 0, 0, 4, 0], [0, 0, 0, 0, 6], [1, 0, 0, 5, 0], [1, 1, 0, 4, 0],
    [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
]

# Artstein and Poesio (2008), table 1, as pairs (first, second): count.
AP1 = {("A", "A"): 20, ("A", "B"): 20, ("B", "A"): 10, ("B", "B"): 50}


def aligned(first, second):
    """Two label lists of runs, paired in order, as scikit-learn's test
    builds them: [("A", 46), ...]."""
    a = [c for c, n in first for _ in range(n)]
    b = [c for c, n in second for _ in range(n)]
    return list(zip(a, b))


AP4 = aligned([("A", 46), ("B", 44), ("C", 10)],
              [("A", 52), ("B", 32), ("C", 16)])
SKW = aligned([("A", 46), ("B", 44), ("C", 10)],
              [("A", 50), ("B", 40), ("C", 10)])
PETS = list(zip("CAT DOG PIG CAT DOG PIG".split(),
                "CAT PIG DOG CAT CAT DOG".split()))

HEADER = "review\tsentence\tcategory\ttext\n"
SCHEME = "layer\tcode\tname\tdescription\tpolarity\n" + "".join(
    "category\t%s\t%s\tvalue %s\tno\n" % (c, c, c)
    for c in ["A", "B", "C", "D", "E", "N", "Y", "CAT", "DOG", "PIG"])


def write_rater(path, values):
    """values: (unit number, category) pairs."""
    with open(path, "w") as f:
        f.write(HEADER)
        for unit, cat in values:
            f.write("U\t%d\t%s\tunit %d\n" % (unit, cat, unit))


def write_pairs(d, pairs, names=("r1", "r2")):
    for r, name in enumerate(names):
        write_rater(os.path.join(d, name + ".tsv"),
                    [(u + 1, pair[r]) for u, pair in enumerate(pairs)])


def write_counts(d, rows, nraters, cats="ABCDE"):
    """Subjects given as counts by category: rater r takes the r-th
    rating of each subject, its ratings listed category by category."""
    ratings = [[c for c, k in zip(cats, row) for _ in range(k)]
               for row in rows]
    for r in range(nraters):
        write_rater(os.path.join(d, "r%02d.tsv" % (r + 1)),
                    [(s + 1, ratings[s][r]) for s in range(len(rows))])


def write_matrix(d, lines):
    """Observers by line, units by column, values 1-5, "." missing."""
    for r, line in enumerate(lines):
        vals = [(u + 1, "ABCDE"[int(v) - 1])
                for u, v in enumerate(line.split()) if v != "."]
        write_rater(os.path.join(d, "ABCD"[r] + ".tsv"), vals)


def write_case(case, d):
    with open(os.path.join(d, "scheme.tsv"), "w") as f:
        f.write(SCHEME)
    if case == "cohen":
        write_pairs(d, COHEN)
    elif case == "fleiss":
        write_counts(d, FLEISS, 14)
    elif case == "kripp":
        write_matrix(d, KRIPP)
    elif case == "wiki":
        write_matrix(d, WIKI)
    elif case == "abstr":
        cells = [(a, b) for i, a in enumerate("ABC")
                 for j, b in enumerate("ABC") for _ in range(ABSTR[i][j])]
        write_pairs(d, cells)
    elif case == "six":
        write_counts(d, SIX, 6)
    elif case == "ap1":
        write_pairs(d, [p for p, n in AP1.items() for _ in range(n)])
    elif case == "ap4":
        write_pairs(d, AP4)
    elif case == "skw":
        write_pairs(d, SKW)
    elif case == "pets":
        write_pairs(d, PETS, ("truth", "pred"))
    else:
        sys.exit("unknown case " + case)


# --- reading


def bkey(s):
    return s.encode()


def canonical(items):
    return ",".join(sorted(items, key=bkey))


def read_rows(path):
    """The header's names and the rows of one file, as field lists."""
    with open(path, newline="", encoding="utf-8",
              errors="surrogateescape") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    return lines[0].split("\t"), [line.split("\t") for line in lines[1:]]


def set_of(field, keep):
    items = [i for i in field.split(",") if i != ""]
    if not keep:
        items = [i.split("-", 1)[0] for i in items]
    return frozenset(i for i in items if i != "")


class Data:
    """The raters' names, their units' values by layer, and the units in
    the order ragree first reads them."""

    def __init__(self, files, o):
        self.names, self.raters, self.order = [], [], []
        seen = set()
        head = None
        if o.rater is None:
            for path in files:
                names, rows = read_rows(path)
                head = head or names
                self.names.append(os.path.splitext(os.path.basename(
                    path))[0])
                self.raters.append(self.read(names, rows, o, seen))
            if o.names:
                self.names = o.names.split(",")
        else:
            byname = {}
            for path in files:
                names, rows = read_rows(path)
                head = head or names
                for row in rows:
                    r = dict(zip(names, row))[o.rater]
                    byname.setdefault(r, []).append(row)
                    if r not in self.names:
                        self.names.append(r)
                    self.read(names, [row], o, seen, byname, r)
            self.raters = [self.longform[r] for r in self.names]
        self.head = head

    def read(self, names, rows, o, seen, byname=None, r=None):
        if byname is not None:
            if not hasattr(self, "longform"):
                self.longform = {}
            units = self.longform.setdefault(r, {})
        else:
            units = {}
        for fields in rows:
            row = dict(zip(names, fields))
            unit = tuple(row[u] for u in o.ufields)
            if unit in units:
                sys.exit("unit %r twice" % (unit,))
            units[unit] = {layer: set_of(row[layer], o.keep)
                           for layer in o.layers}
            if unit not in seen:
                seen.add(unit)
                self.order.append(unit)
        return units


# --- figures, each exact (a Fraction) or None where undefined


def ratio(a, b):
    return None if b == 0 else Fraction(a, b)


def cohen(pairs):
    """Cohen (1960): (p_o - p_e) / (1 - p_e)."""
    n = len(pairs)
    if n == 0:
        return None
    po = Fraction(sum(a == b for a, b in pairs), n)
    cats = set(a for a, _ in pairs) | set(b for _, b in pairs)
    pe = sum(Fraction(sum(a == c for a, _ in pairs), n) *
             Fraction(sum(b == c for _, b in pairs), n) for c in cats)
    return None if pe == 1 else (po - pe) / (1 - pe)


def wcohen(pairs, weights):
    """Cohen (1968): 1 - sum w p_ij / sum w p_i. p_.j over places."""
    n = len(pairs)
    if n == 0:
        return None

    def w(i, j):
        return abs(i - j) if weights == "linear" else (i - j) ** 2
    obs = sum(Fraction(w(a, b), n) for a, b in pairs)
    pa, pb = {}, {}
    for a, b in pairs:
        pa[a] = pa.get(a, 0) + Fraction(1, n)
        pb[b] = pb.get(b, 0) + Fraction(1, n)
    exp = sum(pa[i] * pb[j] * w(i, j) for i in pa for j in pb)
    return None if exp == 0 else 1 - obs / exp


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


def alpha(units, metric="nominal"):
    """Krippendorff (2011) from the coincidence matrix: units are lists of
    the values given (places with an ordered metric); those with fewer
    than two have no pair."""
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

    def delta(c, k):
        if metric == "nominal":
            return 0 if c == k else 1
        if metric == "interval":
            return (c - k) ** 2
        lo, hi = min(c, k), max(c, k)
        s = sum(nc.get(g, 0) for g in range(lo, hi + 1))
        return (s - Fraction(nc.get(c, 0) + nc.get(k, 0), 2)) ** 2
    do = sum(x * delta(c, k) for (c, k), x in o.items())
    de = sum(nc[c] * nc[k] * delta(c, k) for c in nc for k in nc)
    if de == 0:
        return None
    return 1 - (n - 1) * do / de


def fl(x):
    """A figure as ragree holds it: the double nearest the exact value."""
    return None if x is None else float(x)


def fmean(xs):
    """The mean of doubles summed in order, None left out, as ragree."""
    xs = [x for x in xs if x is not None and not math.isnan(x)]
    if not xs:
        return None
    s = 0.0
    for x in xs:
        s += x
    return s / len(xs)


def light(kappas):
    """Light (1971): the mean of the pairs' kappas, None if one is."""
    if not kappas or any(k is None for k in kappas):
        return None
    s = 0.0
    for k in kappas:
        s += float(k)
    return s / len(kappas)


class Order:
    def __init__(self, arg):
        self.words = arg.split(",")
        self.polarity = all(w in ("POS", "NEG", "NEU") for w in self.words)

    def place(self, value):
        """The place of a set, or None (empty, several items)."""
        if len(value) != 1:
            return None
        item = next(iter(value))
        if self.polarity:
            parts = item.split("-", 1)
            if len(parts) < 2 or parts[1] not in self.words:
                sys.exit("unplaced %s" % item)
            return self.words.index(parts[1])
        if item not in self.words:
            sys.exit("unplaced %s" % item)
        return self.words.index(item)


def table_row(raters, units, o):
    """raters: list of {unit: value} over units; the figures of the table,
    counts then shares and coefficients."""
    R = len(raters)
    complete = [u for u in units if all(u in r for r in raters)]
    missing = sum(1 for u in units if 0 < sum(u in r for r in raters) < R)
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
    rows = [[r[u] for r in raters] for u in complete]
    if o.weights:
        pl = [[o.order.place(r[u]) for r in raters] for u in complete]
        pl = [p for p in pl if None not in p]
        kappas = [wcohen([(p[a], p[b]) for p in pl], o.weights)
                  for a, b in itertools.combinations(range(R), 2)]
        kappa = light(kappas) if complete else None
    else:
        kappas = [cohen([(raters[a][u], raters[b][u]) for u in complete])
                  for a, b in itertools.combinations(range(R), 2)]
        kappa = light(kappas) if complete else None
    if o.metric:
        a = alpha([[p for p in (o.order.place(r[u]) for r in raters if u in r)
                    if p is not None] for u in units], o.metric)
    else:
        a = alpha([[r[u] for r in raters if u in r] for u in units])
    counts = [R, len(complete), missing, una, maj, spl]
    agree = ratio(una, len(complete))
    return counts, [fl(agree), kappa, fl(fleiss(rows, R)), fl(a)], \
        [1, 2, 3]


def pair_row(ra, rb, units, o):
    both = [u for u in units if u in ra and u in rb]
    agree = ratio(sum(ra[u] == rb[u] for u in both), len(both))
    if o.weights:
        pl = [(o.order.place(ra[u]), o.order.place(rb[u])) for u in both]
        k = wcohen([p for p in pl if None not in p], o.weights)
    else:
        k = cohen([(ra[u], rb[u]) for u in both])
    return [len(both)], [fl(agree), fl(k)], [1]


def gold_row(g, r, units, o, items):
    """A rater r against the gold g: values are sets (or with -i, whether
    the unit has the key)."""
    both = [u for u in units if u in g and u in r]
    acc = ratio(sum(g[u] == r[u] for u in both), len(both))
    if o.weights:
        pl = [(o.order.place(g[u]), o.order.place(r[u])) for u in both]
        k = wcohen([p for p in pl if None not in p], o.weights)
    else:
        k = cohen([(g[u], r[u]) for u in both])
    if items:
        tp = sum(1 for u in both if g[u] and r[u])
        fp = sum(1 for u in both if r[u] and not g[u])
        fn = sum(1 for u in both if g[u] and not r[u])
        macro = []
    else:
        tp = sum(len(g[u] & r[u]) for u in both)
        fp = sum(len(r[u] - g[u]) for u in both)
        fn = sum(len(g[u] - r[u]) for u in both)
        keys = sorted(set().union(*([g[u] | r[u] for u in both] or
                                    [set()])), key=bkey)
        f1s = []
        for key in keys:
            ktp = sum(1 for u in both if key in g[u] and key in r[u])
            kfp = sum(1 for u in both if key in r[u] and key not in g[u])
            kfn = sum(1 for u in both if key in g[u] and key not in r[u])
            f1s.append(float(Fraction(2 * ktp, 2 * ktp + kfp + kfn)))
        macro = [fmean(f1s)]
    vals = [fl(acc), fl(k), fl(ratio(tp, tp + fp)), fl(ratio(tp, tp + fn)),
            fl(ratio(2 * tp, 2 * tp + fp + fn))] + macro
    return [len(both)], vals, [1]


# --- the run


class Opts:
    def __init__(self, args):
        self.keep = self.items = self.pairs = self.units_out = False
        self.mean = False
        self.layers, self.ufields = None, ["review", "sentence"]
        self.names = self.rater = self.gold = None
        self.order = self.weights = self.metric = None
        self.ci, self.boot, self.seed, self.digits = None, 1000, 1, 3
        self.files = []
        flags = {"-k": "keep", "-i": "items", "--pairs": "pairs",
                 "--units": "units_out", "--mean": "mean"}
        while args:
            a = args.pop(0)
            if a in flags:
                setattr(self, flags[a], True)
            elif a == "-l":
                self.layers = args.pop(0).split(",")
            elif a == "-u":
                self.ufields = args.pop(0).split(",")
            elif a == "-n":
                self.names = args.pop(0)
            elif a == "-r":
                self.rater = args.pop(0)
            elif a == "-g":
                self.gold = args.pop(0)
            elif a == "--order":
                self.order = Order(args.pop(0))
            elif a == "--weights":
                self.weights = args.pop(0)
            elif a == "--metric":
                self.metric = args.pop(0)
            elif a == "--ci":
                self.ci = float(args.pop(0))
            elif a == "--boot":
                self.boot = int(args.pop(0))
            elif a == "--seed":
                self.seed = int(args.pop(0))
            elif a == "--digits":
                self.digits = int(args.pop(0))
            else:
                self.files.append(a)


def fmt(x, digits):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "nan"
    s = "%.*f" % (digits, float(x))
    return s[1:] if s.startswith("-") and set(s[1:]) <= set("0.") else s


def views(d, o, layer):
    """The rows of a layer: (key, [{unit: value}] by rater)."""
    if not o.items:
        return [([], [{u: v[layer] for u, v in r.items()}
                      for r in d.raters])]
    keys = sorted(set(k for r in d.raters for v in r.values()
                      for k in v[layer]), key=bkey)
    return [([k], [{u: k in v[layer] for u, v in r.items()}
                   for r in d.raters]) for k in keys]


def groups(d, o):
    """(names, function of the raters' views and units -> figures, the
    group's two raters or None)."""
    R = len(d.raters)
    if o.gold is not None:
        g = d.names.index(o.gold)
        return [([d.names[r]],
                 (lambda vs, us, g=g, r=r: gold_row(vs[g], vs[r], us, o,
                                                    o.items)), (g, r))
                for r in range(R) if r != g]
    if o.pairs:
        return [([d.names[a], d.names[b]],
                 (lambda vs, us, a=a, b=b: pair_row(vs[a], vs[b], us, o)),
                 (a, b))
                for a, b in itertools.combinations(range(R), 2)]
    return [([], lambda vs, us: table_row(vs, us, o), None)]


def absent(vs, units, two):
    """-i with -g or --pairs: whether neither rater of the group gave the
    key on the units both gave; ragree writes no line for it."""
    if two is None:
        return False
    a, b = vs[two[0]], vs[two[1]]
    return not any(a[u] or b[u] for u in units if u in a and u in b)


def columns(o):
    """(header names, kinds): c count, s share, k coefficient, by the
    order of table_row, pair_row and gold_row's counts and values."""
    if o.gold is not None:
        names = ["units", "accuracy", "kappa", "precision", "recall", "f1"]
        names += [] if o.items else ["macro_f1"]
        return names, "cskssss"[:len(names)]
    if o.pairs:
        return ["units", "agree", "cohen"], "csk"
    return ["raters", "units", "missing", "agree", "cohen", "fleiss",
            "alpha", "unanimous", "majority", "split"], "cccskkkccc"


def place_counts(kinds, counts, vals):
    """The row's cells in column order from its counts and values."""
    out, ci, vi = [], 0, 0
    table = len(kinds) == 10
    for k in kinds:
        if k == "c":
            # The table's counts: raters units missing | ... | una maj spl
            out.append(("c", counts[ci]))
            ci += 1
        else:
            out.append((k, vals[vi]))
            vi += 1
    assert not table or ci == 6
    return out


def splitmix(s):
    s = (s + 0x9E3779B97F4A7C15) & M64
    z = s
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return s, z ^ (z >> 31)


M64 = (1 << 64) - 1


def resample(seed, b, n):
    """The units resample b draws, as ragree's boot_draw."""
    s = seed ^ ((b * 0xD1B54A32D192ED03) & M64)
    _, s = splitmix(s)
    low = (M64 + 1 - n) % n
    out = []
    for _ in range(n):
        while True:
            s, x = splitmix(s)
            if x >= low:
                break
        out.append(x % n)
    return out


def percentile(xs, p):
    xs = sorted(x for x in xs if x is not None and not math.isnan(x))
    if not xs:
        return None
    h = (len(xs) - 1) * p
    lo = math.floor(h)
    if lo + 1 >= len(xs):
        return xs[-1]
    return xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])


def figures(d, o, units, raters_by_layer):
    """Every row's cells (before formatting): [(what, names, cells)]."""
    out = []
    for layer in o.layers:
        for key, vs in raters_by_layer[layer]:
            vs = [{u: v[u] for u in units if u in v} for v in vs]
            for names, fn, two in groups(d, o):
                counts, vals, coefs = fn(vs, units)
                out.append(([layer] + key, names, counts,
                            [fl(v) if isinstance(v, Fraction) else v
                             for v in vals], coefs,
                            o.items and absent(vs, units, two)))
    return out


def copies(vs, drawn):
    """The raters' values on the drawn units, each draw a unit of its
    own."""
    return [{(i, u): v[u] for i, u in enumerate(drawn) if u in v}
            for v in vs]


def units_rows(d, o):
    names = [o_name(d, o, u) for u in range(len(o.ufields))]
    out = ["\t".join(names + ["layer"] + d.names + ["agree"])]
    for unit in d.order:
        for layer in o.layers:
            vals = [canonical(r[unit][layer]) if unit in r else "."
                    for r in d.raters]
            given = set(canonical(r[unit][layer]) for r in d.raters
                        if unit in r)
            out.append("\t".join(list(unit) + [layer] + vals +
                                 ["yes" if len(given) <= 1 else "no"]))
    return out


def o_name(d, o, i):
    ref = o.ufields[i]
    if ref in d.head or not ref.isdigit():
        return ref
    return d.head[int(ref) - 1]


def table(args):
    o = Opts(args)
    d = Data(o.files, o)
    if o.units_out:
        print("\n".join(units_rows(d, o)))
        return
    byl = {layer: views(d, o, layer) for layer in o.layers}
    rows = figures(d, o, d.order, byl)
    names, kinds = columns(o)
    ncoef = kinds.count("k")
    boots = None
    if o.ci is not None:
        boots = []
        for b in range(o.boot):
            drawn = [d.order[i] for i in resample(o.seed, b, len(d.order))]
            byb = {layer: [(k, copies(vs, drawn)) for k, vs in byl[layer]]
                   for layer in o.layers}
            units = [(i, u) for i, u in enumerate(drawn)]
            boots.append(figures(d, o, units, byb))
    head = ["layer"] + (["key"] if o.items else [])
    head += ["rater"] if o.gold is not None else \
        ["rater1", "rater2"] if o.pairs else []
    for n, k in zip(names, kinds):
        head += [n] + ([n + "_lo", n + "_hi"] if k == "k" and boots else [])
    out = ["\t".join(head)]
    plo, phi = None, None
    if boots:
        plo, phi = (100 - o.ci) / 200, (100 + o.ci) / 200

    def cells(cs, ci):
        s = []
        for (k, x), c in zip(cs, range(len(cs))):
            if k == "c":
                s.append("" if x is None else str(x))
                continue
            s.append(fmt(x, o.digits))
            if k == "k" and boots:
                s += [fmt(ci[c][0], o.digits), fmt(ci[c][1], o.digits)]
        return s

    coef_at = [i for i, k in enumerate(kinds) if k == "k"]
    for ri, (what, gnames, counts, vals, _, gone) in enumerate(rows):
        if gone:
            continue
        cs = place_counts(kinds, counts, vals)
        ci = {}
        if boots:
            for c in coef_at:
                xs = [place_counts(kinds, bt[ri][2], bt[ri][3])[c][1]
                      for bt in boots]
                ci[c] = (percentile(xs, plo), percentile(xs, phi))
        if o.items and len(what) == 1:
            what = what + [""]
        out.append("\t".join(what + gnames + cells(cs, ci)))
    if o.mean:
        ng = len(groups(d, o))
        for gi, (gnames, _, _) in enumerate(groups(d, o)):
            mine = [r for i, r in enumerate(rows)
                    if i % ng == gi and not r[5]]
            cs, ci = [], {}
            for c, k in enumerate(kinds):
                if k == "c":
                    cs.append(("c", None))
                    continue
                vals = [place_counts(kinds, r[2], r[3])[c][1] for r in mine]
                cs.append((k, fmean(vals)))
                if k == "k" and boots:
                    ms = []
                    for bt in boots:
                        bm = [r for i, r in enumerate(bt)
                              if i % ng == gi and not rows[i][5]]
                        ms.append(fmean([place_counts(kinds, r[2], r[3])[c][1]
                                         for r in bm]))
                    ci[c] = (percentile(ms, plo), percentile(ms, phi))
            what = ["mean"] + ([""] if o.items else [])
            out.append("\t".join(what + gnames + cells(cs, ci)))
    assert ncoef >= 0
    print("\n".join(out))


# --- generated cases


def gen_case(rng, d):
    """A random case in folder d: a scheme of three layers, rater files
    (or one long-form file), and ragree's arguments.  Units miss raters,
    values have several items or none, one layer often holds one value."""
    R = rng.randint(2, 5)
    U = rng.randint(1, 24)
    scheme = "layer\tcode\tname\tdescription\tpolarity\n"
    scheme += "".join("a\t%s\t%s\tx\tyes\n" % (c, c) for c in "PQR")
    scheme += "".join("b\t%s\t%s\tx\tno\n" % (c, c) for c in "XYZ")
    scheme += "".join("s\t%s\t%s\tx\tno\n" % (c, c) for c in "LMH")
    with open(os.path.join(d, "scheme.tsv"), "w") as f:
        f.write(scheme)
    mode = rng.choice(["table", "table", "pairs", "gold", "units"])
    items = mode != "units" and rng.random() < 0.3
    keep = rng.random() < 0.5
    order = None
    if mode != "units" and not items and rng.random() < 0.45:
        order = rng.choice(["s", "a"]) if keep else "s"
    onecat = rng.random() < 0.15
    pols = ["POS", "NEG", "NEU"]

    def val_a():
        n = rng.choice([0, 1, 1, 1, 2, 3]) if order != "a" else \
            rng.choice([0, 1, 1, 1, 1, 2])
        if onecat:
            return "P-POS"
        out = []
        for _ in range(n):
            c = rng.choice("PQR")
            if order == "a" or rng.random() < 0.8:
                c += "-" + rng.choice(pols)
            out.append(c)
        return ",".join(out)

    def val_b():
        if onecat:
            return "X"
        return ",".join(rng.choice("XYZ")
                        for _ in range(rng.choice([0, 1, 1, 2])))

    def val_s():
        r = rng.random()
        if r < 0.1:
            return ""
        if r < 0.15:
            return "L,H"
        return rng.choice("LMMH")
    names = ["r%d" % (i + 1) for i in range(R)]
    given = [[u == 0 or rng.random() < 0.8 for u in range(U)]
             for _ in range(R)]
    head = "review\tsentence\ta\tb\ts\ttext"
    rows = []
    for r in range(R):
        mine = []
        for u in range(U):
            if given[r][u]:
                mine.append("R%d\t%d\t%s\t%s\t%s\tt%d" % (
                    u // 3, u % 3 + 1, val_a(), val_b(), val_s(), u))
        rng.shuffle(mine)
        rows.append(mine)
    longform = rng.random() < 0.25
    files = []
    if longform:
        lines = [(names[r], row) for r in range(R) for row in rows[r]]
        rng.shuffle(lines)
        path = os.path.join(d, "long.tsv")
        with open(path, "w") as f:
            f.write("annotator\t" + head + "\n")
            for n, row in lines:
                f.write(n + "\t" + row + "\n")
        files = [path]
    else:
        for r in range(R):
            path = os.path.join(d, names[r] + ".tsv")
            with open(path, "w") as f:
                f.write(head + "\n" + "".join(x + "\n" for x in rows[r]))
            files.append(path)
    layers = rng.sample(["a", "b", "s"], rng.randint(1, 3))
    if order is not None:
        layers = [order] + [x for x in layers if x == order and False]
    args = ["--scheme", os.path.join(d, "scheme.tsv"), "-l",
            ",".join(layers)]
    if longform:
        args += ["-r", "annotator"]
    if keep:
        args.append("-k")
    if mode == "units":
        return args + ["--units"] + files
    if items:
        args.append("-i")
    if mode == "pairs":
        args.append("--pairs")
    if mode == "gold":
        args += ["-g", rng.choice(names)]
    if order is not None:
        args += ["--order", "NEG,NEU,POS" if order == "a" else
                 rng.choice(["L,M,H", "H,M,L", "L,M,H,X"])]
        if rng.random() < 0.7:
            args += ["--weights", rng.choice(["linear", "quadratic"])]
        if rng.random() < 0.7:
            args += ["--metric", rng.choice(["ordinal", "interval"])]
    if rng.random() < 0.3:
        args.append("--mean")
    if rng.random() < 0.2:
        args += ["--digits", str(rng.randint(0, 15))]
    if rng.random() < 0.2:
        args += ["--ci", rng.choice(["95", "90", "50", "99.5"]), "--boot",
                 str(rng.randint(1, 12)), "--seed", str(rng.randint(0, 99))]
    return args + files


def reference(args):
    """What table(args) prints, and whether it ran to its end."""
    import contextlib
    import io
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            table(list(args))
    except SystemExit as e:
        return False, buf.getvalue() + "exit: %s\n" % e
    return True, buf.getvalue()


def check(bindir, ncases, seed):
    import tempfile
    rng = random.Random(seed)
    ragree = os.path.join(bindir, "ragree")
    for n in range(ncases):
        with tempfile.TemporaryDirectory() as d:
            args = gen_case(rng, d)
            got = subprocess.run([ragree] + args, capture_output=True,
                                 env=dict(os.environ, LC_ALL="C"))
            ok, want = reference([a for a in args if a != "--scheme" and
                                  not a.endswith("scheme.tsv")])
            out = got.stdout.decode("utf-8", errors="surrogateescape")
            if got.returncode != 0 or not ok or out != want:
                print("case %d differs: ragree %s" % (n, " ".join(args)))
                print("ragree status %d, stderr: %s" % (
                    got.returncode, got.stderr.decode(errors="replace")))
                sys.stdout.write("--- ragree\n" + out + "--- reference\n" +
                                 want)
                return 1
    print("%d cases agree" % ncases)
    return 0


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "write":
        write_case(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "table":
        table(sys.argv[2:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "check":
        n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
        s = int(sys.argv[4]) if len(sys.argv) > 4 else 1
        sys.exit(check(sys.argv[2], n, s))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
