#!/usr/bin/env python3
"""The change table of `mlink changes --align next`, computed with DuckDB (see common.py).

t0 comes from an `ASOF JOIN` on (Symbol, event date <= session date); base and end sessions
are joined by row number in the symbol-sorted panel, after checking the offsets stay inside
the symbol's own sessions.
The whole job is one SQL statement that DuckDB plans and runs; Python only passes paths.
"""

from __future__ import annotations

import duckdb

from common import parse_args

QUERY = """
COPY (
    WITH panel AS (
        SELECT Date, Symbol, Close
        FROM read_csv($panel, header = true,
                      columns = {'Date': 'DATE', 'Symbol': 'VARCHAR', 'Open': 'DOUBLE',
                                 'High': 'DOUBLE', 'Low': 'DOUBLE', 'Close': 'DOUBLE',
                                 'Volume': 'BIGINT'})
    ),
    numbered AS (
        SELECT Symbol, Date, Close, row_number() OVER (ORDER BY Symbol, Date) - 1 AS row
        FROM panel
    ),
    sessions AS MATERIALIZED (
        -- row: global row number in (Symbol, Date) order; pos: position in the symbol's own
        -- sessions; n: the symbol's session count.
        SELECT *, row - min(row) OVER (PARTITION BY Symbol) AS pos,
               count(*) OVER (PARTITION BY Symbol) AS n
        FROM numbered
    ),
    events AS (
        SELECT row_number() OVER () AS event_order, id, date, title, tags,
               CAST(date AS DATE) AS day
        FROM read_csv($events, header = true, all_varchar = true)
    ),
    symbols AS (SELECT DISTINCT Symbol FROM sessions),
    t0 AS (
        SELECT e.event_order, e.id, e.date, e.title, e.tags, s.Symbol,
               s.row AS t0_row, s.pos AS t0, s.n
        FROM (SELECT * FROM events CROSS JOIN symbols) AS e
        ASOF JOIN sessions AS s ON e.Symbol = s.Symbol AND e.day <= s.Date
    ),
    spans AS (
        -- one row per window whose base and end lie inside the symbol's sessions; unnest in
        -- the select list keeps base_row and end_row plain columns, so the two session
        -- lookups below are equi-joins on a single key.
        SELECT *, t0_row + w.a - 1 AS base_row, t0_row + w.b AS end_row
        FROM (SELECT *, unnest($windows) AS w FROM t0)
        WHERE t0 + w.a - 1 >= 0 AND t0 + w.b < n
    )
    SELECT spans.id AS event_id, spans.date AS event_date, spans.title AS event_title,
           spans.tags, spans.Symbol AS series, spans.w.label AS "window",
           base.Date AS base_date, base.Close AS base_close,
           "end".Date AS end_date, "end".Close AS end_close,
           "end".Close - base.Close AS points,
           100.0 * ("end".Close / base.Close - 1.0) AS percent,
           'ok' AS status
    FROM spans
    JOIN sessions AS base ON base.row = spans.base_row
    JOIN sessions AS "end" ON "end".row = spans.end_row
    ORDER BY spans.event_order, spans.Symbol, spans.w.ord
) TO '{output}' (FORMAT csv, HEADER true)
"""


def main() -> None:
    args = parse_args("DuckDB")
    windows = [{"ord": i, "label": label, "a": a, "b": b}
               for i, (label, a, b) in enumerate(args.windows)]
    output = args.output.replace("'", "''")
    connection = duckdb.connect()
    connection.execute(QUERY.replace("{output}", output),
                       {"panel": args.panel, "events": args.events, "windows": windows})


if __name__ == "__main__":
    main()
