"""What every peer script shares: the command line, the windows and the output columns.

The job (DESIGN section 2, `mlink changes --align next`): for each event x symbol x window
[a, b], t0 is the symbol's first session dated on or after the event date; the base is
session t0+a-1 and the end is session t0+b, counted in that symbol's own sessions. A row is
written only when both exist (MarketLink's status "ok"):
    points  = end_close - base_close
    percent = 100 * (end_close / base_close - 1)
Rows are ordered by event (file order), then symbol, then window (command-line order).
"""

from __future__ import annotations

import argparse
import sys

COLUMNS = [
    "event_id", "event_date", "event_title", "tags", "series", "window",
    "base_date", "base_close", "end_date", "end_close", "points", "percent", "status",
]

DEFAULT_WINDOWS = ["-1:1", "0:0", "0:5", "-5:5"]


def parse_args(tool: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=f"Event-window changes for every symbol of a panel, with {tool}.")
    parser.add_argument("--events", required=True, help="events CSV (id,date,title,tags)")
    parser.add_argument("panel", help="panel CSV (Date,Symbol,...,Close,...)")
    parser.add_argument("--window", action="append", help="A:B, repeatable (default: %s)"
                        % " ".join(DEFAULT_WINDOWS))
    parser.add_argument("-o", "--output", required=True, help="output CSV")
    args = parser.parse_args(_attach_window_values(sys.argv[1:]))
    labels = args.window or DEFAULT_WINDOWS
    windows = []
    for label in labels:
        a, b = (int(part) for part in label.split(":"))
        if a > b:
            parser.error(f"window {label}: start after end")
        windows.append((f"{a}:{b}", a, b))
    args.windows = windows
    return args


def _attach_window_values(argv: list[str]) -> list[str]:
    """Turn `--window -1:1` into `--window=-1:1`: argparse takes "-1:1" for an option."""
    joined: list[str] = []
    index = 0
    while index < len(argv):
        if argv[index] == "--window" and index + 1 < len(argv):
            joined.append(f"--window={argv[index + 1]}")
            index += 2
        else:
            joined.append(argv[index])
            index += 1
    return joined
