import MarketLink

enum ChangesCommand {
    static let spec = CommandSpec(
        name: "changes",
        summary: "how each series moved around each event (table, csv, json, md)",
        help: """
            usage: mlink changes --events EVENTS SERIES... [--window A:B]... [--align next|previous|exact]
                                 [--format table|csv|json|md] [-o FILE] [--sentences]

            For every event, series and window: the base session (t0+A−1) and its close, the end
            session (t0+B) and its close, the move in points and percent, and a status. t0 is the event
            session: for a date-only event the first session on or after the date (--align next), the
            last on or before it (previous), or the date itself (exact); for a timed event the first
            session whose close comes after the event, in each market's own zone.

            options:
              --events FILE       events CSV (date and title required; see `mlink events --help`)
              --window A:B        sessions around t0, repeatable (default -1:1 and 0:0)
              --align RULE        next (default), previous or exact, for date-only events
              --format F          table (default on a terminal), csv, json or md
              -o FILE             write to FILE atomically; the format follows its extension
              --sentences         after the table, one newsroom sentence per row (table format)
              --market S=M        the market of series S: NYSE, SSE, HKEX, ... or ZONE@HH:MM
              --date-format O     day/month order for price files that cannot tell: MDY, DMY or YMD
              --adjusted          use Adj Close where a price file has it

            CSV columns: \(ChangeTable.csvColumns.joined(separator: ","))
            Statuses: \(ChangeStatus.allCases.map(\.rawValue).joined(separator: ", ")) — no row is dropped.

            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        guard let eventsPath = try arguments.value("--events") else { throw UsageError(message: "--events EVENTS is required") }
        let windows = try arguments.values("--window", "-w").map { text throws(MarketLinkError) in try EventWindow(parsing: text) }
        let rule = try alignmentRule(&arguments)
        let output = try arguments.value("-o", "--output")
        let format = try OutputFormat.choose(try arguments.value("--format"), output: output)
        let sentences = arguments.flag("--sentences")
        let prices = try PriceOptions(&arguments)
        let sources = try arguments.positionals()
        guard !sources.isEmpty else { throw UsageError(message: "name at least one price file (SERIES)") }

        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let chosen = windows.isEmpty ? EventWindow.defaults : windows
        let inputs = [eventsPath] + collection.paths
        if let output { try AtomicFile.refuseInput(output, inputs: inputs) }
        if format == .csv {
            // Streamed: the report is never whole in memory, and the file appears only when complete.
            if let output, output != "-" {
                let writer = try AtomicFile.Writer(path: output, refusing: inputs, durable: false)
                try ChangeTable.streamCSV(events: events, series: collection.series, windows: chosen, rule: rule) { bytes in
                    try writer.write(bytes)
                }
                try writer.commit()
            } else {
                try ChangeTable.streamCSV(events: events, series: collection.series, windows: chosen, rule: rule) { bytes in
                    Terminal.writeBytes(bytes, to: 1)
                }
            }
            return 0
        }
        let table = ChangeTable(events: events, series: collection.series, windows: chosen, rule: rule)
        switch format {
        case .csv:
            break
        case .json:
            try emit(table.json().serialized(), to: output, inputs: inputs)
        case .md:
            try emit(table.textTable(titleWidth: 80).markdown(), to: output, inputs: inputs)
        case .table:
            try emit(table.textReport(color: output == nil && Terminal.useColor, sentences: sentences), to: output, inputs: inputs)
        }
        return 0
    }
}

/// `--align` shared by the commands that align events.
func alignmentRule(_ arguments: inout Arguments) throws -> AlignmentRule {
    guard let text = try arguments.value("--align") else { return .next }
    guard let rule = AlignmentRule(rawValue: text.lowercased()) else {
        throw UsageError(message: "--align takes next, previous or exact, not \"\(text)\"")
    }
    return rule
}
