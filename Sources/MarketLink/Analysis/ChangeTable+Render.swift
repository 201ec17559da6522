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
            .init(row.base?.day.iso ?? "—"), .init(row.base.map { display.text($0.close) } ?? ""),
            .init(row.end?.day.iso ?? "—"), .init(row.end.map { display.text($0.close) } ?? ""),
        ]
        if let move = row.move {
            let points = display.points(from: move.baseClose, to: move.endClose)
            let color = points > 0 ? 32 : (points < 0 ? 31 : nil)
            cells.append(.init(display.pointsText(from: move.baseClose, to: move.endClose), color: color))
            // No percent against a base at or below 0 (a tally of events, a futures contract): the status.
            cells.append(.init(move.hasPercent ? ChangeTable.percentCell(move.percent) : row.status.rawValue, color: move.hasPercent ? color : 33))
        } else {
            cells.append(.init(row.status.rawValue, color: 33))
            cells.append(.init(""))
        }
        if sentences { cells.append(.init(sentence(row, series: series) ?? "")) }
        return cells
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
        var text = textTable().render(color: color) + statusLegend(vocabulary: vocabulary)
        if sentences { text += "\n" + self.sentences(vocabulary: vocabulary).map(TerminalText.escaped).joined(separator: "\n") + "\n" }
        return text
    }

    /// The legend printed under a table that has rows without numbers; `vocabulary` lets each status
    /// point to the caller's setting that changes it.
    public func statusLegend(vocabulary: ToolVocabulary = .none) -> String {
        ChangeTable.statusLegend(Set(rows.map(\.status)), vocabulary: vocabulary)
    }

    /// The legend of the statuses in `used` other than `ok`, in their order; empty for none.
    static func statusLegend(_ used: Set<ChangeStatus>, vocabulary: ToolVocabulary) -> String {
        let shown = used.subtracting([.ok])
        guard !shown.isEmpty else { return "" }
        return ChangeStatus.allCases.filter(shown.contains).map { "  \($0.rawValue): \($0.explanation(vocabulary: vocabulary))" }.joined(separator: "\n")
            + "\n"
    }

    /// Every row as a JSON object, with the same fields as the CSV; with `sentences`, a
    /// `sentence` field too (the newsroom sentence, or `null` for a row without a move).
    public func json(sentences: Bool = false) -> JSONValue {
        .array(
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
                if sentences { fields.append(("sentence", .string(sentence(row)))) }
                return .object(fields)
            })
    }
}

// MARK: - Sentences

extension ChangeTable {
    /// The newsroom sentence for a row ("The Dow Jones Industrial Average rose 260.33 points, ..."),
    /// or `nil` where the row has no move.
    /// `nil` too for a row of another table (whose series this table does not have).
    public func sentence(_ row: ChangeRow) -> String? {
        ChangeTable.sentence(row, series: series)
    }

    /// The sentence of a row of a table of `series`.
    static func sentence(_ row: ChangeRow, series: [Series]) -> String? {
        guard let move = row.move, let item = series[safe: row.seriesIndex], item.name == row.series else { return nil }
        return MoveSentence.text(for: move, in: item)
    }

    /// The line `sentences(vocabulary:)` gives a row.
    static func sentenceLine(_ row: ChangeRow, series: [Series], vocabulary: ToolVocabulary) -> String {
        let label = "[\(row.event.id) \(row.series) \(row.window)]"
        return "\(label) \(sentence(row, series: series) ?? "no move: \(row.status.rawValue) — \(row.status.explanation(vocabulary: vocabulary))")"
    }

    /// One line per row: event id, series, window, and the sentence or the status (explained with
    /// `vocabulary`).
    public func sentences(vocabulary: ToolVocabulary = .none) -> [String] {
        rows.map { ChangeTable.sentenceLine($0, series: series, vocabulary: vocabulary) }
    }
}
