#!/usr/bin/env python3
"""The change table of `mlink changes --align next`, computed with polars (see common.py).

t0 comes from `join_asof(strategy="forward", by="Symbol")`; base and end sessions are
found by offsetting t0's row index in the symbol-sorted panel and gathering closes and
dates at those indices. No Python loop touches rows; the loop is over windows.
"""

from __future__ import annotations

import polars as pl

from common import COLUMNS, parse_args


def main() -> None:
    args = parse_args("polars")

    panel = (
        pl.scan_csv(args.panel, schema_overrides={"Date": pl.Date, "Symbol": pl.String,
                                                  "Close": pl.Float64})
        .select("Date", "Symbol", "Close")
        .sort("Symbol", "Date")
        .with_row_index("row")
        .with_columns(pl.col("row").cast(pl.Int64))  # signed: offsets below zero must stay negative
        .with_columns(
            pos=pl.col("row") - pl.col("row").min().over("Symbol"),
            count=pl.len().over("Symbol").cast(pl.Int64),
        )
        .collect()
    )

    events = (
        pl.read_csv(args.events, infer_schema=False)
        .with_row_index("event_order")
        .with_columns(day=pl.col("date").str.to_date("%Y-%m-%d"))
    )
    symbols = (
        panel.select(pl.col("Symbol").unique(maintain_order=True))
        .with_row_index("symbol_order")
    )

    # t0: the first session on or after the event date, per symbol.
    sessions = panel.select("Date", "Symbol", "row", "pos", "count").sort("Date")
    pairs = (
        events.join(symbols, how="cross")
        .sort("day")
        .join_asof(sessions, left_on="day", right_on="Date", by="Symbol",
                   strategy="forward", check_sortedness=False)
        .drop_nulls("row")
    )

    parts = []
    for window_order, (label, a, b) in enumerate(args.windows):
        parts.append(
            pairs.filter((pl.col("pos") + a - 1 >= 0) & (pl.col("pos") + b < pl.col("count")))
            .select(
                "event_order", "symbol_order",
                pl.lit(window_order).alias("window_order"),
                pl.col("id").alias("event_id"),
                pl.col("date").alias("event_date"),
                pl.col("title").alias("event_title"),
                "tags",
                pl.col("Symbol").alias("series"),
                pl.lit(label).alias("window"),
                (pl.col("row") + (a - 1)).alias("base_row"),
                (pl.col("row") + b).alias("end_row"),
            )
        )
    table = pl.concat(parts)
    base, end = table["base_row"], table["end_row"]
    base_close = panel["Close"].gather(base)
    end_close = panel["Close"].gather(end)
    table = (
        table.with_columns(
            base_date=panel["Date"].gather(base),
            base_close=base_close,
            end_date=panel["Date"].gather(end),
            end_close=end_close,
            points=end_close - base_close,
            percent=100.0 * (end_close / base_close - 1.0),
            status=pl.lit("ok"),
        )
        .sort("event_order", "symbol_order", "window_order")
        .select(COLUMNS)
    )
    table.write_csv(args.output)


if __name__ == "__main__":
    main()
