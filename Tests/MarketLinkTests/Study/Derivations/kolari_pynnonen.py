"""Adjusted BMP and adjusted Patell tests (Kolari & Pynnönen 2010) on clustered events.

Computed independently of the Swift code, with numpy (and scipy for the reference distributions).
Run from the repository root:

    python3 Tests/MarketLinkTests/Study/Derivations/kolari_pynnonen.py

It prints every number to 17 significant digits and writes kolari_pynnonen.json beside this script.

DEFINITIONS (docs/STATISTICS.md, "Clustered events", states them with their references)

For N events in one series, with status ok, each with L_i estimation returns and k event returns:

- Mean model: mu_i = mean of the estimation returns, estimation abnormal returns AR_it = R_it - mu_i,
  event abnormal returns AR_i,tau = R_i,tau - mu_i, sigma_i^2 = sample variance (ddof 1) of the
  estimation returns, nu_i = L_i - 1.
- Daily standardized abnormal return (Patell): SAR_i,tau = AR_i,tau / (sigma_i * sqrt(1 + 1/L_i)).
- CAR_i = sum_tau AR_i,tau; SE_i = sqrt(sigma_i^2 * k * (1 + k/L_i)); SCAR_i = CAR_i / SE_i.
- Patell Z = sum_i SCAR_i / sqrt(sum_i nu_i / (nu_i - 2)), standard normal.
- BMP t = mean(SCAR) / (s_SCAR / sqrt(N)), s_SCAR the sample standard deviation; Student t, N - 1 df.
- r_ij = Pearson correlation of the estimation abnormal returns of events i and j, paired in EVENT
  TIME: position p (p = 1 .. L counted back from each event's last estimation session) of event i
  with position p of event j, over the positions both have. Two events on the same event session
  have identical estimation windows, so r_ij = 1; two events at different sessions of one market
  pair each day with the day a fixed number of sessions away, so r_ij is an autocorrelation of the
  market's returns, near 0. (Pairing on common CALENDAR dates instead gives r_ij = 1 for every pair
  of events on one market whose estimation windows overlap — their abnormal returns differ by a
  constant on those dates — and says nothing about the event windows; it is computed below only to
  show that.)
- r_bar = (2 / (N (N - 1))) * sum_{i<j} r_ij, the average over all N(N-1)/2 pairs.
- Adjusted BMP:    t_adj = t * sqrt((1 - r_bar) / (1 + (N - 1) r_bar)), Student t, N - 1 df.
- Adjusted Patell: z_adj = Z * sqrt(1 / (1 + (N - 1) r_bar)), standard normal.
  (Why they differ: with unit-variance standardized returns of common correlation r, the variance of
  their mean is (1 + (N - 1) r) / N, while the sample variance s^2 has expectation 1 - r. Patell's
  denominator is the known variance, so only the first factor corrects it; BMP's is s^2, so both do.)
- With r_bar = 0 both factors are 1: the adjusted tests equal the unadjusted ones.

Datasets:
1. A hand-checkable one: six events, L = 8 estimation returns and k = 3 event returns each, written
   below. The estimation returns are mean + scale * (row of the 8x8 Sylvester-Hadamard matrix), so
   distinct events have r_ij = 0 exactly. "independent": six distinct events (r_bar = 0).
   "clustered": events 2 and 4 are the same session as events 1 and 3 (identical returns), so
   r_12 = r_34 = 1 and the other 13 pairs 0: r_bar = 2/15.
2. The fixtures: fixtures/djia.csv and fixtures/sse.csv with the 15 events of
   fixtures/events-2023.csv, date-only events aligned to the first session on or after the date,
   mean model, simple returns, estimation -120:-6 (L = 115), window -1:1 (k = 3) — the setting of
   Derivations/expected.txt. Also with shared sessions merged (first event in file order kept).
"""

import csv
import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
from scipy import stats

ROOT = Path(".")
OUT = Path(__file__).resolve().parent / "kolari_pynnonen.json"

# MARK: - Engine (independent of the Swift code)


def mean_model(est, evt):
    est, evt = np.asarray(est, float), np.asarray(evt, float)
    L, k = len(est), len(evt)
    mu = est.mean()
    s2 = est.var(ddof=1)
    ar = evt - mu
    car = ar.sum()
    se = np.sqrt(s2 * k * (1 + k / L))
    return dict(L=L, k=k, mu=mu, sigma=np.sqrt(s2), est_ar=est - mu, ar=ar,
                sar=ar / (np.sqrt(s2) * np.sqrt(1 + 1 / L)), car=car, se=se, scar=car / se, nu=L - 1)


def event_time_corr(x, y):
    m = min(len(x), len(y))
    return float(np.corrcoef(x[-m:], y[-m:])[0, 1])


