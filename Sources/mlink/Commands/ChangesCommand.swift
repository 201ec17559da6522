import MarketLink

enum ChangesCommand {
    static let events = EventsOptions.events(required: true)
    static let windows = WindowOptions.Spec(
        repeatable: true, defaults: EventWindow.changesDefault, purpose: "sessions around t0 to measure", minutes: true)
    static let output = OutputOptions.Spec.formats(OutputFormat.reports, sentences: true)

    static let spec = CommandSpec(
        path: ["changes"],
        summary: "how each series moved around each event (table, csv, json, md)",
        positionals: [PriceFileOptions.series(.oneOrMore)],
        groups: [EventsOptions.group(events), windows.group, output.group, PriceFileOptions.group],
        about: """
            For every event, series and window: the base session (t0+A−1) and its close, the end
            session (t0+B) and its close, the move in points and percent, and a status. t0 is the event
            session: for a date-only event the first session on or after the date (--align next), the
            last on or before it (previous), or the date itself (exact); for a timed event the first
            session whose close comes after the event, in each market's own zone.

            A minute window Am:Bm (or Ah:Bh) is measured on intraday bars around a timed event at
            instant u: from the price at u+A to that at u+B, the price at an instant being the close of
            the last bar ending at or before it (--bar-label end for bars stamped by their end). An event
            outside trading is measured from the next trading period's first bar, and the output says
            so. Minute and session windows mix freely in one run; a date-only event gets no-time and a
            daily series no-bars for a minute window.

            The table shows closes and points as the data has them and the percent to 2 decimals
            (its header says %); a move too small to show at 2 decimals reads +<0.01 or -<0.01.
            """,
        examples: [
            "mlink changes --events events.csv DJIA=djia.csv SSE=sse.csv --window 0:1 --sentences",
            "mlink changes --events timed.csv SPX=spx-1m.csv --window -30m:60m --window 0m:15m --window -1:1 --sentences",
        ],
        notes: """
            CSV columns: \(ChangeTable.csvColumns.joined(separator: ",")) (and \(ChangeTable.sentenceColumn) with --sentences)
            With minute windows, \(ChangeTable.minuteColumns.joined(separator: ",")) follow event_session (ISO 8601 instants with
            the series' offset, and why an event outside trading was moved); empty on session windows' rows.
            Statuses: \(ChangeStatus.allCases.map(\.rawValue).joined(separator: ", ")) — no row is dropped.
            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let eventsPath = try arguments.required(events)
        let window = try WindowOptions(&arguments, windows)
        let out = try OutputOptions(&arguments, output, command: "changes")
        let prices = try PriceFileOptions(&arguments)
        let sources = try arguments.positionals()

        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let inputs = [eventsPath] + collection.paths
        try out.refuseInputs(inputs)
        // One row per event, series and window, whatever the format: no row is dropped.
        let rows = events.count * collection.series.count * window.windows.count
        if out.format == .csv {
            // Streamed: the report is never whole in memory, and a file appears only when complete.
            let writer = try openOutput(out.path, inputs: inputs)
            try ChangeTable.writeCSV(
                events: events, series: collection.series, windows: window.windows, rule: window.rule, sentences: out.sentences, to: writer)
            try commit(writer, to: out.path, rows: rows)
            return 0
        }
        switch out.format {
        case .csv:
            break
        case .json:
            let table = ChangeTable(events: events, series: collection.series, windows: window.windows, rule: window.rule)
            try out.write(table.json(sentences: out.sentences).serialized(), inputs: inputs, rows: rows)
        case .html: throw InternalError(message: "changes offers no HTML format (use mlink report)")
        case .md, .table:
            // Streamed too: on a terminal the first rows print while the rest are computed.
            let writer = try openOutput(out.path, inputs: inputs)
            let sink: (String) throws -> Void = { text in try writer.write(Array(text.utf8)) }
            if out.format == .md {
                try ChangeTable.streamMarkdown(
                    events: events, series: collection.series, windows: window.windows, rule: window.rule, sentences: out.sentences, sink: sink)
            } else {
                try ChangeTable.streamText(
                    events: events, series: collection.series, windows: window.windows, rule: window.rule, color: out.color,
                    sentences: out.sentences, vocabulary: .mlink, sink: sink)
            }
            try commit(writer, to: out.path, rows: rows)
        }
        return 0
    }
}
