#!/usr/bin/env python3
"""Generate MarketLink's reference performance workload (DESIGN section 5).

Writes two files into --out:

  panel.csv   Date,Symbol,Open,High,Low,Close,Volume, sorted by symbol then date.
              Trading days are the weekdays of --years calendar years starting at
              --start-year, less ~3.6% of them drawn at random as holidays (the same
              holidays for every symbol). About 30% of symbols start at a random
              session in the first half of the period; every symbol misses ~0.4% of
              its sessions (the row is absent). Closes follow a geometric random walk
              rounded to 2 decimals; Open/High/Low are consistent with the close
              (Low <= min(Open, Close) <= max(Open, Close) <= High); Volume is an integer.
  events.csv  id,date,title,tags: --events distinct calendar dates (weekends included)
              drawn from the second year on, titles quoted and containing commas and
              doubled quotes, tags such as "diplomacy;thaw".
  meta.json   the parameters and the counts of what was written.

Everything is drawn from random.Random(--seed), so the same flags give the same bytes.
Only the Python standard library is used.

Default size: 500 symbols x 20 years, about 2.3 million rows and 121 MB.
--scale multiplies the number of symbols (0.25 -> 125 symbols, 4 -> 2000), which
multiplies the panel rows and the change rows by the same factor.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import math
import os
import random
import sys

# Fractions stated by DESIGN section 5 and issue 6.
HOLIDAY_FRACTION = 0.036
LATE_START_FRACTION = 0.30
MISSING_FRACTION = 0.004

# Strings that common CSV readers turn into missing values or booleans; never used as tickers.
RESERVED_TICKERS = {"NA", "NAN", "NAT", "NULL", "NONE", "TRUE", "FALSE", "INF", "NIL"}

TITLE_SUBJECTS = [
    "Talks", "Summit", "Trade envoy", "Central bank", "Finance ministers", "Parliament",
    "Negotiators", "Foreign minister", "Energy ministers", "Regulators", "Election board",
    "Coalition partners", "Tariff committee", "Delegation", "Prime minister",
    "Ministère des Finances", "São Paulo governor", "Customs office",
]
TITLE_VERBS = [
    "resume", "stall", "end early", "announce new round", "delay decision", "sign accord",
    "issue joint statement", "extend deadline", "walk out", "publish sanction list",
    "raise rates", "hold rates", "visit capital", "meet in Geneva",
]
TITLE_QUOTES = [
    "cautiously", "constructive", "frank", "no deal", "progress", "red lines",
    "productive", "difficult", "historic", "on track",
]
TITLE_TAILS = [
    "optimistic", "sources say", "markets watch", "officials confirm", "analysts split",
    "details to follow", "statement reads", "aides say",
]
TAGS = [
    "diplomacy", "thaw", "escalation", "sanctions", "trade", "summit", "election",
    "energy", "rates", "tariffs", "visit", "security",
]


# MARK: - Calendar


def trading_days(rng: random.Random, start_year: int, years: int) -> list[dt.date]:
    """Weekdays of [start_year, start_year + years) less a random HOLIDAY_FRACTION of them."""
    first = dt.date(start_year, 1, 1)
    last = dt.date(start_year + years, 1, 1)
    weekdays = []
    day = first
    one = dt.timedelta(days=1)
    while day < last:
        if day.weekday() < 5:
            weekdays.append(day)
        day += one
    holidays = set(rng.sample(range(len(weekdays)), round(HOLIDAY_FRACTION * len(weekdays))))
    return [d for i, d in enumerate(weekdays) if i not in holidays]


def tickers(rng: random.Random, count: int) -> list[str]:
    """`count` distinct upper-case tickers of 3 or 4 letters, sorted (byte order)."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    chosen: set[str] = set()
    while len(chosen) < count:
        length = 3 if rng.random() < 0.35 else 4
        name = "".join(rng.choice(letters) for _ in range(length))
        if name not in RESERVED_TICKERS:
            chosen.add(name)
    return sorted(chosen)


# MARK: - Panel


