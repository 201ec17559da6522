// MARK: - Change report

/// The report of a change table: how each series moved around each event, for readers who open
/// it in a browser and for those who print it.
///
/// Sections, in order (their ids in brackets):
/// - Summary [`summary`]: what was measured, how many moves have numbers, the largest moves of
///   each window by absolute percent, how often each series rose and fell, and an overview
///   chart of every series over the events' dates (rebased, events marked by id).
/// - Events [`events`]: per event, its date, tags, score and source, the newsroom sentence for
///   each series and window (or why there is no move), and a chart of every series around it,
///   rebased to 100 at the base session of `chartWindow` (charts for the first
///   `maxEventCharts` events only).
/// - Change table [`changes`]: every row, as `mlink changes` prints it.
/// - Data and definitions [`data`]: the events file, each price file with the layout it was
///   read as, the series and their markets, the windows, the alignment rule and the formulas.
///
/// Further analyses (an event study, say) go in with `HTMLReport.insert(_:after: "changes")`.
public struct ChangeReport: Sendable {
    /// The change table the report shows.
    public var table: ChangeTable
    /// The events file as the user named it.
    public var eventsFile: String
    /// The price files the series came from, as loaded.
    public var priceFiles: [PriceFile]
    /// The window the event charts span (default `EventWindow.chartDefault`, −5:5).
    public var chartWindow: EventWindow
    /// Events after this many get no chart (their sentences and rows stay).
    public var maxEventCharts: Int
    /// Who made the report, e.g. `MarketLink 0.1.0`.
    public var generator: String
    /// The report's title; `nil` for one made from the series and events.
    public var title: String?
    /// The caller's names for its settings and commands, shown (as code) where the report points
    /// to them; `.none` gives a report that says only what is meant.
    public var vocabulary: ToolVocabulary

    /// A report of `table`; the defaults chart −5:5 around the first 40 events.
    public init(
        table: ChangeTable, eventsFile: String, priceFiles: [PriceFile], chartWindow: EventWindow? = nil,
        maxEventCharts: Int = 40, generator: String, title: String? = nil, vocabulary: ToolVocabulary = .none
    ) {
        self.table = table
        self.eventsFile = eventsFile
        self.priceFiles = priceFiles
        self.chartWindow = chartWindow ?? .chartDefault
        self.maxEventCharts = max(0, maxEventCharts)
        self.generator = generator
        self.title = title
        self.vocabulary = vocabulary
    }

    /// The report, with the four sections above.
    public func report() -> HTMLReport {
        HTMLReport(
            title: title ?? defaultTitle, lede: lede,
            sections: [summarySection(), eventsSection(), changesSection(), dataSection()], generator: generator)
    }

    // MARK: - Words

    var defaultTitle: String {
        let count = table.events.count
        return EventCharts.names(table.series) + " around " + plural(count, "event")
    }

    var lede: ReportText {
        var spans: [ReportText.Span] = [.plain("Events from "), .code(fileName(eventsFile))]
        if let range = eventRange { spans.append(.plain(", " + DateRangeText.range(range.first, range.last))) }
        spans.append(.plain("; " + (table.windows.count == 1 ? "window " : "windows ")))
        spans += windowSpans
        spans.append(.plain("."))
        return ReportText(spans)
    }

    private var windowSpans: [ReportText.Span] {
        var spans: [ReportText.Span] = []
        for (index, window) in table.windows.enumerated() {
            if index > 0 { spans.append(.plain(index == table.windows.count - 1 ? " and " : ", ")) }
            spans.append(.code(window.description))
        }
        return spans
    }

    private var eventRange: (first: Day, last: Day)? {
        guard let first = table.events.map(\.date).min(), let last = table.events.map(\.date).max() else { return nil }
        return (first, last)
    }

    // MARK: - Summary

    func summarySection() -> ReportSection {
        var blocks: [ReportBlock] = []
        let seriesCount = table.series.count
        var what: [ReportText.Span] = [
            .plain(
                "How " + plural(seriesCount, "series", "series") + " (" + EventCharts.names(table.series)
                    + ") moved around " + plural(table.events.count, "event")
                    + ": for each event, series and window [a, b], the move from the close of the base session t0+a−1 to the close of the end session t0+b, where t0 is the event's session in that market ("
            ),
            .code(table.rule.rawValue), .plain(" alignment). "),
        ]
        // `no-percent` rows have both closes too (and points; a base at or below 0 has no percent).
        let measured = table.rows.filter { $0.status == .ok || $0.status == .noPercent }.count
        what.append(
            .plain(
                plural(table.rows.count, "move") + " in all; " + String(measured) + " with both closes"
                    + (measured == table.rows.count
                        ? "."
                        : ", " + String(table.rows.count - measured)
                            + " without (see the status column of the change table).")))
        blocks.append(.paragraph(ReportText(what)))

        let largest = largestMovesTable()
        if !largest.rows.isEmpty { blocks.append(.table(largest)) }
        let directions = directionTable()
        if !directions.rows.isEmpty { blocks.append(.table(directions)) }
        if let overview = overviewChart() { blocks.append(.lineChart(overview)) }
        return ReportSection(id: "summary", heading: "Summary", blocks: blocks)
    }

