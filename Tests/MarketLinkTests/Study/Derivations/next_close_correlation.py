"""Correlation of two markets' event moves in information time, on the bundled fixtures.

Computed independently of the Swift code: the fixture CSVs are parsed here with the csv module and
every session, window and pairing is found from the definitions below. numpy and scipy give the
statistics; each p-value is also recomputed from its formula.

Run from the repository root (numpy and scipy, e.g. in a virtual environment outside the repository):

    python3 Tests/MarketLinkTests/Study/Derivations/next_close_correlation.py

It prints the results and writes next_close_correlation.json beside this script.

DEFINITIONS (A = DJIA, fixtures/djia.csv, NYSE: close 16:00 America/New_York;
             B = SSE Composite, fixtures/sse.csv, SSE: close 15:00 Asia/Shanghai;
             events = fixtures/events-2023.csv, 15 date-only events; window -1:1)

- Sessions: each series' own rows with a close (FRED '.' rows are not sessions).
- Event session of a date-only event on date d in a market: its first session dated on or after d
  (--align next, DESIGN §2).
- Move over the window [-1, 1] around session t0: percent 100·(P[t0+1] / P[t0-2] - 1), base = close
  of t0-2 (t0+a-1 with a = -1), end = close of t0+1, in that market's own sessions.
- Close instant of a session dated s: s at the market's close time in its zone, as a UTC instant.

(a) Same-date pairing: A's move around A's event session, B's move around B's event session (each
    market aligns the event date by itself). "All events": the 15 pairs (today's `correlate`).
    "Shared sessions counted once": events with the same pair (A event session, B event session)
    give identical pairs of moves; only the first such event in file order is kept.

(b) Next-close pairing A -> B: A's move around A's event session t0_A; B's move around t0_B = B's
    first session whose close instant is strictly after the close instant of t0_A. For NYSE and
    SSE this is B's first session dated after t0_A's date (15:00 Shanghai is 02:00 or 03:00 in New
    York, before that day's NYSE close). Events with the same t0_A give the same pair (t0_B follows
    from t0_A) and count once, the first in file order kept. The reverse B -> A is also given: A's
    first session closing after t0_B's close, which for SSE -> NYSE is A's first session dated on
    or after t0_B's date.

(c) Daily baseline at lag 1 in information time, A -> B. For each B session s, the A session
    d(s) = the latest A session whose first following-closing B session is s, i.e. the last A
    session dated before s with no B session dated strictly between it and s. The matched pairs
    (d(s), s), in order; consecutive matched pairs (d', s') and (d, s) give the paired returns
    A: P_A(d)/P_A(d') - 1 and B: P_B(s)/P_B(s') - 1 — so a holiday in one market merges the
    other's sessions into one return, as the same-date baseline does. Period: from the earliest
    base date to the latest end date of the moves of (b) (all events, both markets); a pair of
    returns is used when all four of its dates d', d, s', s lie in the period. The same-date
    baseline of docs/STATISTICS.md (common dates, same period rule on the moves of (a)) is
    recomputed as a check on the loaders: it must give r = 0.01 over 126 returns.

Statistics for every pairing: Pearson r; Spearman rho = Pearson r of the average ranks; for each, the
test t = r·sqrt((n - 2)/(1 - r²)) with a two-sided p from Student's t with n - 2 df (exact for
Pearson under normality, the usual approximation for Spearman, as in docs/STATISTICS.md).
"""

import csv
import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from scipy import stats

ROOT = Path(".")
OUT = Path(__file__).resolve().parent / "next_close_correlation.json"
NY, SH = ZoneInfo("America/New_York"), ZoneInfo("Asia/Shanghai")
WINDOW = (-1, 1)

# MARK: - Fixtures


