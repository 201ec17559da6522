#!/usr/bin/env python3
"""Check that two event-study tables (`mlink study --format csv`) hold the same rows.

    compare_study.py REFERENCE CANDIDATE [--subset] [--car-atol 1e-9] [--rtol 1e-6] [--explanations]

A row's key is (event_id, series); both files must have the same key set (with --subset: the
candidate holds only some events, and must hold every row of those events). For every row:

- status equal, and the columns that describe the row equal as text: event_date, event_title,
  tags, model, returns, window, event_session, estimation_first, estimation_last,
  estimation_returns, dropped_benchmark, dropped_clean, df (and explanation with --explanations);
- a number present in one file and absent in the other is a difference;
- car_percent and every ar_percent_* within --car-atol (1e-9, absolute, in percent);
- se_percent and t within --rtol (1e-6, relative): the tolerances of issue 12;
- alpha_percent, beta, sigma_percent, p and sigma_units within --rtol too.

Relative means |x - y| <= rtol * max(|x|, |y|). The files are streamed side by side; rows that
come in a different order are held by key until their partner appears, so any order is
accepted and equal orders cost no memory.

Exit status: 0 when the tables agree, 1 when they do not, 2 on unreadable input.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from typing import Iterator

KEY = ["event_id", "series"]
EXACT = ["event_date", "event_title", "tags", "model", "returns", "window", "event_session",
         "estimation_first", "estimation_last", "estimation_returns", "dropped_benchmark",
         "dropped_clean", "df", "status"]
ABSOLUTE = ["car_percent"]  # and every ar_percent_* column
RELATIVE = ["se_percent", "t", "alpha_percent", "beta", "sigma_percent", "p", "sigma_units"]
MAX_EXAMPLES = 10


class Table:
    def __init__(self, path: str, explanations: bool) -> None:
        self.path = path
        self.handle = open(path, newline="", encoding="utf-8")
        self.reader = csv.reader(self.handle)
        header = next(self.reader, None)
        if header is None:
            raise ValueError(f"{path}: empty file")
        self.ar = [name for name in header if name.startswith("ar_percent_")]
        self.exact = EXACT + (["explanation"] if explanations else [])
        self.absolute = ABSOLUTE + self.ar
        wanted = KEY + self.exact + self.absolute + RELATIVE
        missing = [name for name in wanted if name not in header]
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(missing)}")
        self.key_index = [header.index(name) for name in KEY]
        self.value_index = [header.index(name) for name in self.exact + self.absolute + RELATIVE]
        self.status_index = header.index("status")
        self.rows = 0
        self.statuses: collections.Counter[str] = collections.Counter()

    def __iter__(self) -> Iterator[tuple[tuple[str, ...], list[str]]]:
        for line, row in enumerate(self.reader, start=2):
            try:
                key = tuple(row[i] for i in self.key_index)
                values = [row[i] for i in self.value_index]
            except IndexError:
                raise ValueError(f"{self.path}:{line}: {len(row)} fields") from None
            self.rows += 1
            self.statuses[row[self.status_index]] += 1
            yield key, values


class Comparison:
    def __init__(self, table: Table, car_atol: float, rtol: float) -> None:
        self.names = table.exact + table.absolute + RELATIVE
        self.n_exact, self.n_absolute = len(table.exact), len(table.absolute)
        self.car_atol, self.rtol = car_atol, rtol
        self.compared = 0
        self.differing = 0
        self.by_column: collections.Counter[str] = collections.Counter()
        self.worst: dict[str, tuple[float, str]] = {}
        self.examples: list[str] = []

    def check(self, key: tuple[str, ...], reference: list[str], candidate: list[str]) -> None:
        self.compared += 1
        problems = []
        for position, (name, x, y) in enumerate(zip(self.names, reference, candidate)):
            if position < self.n_exact:
                if x != y:
                    problems.append(f"{name} {x!r} != {y!r}")
                    self.by_column[name] += 1
                continue
            if x == "" and y == "":
                continue
            if x == "" or y == "":
                problems.append(f"{name} {x!r} vs {y!r}")
                self.by_column[name] += 1
                continue
            try:
                a, b = float(x), float(y)
            except ValueError:
                problems.append(f"{name} {x!r} vs {y!r} (not a number)")
                self.by_column[name] += 1
                continue
            difference = abs(a - b)
            if position < self.n_exact + self.n_absolute:
                error, limit = difference, self.car_atol
            else:
                scale = max(abs(a), abs(b))
                error, limit = (difference / scale if scale else 0.0), self.rtol
            if error > self.worst.get(name, (-1.0, ""))[0]:
                self.worst[name] = (error, "/".join(key))
            if not error <= limit:
                problems.append(f"{name} {x} != {y}")
                self.by_column[name] += 1
        if problems:
            self.differing += 1
            if len(self.examples) < MAX_EXAMPLES:
                self.examples.append(f"  {'/'.join(key)}: " + "; ".join(problems))


def event_ids(path: str) -> set[str]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        index = header.index("event_id")
        return {row[index] for row in reader}


def compare(reference_path: str, candidate_path: str, car_atol: float, rtol: float, subset: bool,
            explanations: bool) -> bool:
    keep = event_ids(candidate_path) if subset else None
    reference, candidate = Table(reference_path, explanations), Table(candidate_path, explanations)
    if reference.ar != candidate.ar:
        raise ValueError(f"the event windows differ: {reference.ar} against {candidate.ar}")
    result = Comparison(reference, car_atol, rtol)
    held_reference: dict[tuple[str, ...], list[str]] = {}
    held_candidate: dict[tuple[str, ...], list[str]] = {}
    reference_rows = ((key, values) for key, values in reference if keep is None or key[0] in keep)
    candidate_rows = iter(candidate)
    for key, values in reference_rows:
        other = next(candidate_rows, None)
        if other is not None and other[0] == key:
            result.check(key, values, other[1])
            continue
        # Out of step: match each side against the other's held rows, or hold it.
        mine = held_candidate.pop(key, None)
        if mine is not None:
            result.check(key, values, mine)
        else:
            held_reference[key] = values
        if other is not None:
            theirs = held_reference.pop(other[0], None)
            if theirs is not None:
                result.check(other[0], theirs, other[1])
            else:
                held_candidate[other[0]] = other[1]
    for other_key, other_values in candidate_rows:
        theirs = held_reference.pop(other_key, None)
        if theirs is not None:
            result.check(other_key, theirs, other_values)
        else:
            held_candidate[other_key] = other_values

    print(f"reference {reference_path}: {reference.rows:,} rows" + _statuses(reference.statuses)
          + (f"; {len(keep):,} events compared (--subset)" if keep is not None else ""))
    print(f"candidate {candidate_path}: {candidate.rows:,} rows" + _statuses(candidate.statuses))
    print(f"compared {result.compared:,} rows: {result.differing:,} differ, {len(held_reference):,} only "
          f"in reference, {len(held_candidate):,} only in candidate (CAR and AR atol {car_atol:g} percent, "
          f"others rtol {rtol:g})")
    if result.worst:
        print("largest differences: " + ", ".join(
            f"{name} {error:.1e} ({where})" for name, (error, where) in result.worst.items()))
    if result.by_column:
        print("differing columns: " + ", ".join(f"{name} {n:,}" for name, n in result.by_column.most_common()))
    for line in result.examples:
        print(line)
    for label, keys in (("only in reference", held_reference), ("only in candidate", held_candidate)):
        for key in list(keys)[:MAX_EXAMPLES]:
            print(f"  {label}: {'/'.join(key)}")
    return result.differing == 0 and not held_reference and not held_candidate


def _statuses(counter: collections.Counter[str]) -> str:
    return " (" + ", ".join(f"{status} {n:,}" for status, n in counter.most_common()) + ")" if counter else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", help="e.g. MarketLink's output")
    parser.add_argument("candidate", help="e.g. a peer's output")
    parser.add_argument("--subset", action="store_true",
                        help="the candidate holds only some events; compare those")
    parser.add_argument("--car-atol", type=float, default=1e-9, help="CAR and AR, absolute, percent")
    parser.add_argument("--rtol", type=float, default=1e-6, help="SE, t and the other numbers, relative")
    parser.add_argument("--explanations", action="store_true", help="compare the explanation text too")
    args = parser.parse_args(argv)
    try:
        same = compare(args.reference, args.candidate, args.car_atol, args.rtol, args.subset,
                       args.explanations)
    except (OSError, ValueError, csv.Error) as error:
        print(f"compare_study.py: {error}", file=sys.stderr)
        return 2
    print("AGREE" if same else "DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
