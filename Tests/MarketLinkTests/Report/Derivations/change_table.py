"""Independent derivation of the grouped change table golden (`Golden/change-table.html`).

The change report of the fixtures (`fixtures/events-2023.csv`, `fixtures/djia.csv` and
`fixtures/sse.csv` named SSE) with the default windows -1:1 and 0:0, computed here from the
definitions in DESIGN §2 with Python's own csv module and exact decimals:

- t0 of a date-only event: the series' first session dated on or after the event date;
- window [a, b]: base = session t0+a−1, end = session t0+b, counted in that series' own sessions;
- points = end − base (two decimals, signed); percent = 100·(end/base − 1), rounded half away
  from zero to two decimals, signed, `+<0.01%` for a move that is not zero but rounds to 0.00.

Prints one line per event (its id, date and title, as its group heading shows them) followed by
one tab-separated line per move under it, in table order (series as given, then windows):

    python3 Tests/MarketLinkTests/Report/Derivations/change_table.py > \
        Tests/MarketLinkTests/Report/Derivations/change-table-expected.tsv

Standard library only.
"""
import csv
import re
from bisect import bisect_left
from datetime import date
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
WINDOWS = [(-1, 1), (0, 0)]


def djia():
    with open(ROOT / "fixtures/djia.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    return [(date.fromisoformat(d), Decimal(v)) for d, v in rows if v != "."]


def sse():
    with open(ROOT / "fixtures/sse.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))[1:]
    out = []
    for row in rows:
        y, m, d = map(int, re.match(r"(\d+)年(\d+)月(\d+)日", row[0]).groups())
        out.append((date(y, m, d), Decimal(row[1].replace(",", ""))))
    return sorted(out)


def grouped(value):
    """Two decimals with thousands separators: 33,573.28."""
    return f"{value.quantize(Decimal('0.01')):,}"


def signed(value, suffix=""):
    text = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"
    return ("+" + text if value >= 0 and not text.startswith("-") else text) + suffix


def percent(base, end):
    exact = 100 * (end / base - 1)
    shown = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if exact != 0 and shown == 0:
        return "+<0.01%" if exact > 0 else "-<0.01%"
    return signed(exact, "%")


def main():
    with open(ROOT / "fixtures/events-2023.csv", newline="", encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    series = [("DJIA", djia()), ("SSE", sse())]
    for event in events:
        day = date.fromisoformat(event["date"])
        print(f"#{event['id']}\t{event['date']}\t{event['title']}")
        for name, sessions in series:
            days = [d for d, _ in sessions]
            t0 = bisect_left(days, day)
            for a, b in WINDOWS:
                base, end = t0 + a - 1, t0 + b
                if t0 >= len(days):
                    print("\t".join([name, f"{a}:{b}", "—", "", "—", "", "", "", "after-data"]))
                    continue
                (bd, bv), (ed, ev) = sessions[base], sessions[end]
                print("\t".join([name, f"{a}:{b}", bd.isoformat(), grouped(bv), ed.isoformat(), grouped(ev), signed(ev - bv),
                                 percent(bv, ev), "ok"]))


if __name__ == "__main__":
    main()
