"""Independent derivation of the DateTicksTests expectations (Python 3, standard library only).

Implements the rule documented on `DateTicks` from its table, with Python's own calendar,
and prints each case as `label/context` strings and ISO days:

    python3 Tests/MarketLinkTests/Charts/Derivations/date_ticks.py
"""
from datetime import date, timedelta

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
EPOCH_MONDAY = date(1970, 1, 5)

# (name, closest spacing in days, pixels needed), finest first.
UNITS = [("weekday", 1, 24), ("weeks1", 7, 52), ("weeks2", 14, 52), ("months1", 28, 34),
         ("months2", 56, 34), ("months3", 84, 34), ("months6", 168, 34)]
for scale in (1, 10, 100, 1000):
    for n in (1, 2, 5):
        UNITS.append((f"years{n * scale}", 365 * n * scale, 40))


def days_of(unit, start, end):
    every = [start + timedelta(k) for k in range((end - start).days + 1)]
    if unit == "day":
        return every
    if unit == "weekday":
        return [d for d in every if d.weekday() < 5]
    if unit.startswith("weeks"):
        n = int(unit[5:])
        return [d for d in every if d.weekday() == 0 and ((d - EPOCH_MONDAY).days // 7) % n == 0]
    if unit.startswith("months"):
        n = int(unit[6:])
        return [d for d in every if d.day == 1 and (d.month - 1) % n == 0]
    n = int(unit[5:])
    return [d for d in every if d.month == 1 and d.day == 1 and d.year % n == 0]


def ticks(start, end, pixels_per_day):
    unit = next((u for u, days, need in UNITS if days * pixels_per_day >= need), UNITS[-1][0])
    chosen = days_of(unit, start, end)
    if unit == "weekday" and len(chosen) < 2:
        unit, chosen = "day", days_of("day", start, end)
    out, previous = [], None
    for d in chosen:
        if unit in ("day", "weekday"):
            label, context = str(d.day), f"{MONTHS[d.month - 1]} {d.year}"
        elif unit.startswith("weeks"):
            label, context = f"{MONTHS[d.month - 1]} {d.day}", str(d.year)
        elif unit.startswith("months"):
            label, context = MONTHS[d.month - 1], str(d.year)
        else:
            label, context = str(d.year), None
        out.append(label if context in (None, previous) else f"{label}/{context}")
        previous = context
    return unit, out, [d.isoformat() for d in chosen]


CASES = [("2023-06-01", "2023-06-20", 30), ("2023-06-01", "2023-06-20", 20), ("2023-06-29", "2023-07-04", 40),
         ("2023-06-10", "2023-06-11", 100), ("2023-05-01", "2023-08-01", 4), ("2022-03-14", "2024-05-21", 1),
         ("2010-01-01", "2020-02-18", 0.1)]
for a, b, ppd in CASES:
    print(a, b, ppd, *ticks(date.fromisoformat(a), date.fromisoformat(b), ppd), sep="\n  ")