def tests(results, rbar):
    scar = np.array([r["scar"] for r in results])
    nu = np.array([r["nu"] for r in results], float)
    n = len(results)
    z = scar.sum() / np.sqrt((nu / (nu - 2)).sum())
    t = scar.mean() / (scar.std(ddof=1) / np.sqrt(n))
    bmp_factor = np.sqrt((1 - rbar) / (1 + (n - 1) * rbar))
    patell_factor = np.sqrt(1 / (1 + (n - 1) * rbar))
    out = dict(n=n, rbar=rbar, patell_z=z, patell_p=2 * stats.norm.sf(abs(z)), bmp_t=t,
               bmp_p=2 * stats.t.sf(abs(t), n - 1), bmp_factor=bmp_factor, patell_factor=patell_factor,
               adjusted_bmp_t=t * bmp_factor, adjusted_patell_z=z * patell_factor)
    out["adjusted_bmp_p"] = 2 * stats.t.sf(abs(out["adjusted_bmp_t"]), n - 1)
    out["adjusted_patell_p"] = 2 * stats.norm.sf(abs(out["adjusted_patell_z"]))
    # The factor the issue text gives for both tests, applied to Patell, for comparison only.
    out["patell_z_times_bmp_factor"] = z * bmp_factor
    return out


def rbar_of(results, corr=event_time_corr):
    n = len(results)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    rs = [corr(results[i]["est_ar"], results[j]["est_ar"]) for i, j in pairs]
    return float(np.mean(rs)), rs


# MARK: - 1. Hand-checkable dataset


def sylvester(n):
    h = np.array([[1.0]])
    while len(h) < n:
        h = np.block([[h, h], [h, -h]])
    return h


H8 = sylvester(8)
# (mean, scale, Hadamard row, event-window returns) per distinct event session
SESSIONS = {
    "s1": (0.0010, 0.010, 1, [0.012, -0.004, 0.020]),
    "s2": (-0.0005, 0.008, 2, [0.006, 0.015, -0.002]),
    "s3": (0.0002, 0.012, 3, [-0.010, 0.004, 0.018]),
    "s4": (0.0000, 0.009, 4, [0.009, 0.011, 0.003]),
    "s5": (0.0008, 0.011, 5, [-0.003, 0.014, 0.007]),
    "s6": (-0.0010, 0.007, 6, [0.010, -0.006, 0.013]),
}


def session_returns(name):
    mean, scale, row, evt = SESSIONS[name]
    return list(mean + scale * H8[row]), evt


def tiny(case_sessions):
    results = [mean_model(*session_returns(s)) for s in case_sessions]
    rbar, rs = rbar_of(results)
    return results, rbar, rs


# MARK: - 2. Fixtures


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
        return [dict(id=r["id"], date=dt.date.fromisoformat(r["date"])) for r in csv.DictReader(f)]


def fixture_event(series, day, estimation=(-120, -6), window=(-1, 1)):
    t0 = next(i for i, (d, _) in enumerate(series) if d >= day)
    ret = lambda i: series[i][1] / series[i - 1][1] - 1
    est = [ret(t0 + j) for j in range(estimation[0], estimation[1] + 1)]
    evt = [ret(t0 + j) for j in range(window[0], window[1] + 1)]
    r = mean_model(est, evt)
    r["t0"] = t0
    r["t0_date"] = series[t0][0].isoformat()
    r["est_dates"] = [series[t0 + j][0] for j in range(estimation[0], estimation[1] + 1)]
    return r


def calendar_corr_factory(results):
    def corr(x, y):
        a = next(r for r in results if r["est_ar"] is x)
        b = next(r for r in results if r["est_ar"] is y)
        da, db = dict(zip(a["est_dates"], x)), dict(zip(b["est_dates"], y))
        common = sorted(set(da) & set(db))
        if len(common) < 3:
            return 0.0  # no overlap: nothing to correlate (shown only for the comparison)
        return float(np.corrcoef([da[d] for d in common], [db[d] for d in common])[0, 1])
    return corr


def clustering(results, ids, window=(-1, 1)):
    """Events sharing an event session; events whose window overlaps another event's window at a
    different session (|t0_i - t0_j| <= b - a, in the series' sessions)."""
    by_session = {}
    for r, i in zip(results, ids):
        by_session.setdefault(r["t0"], []).append(i)
    shared = [v for v in by_session.values() if len(v) > 1]
    width = window[1] - window[0]
    overlap = sorted({i for r, i in zip(results, ids) for q, j in zip(results, ids)
                      if r["t0"] != q["t0"] and abs(r["t0"] - q["t0"]) <= width}, key=int)
    return dict(shared_session_groups=shared, events_sharing_a_session=sum(len(v) for v in shared),
                distinct_sessions=len(by_session), events_with_overlapping_windows=overlap)


# MARK: - Output


