#!/usr/bin/env python3
"""Independent reference figures for RussiaForensicsTests (Python standard library only).

Reads shared/data/russia/2012-presidential.csv.zip with the csv module and computes every figure of
`ashyq forensics` straight from the issue's definitions, by another route than the C# code:
  - "integer" is tested with exact fractions (|100*x/n - k| <= 1/20), not with the integer formula;
  - the expected counts sum the binomial pmf computed with math.lgamma over every whole-percent window
    k = 0..100 (no truncation of the tails), not with a table of log-factorials;
  - the chi-square p-value for 9 degrees of freedom uses the closed form for odd degrees
    Q = erfc(sqrt(x/2)) + sqrt(2x/pi) e^(-x/2) (1 + x/3 + x^2/15 + x^3/105), not the incomplete gamma;
  - the Shpilkin excess is computed with fractions.Fraction, exactly.
Run once: python3 russia_2012_forensics.py [path-to-zip] > figures; the numbers are pasted into the test.
Takes about a minute.
"""
import csv, io, json, math, sys, zipfile
from fractions import Fraction

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/russia/2012-presidential.csv.zip"
region_filter = sys.argv[2] if len(sys.argv) > 2 else None
z = zipfile.ZipFile(path)
rows = list(csv.reader(io.TextIOWrapper(z.open(z.namelist()[0]), encoding="utf-8")))[1:]
regions = []
for r in rows:
    if r[0] not in regions:
        regions.append(r[0])

def L(r, i):  # protocol line i (1-based)
    return int(r[2 + i])

def cand(r):
    return [int(x) for x in r[21:26]]

if region_filter is not None:
    rows = [r for r in rows if r[0] == region_filter]

totals = [0] * 5
for r in rows:
    for i, v in enumerate(cand(r)):
        totals[i] += v
# the national leader (Putin); also with a region filter the leader is the national one
leader = 4

def is_integer(x, n):
    q = Fraction(100 * x, n)
    k = math.floor(q + Fraction(1, 2))
    return abs(q - k) <= Fraction(1, 20)

def prob_integer(n, xo):
    if xo == 0 or xo == n:
        return 1.0 if is_integer(xo, n) else 0.0
    p = xo / n
    lp, lq = math.log(p), math.log(1 - p)
    lg = math.lgamma(n + 1)
    mean, sd = n * p, math.sqrt(n * p * (1 - p))
    s = 0.0
    for k in range(0, 101):
        lo = math.ceil(Fraction((20 * k - 1) * n, 2000))
        hi = math.floor(Fraction((20 * k + 1) * n, 2000))
        lo, hi = max(lo, 0), min(hi, n)
        # skip windows more than 40 sd away (their pmf underflows to 0 anyway)
        if hi < mean - 40 * sd - 5 or lo > mean + 40 * sd + 5:
            continue
        for x in range(lo, hi + 1):
            s += math.exp(lg - math.lgamma(x + 1) - math.lgamma(n - x + 1) + x * lp + (n - x) * lq)
    return s

# fingerprint
pop = cnt = 0
vn = vb = vp = hn = hb = hp = 0
for r in rows:
    n, b, d, p = L(r, 1), L(r, 7) + L(r, 8), L(r, 9) + L(r, 10), cand(r)[leader]
    if n > 0 and d > 0:
        pop += 1
        vn += n; vb += b; vp += p
        if Fraction(b, n) > Fraction(4, 5) and Fraction(p, d) > Fraction(4, 5):
            cnt += 1; hn += n; hb += b; hp += p

# integer percentages
ip = to = lo_ = eo = 0
te = le = ee = 0.0
for r in rows:
    n, g, d, p = L(r, 1), L(r, 3) + L(r, 4) + L(r, 5), L(r, 9) + L(r, 10), cand(r)[leader]
    if d > 0 and n >= 100 and Fraction(g, n) <= Fraction(99, 100) and Fraction(p, d) <= Fraction(99, 100):
        ip += 1
        t, l = is_integer(g, n), is_integer(p, d)
        to += t; lo_ += l; eo += (t or l)
        pt, pl = prob_integer(n, g), prob_integer(d, p)
        te += pt; le += pl; ee += pt + pl - pt * pl

# Shpilkin
bins = {}
for r in rows:
    n = L(r, 1)
    if n <= 0:
        continue
    b = L(r, 7) + L(r, 8)
    t = min(100, (100 * b) // n)
    s = bins.setdefault(t, [0, 0, 0, 0, 0])
    valid, p = L(r, 10), cand(r)[leader]
    for i, v in enumerate((n, b, valid, p, valid - p)):
        s[i] += v
m = max(sorted(bins), key=lambda t: (bins[t][0], -t))
Plo = sum(bins[t][3] for t in bins if t <= m); Olo = sum(bins[t][4] for t in bins if t <= m)
rr = Fraction(Plo, Olo)
E = sum(Fraction(bins[t][3]) - rr * bins[t][4] for t in bins if t > m)
Nt = sum(s[0] for s in bins.values()); Bt = sum(s[1] for s in bins.values())
Vt = sum(s[2] for s in bins.values()); Pt = sum(s[3] for s in bins.values())

# last digits
def q9(x):
    return math.erfc(math.sqrt(x / 2)) + math.sqrt(2 * x / math.pi) * math.exp(-x / 2) * (1 + x / 3 + x * x / 15 + x ** 3 / 105)
digits = {}
for c in range(5):
    counts = [0] * 10
    for r in rows:
        v = cand(r)[c]
        if v >= 100:
            counts[v % 10] += 1
    nn = sum(counts)
    chi2 = sum(Fraction((k - Fraction(nn, 10)) ** 2) / Fraction(nn, 10) for k in counts)
    digits["C%d" % (c + 1)] = {"n": nn, "counts": counts, "chi2": float(chi2), "p_value": q9(float(chi2))}

print(json.dumps({
    "region": region_filter, "region_code": None if region_filter is None else "REG-%02d" % (regions.index(region_filter) + 1),
    "precincts": len(rows),
    "fingerprint": {"population": pop, "count": cnt, "voters_share": [hn, vn], "ballots_share": [hb, vb], "leader_share": [hp, vp]},
    "integer": {"population": ip, "turnout_observed": to, "leader_observed": lo_, "either_observed": eo,
                "turnout_expected": te, "leader_expected": le, "either_expected": ee},
    "shpilkin": {"mode_bin": m, "r": [Plo, Olo], "excess": float(E), "corrected_share": float((Pt - E) / (Vt - E)),
                 "corrected_turnout": float((Bt - E) / Nt), "totals": [Nt, Bt, Vt, Pt]},
    "last_digits": digits,
}, indent=1))