def load_djia():
    out = []
    with open(ROOT / "fixtures/djia.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["DJIA"].strip() != ".":
                out.append((dt.date.fromisoformat(row["DATE"]), float(row["DJIA"])))
    return out


def load_sse():
    out = []
    with open(ROOT / "fixtures/sse.csv", newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            y, m, d = map(int, re.match(r"(\d+)年(\d+)月(\d+)日", row["日期"]).groups())
            out.append((dt.date(y, m, d), float(row["收盘"].replace(",", ""))))
    return sorted(out)


def load_events():
    with open(ROOT / "fixtures/events-2023.csv", newline="") as f:
        return [dict(id=r["id"], date=dt.date.fromisoformat(r["date"]), score=float(r["score"]))
                for r in csv.DictReader(f)]


def close_instant(day, zone, hour, minute):
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).astimezone(dt.timezone.utc)


class Market:
    def __init__(self, name, sessions, zone, hour, minute):
        self.name, self.sessions, self.zone, self.hour, self.minute = name, sessions, zone, hour, minute
        self.dates = [d for d, _ in sessions]

    def t0_on_or_after(self, day):
        return next(i for i, d in enumerate(self.dates) if d >= day)

    def first_closing_after(self, instant):
        return next(i for i, d in enumerate(self.dates)
                    if close_instant(d, self.zone, self.hour, self.minute) > instant)

    def close_of(self, i):
        return close_instant(self.dates[i], self.zone, self.hour, self.minute)

    def move(self, t0):
        base, end = t0 + WINDOW[0] - 1, t0 + WINDOW[1]
        return dict(t0=self.dates[t0].isoformat(), base=self.dates[base].isoformat(), end=self.dates[end].isoformat(),
                    percent=100 * (self.sessions[end][1] / self.sessions[base][1] - 1))


# MARK: - Statistics


def t_test_p(r, n):
    if abs(r) == 1:
        return 0.0
    t = r * np.sqrt((n - 2) / (1 - r * r))
    return float(2 * stats.t.sf(abs(t), n - 2))


def correlate(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    n = len(x)
    r = float(np.corrcoef(x, y)[0, 1])
    rho = float(np.corrcoef(stats.rankdata(x), stats.rankdata(y))[0, 1])
    pr, sr = stats.pearsonr(x, y), stats.spearmanr(x, y)
    assert abs(pr.statistic - r) < 1e-12 and abs(sr.statistic - rho) < 1e-12
    assert abs(pr.pvalue - t_test_p(r, n)) < 1e-12 and abs(sr.pvalue - t_test_p(rho, n)) < 1e-12
    return dict(n=n, pearson_r=r, pearson_p=t_test_p(r, n), spearman_rho=rho, spearman_p=t_test_p(rho, n))


def first_per_key(rows, key):
    seen, kept, merged = set(), [], []
    for r in rows:
        k = key(r)
        if k in seen:
            merged.append(r["id"])
        else:
            seen.add(k)
            kept.append(r)
    return kept, merged


def pairing_result(rows, label):
    res = correlate([r["a"]["percent"] for r in rows], [r["b"]["percent"] for r in rows])
    res["events"] = [r["id"] for r in rows]
    res["label"] = label
    return res


# MARK: - Baselines


def period_of(rows):
    dates = [dt.date.fromisoformat(r[s][k]) for r in rows for s in ("a", "b") for k in ("base", "end")]
    return min(dates), max(dates)


def same_date_baseline(a, b, period):
    pa, pb = dict(a.sessions), dict(b.sessions)
    common = [d for d in a.dates if d in pb and period[0] <= d <= period[1]]
    ra = [pa[common[j]] / pa[common[j - 1]] - 1 for j in range(1, len(common))]
    rb = [pb[common[j]] / pb[common[j - 1]] - 1 for j in range(1, len(common))]
    res = correlate(ra, rb)
    res.update(period=[period[0].isoformat(), period[1].isoformat()], first=common[0].isoformat(),
               last=common[-1].isoformat())
    return res


def lag1_baseline(a, b, period):
    """Matched pairs (d(s), s): d(s) = last A session before s with no B session between."""
    pa, pb = dict(a.sessions), dict(b.sessions)
    pairs = []
    for s in b.dates:
        before = [d for d in a.dates if close_instant(d, a.zone, a.hour, a.minute) < close_instant(s, b.zone, b.hour, b.minute)]
        if not before:
            continue
        d = before[-1]
        # s must be the first B session closing after d's close
        first = b.dates[b.first_closing_after(close_instant(d, a.zone, a.hour, a.minute))]
        if first == s:
            pairs.append((d, s))
    # each A session maps to at most one s and each s to at most one d
    assert len({d for d, _ in pairs}) == len(pairs) == len({s for _, s in pairs})
    lo, hi = period
    used = [(p, q) for p, q in zip(pairs, pairs[1:]) if all(lo <= x <= hi for x in (*p, *q))]
    ra = [pa[q[0]] / pa[p[0]] - 1 for p, q in used]
    rb = [pb[q[1]] / pb[p[1]] - 1 for p, q in used]
    merged_a = sum(1 for p, q in used if a.dates.index(q[0]) - a.dates.index(p[0]) > 1)
    merged_b = sum(1 for p, q in used if b.dates.index(q[1]) - b.dates.index(p[1]) > 1)
    res = correlate(ra, rb)
    res.update(period=[lo.isoformat(), hi.isoformat()],
               first_pair=dict(a=[used[0][0][0].isoformat(), used[0][1][0].isoformat()],
                               b=[used[0][0][1].isoformat(), used[0][1][1].isoformat()]),
               last_pair=dict(a=[used[-1][0][0].isoformat(), used[-1][1][0].isoformat()],
                              b=[used[-1][0][1].isoformat(), used[-1][1][1].isoformat()]),
               returns_spanning_several_a_sessions=merged_a, returns_spanning_several_b_sessions=merged_b)
    return res


# MARK: - Main


def main():
    djia = Market("DJIA", load_djia(), NY, 16, 0)
    sse = Market("SSE", load_sse(), SH, 15, 0)
    events = load_events()
    out = dict(definitions=__doc__.split("DEFINITIONS", 1)[1].strip(), window="-1:1")

    # (a) same date
    same = []
    for e in events:
        ta, tb = djia.t0_on_or_after(e["date"]), sse.t0_on_or_after(e["date"])
        same.append(dict(id=e["id"], date=e["date"].isoformat(), score=e["score"], a=djia.move(ta), b=sse.move(tb)))
    deduped, merged = first_per_key(same, lambda r: (r["a"]["t0"], r["b"]["t0"]))
    out["same_date"] = dict(all_events=pairing_result(same, "same date, every event"),
                            shared_sessions_once=pairing_result(deduped, "same date, shared sessions once"),
                            merged_events=merged, distinct_sessions=len(deduped), moves=same)
    # check against today's published numbers (README: r = 0.57, p = 0.026, n = 15)
    a15 = out["same_date"]["all_events"]
    assert a15["n"] == 15 and round(a15["pearson_r"], 2) == 0.57 and round(a15["pearson_p"], 3) == 0.026

    # (b) next close, DJIA -> SSE (and the reverse)
    nxt, rev = [], []
    for e in events:
        ta = djia.t0_on_or_after(e["date"])
        tb = sse.first_closing_after(djia.close_of(ta))
        assert sse.dates[tb] == next(d for d in sse.dates if d > djia.dates[ta]), "first SSE session dated after"
        nxt.append(dict(id=e["id"], date=e["date"].isoformat(), score=e["score"], a=djia.move(ta), b=sse.move(tb)))
        tb0 = sse.t0_on_or_after(e["date"])
        ta2 = djia.first_closing_after(sse.close_of(tb0))
        assert djia.dates[ta2] == next(d for d in djia.dates if d >= sse.dates[tb0])
        rev.append(dict(id=e["id"], date=e["date"].isoformat(), score=e["score"], a=sse.move(tb0), b=djia.move(ta2)))
    nd, nmerged = first_per_key(nxt, lambda r: r["a"]["t0"])
    assert [r["id"] for r in nd] == [r["id"] for r in deduped], "the same events are merged in (a) and (b)"
    rd, rmerged = first_per_key(rev, lambda r: r["a"]["t0"])
    out["next_close_djia_to_sse"] = dict(
        shared_sessions_once=pairing_result(nd, "next close DJIA -> SSE, shared sessions once"),
        all_events=pairing_result(nxt, "next close DJIA -> SSE, every event"),
        merged_events=nmerged, moves=nxt)
    out["next_close_sse_to_djia"] = dict(
        shared_sessions_once=pairing_result(rd, "next close SSE -> DJIA, shared sessions once"),
        all_events=pairing_result(rev, "next close SSE -> DJIA, every event"),
        merged_events=rmerged, moves=rev)

    # (c) baselines
    out["daily_same_date"] = same_date_baseline(djia, sse, period_of(same))
    assert out["daily_same_date"]["n"] == 126 and round(out["daily_same_date"]["pearson_r"], 2) == 0.01
    out["daily_lag1_djia_to_sse"] = lag1_baseline(djia, sse, period_of(nxt))
    # The reverse, SSE leading the DJIA (the baseline of the SSE -> DJIA next-close pairing).
    out["daily_lag1_sse_to_djia"] = lag1_baseline(sse, djia, period_of(rev))

    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def line(label, r):
        print(f"{label:48} n {r['n']:3}  r {r['pearson_r']:+.17f} p {r['pearson_p']:.17f}  "
              f"rho {r['spearman_rho']:+.17f} p {r['spearman_p']:.17f}")

    print("# event moves, window -1:1 (percent)")
    for m, r in zip(same, nxt):
        print(f"event {m['id']:>2} {m['date']}  same date: DJIA t0 {m['a']['t0']} {m['a']['percent']:+.6f}  "
              f"SSE t0 {m['b']['t0']} {m['b']['percent']:+.6f} | next close: SSE t0 {r['b']['t0']} {r['b']['percent']:+.6f}")
    print(f"merged (shared sessions): {merged}; distinct sessions {len(deduped)}")
    line("(a) same date, every event", out["same_date"]["all_events"])
    line("(a) same date, shared sessions once", out["same_date"]["shared_sessions_once"])
    line("(b) next close DJIA->SSE, shared sessions once", out["next_close_djia_to_sse"]["shared_sessions_once"])
    line("(b) next close DJIA->SSE, every event", out["next_close_djia_to_sse"]["all_events"])
    line("    next close SSE->DJIA, shared sessions once", out["next_close_sse_to_djia"]["shared_sessions_once"])
    line("(c) daily, same date (check: 0.01, 126)", out["daily_same_date"])
    line("(c) daily, lag 1 in information time", out["daily_lag1_djia_to_sse"])
    line("    daily, lag 1, SSE -> DJIA", out["daily_lag1_sse_to_djia"])
    print("periods:", out["daily_same_date"]["period"], out["daily_lag1_djia_to_sse"]["period"])
    print("lag-1 first/last pair:", out["daily_lag1_djia_to_sse"]["first_pair"], out["daily_lag1_djia_to_sse"]["last_pair"])


main()
