// MARK: - Streaming the table for people

extension ChangeTable {
    /// What `textReport(color:sentences:vocabulary:)` prints, handed to `sink` a batch at a time
    /// as the rows are computed, so that a table of millions of rows starts printing at once and
    /// is never whole in memory.
    ///
    /// The first rows (about a thousand) are computed on the calling thread and fix the column
    /// widths (`TextTable.columnWidths(atLeast:)`): when they are the whole table, the output is
    /// exactly `textReport`'s; otherwise each column is also as wide as any of its cells can be
    /// (`textBounds`: dates are 10 columns, titles at most 44, closes and points no wider than the
    /// series' extremes give, percent no wider than its largest possible move), so every later
    /// row lines up. The rest come from the pipeline of `streamCSV` (worker threads, handed over
    /// in order). The legend of the statuses used follows the table; with `sentences`, one
    /// sentence per row after it, from a second pass.
    public static func streamText(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule = .next, color: Bool = false,
        sentences: Bool = false, vocabulary: ToolVocabulary = .none, sink: (String) throws -> Void
    ) throws {
        try streamText(
            events: events, series: series, windows: windows, rule: rule, color: color, sentences: sentences, vocabulary: vocabulary,
            firstRows: 1_024, rowsPerBatch: 8_192, formatted: nil, sink: sink)
    }

    /// `streamText` with its batch sizes given, and `formatted` called with each batch's first
    /// event as its rows are formatted (for tests that watch the order of the work).
    static func streamText(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule, color: Bool, sentences: Bool,
        vocabulary: ToolVocabulary, firstRows: Int, rowsPerBatch: Int, formatted: (@Sendable (Int) -> Void)?,
        sink: (String) throws -> Void
    ) throws {
        let titleWidth = 44
        let rowsPerEvent = max(series.count * windows.count, 1)
        let firstRange = 0..<min(events.count, max(1, firstRows / rowsPerEvent))
        formatted?(0)
        var first = emptyTextTable(titleWidth: titleWidth, sentences: false)
        var used: Set<ChangeStatus> = []
        var minuteUsed: Set<ChangeStatus> = []
        var notes: [String] = []
        for row in rows(of: firstRange, events: events, series: series, windows: windows, rule: rule) {
            if row.window.isMinuteWindow { minuteUsed.insert(row.status) } else { used.insert(row.status) }
            if let note = movedNote(row, series: series, windows: windows) { notes.append(note) }
            first.append(textCells(row, series: series, sentences: false))
        }
        let rest = batches(firstRange.upperBound..<events.count, eventsPerBatch: rowsPerBatch / rowsPerEvent)
        let widths = first.columnWidths(atLeast: rest.isEmpty ? [] : textBounds(events: events, series: series, windows: windows, titleWidth: titleWidth))
        try sink(first.renderHeader(widths: widths) + first.renderRows(widths: widths, color: color))
        try streamBatches(
            events: events, series: series, windows: windows, rule: rule, batches: rest,
            format: { range, entries in
                formatted?(range.lowerBound)
                var table = emptyTextTable(titleWidth: titleWidth, sentences: false)
                var batch = TextBatch(text: "", statuses: [], minuteStatuses: [], notes: [])
                for entry in entries {
                    let row = ChangeTable.row(entry, events: events, series: series, windows: windows)
                    if row.window.isMinuteWindow { batch.minuteStatuses.insert(row.status) } else { batch.statuses.insert(row.status) }
                    if let note = movedNote(row, series: series, windows: windows) { batch.notes.append(note) }
                    table.append(textCells(row, series: series, sentences: false))
                }
                batch.text = table.renderRows(widths: widths, color: color)
                return batch
            },
            sink: { batch in
                used.formUnion(batch.statuses)
                minuteUsed.formUnion(batch.minuteStatuses)
                notes += batch.notes
                try sink(batch.text)
            })
        let legend = statusLegend(used, minutes: minuteUsed, vocabulary: vocabulary) + movedNotes(notes)
        guard sentences else {
            if !legend.isEmpty { try sink(legend) }
            return
        }
        // "\n", then each sentence on its line (as `textReport` joins them).
        try sink(legend + "\n")
        if events.isEmpty || series.isEmpty || windows.isEmpty { try sink("\n") }
        try streamBatches(
            events: events, series: series, windows: windows, rule: rule,
            batches: batches(events.indices, eventsPerBatch: rowsPerBatch / rowsPerEvent),
            format: { _, entries in
                var text = ""
                for entry in entries {
                    let row = ChangeTable.row(entry, events: events, series: series, windows: windows)
                    text += TerminalText.escaped(sentenceLine(row, series: series, vocabulary: vocabulary)) + "\n"
                }
                return text
            }, sink: sink)
    }

