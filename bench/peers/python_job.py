#!/usr/bin/env python3
"""The change table of `mlink changes --align next` in plain Python (see common.py).

A slow, obvious implementation with loops and `bisect`, used to cross-check the vectorised
peers and MarketLink on small inputs. It is not one of the timed peers.
"""

from __future__ import annotations

import bisect
import csv

from common import COLUMNS, parse_args


def main() -> None:
    args = parse_args("plain Python")
    sessions: dict[str, tuple[list[str], list[float]]] = {}
    with open(args.panel, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            dates, closes = sessions.setdefault(row["Symbol"], ([], []))
            dates.append(row["Date"])
            closes.append(float(row["Close"]))
    for symbol, (dates, closes) in sessions.items():
        order = sorted(range(len(dates)), key=dates.__getitem__)
        sessions[symbol] = ([dates[i] for i in order], [closes[i] for i in order])

    with open(args.events, newline="", encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))

    with open(args.output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for event in events:
            for symbol in sorted(sessions):
                dates, closes = sessions[symbol]
                t0 = bisect.bisect_left(dates, event["date"])  # ISO dates sort as text
                if t0 == len(dates):
                    continue
                for label, a, b in args.windows:
                    base, end = t0 + a - 1, t0 + b
                    if base < 0 or end >= len(dates):
                        continue
                    writer.writerow([
                        event["id"], event["date"], event["title"], event["tags"], symbol, label,
                        dates[base], repr(closes[base]), dates[end], repr(closes[end]),
                        repr(closes[end] - closes[base]),
                        repr(100.0 * (closes[end] / closes[base] - 1.0)), "ok",
                    ])


if __name__ == "__main__":
    main()
