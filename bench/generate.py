#!/usr/bin/env python3
"""Generate MarketLink's reference performance workload (DESIGN section 5).

Writes three files into --out:

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
  index.csv   Date,Close: a benchmark for `mlink study --benchmark`, the equal-weighted index
              of the panel's symbols (each session's mean simple return of the symbols that
              have a close on it and on the session before), chained from 1000. It misses
              ~0.5% of the sessions (its own holidays) and has a close on ~20% of the
              panel's holidays (a value drawn at random, so the index's return over a panel
              holiday is the panel's return but its consecutive-session returns are not).
  meta.json   the parameters and the counts of what was written.

Everything is drawn from random.Random(--seed), so the same flags give the same bytes;
panel.csv and events.csv do not depend on the index (it draws from a stream of its own).
Only the Python standard library is used.

Two more inputs, each alone, for the scale benchmarks of bench/run.py:

  generate.py wide --columns 60000 --rows 250 --out DIR     DIR/wide-<columns>x<rows>.csv
  generate.py events --rows 1000000 --out DIR                DIR/events-<rows>.csv
  generate.py study-probe --out DIR                          a small study panel with every status

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
# The index (index.csv): sessions of the panel it lacks, and panel holidays on which it has a close.
INDEX_MISSING_FRACTION = 0.005
INDEX_EXTRA_FRACTION = 0.20
INDEX_START = 1000.0

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


def write_panel(path: str, rng: random.Random, symbols: list[str], days: list[dt.date],
                index: "IndexSums | None" = None) -> int:
    """Write the panel, one symbol at a time; return the number of data rows.

    With `index`, also add each row's simple return from the symbol's close on the previous
    session of the calendar (when it has one) to the index's sums. That reads the closes as
    written and draws nothing from `rng`, so the panel is the same with or without it.
    """
    iso = [d.isoformat() for d in days]
    sums = index.sums if index is not None else None
    counts = index.counts if index is not None else None
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
            last_t, last_c = -2, 0.0  # the symbol's last row written, for the index
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
                if sums is not None:
                    if last_t == t - 1:
                        sums[t] += c / last_c - 1.0
                        counts[t] += 1
                    last_t, last_c = t, c
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


# MARK: - Index


class IndexSums:
    """Per session of the calendar: the sum and the count of the symbols' simple returns."""

    def __init__(self, sessions: int) -> None:
        self.sums = [0.0] * sessions
        self.counts = [0] * sessions


def write_index(path: str, rng: random.Random, sums: IndexSums, days: list[dt.date],
                holidays: list[dt.date]) -> int:
    """Write the equal-weighted index of the panel as Date,Close; return the number of rows.

    The level starts at INDEX_START on the first session and moves by the mean return of each
    session (0 when no symbol has one). A random INDEX_MISSING_FRACTION of the sessions after
    the first is left out; on a random INDEX_EXTRA_FRACTION of the panel's holidays the index
    has a close of its own, the level before it times (1 + N(0, 0.4%)), which leaves the
    level of the following session unchanged.
    """
    n_days = len(days)
    missing = set(rng.sample(range(1, n_days), round(INDEX_MISSING_FRACTION * n_days)))
    extra = sorted(rng.sample(holidays, round(INDEX_EXTRA_FRACTION * len(holidays))))
    levels = []
    level = INDEX_START
    for t in range(n_days):
        if t > 0 and sums.counts[t] > 0:
            level *= 1.0 + sums.sums[t] / sums.counts[t]
        levels.append(level)
    rows = [(day, levels[t]) for t, day in enumerate(days) if t not in missing]
    position = 0
    for holiday in extra:  # the level of the last session before the holiday
        while position + 1 < n_days and days[position + 1] < holiday:
            position += 1
        if days[position] < holiday:
            rows.append((holiday, levels[position] * (1.0 + rng.gauss(0.0, 0.004))))
    rows.sort()
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Date,Close\n")
        out.write("".join(f"{day.isoformat()},{value:.4f}\n" for day, value in rows))
    return len(rows)


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


# MARK: - Wide file and a large events file


WIDE_MISSING_FRACTION = 0.004


