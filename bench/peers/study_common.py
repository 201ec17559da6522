"""What the event-study peers share: the command line, the design and the output columns.

The job is `mlink study --events EVENTS PANEL --benchmark INDEX --model market-model
--estimation -250:-11 --window -1:1 --format csv` (docs/STATISTICS.md), for every event x
symbol of the panel:

- sessions are each symbol's own rows, sorted by date; t0 is the first session dated on or
  after the event date (`--align next`); an event before the symbol's first session is
  `before-data`, after its last `after-data`;
- the return of session i is close[i] / close[i-1] - 1;
- the benchmark is matched on dates: session i's return is paired with the benchmark's return
  from the date of session i-1 to the date of session i, and only when the benchmark has a
  close on both dates;
- the event window holds the returns of sessions t0+A ... t0+B (`no-end` when t0+B is past the
  data, `no-base` when t0+A < 1), the estimation window those of t0+E1 ... t0+E2
  (`estimation-off-data` when t0+E1 < 1, never shortened); an event-window return without a
  benchmark pair gives `benchmark-missing`; estimation returns without one are left out and
  counted (`dropped_benchmark`), and fewer than 120 left gives `too-few-estimation-returns`;
- the market model is the OLS fit of R on R_m over the L estimation returns:
  beta = S_xy / S_mm, alpha = mean(R) - beta * mean(R_m), sigma^2 = SSR / (L - 2);
  AR = R - alpha - beta * R_m in the event window, CAR = sum of the k ARs, and
  Var(CAR) = sigma^2 * (k + k^2 / L + (sum over the window of (R_m - mean(R_m)))^2 / S_mm)
  (Campbell, Lo & MacKinlay 1997, section 4.4); t = CAR / SE with L - 2 degrees of freedom,
  a two-sided p from Student's t, and sigma units CAR / (sigma * sqrt(k)).

Returns, ARs, CAR, SE, sigma and alpha are written in percent, as MarketLink writes them.
"""

from __future__ import annotations

import argparse
import sys

MODEL = "market-model"
RETURNS = "simple"
MINIMUM_ESTIMATION_RETURNS = 120


def columns(window: tuple[int, int]) -> list[str]:
    """The columns of `mlink study --format csv` for an event window [a, b]."""
    names = ["event_id", "event_date", "event_title", "tags", "series", "model", "returns", "window",
             "event_session", "estimation_first", "estimation_last", "estimation_returns",
             "dropped_benchmark", "dropped_clean", "alpha_percent", "beta", "sigma_percent"]
    names += ["ar_percent_" + offset_name(offset) for offset in range(window[0], window[1] + 1)]
    return names + ["car_percent", "se_percent", "t", "df", "p", "sigma_units", "bhar_percent",
                    "status", "explanation"]


def offset_name(offset: int) -> str:
    return "t0" if offset == 0 else f"t0+{offset}" if offset > 0 else f"t0-{-offset}"


# The explanations MarketLink writes, so that the tables can be compared whole.
EXPLANATIONS = {
    "ok": "computed",
    "before-data": "the event is before the first session of the data",
    "after-data": "the event is after the last session of the data",
    "no-base": "the event window's base session (t0+a\u22121) is before the first session of the data",
    "no-end": "the event window's last session (t0+b) is after the last session of the data",
    "degenerate-benchmark": "the benchmark does not move in the estimation window, so \u03b2 cannot be estimated",
    "zero-variance": ("the abnormal returns do not vary in the estimation window (\u03c3 = 0), "
                      "so the move cannot be measured against normal variation"),
}


def off_data_explanation(requested: int, available: int, first_day: str) -> str:
    return (f"the estimation window asks for {requested} returns but only {available} of them are in "
            f"the data, which start {first_day}; it is never shortened to fit")


def benchmark_missing_explanation(day: str) -> str:
    return f"the benchmark has no close on {day}, which the event window needs"


def too_few_explanation(count: int, minimum: int, dropped_benchmark: int) -> str:
    text = f"the estimation window has {count} returns, fewer than the {minimum} required"
    if dropped_benchmark > 0:
        text += (f" ({dropped_benchmark} of the window's sessions were left out: {dropped_benchmark} "
                 "without benchmark closes)")
    return text


def parse_args(tool: str, extra=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=f"Market-model event study of every symbol of a panel, with {tool}.")
    parser.add_argument("--events", required=True, help="events CSV (id,date,title,tags)")
    parser.add_argument("panel", help="panel CSV (Date,Symbol,...,Close,...)")
    parser.add_argument("--benchmark", required=True, help="benchmark CSV (Date,Close)")
    parser.add_argument("--window", default="-1:1", help="event window A:B (default -1:1)")
    parser.add_argument("--estimation", default="-250:-11", help="estimation window (default -250:-11)")
    parser.add_argument("-o", "--output", required=True, help="output CSV")
    if extra is not None:
        extra(parser)
    args = parser.parse_args(_attach_values(sys.argv[1:]))
    args.window = _window(parser, args.window)
    args.estimation = _window(parser, args.estimation)
    if args.estimation[1] >= args.window[0]:
        parser.error("the estimation window must end before the event window starts")
    return args


def _window(parser: argparse.ArgumentParser, text: str) -> tuple[int, int]:
    try:
        a, b = (int(part) for part in text.split(":"))
    except ValueError:
        parser.error(f"window {text!r}: expected A:B")
    if a > b:
        parser.error(f"window {text}: start after end")
    return a, b


def _attach_values(argv: list[str]) -> list[str]:
    """Turn `--window -1:1` into `--window=-1:1`: argparse takes "-1:1" for an option."""
    joined: list[str] = []
    index = 0
    while index < len(argv):
        if argv[index] in ("--window", "--estimation") and index + 1 < len(argv):
            joined.append(f"{argv[index]}={argv[index + 1]}")
            index += 2
        else:
            joined.append(argv[index])
            index += 1
    return joined