def clean(x):
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items() if k not in ("est_dates",)}
    if isinstance(x, (list, tuple, np.ndarray)):
        return [clean(v) for v in x]
    if isinstance(x, (np.floating, float)):
        return float(x)
    if isinstance(x, (np.integer, int)):
        return int(x)
    return x


def show(prefix, d):
    for k, v in d.items():
        if isinstance(v, (float, np.floating)):
            print(f"{prefix}.{k} = {float(v):.17g}")
        elif isinstance(v, (int, np.integer)):
            print(f"{prefix}.{k} = {int(v)}")


def main():
    out = dict(definitions=__doc__.split("DEFINITIONS", 1)[1].split("Datasets:")[0].strip())

    # 1. tiny
    out["hand_checkable"] = {}
    for case, sessions in (("independent", ["s1", "s2", "s3", "s4", "s5", "s6"]),
                           ("clustered", ["s1", "s1", "s2", "s2", "s3", "s4"])):
        results, rbar, rs = tiny(sessions)
        t = tests(results, rbar)
        print(f"\n# hand-checkable, {case}: sessions {sessions}")
        for i, r in enumerate(results, 1):
            print(f"event {i}: est = [{', '.join(f'{v:.4f}' for v in session_returns(sessions[i - 1])[0])}] "
                  f"evt = {session_returns(sessions[i - 1])[1]}")
            show(f"  e{i}", dict(mu=r["mu"], sigma=r["sigma"], car=r["car"], se=r["se"], scar=r["scar"]))
            print(f"  e{i}.sar = [" + ", ".join(f"{v:.17g}" for v in r["sar"]) + "]")
        print("r_ij (pairs 12,13,...,56) = [" + ", ".join(f"{v:.3g}" for v in rs) + "]")
        show(case, t)
        out["hand_checkable"][case] = dict(
            sessions=sessions,
            events=[dict(estimation_returns=session_returns(s)[0], event_returns=session_returns(s)[1],
                         mu=r["mu"], sigma=r["sigma"], sar=r["sar"], car=r["car"], se=r["se"], scar=r["scar"],
                         nu=r["nu"]) for s, r in zip(sessions, results)],
            pair_correlations=rs, **t)
    ind, clu = out["hand_checkable"]["independent"], out["hand_checkable"]["clustered"]
    assert ind["rbar"] == 0 or abs(ind["rbar"]) < 1e-15
    assert abs(ind["adjusted_bmp_t"] - ind["bmp_t"]) < 1e-12 and abs(ind["adjusted_patell_z"] - ind["patell_z"]) < 1e-12
    assert abs(clu["rbar"] - 2 / 15) < 1e-15
    assert abs(clu["bmp_factor"] - np.sqrt(13 / 25)) < 1e-15 and abs(clu["patell_factor"] - np.sqrt(15 / 25)) < 1e-15

    # 2. fixtures
    events = load_events()
    out["fixtures"] = {}
    for name, series in (("DJIA", load_djia()), ("SSE", load_sse())):
        results = [fixture_event(series, e["date"]) for e in events]
        ids = [e["id"] for e in events]
        rbar, rs = rbar_of(results)
        rbar_cal, _ = rbar_of(results, calendar_corr_factory(results))
        t = tests(results, rbar)
        cl = clustering(results, ids)
        kept, kept_ids, seen = [], [], set()
        for r, i in zip(results, ids):
            if r["t0"] not in seen:
                seen.add(r["t0"])
                kept.append(r)
                kept_ids.append(i)
        rbar_m, _ = rbar_of(kept)
        tm = tests(kept, rbar_m)
        print(f"\n# fixtures, {name}, mean model, estimation -120:-6, window -1:1, 15 events")
        print("clustering:", cl)
        show(f"{name}.all", t)
        print(f"{name}.all.rbar_calendar_dates = {rbar_cal:.17g}  (pairing on common dates; not used)")
        show(f"{name}.merged", tm)
        same = [(ids[i], ids[j]) for (i, j), r in zip([(i, j) for i in range(15) for j in range(i + 1, 15)], rs)
                if abs(r - 1) < 1e-12]
        out["fixtures"][name] = dict(
            events=[dict(id=i, t0=r["t0_date"], L=r["L"], car=r["car"], se=r["se"], scar=r["scar"])
                    for i, r in zip(ids, results)],
            clustering=cl, pairs_with_r_equal_1=same, all_events=t, rbar_calendar_dates=rbar_cal,
            shared_sessions_merged=dict(events=kept_ids, **tm))
        assert len(same) == 3, same
    # the unadjusted numbers equal Derivations/expected.txt (derive_study.py), e.g. SSE BMP t -2.10
    assert round(out["fixtures"]["SSE"]["all_events"]["bmp_t"], 2) == -2.10
    assert round(out["fixtures"]["SSE"]["all_events"]["patell_z"], 2) == -1.78

    OUT.write_text(json.dumps(clean(out), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


main()
