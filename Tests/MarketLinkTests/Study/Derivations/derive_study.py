"""Expected numbers for the event-study and correlation tests on the bundled fixtures, computed
independently of the Swift code: the fixture CSVs are parsed here with the csv module, sessions,
returns and windows are counted from the definitions in docs/STATISTICS.md and DESIGN.md §2, and the
statistics come from numpy and scipy (matrix forms where the Swift code uses closed forms).

Run from the repository root, in a throwaway virtual environment outside the repository:

    python3 -m venv /tmp/studyvenv && /tmp/studyvenv/bin/pip install numpy scipy
    /tmp/studyvenv/bin/python Tests/MarketLinkTests/Study/Derivations/derive_study.py \
        > Tests/MarketLinkTests/Study/Derivations/expected.txt
"""

import csv
import datetime as dt
import re

import numpy as np
from scipy import stats

ROOT = "."


def show(name, value):
    if isinstance(value, (list, tuple, np.ndarray)):
        print(f"{name} = [" + ", ".join(f"{float(v):.17g}" for v in value) + "]")
    elif isinstance(value, (int, np.integer)):
        print(f"{name} = {int(value)}")
    else:
        print(f"{name} = {float(value):.17g}")


# MARK: - Fixtures


def load_djia():
    """FRED (old): DATE,DJIA with '.' on holidays."""
    out = []
    with open(f"{ROOT}/fixtures/djia.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["DJIA"].strip() == ".":
                continue
            out.append((dt.date.fromisoformat(row["DATE"]), float(row["DJIA"])))
    return out


def load_sse():
    """Investing.com Chinese: BOM, 日期,收盘,..., 2023年6月30日, "3,202.06", newest first."""
    out = []
    with open(f"{ROOT}/fixtures/sse.csv", newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            y, m, d = map(int, re.match(r"(\d+)年(\d+)月(\d+)日", row["日期"]).groups())
            out.append((dt.date(y, m, d), float(row["收盘"].replace(",", ""))))
    return sorted(out)


def load_sp500():
    """Yahoo download: Date,...,Close,... (float32 noise kept as written)."""
    out = []
    with open(f"{ROOT}/fixtures/sp500.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["Close"] == "null":
                continue
            out.append((dt.date.fromisoformat(row["Date"]), float(row["Close"])))
    return out


def load_events():
    with open(f"{ROOT}/fixtures/events-2023.csv", newline="") as f:
        return [
            dict(id=r["id"], date=dt.date.fromisoformat(r["date"]), tags=r["tags"].split(";"), score=float(r["score"]))
            for r in csv.DictReader(f)
        ]


def t0_index(series, day):
    """First session dated on or after the event date."""
    for i, (d, _) in enumerate(series):
        if d >= day:
            return i
    return None


def simple_return(series, i):
    return series[i][1] / series[i - 1][1] - 1


# MARK: - One event


def mean_model(series, t0, window=(-1, 1), estimation=(-120, -6)):
    est = np.array([simple_return(series, t0 + j) for j in range(estimation[0], estimation[1] + 1)])
    ev = np.array([simple_return(series, t0 + j) for j in range(window[0], window[1] + 1)])
    L, k = len(est), len(ev)
    mu = est.mean()
    ar = ev - mu
    car = ar.sum()
    sigma2 = est.var(ddof=1)
    # V = sigma^2 [I + X*(X'X)^-1 X*'] with X a column of ones (CLM 4.4.8)
    X = np.ones((L, 1))
    Xs = np.ones((k, 1))
    V = sigma2 * (np.eye(k) + Xs @ np.linalg.inv(X.T @ X) @ Xs.T)
    g = np.ones(k)
    var = g @ V @ g
    se = np.sqrt(var)
    t = car / se
    p = 2 * stats.t.sf(abs(t), L - 1)
    return dict(L=L, mu=mu, ar=ar, car=car, sigma=np.sqrt(sigma2), var=var, se=se, t=t, df=L - 1, p=p,
                sigma_units=car / (np.sqrt(sigma2) * np.sqrt(k)), est_ar=est - mu,
                partial_se=[np.sqrt(np.ones(j) @ V[:j, :j] @ np.ones(j)) for j in range(1, k + 1)])


def market_model(series, bench, t0, window=(-1, 1), estimation=(-120, -6)):
    bdates = {d: c for d, c in bench}

    def pair(i):
        d0, d1 = series[i - 1][0], series[i][0]
        return simple_return(series, i), bdates[d1] / bdates[d0] - 1

    est = np.array([pair(t0 + j) for j in range(estimation[0], estimation[1] + 1)])
    ev = np.array([pair(t0 + j) for j in range(window[0], window[1] + 1)])
    L, k = len(est), len(ev)
    X = np.column_stack([np.ones(L), est[:, 1]])
    coef, ssr, *_ = np.linalg.lstsq(X, est[:, 0], rcond=None)
    alpha, beta = coef
    lin = stats.linregress(est[:, 1], est[:, 0])
    assert abs(lin.slope - beta) < 1e-12 and abs(lin.intercept - alpha) < 1e-12
    resid = est[:, 0] - X @ coef
    sigma2 = resid @ resid / (L - 2)
    Xs = np.column_stack([np.ones(k), ev[:, 1]])
    V = sigma2 * (np.eye(k) + Xs @ np.linalg.inv(X.T @ X) @ Xs.T)
    ar = ev[:, 0] - Xs @ coef
    car = ar.sum()
    var = np.ones(k) @ V @ np.ones(k)
    se = np.sqrt(var)
    t = car / se
    return dict(L=L, alpha=alpha, beta=beta, ar=ar, car=car, sigma=np.sqrt(sigma2), se=se, t=t, df=L - 2,
                p=2 * stats.t.sf(abs(t), L - 2), sigma_units=car / (np.sqrt(sigma2) * np.sqrt(k)))


# MARK: - Across events


def cross_section(results):
    cars = np.array([r["car"] for r in results])
    ses = np.array([r["se"] for r in results])
    dfs = np.array([r["df"] for r in results], dtype=float)
    scar = cars / ses
    N = len(results)
    out = dict(N=N, caar=cars.mean())
    cs = stats.ttest_1samp(cars, 0.0)
    out["cs_t"], out["cs_p"] = cs.statistic, cs.pvalue
    z = scar.sum() / np.sqrt((dfs / (dfs - 2)).sum())
    out["patell_z"], out["patell_p"] = z, 2 * stats.norm.sf(abs(z))
    bmp = stats.ttest_1samp(scar, 0.0)
    out["bmp_t"], out["bmp_p"] = bmp.statistic, bmp.pvalue
    # Corrado rank (Cowan 1992 multi-day, standardized ranks U = K/(T+1)); all events have equal L
    # here, so event time lines up position by position.
    k = len(results[0]["ar"])
    U = np.array([stats.rankdata(np.concatenate([r["est_ar"], r["ar"]])) / (len(r["est_ar"]) + k + 1) - 0.5
                  for r in results])
    ubar = U.mean(axis=0)
    su = np.sqrt((ubar ** 2).mean())
    z = ubar[-k:].sum() / (np.sqrt(k) * su)
    out["corrado_z"], out["corrado_p"] = z, 2 * stats.norm.sf(abs(z))
    w = (cars > 0).sum()
    phat = np.mean([(r["est_ar"] > 0).mean() for r in results])
    z = (w - N * phat) / np.sqrt(N * phat * (1 - phat))
    out["sign_z"], out["sign_p"] = z, 2 * stats.norm.sf(abs(z))
    return out


def main():
    djia, sse, spx = load_djia(), load_sse(), load_sp500()
    events = load_events()
    print(f"# sessions: DJIA {len(djia)}, SSE {len(sse)}, S&P 500 {len(spx)}")

    print("\n# t0 per event (first session on or after the date)")
    for e in events:
        print(f"event {e['id']}: DJIA {djia[t0_index(djia, e['date'])][0]} SSE {sse[t0_index(sse, e['date'])][0]}")

    for name, series, eid in [("DJIA", djia, "11"), ("SSE", sse, "15"), ("SSE", sse, "5")]:
        e = next(x for x in events if x["id"] == eid)
        t0 = t0_index(series, e["date"])
        r = mean_model(series, t0)
        print(f"\n# mean model, window -1:1, estimation -120:-6, {name} event {eid} (t0 {series[t0][0]}, "
              f"estimation {series[t0 - 120][0]} .. {series[t0 - 6][0]})")
        for key in ["L", "mu", "ar", "car", "sigma", "var", "se", "t", "df", "p", "sigma_units", "partial_se"]:
            show(f"{name}.{eid}.{key}", r[key])

    e = next(x for x in events if x["id"] == "11")
    t0 = t0_index(djia, e["date"])
    r = market_model(djia, spx, t0)
    print("\n# market model on the S&P 500, window -1:1, estimation -120:-6, DJIA event 11")
    for key in ["L", "alpha", "beta", "ar", "car", "sigma", "se", "t", "df", "p", "sigma_units"]:
        show(f"DJIA.mm.11.{key}", r[key])

    for name, series in [("SSE", sse), ("DJIA", djia)]:
        results = [mean_model(series, t0_index(series, e["date"])) for e in events]
        cs = cross_section(results)
        print(f"\n# across all 15 events, mean model, {name}")
        for key, value in cs.items():
            show(f"{name}.all.{key}", value)
        meeting = [r for r, e in zip(results, events) if "meeting" in e["tags"]]
        cs = cross_section(meeting)
        print(f"# across the 4 events tagged meeting, {name}")
        for key, value in cs.items():
            show(f"{name}.meeting.{key}", value)

    print("\n# correlate, window -1:1: percent moves from close t0-2 to close t0+1")
    moves = {}
    periods = {}
    for name, series in [("DJIA", djia), ("SSE", sse)]:
        mv = []
        for e in events:
            t0 = t0_index(series, e["date"])
            mv.append(100 * (series[t0 + 1][1] / series[t0 - 2][1] - 1))
            periods.setdefault("start", []).append(series[t0 - 2][0])
            periods.setdefault("end", []).append(series[t0 + 1][0])
        moves[name] = np.array(mv)
        show(f"moves.{name}", mv)
    pr = stats.pearsonr(moves["DJIA"], moves["SSE"])
    sr = stats.spearmanr(moves["DJIA"], moves["SSE"])
    show("DJIA~SSE.pearson", [pr.statistic, pr.pvalue])
    show("DJIA~SSE.spearman", [sr.statistic, sr.pvalue])
    scores = np.array([e["score"] for e in events])
    for name in ["DJIA", "SSE"]:
        pr = stats.pearsonr(scores, moves[name])
        sr = stats.spearmanr(scores, moves[name])
        show(f"score~{name}.pearson", [pr.statistic, pr.pvalue])
        show(f"score~{name}.spearman", [sr.statistic, sr.pvalue])
    start, end = min(periods["start"]), max(periods["end"])
    print(f"daily period: {start} .. {end}")
    a = {d: c for d, c in djia}
    b = {d: c for d, c in sse}
    common = sorted(d for d in a if d in b and start <= d <= end)
    ra = np.array([a[common[j]] / a[common[j - 1]] - 1 for j in range(1, len(common))])
    rb = np.array([b[common[j]] / b[common[j - 1]] - 1 for j in range(1, len(common))])
    show("daily.n", len(ra))
    pr = stats.pearsonr(ra, rb)
    sr = stats.spearmanr(ra, rb)
    show("daily.pearson", [pr.statistic, pr.pvalue])
    show("daily.spearman", [sr.statistic, sr.pvalue])


main()
