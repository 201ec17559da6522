#!/usr/bin/env python3
"""Check that two change tables hold the same status-ok rows.

    compare.py REFERENCE CANDIDATE [--rtol 1e-9] [--atol 0]

Both files are CSV with at least the columns of DESIGN section 3:
event_id,event_date,event_title,tags,series,window,base_date,base_close,end_date,end_close,
points,percent,status. Only rows whose status is "ok" are compared (MarketLink also writes
no-base, no-end, before-data and after-data rows; the peers write ok rows only).

A row's key is (event_id, series, window); both files must have the same key set. Text
and dates must be equal exactly; base_close, end_close, points and percent must agree to
|x - y| <= rtol * max(|x|, |y|) + atol.

The files are streamed side by side while their keys come in the same order; from the
first key that differs, the rest of the reference is held in memory by key and the
candidate is matched against it, so any row order is accepted.

Exit status: 0 when the tables agree, 1 when they do not, 2 on unreadable input.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from typing import Iterator

KEY = ["event_id", "series", "window"]
EXACT = ["event_date", "event_title", "tags", "base_date", "end_date"]
NUMBERS = ["base_close", "end_close", "points", "percent"]
REQUIRED = KEY + EXACT + NUMBERS + ["status"]
SEPARATOR = "\x1f"
MAX_EXAMPLES = 10


class Table:
    """Streams one file's ok rows as (key, values) with values = EXACT + NUMBERS, in order."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.handle = open(path, newline="", encoding="utf-8")
        self.reader = csv.reader(self.handle)
        header = next(self.reader, None)
        if header is None:
            raise ValueError(f"{path}: empty file")
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(missing)} in header {header}")
        index = {name: header.index(name) for name in REQUIRED}
        self.key_index = [index[name] for name in KEY]
        self.value_index = [index[name] for name in EXACT + NUMBERS]
        self.status_index = index["status"]
        self.rows = 0
        self.statuses: collections.Counter[str] = collections.Counter()

    def __iter__(self) -> Iterator[tuple[tuple[str, ...], list[str]]]:
        key_index, value_index, status_index = self.key_index, self.value_index, self.status_index
        for line, row in enumerate(self.reader, start=2):
            self.rows += 1
            try:
                status = row[status_index]
            except IndexError:
                raise ValueError(f"{self.path}:{line}: {len(row)} fields") from None
            self.statuses[status] += 1
            if status != "ok":
                continue
            yield tuple(row[i] for i in key_index), [row[i] for i in value_index]


class Comparison:
    def __init__(self, rtol: float, atol: float) -> None:
        self.rtol, self.atol = rtol, atol
        self.compared = 0
        self.differing = 0
        self.examples: list[str] = []

    def check(self, key: tuple[str, ...], reference: list[str], candidate: list[str]) -> None:
        self.compared += 1
        problems = []
        for name, x, y in zip(EXACT, reference, candidate):
            if x != y:
                problems.append(f"{name} {x!r} != {y!r}")
        for name, x, y in zip(NUMBERS, reference[len(EXACT):], candidate[len(EXACT):]):
            try:
                a, b = float(x), float(y)
            except ValueError:
                problems.append(f"{name} {x!r} vs {y!r} (not a number)")
                continue
            if not abs(a - b) <= self.rtol * max(abs(a), abs(b)) + self.atol:
                problems.append(f"{name} {x} != {y}")
        if problems:
            self.differing += 1
            if len(self.examples) < MAX_EXAMPLES:
                self.examples.append(f"  {'/'.join(key)}: " + "; ".join(problems))


def compare(reference_path: str, candidate_path: str, rtol: float, atol: float) -> bool:
    reference, candidate = Table(reference_path), Table(candidate_path)
    result = Comparison(rtol, atol)
    missing: list[tuple[str, ...]] = []
    extra: list[tuple[str, ...]] = []
    reordered = False

    reference_rows, candidate_rows = iter(reference), iter(candidate)
    pending: tuple[tuple[str, ...], list[str]] | None = None
    for key, values in reference_rows:
        other = next(candidate_rows, None)
        if other is None:
            missing.append(key)
            break
        if other[0] != key:
            reordered = True
            pending = other
            missing.append(key)  # provisional: resolved by the keyed pass below
            held = {key: SEPARATOR.join(values)}
            break
        result.check(key, values, other[1])
    else:
        for other in candidate_rows:
            extra.append(other[0])

    if reordered:
        # Keyed pass: hold the rest of the reference, then match every remaining candidate row.
        missing.clear()
        for key, values in reference_rows:
            held[key] = SEPARATOR.join(values)
        remaining = [pending] if pending is not None else []
        for key, values in _chain(remaining, candidate_rows):
            stored = held.pop(key, None)
            if stored is None:
                extra.append(key)
            else:
                result.check(key, stored.split(SEPARATOR), values)
        missing.extend(held)
    elif missing:
        for key, _ in reference_rows:
            missing.append(key)

    ok_reference = reference.statuses.get("ok", 0)
    ok_candidate = candidate.statuses.get("ok", 0)
    print(f"reference {reference_path}: {reference.rows:,} rows, {ok_reference:,} ok"
          + _statuses(reference.statuses))
    print(f"candidate {candidate_path}: {candidate.rows:,} rows, {ok_candidate:,} ok"
          + _statuses(candidate.statuses))
    if reordered:
        print("rows come in a different order; compared by key")
    print(f"compared {result.compared:,} rows: {result.differing:,} differ, "
          f"{len(missing):,} only in reference, {len(extra):,} only in candidate "
          f"(rtol {rtol:g}, atol {atol:g})")
    for line in result.examples:
        print(line)
    for label, keys in (("only in reference", missing), ("only in candidate", extra)):
        for key in keys[:MAX_EXAMPLES]:
            print(f"  {label}: {'/'.join(key)}")
    return result.differing == 0 and not missing and not extra


def _chain(first, second):
    yield from first
    yield from second


def _statuses(counter: collections.Counter[str]) -> str:
    others = {status: n for status, n in counter.items() if status != "ok"}
    if not others:
        return ""
    return " (" + ", ".join(f"{status} {n:,}" for status, n in sorted(others.items())) + ")"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", help="e.g. MarketLink's output")
    parser.add_argument("candidate", help="e.g. a peer's output")
    parser.add_argument("--rtol", type=float, default=1e-9)
    parser.add_argument("--atol", type=float, default=0.0)
    args = parser.parse_args(argv)
    try:
        same = compare(args.reference, args.candidate, args.rtol, args.atol)
    except (OSError, ValueError, csv.Error) as error:
        print(f"compare.py: {error}", file=sys.stderr)
        return 2
    print("AGREE" if same else "DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