    /// Per window, the five moves largest in absolute percent (ties in table order).
    func largestMovesTable(count: Int = 5) -> ReportTable {
        // Row positions and percents per window, in one pass; only the rows shown are made.
        var moves = [[(index: Int, percent: Double)]](repeating: [], count: table.windows.count)
        for (index, row) in table.rows.enumerated() {
            guard let percent = row.percent, percent.isFinite else { continue }
            moves[row.windowIndex].append((index, percent))
        }
        var rows: [[ReportText]] = []
        for w in table.windows.indices {
            let ranked = moves[w].sorted { a, b in
                abs(a.percent) != abs(b.percent) ? abs(a.percent) > abs(b.percent) : a.index < b.index
            }
            for move in ranked.prefix(count) {
                let row = table.rows[move.index]
                let event = row.event
                rows.append([
                    ReportText([.code(table.windows[w].description)]), ReportText("#" + event.id),
                    ReportText(event.dateText), ReportText(event.title), ReportText(row.series),
                    ReportText(pointsText(row)), ReportText(percentText(row)),
                ])
            }
        }
        return ReportTable(
            caption: "Largest moves in each window, by absolute percent",
            columns: [
                .init("window"), .init("event"), .init("date"), .init("title", .title), .init("series"), .init("points", .number),
                .init("percent", .number),
            ], rows: rows)
    }

    /// Per series and window: how many moves rose, fell, were unchanged (points and percent both
    /// zero as shown, as the sentences say; see `MoveDirection`) or had no number.
    func directionTable() -> ReportTable {
        // Counts per series and window, in one pass over the rows.
        let width = table.windows.count
        var counts = [(rose: Int, fell: Int, unchanged: Int, missing: Int)](
            repeating: (0, 0, 0, 0), count: table.series.count * width)
        for row in table.rows {
            let k = row.seriesIndex * width + row.windowIndex
            guard let move = row.move else {
                counts[k].missing += 1
                continue
            }
            switch MoveDirection(move, precision: table.series[row.seriesIndex].display) {
            case .unchanged: counts[k].unchanged += 1
            case .up: counts[k].rose += 1
            case .down: counts[k].fell += 1
            }
        }
        var rows: [[ReportText]] = []
        for s in table.series.indices {
            for w in table.windows.indices {
                let (rose, fell, unchanged, missing) = counts[s * width + w]
                rows.append([
                    ReportText(table.series[s].name), ReportText([.code(table.windows[w].description)]),
                    ReportText(String(rose)), ReportText(String(fell)), ReportText(String(unchanged)),
                    ReportText(String(missing)),
                ])
            }
        }
        return ReportTable(
            caption: "How often each series rose and fell",
            columns: [
                .init("series"), .init("window"), .init("rose", .number), .init("fell", .number),
                .init("unchanged", .number), .init("no number", .number),
            ], rows: rows)
    }

    /// Every series over the events' dates with two weeks either side, rebased, events marked
    /// by id; `nil` with fewer than two events or no data in that range.
    func overviewChart() -> LineChart? {
        guard table.events.count >= 2, let range = eventRange else { return nil }
        let from = range.first.adding(days: -14)
        let to = range.last.adding(days: 14)
        let chart = EventCharts.chart(
            from: from, to: to, series: table.series, events: table.events, rebase: true,
            title: "Overview: " + EventCharts.names(table.series))
        guard chart.lines.contains(where: { !$0.points.isEmpty }) else { return nil }
        return chart
    }

    // MARK: - Events

