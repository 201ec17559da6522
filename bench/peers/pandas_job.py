#!/usr/bin/env python3
"""The change table of `mlink changes --align next`, computed with pandas (see common.py).

t0 comes from `merge_asof(direction="forward", by="Symbol")`; base and end sessions are
found by offsetting t0's row number in the symbol-sorted panel and checking the offset
stays inside the symbol's own rows. No Python loop touches rows; the loop is over windows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from common import COLUMNS, parse_args


def main() -> None:
    args = parse_args("pandas")

    panel = pd.read_csv(
        args.panel,
        usecols=["Date", "Symbol", "Close"],
        dtype={"Date": str, "Symbol": str, "Close": "float64"},
        keep_default_na=False,
    )
    panel = panel.sort_values(["Symbol", "Date"], kind="stable", ignore_index=True)
    panel["day"] = pd.to_datetime(panel["Date"], format="%Y-%m-%d")
    panel["row"] = np.arange(len(panel), dtype=np.int64)
    symbol_groups = panel.groupby("Symbol", sort=False)
    panel["pos"] = symbol_groups.cumcount()
    panel["count"] = symbol_groups["row"].transform("size")

    events = pd.read_csv(args.events, dtype=str, keep_default_na=False)
    events["event_order"] = np.arange(len(events), dtype=np.int64)
    events["day"] = pd.to_datetime(events["date"], format="%Y-%m-%d")

    symbols = pd.DataFrame({"Symbol": panel["Symbol"].unique()})
    symbols["symbol_order"] = np.arange(len(symbols), dtype=np.int64)
    pairs = events.merge(symbols, how="cross").sort_values("day", kind="stable")

    # t0: the first session on or after the event date, per symbol.
    sessions = panel[["day", "Symbol", "row", "pos", "count"]].sort_values("day", kind="stable")
    pairs = pd.merge_asof(pairs, sessions, on="day", by="Symbol", direction="forward")
    pairs = pairs.dropna(subset=["row"])
    t0_row = pairs["row"].to_numpy(np.int64)
    t0_pos = pairs["pos"].to_numpy(np.int64)
    count = pairs["count"].to_numpy(np.int64)

    # One (pair, window, base row, end row) per ok row; order them by event, symbol and
    # window with integer keys before any text column is gathered.
    pair_parts, window_parts, base_parts, end_parts = [], [], [], []
    for window_order, (_, a, b) in enumerate(args.windows):
        ok = (t0_pos + a - 1 >= 0) & (t0_pos + b < count)
        pair_parts.append(np.flatnonzero(ok))
        window_parts.append(np.full(int(ok.sum()), window_order, dtype=np.int64))
        base_parts.append(t0_row[ok] + a - 1)
        end_parts.append(t0_row[ok] + b)
    pair = np.concatenate(pair_parts)
    window = np.concatenate(window_parts)
    base = np.concatenate(base_parts)
    end = np.concatenate(end_parts)
    order = np.lexsort((window, pairs["symbol_order"].to_numpy()[pair],
                        pairs["event_order"].to_numpy()[pair]))
    pair, window, base, end = pair[order], window[order], base[order], end[order]

    chosen = pairs.iloc[pair].reset_index(drop=True)
    closes = panel["Close"].to_numpy()
    base_close = closes[base]
    end_close = closes[end]
    labels = np.array([label for label, _, _ in args.windows], dtype=object)
    table = pd.DataFrame({
        "event_id": chosen["id"],
        "event_date": chosen["date"],
        "event_title": chosen["title"],
        "tags": chosen["tags"],
        "series": chosen["Symbol"],
        "window": labels[window],
        "base_date": panel["Date"].take(base).reset_index(drop=True),
        "base_close": base_close,
        "end_date": panel["Date"].take(end).reset_index(drop=True),
        "end_close": end_close,
        "points": end_close - base_close,
        "percent": 100.0 * (end_close / base_close - 1.0),
        "status": "ok",
    })
    table.to_csv(args.output, columns=COLUMNS, index=False)


if __name__ == "__main__":
    main()
