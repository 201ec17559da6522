// MARK: - Inspection report

extension PriceFile {
    /// What `mlink inspect` prints: the layout, the columns taken, each series with its market,
    /// sessions, date range and largest gap, every dropped row and every other guess. Paths,
    /// headers, names and reasons from the file are shown safely (`TerminalText`). `vocabulary`
    /// names the caller's settings for taking the adjusted close and naming a series' market.
    public func reportText(vocabulary: ToolVocabulary = .none) -> String {
        // Written line by line into one string (each line made safe, then its line end): a wide
        // file's report has a few lines per series, and an array of them (and of their escaped
        // copies) would be held beside the series at the end of the load.
        var text = ""
        text.reserveCapacity(1024 + 12 * closeColumns.count + 320 * series.count + 96 * dropped.count)
        func add(_ line: String) {
            text += TerminalText.escaped(line)
            text += "\n"
        }
        add(path)
        func row(_ label: String, _ value: String) {
            add("  " + label.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + value)
        }
        row("layout", "\(layout.rawValue) (delimiter \(delimiter == "tab" ? "tab" : "\"\(delimiter)\""), header on line \(headerLine))")
        row("dates", "column \"\(dateColumn)\", \(dateReading), \(newestFirst ? "newest first (sorted)" : "oldest first")")
        if let symbolColumn { row("symbols", "column \"\(symbolColumn)\", one series per symbol") }
        // Each column quoted, one append at a time (a wide file lists 60,000).
        var columns = ""
        columns.reserveCapacity(12 * closeColumns.count)
        for (k, column) in closeColumns.enumerated() {
            if k > 0 { columns += ", " }
            columns += "\""
            columns += column
            columns += "\""
        }
        row(closeColumns.count == 1 ? "close" : "values", columns + (closeColumns.count > 1 ? " (one series each)" : ""))
        let adjustedNote = unusedAdjustedClose.map { PriceColumns.adjustedNote(close: closeColumns.first ?? "", adjusted: $0) }
        for note in notes {
            let hint = note == adjustedNote ? vocabulary.name(.adjustedClose).map { " with \($0)" } ?? "" : ""
            row("note", note + hint)
        }
        add("  series     \(series.count)")
        PriceFile.addLines(of: series, to: &text) { item, piece in PriceFile.addLines(of: item, vocabulary: vocabulary, to: &piece) }
        add("  dropped    \(dropped.count) row\(dropped.count == 1 ? "" : "s")")
        PriceFile.addLines(of: dropped, to: &text) { item, piece in
            let who = item.series.map { "\($0): " } ?? ""
            piece += TerminalText.escaped("    line \(item.line): \(who)\(item.reason)")
            piece += "\n"
        }
        return text
    }

    /// From how many items (series, dropped rows) `reportText` makes their lines in parts on
    /// worker threads.
    static let linesInParts = 2_000

    /// The lines `add` makes of each item, in order, appended to `text`: for a wide file's tens
    /// of thousands of series and dropped rows, made in parts of about 1,000 items on the worker
    /// threads (`OrderedWork.inParts`).
    static func addLines<Item: Sendable>(of items: [Item], to text: inout String, _ add: @escaping @Sendable (Item, inout String) -> Void) {
        let pieces = OrderedWork.inParts(count: items.count, minimum: linesInParts, parts: items.count / 1_000 + 1) { range in
            var piece = ""
            piece.reserveCapacity(160 * range.count)
            for k in range { add(items[k], &piece) }
            return piece
        }
        for piece in pieces { text += piece }
    }

    /// The lines of one series in `reportText`, each made safe, appended to `text`.
    static func addLines(of item: Series, vocabulary: ToolVocabulary, to text: inout String) {
        func add(_ line: String) {
            text += TerminalText.escaped(line)
            text += "\n"
        }
        add("    \(item.name)")
        let market = item.market.map { "\($0)" } ?? "unknown" + (vocabulary.name(.market(series: item.name)).map { " (name it with \($0))" } ?? "")
        if let index = item.index { add("      index    \(index.displayName.dropFirst(4))") }
        add("      market   \(market)")
        var range = "\(item.count) sessions"
        if let first = item.firstDay, let last = item.lastDay { range += ", \(first.iso) to \(last.iso)" }
        add("      sessions \(range)")
        if let gap = item.largestGap {
            add("      gap      largest \(gap.days) calendar days (\(gap.from.iso) to \(gap.to.iso))")
        }
        if let bars = item.intraday {
            let days = (0..<item.count).map { item.day(at: $0) }
            for line in bars.reportLines(sessionDays: days) {
                add("      " + line.label.padding(toLength: 8, withPad: " ", startingAt: 0) + " " + line.value)
            }
        }
    }

    /// The same report as JSON, for scripts.
    public func reportJSON() -> JSONValue {
        .object([
            ("file", .string(path)),
            ("layout", .string(layout.rawValue)),
            ("delimiter", .string(delimiter)),
            ("header_line", .number(Double(headerLine))),
            ("date_column", .string(dateColumn)),
            ("date_reading", .string(dateReading)),
            ("newest_first", .bool(newestFirst)),
            ("close_columns", .array(closeColumns.map { .string($0) })),
            ("symbol_column", .string(symbolColumn)),
            ("notes", .array(notes.map { .string($0) })),
            (
                "series",
                .array(
                    series.map { item in
                        .object([
                            ("name", .string(item.name)),
                            ("index", .string(item.index.map { String($0.displayName.dropFirst(4)) })),
                            ("market", .string(item.market?.id)),
                            ("time_zone", .string(item.market?.timeZoneIdentifier)),
                            ("sessions", .number(Double(item.count))),
                            ("first", .string(item.firstDay?.iso)),
                            ("last", .string(item.lastDay?.iso)),
                            ("largest_gap_days", item.largestGap.map { .number(Double($0.days)) } ?? .null),
                            ("intraday", item.intraday.map { $0.reportJSON(sessionDays: (0..<item.count).map(item.day(at:))) } ?? .null),
                        ])
                    })
            ),
            (
                "dropped",
                .array(
                    dropped.map { item in
                        .object([("line", .number(Double(item.line))), ("series", .string(item.series)), ("reason", .string(item.reason))])
                    })
            ),
        ])
    }
}
