"""Independent derivation of the rebased range chart golden (`range-rebased.svg`).

`mlink chart fixtures/djia.csv SSE=fixtures/sse.csv --from 2023-05-01 --to 2023-06-30` draws
both series rebased to 100 at their first session in the range (the default for two or more
series) at 800 × 320 pixels. This script reads the two fixture files with Python's own csv
module, rebases the closes, and lays the chart out by the rules written on `ChartFrame`,
`NumericTicks` and `LineChart` (see ticks.md), then prints what the golden file must hold:

    python3 Tests/MarketLinkTests/Charts/Derivations/range_rebased.py > \
        Tests/MarketLinkTests/Charts/Derivations/range-rebased-expected.txt

Each line: `line NAME: d="M x y L x y ..."` (the path of the line, coordinates rounded half away
from zero to two decimals with trailing zeros dropped, as SVG attributes are written),
`ticks: ...` (the y-axis labels), `plot: left right top bottom`, and `first/last NAME ...`
(the rebased values at the ends, to two decimals). Standard library only.
"""
import csv
import math
import re
from datetime import date
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
FIRST, LAST = date(2023, 5, 1), date(2023, 6, 30)


def djia():
    with open(ROOT / "fixtures/djia.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    return [(date.fromisoformat(d), float(v)) for d, v in rows if v != "."]


def sse():
    # Investing.com's Chinese layout: BOM, 日期 like 2023年6月30日, 收盘 quoted with thousands, newest first.
    with open(ROOT / "fixtures/sse.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))[1:]
    out = []
    for row in rows:
        y, m, d = map(int, re.match(r"(\d+)年(\d+)月(\d+)日", row[0]).groups())
        out.append((date(y, m, d), float(row[1].replace(",", ""))))
    return sorted(out)


def in_range(series):
    return [(d, v) for d, v in series if FIRST <= d <= LAST]


def coordinate(value):
    """Two decimals at most, half away from zero on the binary value, trailing zeros dropped."""
    scaled = Decimal(value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    text = format(scaled / 100, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def nice_ticks(low, high, max_intervals):
    raw = (high - low) / max_intervals
    k = math.floor(math.log10(raw))
    while True:
        for m in (1, 2, 5):
            step = m * 10.0 ** k
            if math.ceil(high / step) - math.floor(low / step) <= max_intervals:
                return step, math.floor(low / step) * step, math.ceil(high / step) * step
        k += 1


def label_width(text, size=11.0):
    """`ChartText.width`: digits 0.64 em, `,` and `.` 0.32 em, the minus sign 0.65 em."""
    ems = sum(0.64 if c.isdigit() else 0.32 if c in ",." else 0.65 for c in text)
    return ems * size


def main():
    lines = {"DJIA": in_range(djia()), "SSE": in_range(sse())}
    rebased = {name: [(d, 100 * v / points[0][1]) for d, v in points] for name, points in lines.items()}
    values = [v for points in rebased.values() for _, v in points]
    days = [d for points in rebased.values() for d, _ in points]
    width, height, margin = 800.0, 320.0, 16.0
    # Title (baseline 29, then 8), subtitle (10 below, then 8), one legend row of 18 + 2.
    cursor = margin + 13 + 8
    cursor += 10 + 8
    cursor += 18 + 2
    max_intervals = min(10, max(2, int((height - 160) / 36)))
    step, lower, upper = nice_ticks(min(values), max(values), max_intervals)
    decimals = 0 if step >= 1 else -math.floor(math.log10(step))
    count = round((upper - lower) / step)
    labels = [f"{lower + k * step:,.{decimals}f}" for k in range(count + 1)]
    # The rotated y label takes 20, then the widest tick label, then 8.
    plot_left = margin + 20 + max(label_width(t) for t in labels) + 8
    plot_right = width - margin - 8
    plot_top = cursor + 14  # no markers: room for the top tick label
    plot_bottom = height - margin - 31  # date ticks with a context line (month, then year)
    first, last = min(days).toordinal(), max(days).toordinal()
    span = last - first
    pad = max(0.5, span * 0.02)
    x_low, x_high = first - pad, last + pad
    print("ticks:", " ".join(labels))
    print("plot:", coordinate(plot_left), coordinate(plot_right), coordinate(plot_top), coordinate(plot_bottom))
    for name, points in rebased.items():
        pixels = []
        for d, v in points:
            # ChartFrame.map: range.0 + (value - domain.0) / span * (range.1 - range.0)
            x = plot_left + (d.toordinal() - x_low) / (x_high - x_low) * (plot_right - plot_left)
            y = plot_bottom + (v - lower) / (upper - lower) * (plot_top - plot_bottom)
            pixels.append(coordinate(x) + " " + coordinate(y))
        print(f'line {name}: d="M' + " L".join(pixels) + '"')
        print(f"first {name}: {points[0][0].isoformat()} {points[0][1]:.2f}; last {name}: {points[-1][0].isoformat()} {points[-1][1]:.2f}")


if __name__ == "__main__":
    main()