def write_panel(path: str, rng: random.Random, symbols: list[str], days: list[dt.date]) -> int:
    """Write the panel; return the number of data rows."""
    iso = [d.isoformat() for d in days]
    n_days = len(days)
    late = set(rng.sample(range(len(symbols)), round(LATE_START_FRACTION * len(symbols))))
    rows = 0
    gauss = rng.gauss
    uniform = rng.random
    log_floor = math.log(1.0)  # keep closes >= 1.00 so no base close rounds to zero
    with open(path, "w", encoding="utf-8", newline="", buffering=1 << 22) as out:
        out.write("Date,Symbol,Open,High,Low,Close,Volume\n")
        for index, symbol in enumerate(symbols):
            start = rng.randrange(1, n_days // 2) if index in late else 0
            log_price = math.log(rng.uniform(60.0, 900.0))
            sigma = rng.uniform(0.008, 0.022)
            volume_scale = rng.uniform(1.5e6, 1.2e7)
            previous_close = math.exp(log_price)
            lines = []
            append = lines.append
            for t in range(start, n_days):
                log_price += gauss(0.0, sigma)
                if log_price < log_floor:
                    log_price = 2.0 * log_floor - log_price
                close = math.exp(log_price)
                open_ = previous_close * (1.0 + gauss(0.0, sigma * 0.3))
                previous_close = close
                if uniform() < MISSING_FRACTION:
                    continue  # the row is absent: no trading recorded for this symbol
                c = round(close, 2)
                o = round(open_, 2)
                top = c if c > o else o
                bottom = c if c < o else o
                h = round(top * (1.0 + abs(gauss(0.0, sigma * 0.5))), 2)
                low = round(bottom * (1.0 - abs(gauss(0.0, sigma * 0.5))), 2)
                if low < 0.01:
                    low = 0.01
                volume = int(volume_scale * (0.4 + 1.2 * uniform()))
                append(f"{iso[t]},{symbol},{o:.2f},{h:.2f},{low:.2f},{c:.2f},{volume}\n")
            out.write("".join(lines))
            rows += len(lines)
    return rows


# MARK: - Events


def title(rng: random.Random) -> str:
    subject = rng.choice(TITLE_SUBJECTS)
    verb = rng.choice(TITLE_VERBS)
    quote = rng.choice(TITLE_QUOTES)
    tail = rng.choice(TITLE_TAILS)
    shape = rng.randrange(3)
    if shape == 0:
        return f'{subject} {verb}, "{quote}" {tail}'
    if shape == 1:
        return f'{subject} {verb}, {tail}: "{quote}, for now"'
    return f"{subject} {verb}, {tail}"


def write_events(path: str, rng: random.Random, count: int, start_year: int, years: int) -> int:
    first = dt.date(start_year + 1, 1, 1)
    last = dt.date(start_year + years, 1, 1)
    span = (last - first).days
    if count > span:
        raise SystemExit(f"generate.py: {count} distinct event dates do not fit in {span} days")
    offsets = sorted(rng.sample(range(span), count))
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["id", "date", "title", "tags"])
        for number, offset in enumerate(offsets, start=1):
            date = (first + dt.timedelta(days=offset)).isoformat()
            tags = ";".join(rng.sample(TAGS, rng.randrange(1, 4)))
            writer.writerow([number, date, title(rng), tags])
    return count


# MARK: - Main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--symbols", type=int, default=500, help="symbols at scale 1 (default 500)")
    parser.add_argument("--years", type=int, default=20, help="calendar years of sessions (default 20)")
    parser.add_argument("--start-year", type=int, default=2004, help="first calendar year (default 2004)")
    parser.add_argument("--events", type=int, default=1000, help="number of events (default 1000)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply the number of symbols, hence the rows (e.g. 0.25, 4)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="output directory")
    args = parser.parse_args(argv)

    n_symbols = max(1, round(args.symbols * args.scale))
    if args.years < 2:
        parser.error("--years must be at least 2 (events start in the second year)")
    os.makedirs(args.out, exist_ok=True)

    # Separate streams so that changing --events does not change the panel, and vice versa.
    calendar_rng = random.Random(f"{args.seed}/calendar")
    panel_rng = random.Random(f"{args.seed}/panel")
    events_rng = random.Random(f"{args.seed}/events")

    days = trading_days(calendar_rng, args.start_year, args.years)
    symbols = tickers(panel_rng, n_symbols)
    panel_path = os.path.join(args.out, "panel.csv")
    events_path = os.path.join(args.out, "events.csv")
    rows = write_panel(panel_path + ".tmp", panel_rng, symbols, days)
    os.replace(panel_path + ".tmp", panel_path)
    events = write_events(events_path + ".tmp", events_rng, args.events, args.start_year, args.years)
    os.replace(events_path + ".tmp", events_path)

    meta = {
        "symbols": n_symbols,
        "years": args.years,
        "start_year": args.start_year,
        "events": events,
        "scale": args.scale,
        "seed": args.seed,
        "sessions": len(days),
        "panel_rows": rows,
        "panel_bytes": os.path.getsize(panel_path),
        "events_bytes": os.path.getsize(events_path),
    }
    with open(os.path.join(args.out, "meta.json"), "w", encoding="utf-8") as out:
        json.dump(meta, out, indent=2)
        out.write("\n")
    print(f"{panel_path}: {rows:,} rows, {meta['panel_bytes'] / 1e6:.1f} MB, "
          f"{n_symbols} symbols, {len(days)} sessions; {events_path}: {events} events",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