    /// What `textReport` with `md` prints, `textTable(titleWidth: 80, sentences:)` as Markdown,
    /// handed to `sink` a batch at a time (Markdown has no widths to agree on).
    public static func streamMarkdown(
        events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule = .next, sentences: Bool = false,
        sink: (String) throws -> Void
    ) throws {
        try sink(emptyTextTable(titleWidth: 80, sentences: sentences).markdownHeader())
        let rowsPerEvent = max(series.count * windows.count, 1)
        try streamBatches(
            events: events, series: series, windows: windows, rule: rule, batches: batches(events.indices, eventsPerBatch: 8_192 / rowsPerEvent),
            format: { _, entries in
                var table = emptyTextTable(titleWidth: 80, sentences: sentences)
                for entry in entries {
                    table.append(textCells(ChangeTable.row(entry, events: events, series: series, windows: windows), series: series, sentences: sentences))
                }
                return table.markdownRows()
            }, sink: sink)
    }

    /// The text of one batch and the statuses of its rows.
    private struct TextBatch: Sendable {
        var text: String
        var statuses: Set<ChangeStatus>
        /// The statuses of the rows of minute windows.
        var minuteStatuses: Set<ChangeStatus>
        /// The notes of events moved outside trading (`movedNote`).
        var notes: [String]
    }

    /// The rows of the events in `range`, t0 found for them alone.
    private static func rows(of range: Range<Int>, events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule) -> [ChangeRow] {
        let sessions = EventSessions.find(events: events, range: range, series: series, rule: rule)
        return entries(sessions: sessions[...], events: events, series: series, counts: series.map(\.count), windows: windows, eventRange: range).map {
            ChangeTable.row($0, events: events, series: series, windows: windows)
        }
    }

    // MARK: - Widths known ahead

    /// For each column of `textTable(titleWidth:)`, the widest any of its cells can be, in
    /// terminal columns, from the inputs alone (one pass over the events and the closes):
    /// ids, dates, titles (at most `titleWidth`), names and windows as they are; a close no wider
    /// than the series' lowest or highest close as shown; points no wider than its highest less
    /// its lowest (or the reverse), or a status's name; percent no wider than the moves from its
    /// lowest positive close to its highest and back (and, with negative closes, the largest
    /// magnitude over the smallest negative one). With minute windows, the intraday bars' closes
    /// count too, and a base or end cell is as wide as a local date and time.
    static func textBounds(events: [Event], series: [Series], windows: [EventWindow], titleWidth: Int) -> [Int] {
        func width(_ text: String) -> Int { DisplayWidth.columns(TerminalText.escaped(text)) }
        var id = 0
        var title = 0
        var lowest: Day?
        var highest: Day?
        for event in events {
            id = max(id, width(event.id))
            if title < titleWidth { title = min(titleWidth, max(title, width(event.title))) }
            lowest = min(lowest ?? event.date, event.date)
            highest = max(highest ?? event.date, event.date)
        }
        let date = max(lowest.map { width($0.iso) } ?? 0, highest.map { width($0.iso) } ?? 0)
        let name = series.map { width($0.name) }.max() ?? 0
        let window = windows.map { width($0.description) }.max() ?? 0
        var session = windows.contains(where: \.isMinuteWindow) ? 16 : 1  // "2023-06-08 09:44", or "—"
        var close = 0
        var points = ChangeStatus.allCases.map { $0.rawValue.count }.max() ?? 0
        var percent = 4  // "-inf"
        for item in series where !item.isEmpty {
            if let first = item.firstDay, let last = item.lastDay { session = max(session, width(first.iso), width(last.iso)) }
            var low = Double.infinity
            var high = -Double.infinity
            var lowPositive = Double.infinity
            var smallestNegative = Double.infinity
            // A minute window's prices are bar closes, which may reach past the daily closes.
            let bars = windows.contains(where: \.isMinuteWindow) ? item.intraday?.closes ?? [] : []
            for values in [item.closes, bars] {
                for value in values where value.isFinite {
                    low = min(low, value)
                    high = max(high, value)
                    if value > 0 { lowPositive = min(lowPositive, value) }
                    if value < 0 { smallestNegative = min(smallestNegative, -value) }
                }
            }
            guard low.isFinite, high.isFinite else { continue }
            let display = item.display
            close = max(close, width(display.text(low)), width(display.text(high)))
            points = max(points, width(display.pointsText(from: low, to: high)), width(display.pointsText(from: high, to: low)))
            if lowPositive.isFinite {
                percent = max(percent, width(percentCell(100 * (high / lowPositive - 1))))
                percent = max(percent, width(percentCell(100 * (low / lowPositive - 1))), width(percentCell(100 * (lowPositive / high - 1))))
            }
            if smallestNegative.isFinite {
                // A negative base (a futures series below zero): |end / base| is at most the
                // largest magnitude over the smallest negative one.
                let ratio = max(abs(low), abs(high)) / smallestNegative
                percent = max(percent, width(percentCell(100 * (ratio + 1))), width(percentCell(-100 * (ratio + 1))))
            }
        }
        return [id, date, title, name, window, session, close, session, close, points, percent]
    }
}
