#!/usr/bin/env python3
"""Expected values for IntensityCommandTests: the daily event counts of fixtures/events-2023.csv
and their correlation with fixtures/djia.csv, computed from the files and the definitions alone
(standard library; shares nothing with MarketLink's Swift code).

    python3 Tests/MarketLinkTests/Events/Derivations/intensity_correlation.py

The intensity series runs over every calendar day from 2022-12-01 to 2023-06-30 (the command's
--from/--to); a day's count is the number of events dated that day. Window -1:1 (the default):
t0 is the first session on or after the event date (every calendar day is a session of the
intensity series), the base is session t0-2 and the end t0+1. The count's move is in points (end -
base: a tally is not a level); the Dow's in percent. An event whose two event sessions repeat an
earlier event's gives the same pair of moves and counts once (docs/STATISTICS.md, correlate). Daily: the dates both series have (the Dow's
sessions) from the earliest base date to the latest end date; the count's change is a difference,
the Dow's a simple return.
"""
import csv
import datetime as dt
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
events = list(csv.DictReader(open(ROOT / "fixtures/events-2023.csv", newline="", encoding="utf-8")))
# FRED writes "." on holidays: no close, not a session.
djia = [(dt.date.fromisoformat(r["DATE"]), float(r["DJIA"])) for r in csv.DictReader(open(ROOT / "fixtures/djia.csv", newline=""))
        if r["DJIA"] != "."]

start, end = dt.date(2022, 12, 1), dt.date(2023, 6, 30)
days = [start + dt.timedelta(days=k) for k in range((end - start).days + 1)]
count = {d: 0 for d in days}
for e in events:
    count[dt.date.fromisoformat(e["date"])] += 1
intensity = [(d, float(count[d])) for d in days]


def move(series, date, percent):
    dates = [d for d, _ in series]
    t0 = next(k for k, d in enumerate(dates) if d >= date)
    base, last = t0 - 2, t0 + 1
    b, e = series[base][1], series[last][1]
    return (100 * (e / b - 1) if percent else e - b), dates[base], dates[last]


def pearson(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


xs, ys, bases, ends = [], [], [], []
for e in events:
    d = dt.date.fromisoformat(e["date"])
    a, ba, ea = move(intensity, d, False)
    b, bb, eb = move(djia, d, True)
    xs.append(a)
    ys.append(b)
    bases += [ba, bb]
    ends += [ea, eb]
print("non-zero days:", [(d.isoformat(), int(c)) for d, c in intensity if c])
print("rows:", len(intensity))
print("moves n:", len(xs), "count moves:", xs)
print("moves r:", repr(pearson(xs, ys)))

# correlate counts an event once when its pair of event sessions (the count's t0, the Dow's t0)
# repeats an earlier event's (the same pair of moves): the first in file order stays.
def t0(series, date):
    return next(d for d, _ in series if d >= date)


seen, kept, merged = set(), [], []
for k, e in enumerate(events):
    d = dt.date.fromisoformat(e["date"])
    key = (t0(intensity, d), t0(djia, d))
    if key in seen:
        merged.append(e["id"])
    else:
        seen.add(key)
        kept.append(k)
print("shared sessions once: merged", merged, "n:", len(kept))
print("shared sessions once: moves r:", repr(pearson([xs[k] for k in kept], [ys[k] for k in kept])))

lo, hi = min(bases), max(ends)
common = [(d, c) for d, c in djia if lo <= d <= hi]
dx = [count[common[k][0]] - count[common[k - 1][0]] for k in range(1, len(common))]
dy = [common[k][1] / common[k - 1][1] - 1 for k in range(1, len(common))]
print("daily period:", lo, hi, "n:", len(dx))
print("daily r:", repr(pearson(dx, dy)))