def write_wide(path: str, rng: random.Random, columns: int, rows: int, start_year: int) -> None:
    """A wide price file: Date, then `columns` value columns S000001...; one row per weekday.

    Each column is its own geometric random walk (daily volatility 0.5-2%, kept at or above
    1.00) with 2 decimals; WIDE_MISSING_FRACTION of the cells are empty (no close that day).
    Written a row at a time, so memory is one row and the columns' state.
    """
    width = max(6, len(str(columns)))
    levels = [math.log(rng.uniform(20.0, 500.0)) for _ in range(columns)]
    sigmas = [rng.uniform(0.005, 0.02) for _ in range(columns)]
    gauss, uniform = rng.gauss, rng.random
    day = dt.date(start_year, 1, 2)
    one = dt.timedelta(days=1)
    with open(path, "w", encoding="utf-8", newline="", buffering=1 << 22) as out:
        out.write("Date," + ",".join(f"S{j:0{width}d}" for j in range(1, columns + 1)) + "\n")
        for _ in range(rows):
            while day.weekday() >= 5:
                day += one
            cells = [day.isoformat()]
            append = cells.append
            for j in range(columns):
                value = levels[j] + gauss(0.0, sigmas[j])
                if value < 0.0:
                    value = -value
                levels[j] = value
                append("" if uniform() < WIDE_MISSING_FRACTION else f"{math.exp(value):.2f}")
            out.write(",".join(cells) + "\n")
            day += one


def write_many_events(path: str, rng: random.Random, count: int, start_year: int, years: int) -> None:
    """`count` events (id,date,title,tags) on random calendar dates of the second year on, dates
    repeating, ids 1...count in date order; titles and tags as in events.csv."""
    first = dt.date(start_year + 1, 1, 1)
    span = (dt.date(start_year + years, 1, 1) - first).days
    offsets = sorted(rng.randrange(span) for _ in range(count))
    with open(path, "w", encoding="utf-8", newline="", buffering=1 << 22) as out:
        writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["id", "date", "title", "tags"])
        for number, offset in enumerate(offsets, start=1):
            date = (first + dt.timedelta(days=offset)).isoformat()
            tags = ";".join(rng.sample(TAGS, rng.randrange(1, 4)))
            writer.writerow([number, date, title(rng), tags])


# MARK: - A small study panel with every status


def write_study_probe(directory: str, rng: random.Random) -> None:
    """panel.csv, index.csv and events.csv on which `mlink study --benchmark index.csv` gives
    every status the study workload rarely or never reaches, for checking the study peers.

    700 weekdays from 2010-01-01; three symbols (AAA misses 5% of its rows; BBB's close stands
    still for sessions 320-599, so windows inside have sigma = 0; CCC starts at session 50).
    The index stands still for sessions 300-559 (a constant benchmark: S_mm = 0) and has no
    close on sessions 100-239 (too few estimation returns) nor on sessions 622 and 640 (benchmark-missing
    for the events around it). Events every 9th session (0-2 days later, so some fall on
    weekends), one before and one after the data.
    """
    days = []
    day = dt.date(2010, 1, 1)
    while len(days) < 700:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    os.makedirs(directory, exist_ok=True)
    level = 1000.0
    with open(os.path.join(directory, "index.csv"), "w", encoding="utf-8") as out:
        out.write("Date,Close\n")
        for i, day in enumerate(days):
            if not 300 <= i < 560:
                level *= 1.0 + rng.gauss(0.0, 0.01)
            if 100 <= i < 240 or i in (622, 640):
                continue
            out.write(f"{day.isoformat()},{level:.4f}\n")
    with open(os.path.join(directory, "panel.csv"), "w", encoding="utf-8") as out:
        out.write("Date,Symbol,Close\n")
        for symbol in ("AAA", "BBB", "CCC"):
            price = 50.0
            for i, day in enumerate(days):
                if symbol == "CCC" and i < 50:
                    continue
                if not (symbol == "BBB" and 320 <= i < 600):
                    price *= 1.0 + rng.gauss(0.0, 0.02)
                if symbol == "AAA" and rng.random() < 0.05:
                    continue
                out.write(f"{day.isoformat()},{symbol},{price:.2f}\n")
    with open(os.path.join(directory, "events.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "date", "title", "tags"])
        for number, i in enumerate(range(0, 700, 9), start=1):
            date = days[i] + dt.timedelta(days=rng.randrange(3))
            writer.writerow([number, date.isoformat(), f"Probe event {number}, synthetic", "probe"])
        writer.writerow([999, "2009-06-01", "Before the data", "probe"])
        writer.writerow([1000, "2013-01-01", "After the data", "probe"])


def main_study_probe(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="generate.py study-probe",
                                     description="Write a small study panel with every status (synthetic).")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--out", required=True, help="output directory")
    args = parser.parse_args(argv)
    write_study_probe(args.out, random.Random(f"{args.seed}/study-probe"))
    return 0


def main_wide(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="generate.py wide",
                                     description="Write DIR/wide-<columns>x<rows>.csv (synthetic).")
    parser.add_argument("--columns", type=int, default=60000, help="value columns (default 60000)")
    parser.add_argument("--rows", type=int, default=250, help="rows, one per weekday (default 250)")
    parser.add_argument("--start-year", type=int, default=2004)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="output directory")
    args = parser.parse_args(argv)
    if args.columns < 1 or args.rows < 1:
        parser.error("--columns and --rows must be positive")
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, f"wide-{args.columns}x{args.rows}.csv")
    write_wide(path + ".tmp", random.Random(f"{args.seed}/wide"), args.columns, args.rows, args.start_year)
    os.replace(path + ".tmp", path)
    print(f"{path}: {args.columns:,} value columns x {args.rows:,} rows, "
          f"{os.path.getsize(path) / 1e6:.1f} MB", file=sys.stderr)
    return 0


