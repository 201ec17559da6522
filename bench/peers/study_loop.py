#!/usr/bin/env python3
"""The market-model event study as most users write it: a loop over events and symbols with one
regression each (see study_common.py for the job).

pandas reads the panel and the benchmark and computes each symbol's returns and matched
benchmark returns once; then, for every event and every symbol, the estimation window is cut
out, the market model is fitted with numpy.linalg.lstsq, and the CAR and its test are computed
for that pair alone (scipy.stats for the p-value). Nothing clever, nothing wrong.

It takes minutes on the whole workload, so the benchmark runs it on --sample N events spread
evenly over the file and extrapolates; --timing FILE writes the seconds spent loading, in the
loop and writing, so that the extrapolation can keep the one-off costs apart.
"""

from __future__ import annotations

import csv
import json
import math
import time

import numpy as np
import pandas as pd
from scipy import stats

from study_common import (EXPLANATIONS, MINIMUM_ESTIMATION_RETURNS, MODEL, RETURNS, benchmark_missing_explanation,
                          columns, off_data_explanation, parse_args, too_few_explanation)


def options(parser) -> None:
    parser.add_argument("--sample", type=int, default=0,
                        help="study only N events spread evenly over the file (default 0: all)")
    parser.add_argument("--timing", help="write the seconds spent per phase to this JSON file")


def percent(value: float) -> str:
    return repr(100.0 * float(value))


def main() -> None:
    started = time.perf_counter()
    args = parse_args("a loop over events", options)
    a, b = args.window
    e1, e2 = args.estimation
    k = b - a + 1
    requested = e2 - e1 + 1
    minimum = min(MINIMUM_ESTIMATION_RETURNS, requested)

    panel = pd.read_csv(args.panel, usecols=["Date", "Symbol", "Close"], dtype={"Symbol": str},
                        keep_default_na=False)
    panel["Date"] = pd.to_datetime(panel["Date"], format="%Y-%m-%d")
    panel = panel.sort_values(["Symbol", "Date"], kind="stable")
    bench = pd.read_csv(args.benchmark, usecols=["Date", "Close"])
    bench["Date"] = pd.to_datetime(bench["Date"], format="%Y-%m-%d")
    bench = bench.set_index("Date")["Close"].sort_index()
    series = []
    for symbol, group in panel.groupby("Symbol", sort=True):
        dates = group["Date"].to_numpy().astype("datetime64[D]")
        closes = group["Close"].to_numpy()
        bench_closes = bench.reindex(group["Date"]).to_numpy()  # NaN where the benchmark has no close
        returns = np.full(len(closes), np.nan)
        returns[1:] = closes[1:] / closes[:-1] - 1.0
        market = np.full(len(closes), np.nan)
        market[1:] = bench_closes[1:] / bench_closes[:-1] - 1.0
        series.append((symbol, dates, returns, market, ~np.isnan(bench_closes)))
    with open(args.events, newline="", encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    if args.sample and args.sample < len(events):
        picks = sorted({round(i * (len(events) - 1) / max(args.sample - 1, 1)) for i in range(args.sample)})
        events = [events[i] for i in picks]
    loaded = time.perf_counter()

    out = []
    for event in events:
        event_day = np.datetime64(event["date"], "D")
        for symbol, dates, returns, market, has_bench in series:
            row = dict.fromkeys(columns(args.window), "")
            row.update(event_id=event["id"], event_date=event["date"], event_title=event["title"],
                       tags=event["tags"], series=symbol, model=MODEL, returns=RETURNS, window=f"{a}:{b}",
                       dropped_benchmark=0, dropped_clean=0)
            out.append(row)
            n = len(dates)
            if event_day < dates[0]:
                row["status"] = "before-data"
            elif event_day > dates[-1]:
                row["status"] = "after-data"
            if row["status"]:
                row["explanation"] = EXPLANATIONS[row["status"]]
                continue
            t0 = int(np.searchsorted(dates, event_day))
            row["event_session"] = str(dates[t0])
            if t0 + b >= n:
                row["status"] = "no-end"
            elif t0 + a < 1:
                row["status"] = "no-base"
            if row["status"]:
                row["explanation"] = EXPLANATIONS[row["status"]]
                continue
            if t0 + e1 < 1:
                available = max(0, t0 + e2 - max(t0 + e1, 1) + 1)
                row["status"] = "estimation-off-data"
                row["explanation"] = off_data_explanation(requested, available, str(dates[0]))
                continue
            row["estimation_first"], row["estimation_last"] = str(dates[t0 + e1]), str(dates[t0 + e2])

            event_r = returns[t0 + a:t0 + b + 1]
            event_m = market[t0 + a:t0 + b + 1]
            gaps = np.flatnonzero(np.isnan(event_m))
            if len(gaps):
                i = t0 + a + int(gaps[0])
                lacking = i if has_bench[i - 1] else i - 1
                row["status"] = "benchmark-missing"
                row["explanation"] = benchmark_missing_explanation(str(dates[lacking]))
                continue

            y = returns[t0 + e1:t0 + e2 + 1]
            x = market[t0 + e1:t0 + e2 + 1]
            keep = ~np.isnan(x)
            y, x = y[keep], x[keep]
            length = len(y)
            row["estimation_returns"] = length
            row["dropped_benchmark"] = requested - length
            if length < minimum:
                row["status"] = "too-few-estimation-returns"
                row["explanation"] = too_few_explanation(length, minimum, requested - length)
                continue
            mean_x = x.mean()
            s_mm = float(((x - mean_x) ** 2).sum())
            if not s_mm > 0:
                row["status"] = "degenerate-benchmark"
                row["explanation"] = EXPLANATIONS[row["status"]]
                continue
            design = np.column_stack([np.ones(length), x])
            (alpha, beta), *_ = np.linalg.lstsq(design, y, rcond=None)
            residuals = y - design @ np.array([alpha, beta])
            sigma2 = float(residuals @ residuals) / (length - 2)
            ar = event_r - alpha - beta * event_m
            car = float(ar.sum())
            row.update(alpha_percent=percent(alpha), beta=repr(float(beta)), car_percent=percent(car))
            for name, value in zip(columns(args.window)[17:17 + k], ar):
                row[name] = percent(value)
            if not sigma2 > 0:
                row["status"] = "zero-variance"
                row["explanation"] = EXPLANATIONS[row["status"]]
                continue
            deviation = float((event_m - mean_x).sum())
            se = math.sqrt(sigma2 * (k + k * k / length + deviation * deviation / s_mm))
            sigma = math.sqrt(sigma2)
            t = car / se
            row.update(sigma_percent=percent(sigma), se_percent=percent(se), t=repr(t), df=length - 2,
                       p=repr(float(2.0 * stats.t.sf(abs(t), length - 2))),
                       sigma_units=repr(car / (sigma * math.sqrt(k))), status="ok",
                       explanation=EXPLANATIONS["ok"])
    looped = time.perf_counter()

    with open(args.output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns(args.window), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    if args.timing:
        with open(args.timing, "w", encoding="utf-8") as handle:
            json.dump({"load": loaded - started, "loop": looped - loaded, "write": time.perf_counter() - looped,
                       "events": len(events), "symbols": len(series)}, handle)
            handle.write("\n")


if __name__ == "__main__":
    main()
