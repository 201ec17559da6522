// MARK: - Table, Markdown and JSON

extension ChangeTable {
    /// A readable table: event date and title, series, window, base → end, the move in points and
    /// in percent. The headers carry the units (`points`, `%`), so the cells are bare signed
    /// numbers; a percent move that is not zero but would show as 0.00 shows as `+<0.01` or
    /// `-<0.01` (see `percentCell`). Closes and points are shown with each series' display
    /// precision (`Series.display`: a Yahoo `33833.609375` is `33,833.61`, a move `+260.33`),
    /// percent with two decimals; titles are cut to `titleWidth` columns. Points and percent are
    /// green when up and red when down, on a colour terminal only. With `sentences`, a last column
    /// holds each row's newsroom sentence.
    public func textTable(titleWidth: Int = 44, sentences: Bool = false) -> TextTable {
        var table = ChangeTable.emptyTextTable(titleWidth: titleWidth, sentences: sentences)
        for row in rows { table.append(ChangeTable.textCells(row, series: series, sentences: sentences)) }
        return table
    }

    /// The columns of `textTable(titleWidth:sentences:)`, without rows.
    static func emptyTextTable(titleWidth: Int, sentences: Bool) -> TextTable {
        TextTable(
            headers: ["event", "date", "title", "series", "window", "base", "close", "end", "close", "points", "%"] + (sentences ? ["sentence"] : []),
            alignments: [.left, .left, .left, .left, .right, .left, .right, .left, .right, .right, .right] + (sentences ? [.left] : []),
            maxWidths: [nil, nil, titleWidth])
    }

    /// The cells of one row of `textTable(titleWidth:sentences:)`.
    static func textCells(_ row: ChangeRow, series: [Series], sentences: Bool) -> [TextTable.Cell] {
        let event = row.event
        let display = series[row.seriesIndex].display
        var cells: [TextTable.Cell] = [
            .init(event.id), .init(event.dateText), .init(event.title), .init(row.series),
            .init(row.window.description),
            .init(sessionText(row, base: true, series: series)), .init(row.base.map { display.text($0.close) } ?? ""),
            .init(sessionText(row, base: false, series: series)), .init(row.end.map { display.text($0.close) } ?? ""),
        ]
        if let (baseClose, endClose) = row.movedCloses {
            let points = display.points(from: baseClose, to: endClose)
            let color = points > 0 ? 32 : (points < 0 ? 31 : nil)
            cells.append(.init(display.pointsText(from: baseClose, to: endClose), color: color))
            // No percent against a base at or below 0 (a tally of events, a futures contract): the status.
            let percent = row.percent
            cells.append(.init(percent.map(ChangeTable.percentCell) ?? row.status.rawValue, color: percent != nil ? color : 33))
        } else {
            cells.append(.init(row.status.rawValue, color: 33))
            cells.append(.init(""))
        }
        if sentences { cells.append(.init(sentence(row, series: series) ?? "")) }
        return cells
    }

    /// The base (or end) cell: the session's date, or for a minute window the local date and time
    /// of the instant its price is taken at (`2023-06-08 09:44`); `—` when there is none.
    static func sessionText(_ row: ChangeRow, base: Bool, series: [Series]) -> String {
        if let minute = row.minute, let bars = series[safe: row.seriesIndex]?.intraday {
            guard let price = base ? minute.base : minute.end else { return "—" }
            let iso = bars.isoText(price.instant)
            return String(iso.prefix(10)) + " " + bars.clockText(price.instant)
        }
        return (base ? row.base : row.end)?.day.iso ?? "—"
    }

    /// A percent move for a table cell: signed, 2 decimals, no `%` (the header says it); a move
    /// that is not zero but rounds to 0.00 is `+<0.01` or `-<0.01`, so a small move never reads
    /// as no move.
    static func percentCell(_ percent: Double) -> String {
        let text = NumberFormat.string(percent, decimals: 2, plus: true)
        guard percent != 0, text == "+0.00" || text == "-0.00" || text == "0.00" else { return text }
        return percent > 0 ? "+<0.01" : "-<0.01"
    }

    /// What `mlink changes` prints on a terminal: the table, the legend of the statuses used,
    /// and with `sentences` one sentence per row; every text from the inputs shown safely
    /// (`TerminalText`). `vocabulary` lets the statuses point to the caller's settings.
    public func textReport(color: Bool = false, sentences: Bool = false, vocabulary: ToolVocabulary = .none) -> String {
        let notes = rows.compactMap { ChangeTable.movedNote($0, series: series, windows: windows) }
        var text = textTable().render(color: color) + statusLegend(vocabulary: vocabulary) + ChangeTable.movedNotes(notes)
        if sentences { text += "\n" + self.sentences(vocabulary: vocabulary).map(TerminalText.escaped).joined(separator: "\n") + "\n" }
        return text
    }

    /// The legend printed under a table that has rows without numbers; `vocabulary` lets each status
    /// point to the caller's setting that changes it.
    public func statusLegend(vocabulary: ToolVocabulary = .none) -> String {
        let used = rows.map { ($0.status, $0.window.isMinuteWindow) }
        return ChangeTable.statusLegend(
            Set(used.filter { !$0.1 }.map(\.0)), minutes: Set(used.filter(\.1).map(\.0)), vocabulary: vocabulary)
    }