    func eventsSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        if table.events.isEmpty { blocks.append(.paragraph("The events file has no events.")) }
        for (e, event) in table.events.enumerated() {
            var card: [ReportBlock] = [
                .heading(
                    ReportText([
                        .plain("#" + event.id + " · "), .muted(event.longDateText),
                        .plain(" · " + event.title),
                    ]))
            ]
            if let about = about(event) { card.append(.paragraph(about)) }
            var items: [ReportText] = []
            for s in table.series.indices {
                for row in table.rows(event: e, series: s) {
                    let window = row.window.description
                    if let sentence = table.sentence(row) {
                        items.append(ReportText([.code(window), .plain(" " + sentence)]))
                    } else {
                        items.append(
                            ReportText([
                                .code(window),
                                .plain(" " + table.series[s].name + ": no move ("),
                                .code(row.status.rawValue), .plain(": " + row.status.explanation(vocabulary: vocabulary) + ")."),
                            ]))
                    }
                }
            }
            card.append(.list(items))
            if e < maxEventCharts {
                // The card's heading carries the event's title; the chart's names what it draws.
                // t0 as the change table found it, the same for the chart.
                var chart = EventCharts.chart(around: e, in: table.sessions, window: chartWindow, rebase: true)
                chart.title = EventCharts.names(table.series) + " around event #" + event.id
                chart.subtitle =
                    "Closes " + chartWindow.baseLabel + " to " + chartWindow.endLabel + " (window " + chartWindow.description + ")"
                card.append(.lineChart(chart))
            }
            blocks.append(.group(id: "event-" + String(e + 1), card))
        }
        if table.events.count > maxEventCharts {
            blocks.append(
                .paragraph(
                    ReportText(
                        [.plain("Charts are drawn for the first " + plural(maxEventCharts, "event") + " of " + String(table.events.count))]
                            + (vocabulary.name(.chartCommand).map { [.plain("; "), .code($0), .plain(" draws any of them")] } ?? [])
                            + [.plain(".")])))
        }
        return ReportSection(id: "events", heading: "Events", blocks: blocks)
    }

    /// `Tags: diplomacy, visit · Score: 0.5 · Source: Reuters`, or `nil` when the event has none.
    private func about(_ event: Event) -> ReportText? {
        var spans: [ReportText.Span] = []
        func add(_ label: String, _ value: String) {
            if !spans.isEmpty { spans.append(.muted(" · ")) }
            spans.append(.muted(label + ": "))
            spans.append(.plain(value))
        }
        if let time = event.time { add("Time", time + (event.timeZone.map { " " + $0 } ?? "")) }
        if !event.tags.isEmpty { add("Tags", event.tags.joined(separator: ", ")) }
        if let score = event.score { add("Score", NumberFormat.string(score, decimals: 2, trimZeros: true)) }
        if let source = event.source, !source.isEmpty { add("Source", source) }
        return spans.isEmpty ? nil : ReportText(spans)
    }

    // MARK: - Change table

    func changesSection() -> ReportSection {
        var rows: [[ReportText]] = []
        for row in table.rows {
            let event = row.event
            let display = table.series[row.seriesIndex].display
            func close(_ value: SessionClose?) -> ReportText {
                ReportText(value.map { display.text($0.close) } ?? "")
            }
            rows.append([
                ReportText("#" + event.id), ReportText(event.dateText), ReportText(event.title), ReportText(row.series),
                ReportText([.code(row.window.description)]),
                ReportText(row.base?.day.iso ?? "—"), close(row.base),
                ReportText(row.end?.day.iso ?? "—"), close(row.end),
                ReportText(pointsText(row)), ReportText(percentText(row)),
                row.status == .ok ? ReportText(row.status.rawValue) : ReportText([.strong(row.status.rawValue)]),
            ])
        }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    caption: ReportText(
                        [.plain(plural(table.rows.count, "row") + ": every event, series and window, in the order of the events file")]
                            + (vocabulary.name(.changesCommand).map { [.plain("; the same rows as "), .code($0)] } ?? []) + [.plain(".")]),
                    columns: [
                        .init("event"), .init("date"), .init("title", .title), .init("series"), .init("window"), .init("base"),
                        .init("base close", .number), .init("end"), .init("end close", .number), .init("points", .number),
                        .init("percent", .number), .init("status"),
                    ], rows: rows))
        ]
        let used = ChangeStatus.allCases.filter { status in
            status != .ok && table.rows.contains { $0.status == status }
        }
        if !used.isEmpty {
            blocks.append(
                .definitions(used.map { ReportDefinition(ReportText([.code($0.rawValue)]), ReportText($0.explanation(vocabulary: vocabulary))) }))
        }
        return ReportSection(id: "changes", heading: "Change table", blocks: blocks)
    }

    // MARK: - Data and definitions

    func dataSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        var eventText: [ReportText.Span] = [.code(eventsFile), .plain(": " + plural(table.events.count, "event"))]
        if let range = eventRange { eventText.append(.plain(", " + DateRangeText.range(range.first, range.last))) }
        let timed = table.events.filter(\.isTimed).count
        eventText.append(
            .plain(timed == 0 ? ", all date-only." : ", " + String(timed) + " with a time of day, aligned at each market's close."))
        blocks.append(.definitions([ReportDefinition("Events", ReportText(eventText))]))

        var fileRows: [[ReportText]] = []
        for file in priceFiles {
            for item in file.series {
                let loaded = table.series.first { $0.name == item.name } ?? item
                fileRows.append([
                    ReportText([.code(file.path)]), ReportText(file.layout.rawValue),
                    ReportText(file.closeColumns.joined(separator: ", ")), ReportText(loaded.name),
                    ReportText(loaded.market.map(\.description) ?? "unknown"), ReportText(String(loaded.count)),
                    ReportText(loaded.firstDay?.iso ?? "—"), ReportText(loaded.lastDay?.iso ?? "—"),
                    ReportText(String(file.dropped.filter { $0.series == nil || $0.series == item.name }.count)),
                ])
            }
        }
        blocks.append(
            .table(
                ReportTable(
                    caption: "Price files, the layout each was read as, and its series",
                    columns: [
                        .init("file", .text), .init("layout"), .init("close column"), .init("series"), .init("market", .text),
                        .init("sessions", .number), .init("first"), .init("last"), .init("rows dropped", .number),
                    ], rows: fileRows)))

        var definitions: [ReportDefinition] = []
        definitions.append(ReportDefinition("Session", "A row of a series with a close. Each series' sessions are its own rows."))
        definitions.append(ReportDefinition("Event session t0", ReportText(alignmentText)))
        for window in table.windows {
            definitions.append(
                ReportDefinition(
                    ReportText([.plain("Window "), .code(window.description)]),
                    ReportText(
                        "From the close of the base session " + window.baseLabel
                            + " to the close of the end session " + window.endLabel + " ("
                            + plural(window.sessionCount, "session") + " of moves).")))
        }
        definitions.append(
            ReportDefinition(
                "Points",
                "End close − base close, with the decimals the closes really carry: digits that only a vendor's float storage adds are left out."
            ))
        definitions.append(ReportDefinition("Percent", "100 · (end close / base close − 1), to two decimals."))
        definitions.append(
            ReportDefinition(
                "Sentences",
                "Points and level with the decimals of the closes, percent to two decimals; the sessions covered named by weekday and date."
            ))
        definitions.append(
            ReportDefinition(
                "Charts",
                ReportText(
                    "Each series' closes from " + chartWindow.baseLabel + " to " + chartWindow.endLabel + " (chart window ")
                    + ReportText([.code(chartWindow.description)])
                    + ReportText(
                        "), rebased to 100 at " + chartWindow.baseLabel + ": 100 · close / close(" + chartWindow.baseLabel
                            + "). The overview is rebased to 100 at each series' first session in its range.")))
        definitions.append(
            ReportDefinition("Missing data", "A move that needs a session outside the data has no number and a status saying why; no close is ever filled in from a neighbouring session."))
        definitions.append(ReportDefinition("Made by", ReportText(generator)))
        blocks.append(.definitions(definitions))
        return ReportSection(id: "data", heading: "Data and definitions", blocks: blocks)
    }

    private var alignmentText: [ReportText.Span] {
        let dateRule: String
        switch table.rule {
        case .next: dateRule = "the first session dated on or after the event date"
        case .previous: dateRule = "the last session dated on or before the event date"
        case .exact: dateRule = "the session dated on the event date, or none"
        }
        let rule: [ReportText.Span] = vocabulary.name(.alignment(table.rule)).map { [.plain(" ("), .code($0), .plain(")")] } ?? []
        return [.plain("For an event with a date only, " + dateRule)] + rule + [
            .plain(
                "; for an event with a time of day, the first session whose close, in the market's own zone, comes after it. Found separately in each market, so markets with different holidays can have different t0."
            )
        ]
    }

    // MARK: - Numbers

    private func pointsText(_ row: ChangeRow) -> String {
        guard let move = row.move, let item = table.series[safe: row.seriesIndex] else { return "" }
        return item.display.pointsText(from: move.baseClose, to: move.endClose)
    }

    private func percentText(_ row: ChangeRow) -> String {
        guard let percent = row.percent else { return "" }
        return NumberFormat.string(percent, decimals: 2, plus: true) + "%"
    }

    private func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// `1 event`, `15 events`; `plural` for irregular words.
private func plural(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
    String(count) + " " + (count == 1 ? word : plural ?? word + "s")
}