def main_events(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="generate.py events",
                                     description="Write DIR/events-<rows>.csv (synthetic).")
    parser.add_argument("--rows", type=int, default=1_000_000, help="events (default 1000000)")
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--start-year", type=int, default=2004)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="output directory")
    args = parser.parse_args(argv)
    if args.rows < 1 or args.years < 2:
        parser.error("--rows must be positive and --years at least 2")
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, f"events-{args.rows}.csv")
    write_many_events(path + ".tmp", random.Random(f"{args.seed}/many-events"), args.rows,
                      args.start_year, args.years)
    os.replace(path + ".tmp", path)
    print(f"{path}: {args.rows:,} events, {os.path.getsize(path) / 1e6:.1f} MB", file=sys.stderr)
    return 0


# MARK: - Main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "wide":
        return main_wide(argv[1:])
    if argv and argv[0] == "events":
        return main_events(argv[1:])
    if argv and argv[0] == "study-probe":
        return main_study_probe(argv[1:])
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
    index_rng = random.Random(f"{args.seed}/index")

    days = trading_days(calendar_rng, args.start_year, args.years)
    symbols = tickers(panel_rng, n_symbols)
    panel_path = os.path.join(args.out, "panel.csv")
    events_path = os.path.join(args.out, "events.csv")
    index_path = os.path.join(args.out, "index.csv")
    sums = IndexSums(len(days))
    rows = write_panel(panel_path + ".tmp", panel_rng, symbols, days, sums)
    os.replace(panel_path + ".tmp", panel_path)
    events = write_events(events_path + ".tmp", events_rng, args.events, args.start_year, args.years)
    os.replace(events_path + ".tmp", events_path)
    sessions = set(days)
    holidays = [day for day in (days[0] + dt.timedelta(days=i) for i in range((days[-1] - days[0]).days))
                if day.weekday() < 5 and day not in sessions]
    index_rows = write_index(index_path + ".tmp", index_rng, sums, days, holidays)
    os.replace(index_path + ".tmp", index_path)

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
        "index_rows": index_rows,
        "index_bytes": os.path.getsize(index_path),
    }
    with open(os.path.join(args.out, "meta.json"), "w", encoding="utf-8") as out:
        json.dump(meta, out, indent=2)
        out.write("\n")
    print(f"{panel_path}: {rows:,} rows, {meta['panel_bytes'] / 1e6:.1f} MB, "
          f"{n_symbols} symbols, {len(days)} sessions; {events_path}: {events} events; "
          f"{index_path}: {index_rows:,} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