    /// The legend of the statuses in `used` (by rows of session windows) and `minutes` (by rows of
    /// minute windows) other than `ok`, in their order; empty for none. A status whose meaning
    /// differs for minute windows gets a line of its own, marked `(minute windows)`.
    static func statusLegend(_ used: Set<ChangeStatus>, minutes: Set<ChangeStatus> = [], vocabulary: ToolVocabulary) -> String {
        var lines: [String] = []
        for status in ChangeStatus.allCases where status != .ok {
            let session = status.explanation(vocabulary: vocabulary)
            let minute = status.minuteExplanation(vocabulary: vocabulary)
            if used.contains(status) { lines.append("  \(status.rawValue): \(session)") }
            if minutes.contains(status), minute != session || !used.contains(status) {
                lines.append("  \(status.rawValue)\(minute != session ? " (minute windows)" : ""): \(minute)")
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The note under the table for an event outside trading, once per event and series (on the
    /// row of its first minute window): "event 4, SPX: the 5:05 p.m. announcement came after the
    /// close; minute windows are measured from 9:30 a.m. on 2023-06-08".
    static func movedNote(_ row: ChangeRow, series: [Series], windows: [EventWindow]) -> String? {
        guard let minute = row.minute, let moved = minute.placement.moved, let from = minute.placement.measuredFrom,
            row.windowIndex == windows.firstIndex(where: \.isMinuteWindow), let bars = series[safe: row.seriesIndex]?.intraday
        else { return nil }
        return "event \(row.event.id), \(row.series): the \(bars.sentenceTime(minute.placement.eventInstant)) announcement came \(moved.rawValue);"
            + " minute windows are measured from \(bars.sentenceTime(from)) on \(bars.isoText(from).prefix(10))"
    }

    /// The notes of moved events, under the table: a heading line, then one indented line each; empty for none.
    static func movedNotes(_ notes: [String]) -> String {
        guard !notes.isEmpty else { return "" }
        return "  moved outside trading:\n" + notes.map { "    " + TerminalText.escaped($0) + "\n" }.joined()
    }

    /// Every row as a JSON object, with the same fields as the CSV; with `sentences`, a
    /// `sentence` field too (the newsroom sentence, or `null` for a row without a move).
    /// With minute windows, each row has the `minuteColumns` fields too (`null` on the rows of
    /// session windows).
    public func json(sentences: Bool = false) -> JSONValue {
        let minutes = windows.contains(where: \.isMinuteWindow)
        return .array(
            rows.map { row in
                let event = row.event
                let decimals = series[row.seriesIndex].decimals
                var fields: [(String, JSONValue)] = [
                    ("event_id", .string(event.id)),
                    ("event_date", .string(event.dateText)),
                    ("event_title", .string(event.title)),
                    ("tags", .array(event.tags.map { .string($0) })),
                    ("series", .string(row.series)),
                    ("window", .string(row.window.description)),
                    ("base_date", .string(row.base?.day.iso)),
                    ("base_close", .number(row.base?.close)),
                    ("end_date", .string(row.end?.day.iso)),
                    ("end_close", .number(row.end?.close)),
                    ("points", row.points.map { .raw(NumberFormat.string($0, decimals: decimals, trimZeros: true)) } ?? .null),
                    ("percent", .number(row.percent)),
                    ("status", .string(row.status.rawValue)),
                    ("event_session", .string(row.eventSession?.day.iso)),
                    ("log_return", .number(row.logReturn)),
                ]
                if minutes {
                    for (name, text) in zip(ChangeTable.minuteColumns, ChangeTable.minuteCells(row, series: series[row.seriesIndex])) {
                        fields.append((name, .string(text)))
                    }
                }
                if sentences { fields.append(("sentence", .string(sentence(row)))) }
                return .object(fields)
            })
    }
}

// MARK: - Sentences

extension ChangeTable {
    /// The newsroom sentence for a row ("The Dow Jones Industrial Average rose 260.33 points, ...";
    /// for a minute window "The S&P 500 fell 0.30% in the 30 minutes after the 10:14 a.m.
    /// announcement, to 4,260.89.", `MinuteMoveSentence`), or `nil` where the row has no move.
    /// `nil` too for a row of another table (whose series this table does not have).
    public func sentence(_ row: ChangeRow) -> String? {
        ChangeTable.sentence(row, series: series)
    }

    /// The sentence of a row of a table of `series`.
    static func sentence(_ row: ChangeRow, series: [Series]) -> String? {
        guard let item = series[safe: row.seriesIndex], item.name == row.series else { return nil }
        if let minute = row.minute {
            guard row.status == .ok, let bars = item.intraday else { return nil }
            return MinuteMoveSentence.text(for: minute, bars: bars, series: item)
        }
        guard let move = row.move else { return nil }
        return MoveSentence.text(for: move, in: item)
    }

    /// The line `sentences(vocabulary:)` gives a row.
    static func sentenceLine(_ row: ChangeRow, series: [Series], vocabulary: ToolVocabulary) -> String {
        let label = "[\(row.event.id) \(row.series) \(row.window)]"
        let why = row.window.isMinuteWindow ? row.status.minuteExplanation(vocabulary: vocabulary) : row.status.explanation(vocabulary: vocabulary)
        return "\(label) \(sentence(row, series: series) ?? "no move: \(row.status.rawValue) — \(why)")"
    }

    /// One line per row: event id, series, window, and the sentence or the status (explained with
    /// `vocabulary`).
    public func sentences(vocabulary: ToolVocabulary = .none) -> [String] {
        rows.map { ChangeTable.sentenceLine($0, series: series, vocabulary: vocabulary) }
    }
}
