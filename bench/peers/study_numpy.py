#!/usr/bin/env python3
"""The market-model event study of `mlink study --benchmark` in vectorised numpy (see study_common.py).

The best a skilled user writes: no Python loop over events or rows. The panel is read with
pyarrow, laid out as one row per symbol (sessions left-aligned, padded), and per-symbol prefix
sums of the usable-return count, R_m, R, R_m^2, R_m*R and R^2 give every estimation window's
OLS in O(1): for the sums S over [lo, hi), S = P[hi] - P[lo]. Every event x symbol pair is then
one element of (events x symbols) arrays. The one-pass forms S_mm = S_xx - S_x^2 / L etc. lose
a few digits against a two-pass fit, far fewer than the 1e-6 the comparison allows.

Two thresholds are simpler than MarketLink's: `degenerate-benchmark` is S_mm <= 0 and
`zero-variance` sigma^2 <= 0 (MarketLink compares with the largest |return| of the window;
neither arises on the benchmark workload, whose closes never stand still for 240 sessions).
"""

from __future__ import annotations

import csv
import sys


class _NoPandas:
    """pyarrow imports pandas, when installed, on its first array conversion (0.6 s and 50 MB for
    nothing here): make that import fail, which pyarrow takes as "no pandas"."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("study_numpy.py does not use pandas")
        return None


sys.meta_path.insert(0, _NoPandas())

import numpy as np  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
import pyarrow.csv as pacsv  # noqa: E402
from scipy.special import stdtr  # noqa: E402

from study_common import (EXPLANATIONS,  # noqa: E402
                          MINIMUM_ESTIMATION_RETURNS, MODEL, RETURNS, benchmark_missing_explanation,
                          columns, off_data_explanation, parse_args, too_few_explanation)

PAD_DAY = np.iinfo(np.int32).max
EVENTS_PER_BLOCK = 100  # rows are written 100 events at a time


def read_prices(path: str, names: list[str], types: dict) -> pa.Table:
    return pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(include_columns=names, column_types=types))


def day_numbers(column: pa.ChunkedArray) -> np.ndarray:
    return column.cast(pa.int32()).to_numpy()  # date32: days since 1970-01-01


def main() -> None:
    args = parse_args("numpy")
    a, b = args.window
    e1, e2 = args.estimation
    k = b - a + 1
    requested = e2 - e1 + 1
    minimum = min(MINIMUM_ESTIMATION_RETURNS, requested)

    # MARK: Panel, one row per symbol: sessions left-aligned, padded
    table = read_prices(args.panel, ["Date", "Symbol", "Close"],
                        {"Date": pa.date32(), "Symbol": pa.string(), "Close": pa.float64()})
    encoded = table.column("Symbol").combine_chunks().dictionary_encode()
    names = np.array(encoded.dictionary.to_pylist(), dtype=object)
    by_name = np.argsort(names)  # symbols in byte order, as MarketLink lists a panel's series
    rank = np.empty(len(by_name), dtype=np.int32)
    rank[by_name] = np.arange(len(by_name), dtype=np.int32)
    symbol = rank[encoded.indices.to_numpy()]
    names = names[by_name]
    day = day_numbers(table.column("Date"))
    close = table.column("Close").to_numpy()
    del table, encoded
    pa.default_memory_pool().release_unused()
    order = np.lexsort((day, symbol))
    symbol, day, close = symbol[order], day[order], close[order]
    del order
    n_symbols = len(names)
    count = np.bincount(symbol, minlength=n_symbols)
    start = np.concatenate(([0], np.cumsum(count)[:-1]))
    local = np.arange(len(day), dtype=np.int64) - start[symbol]
    width = int(count.max())
    days = np.full((n_symbols, width), PAD_DAY, dtype=np.int32)
    days[symbol, local] = day
    closes = np.full((n_symbols, width), np.nan)
    closes[symbol, local] = close
    del symbol, day, close, local

    # MARK: Returns, and the benchmark's matched on dates
    bench = read_prices(args.benchmark, ["Date", "Close"], {"Date": pa.date32(), "Close": pa.float64()})
    bench_day = day_numbers(bench.column("Date"))
    bench_close = bench.column("Close").to_numpy()
    sort = np.argsort(bench_day, kind="stable")
    bench_day, bench_close = bench_day[sort], bench_close[sort]
    position = np.minimum(np.searchsorted(bench_day, days), len(bench_day) - 1)
    has_bench = bench_day[position] == days  # the benchmark has a close on the session's date
    returns = np.full((n_symbols, width), np.nan)
    np.divide(closes[:, 1:], closes[:, :-1], out=returns[:, 1:])
    returns[:, 1:] -= 1.0
    closes[...] = np.where(has_bench, bench_close[position], np.nan)  # now the benchmark's closes
    del position
    market = np.full((n_symbols, width), np.nan)
    np.divide(closes[:, 1:], closes[:, :-1], out=market[:, 1:])
    market[:, 1:] -= 1.0
    del closes
    usable = np.isfinite(market) & np.isfinite(returns)

    # MARK: Event sessions and statuses, events x symbols
    with open(args.events, newline="", encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    event_day = np.array([np.datetime64(event["date"], "D").astype(np.int64) for event in events],
                         dtype=np.int64)
    n_events = len(events)
    rows = np.arange(n_symbols)[None, :]  # broadcast over events
    first_day = days[:, 0].astype(np.int64)[None, :]
    last_day = days[np.arange(n_symbols), count - 1].astype(np.int64)[None, :]
    t0 = np.empty((n_events, n_symbols), dtype=np.int64)
    for s in range(n_symbols):  # one searchsorted per symbol, over all events
        t0[:, s] = np.searchsorted(days[s, :count[s]], event_day)

    status = np.zeros((n_events, n_symbols), dtype=np.int8)  # index into STATUSES; 0 = ok
    statuses = ["ok"]

    def mark(condition: np.ndarray, name: str) -> np.ndarray:
        statuses.append(name)
        new = condition & (status == 0)
        status[new] = len(statuses) - 1
        return new

    mark(event_day[:, None] < first_day, "before-data")
    mark(event_day[:, None] > last_day, "after-data")
    has_t0 = status == 0
    mark(t0 + b >= count[None, :], "no-end")
    mark(t0 + a < 1, "no-base")
    off_data = mark(t0 + e1 < 1, "estimation-off-data")
    has_estimation_days = status == 0

    # Event window: the k returns and their benchmark pairs.
    session_k = np.clip(t0[:, :, None] + np.arange(a, b + 1)[None, None, :], 0, width - 1)
    event_r = returns[rows[:, :, None], session_k]
    event_m = market[rows[:, :, None], session_k]
    unpaired = ~np.isfinite(event_m)
    missing = mark(unpaired.any(axis=2), "benchmark-missing")
    first_unpaired = np.take_along_axis(session_k, np.argmax(unpaired, axis=2)[:, :, None], axis=2)[:, :, 0]
    missing_session = np.where(has_bench[rows, np.maximum(first_unpaired - 1, 0)], first_unpaired,
                               first_unpaired - 1)
    del session_k, unpaired, has_bench

    # MARK: Estimation windows [lo, hi) from prefix sums, one quantity at a time
    lo = np.clip(t0 + e1, 0, width)
    hi = np.clip(t0 + e2 + 1, 0, width)
    prefix = np.zeros((n_symbols, width + 1))

    def window_sum(values: np.ndarray) -> np.ndarray:
        np.cumsum(values, axis=1, out=prefix[:, 1:])
        return prefix[rows, hi] - prefix[rows, lo]

    length = window_sum(usable).astype(np.int64)
    x = np.where(usable, market, 0.0)
    y = np.where(usable, returns, 0.0)
    del usable, market, returns
    s_x, s_y = window_sum(x), window_sum(y)
    s_xy = window_sum(x * y)
    np.multiply(x, x, out=x)
    s_xx = window_sum(x)
    np.multiply(y, y, out=y)
    s_yy = window_sum(y)
    del x, y, prefix

    computed = status == 0
    too_few = mark(length < minimum, "too-few-estimation-returns")
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_x, mean_y = s_x / length, s_y / length
        s_mm = s_xx - s_x * mean_x
        c_xy = s_xy - s_x * mean_y
        c_yy = s_yy - s_y * mean_y
        del s_x, s_y, s_xx, s_xy, s_yy
        mark(~(s_mm > 0), "degenerate-benchmark")
        fit = status == 0  # ok and zero-variance rows carry alpha, beta, the ARs and the CAR
        beta = c_xy / s_mm
        alpha = mean_y - beta * mean_x
        sigma2 = (c_yy - beta * c_xy) / (length - 2)
        mark(~(sigma2 > 0), "zero-variance")
        ok = status == 0
        ar = event_r - alpha[:, :, None] - beta[:, :, None] * event_m
        car = ar.sum(axis=2)
        deviation = event_m.sum(axis=2) - k * mean_x
        se = np.sqrt(sigma2 * (k + k * k / length + deviation * deviation / s_mm))
        sigma = np.sqrt(sigma2)
        t = car / se
        df = length - 2
        p = 2.0 * stdtr(np.where(ok, df, 1), -np.abs(t))
        sigma_units = car / (sigma * np.sqrt(k))
    del event_r, event_m, deviation, c_xy, c_yy, s_mm, sigma2, mean_y
    for array in (alpha, sigma, ar, car, se):  # written in percent
        array *= 100.0

    # MARK: Output, event order then symbol order, a block of events at a time
    # Text columns are gathered (pyarrow.compute.take) from small arrays of their distinct values.
    status_names = pa.array(statuses)
    texts = [EXPLANATIONS.get(name, "") for name in statuses]  # then one text per special row
    explanation_index = status.astype(np.int64)
    first_iso = days[:, 0].astype("datetime64[D]").astype(str)
    available = np.maximum(0, (t0 + e2) - np.maximum(t0 + e1, 1) + 1)
    missing_day = days[rows, np.clip(missing_session, 0, width - 1)].astype("datetime64[D]")
    for mask, text in ((off_data, lambda e, s: off_data_explanation(requested, int(available[e, s]), first_iso[s])),
                       (missing, lambda e, s: benchmark_missing_explanation(str(missing_day[e, s]))),
                       (too_few, lambda e, s: too_few_explanation(int(length[e, s]), minimum, requested - int(length[e, s])))):
        for e, s in zip(*np.nonzero(mask)):
            explanation_index[e, s] = len(texts)
            texts.append(text(e, s))
    texts = pa.array(texts)
    dropped = np.where(computed, requested - length, 0)

    def clip(sessions: np.ndarray) -> np.ndarray:
        return days[rows, np.clip(sessions, 0, width - 1)]

    session_day, first_est, last_est = clip(t0), clip(t0 + e1), clip(t0 + e2)
    ar_names = columns(args.window)[17:17 + k]
    event_fields = {field: pa.array([event[field] for event in events]) for field in ("id", "date", "title", "tags")}
    names = pa.array(names.tolist())

    def block(events_slice: slice) -> pa.Table:
        n = (events_slice.stop - events_slice.start) * n_symbols
        event_index = np.repeat(np.arange(events_slice.start, events_slice.stop), n_symbols)

        def flat(array: np.ndarray, where: np.ndarray) -> pa.Array:
            return pa.array(array[events_slice].ravel(), mask=~where[events_slice].ravel())

        def dates(array: np.ndarray, where: np.ndarray) -> pa.Array:
            return pa.array(array[events_slice].ravel().astype("datetime64[D]"), mask=~where[events_slice].ravel())

        data = {field: pc.take(event_fields[source], event_index)
                for field, source in (("event_id", "id"), ("event_date", "date"), ("event_title", "title"),
                                      ("tags", "tags"))}
        data.update({
            "series": pc.take(names, np.tile(np.arange(n_symbols), events_slice.stop - events_slice.start)),
            "model": pa.repeat(MODEL, n),
            "returns": pa.repeat(RETURNS, n),
            "window": pa.repeat(f"{a}:{b}", n),
            "event_session": dates(session_day, has_t0),
            "estimation_first": dates(first_est, has_estimation_days),
            "estimation_last": dates(last_est, has_estimation_days),
            "estimation_returns": flat(length, computed),
            "dropped_benchmark": pa.array(dropped[events_slice].ravel()),
            "dropped_clean": pa.repeat(0, n),
            "alpha_percent": flat(alpha, fit),
            "beta": flat(beta, fit),
            "sigma_percent": flat(sigma, ok),
        })
        for position, name in enumerate(ar_names):
            data[name] = flat(ar[:, :, position], fit)
        data.update({
            "car_percent": flat(car, fit),
            "se_percent": flat(se, ok),
            "t": flat(t, ok),
            "df": flat(df, ok),
            "p": flat(p, ok),
            "sigma_units": flat(sigma_units, ok),
            "bhar_percent": pa.nulls(n, pa.float64()),
            "status": pc.take(status_names, status[events_slice].ravel()),
            "explanation": pc.take(texts, explanation_index[events_slice].ravel()),
        })
        return pa.table(data)

    writer = None
    for first in range(0, n_events, EVENTS_PER_BLOCK):
        part = block(slice(first, min(first + EVENTS_PER_BLOCK, n_events)))
        if writer is None:
            writer = pacsv.CSVWriter(args.output, part.schema)
        writer.write_table(part)
    if writer is None:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(",".join(f'"{name}"' for name in columns(args.window)) + "\n")
    else:
        writer.close()


if __name__ == "__main__":
    main()
