// MARK: - Change report

/// The report of a change table: how each series moved around each event, for readers who open
/// it in a browser and for those who print it.
///
/// Sections, in order (their ids in brackets):
/// - Summary [`summary`]: what was measured, what the report leaves out (when the input is too
///   large to show whole), the largest moves of each window by absolute percent, the
///   distribution of each window's moves, how often each series rose and fell, and an overview
///   chart of every series over the events' dates (rebased, events marked by id). With more
///   series than a chart draws, also each event's moves across the series and charts of the
///   largest moves.
/// - Events [`events`]: per event, its date, tags, score and source, the newsroom sentence for
///   each series and window (or why there is no move; with many series, each window's moves
///   across them and the largest), and a chart around it, rebased to 100 at the base session of
///   `chartWindow` (charts for the first `maxEventCharts` events only).
/// - Change table [`changes`]: the rows under their event's title, as `ChangeTable` has them;
///   every row when there are few enough, else the largest moves.
/// - Data and definitions [`data`]: the events file, each price file with the layout it was
///   read as, the series and their markets, the windows, the alignment rule and the formulas.
///
/// The HTML stays a few megabytes whatever the input (`ReportLimits`): the rows are gathered in
/// one pass (`ChangeDigest`) and only those shown are made again, so the work is one pass over
/// the rows plus what is shown. What is left out is named, with the caller's command for the
/// whole table when `vocabulary` names one.
///
/// Further analyses (an event study, say) go in with `HTMLReport.insert(_:after: "changes")`.
public struct ChangeReport: Sendable {
    /// t0 of every event in every series, with the events, the series and the alignment rule.
    public var sessions: EventSessions
    /// The windows measured, in the order given.
    public var windows: [EventWindow]
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
    /// to them (`.changesCommand` for the command that gives every row); `.none` gives a report
    /// that says only what is meant.
    public var vocabulary: ToolVocabulary
    /// How much of a large input is shown whole.
    var limits: ReportLimits = .standard

    /// The report of `table`'s events, series and windows, with t0 as the table has it.
    public init(
        table: ChangeTable, eventsFile: String, priceFiles: [PriceFile], chartWindow: EventWindow? = nil,
        maxEventCharts: Int = 40, generator: String, title: String? = nil, vocabulary: ToolVocabulary = .none
    ) {
        self.init(
            sessions: table.sessions, windows: table.windows, eventsFile: eventsFile, priceFiles: priceFiles,
            chartWindow: chartWindow, maxEventCharts: maxEventCharts, generator: generator, title: title, vocabulary: vocabulary)
    }

    /// The report of the change table of `sessions` × `windows`, without making that table: for
    /// inputs of millions of rows, of which the report shows a few thousand.
    public init(
        sessions: EventSessions, windows: [EventWindow], eventsFile: String, priceFiles: [PriceFile],
        chartWindow: EventWindow? = nil, maxEventCharts: Int = 40, generator: String, title: String? = nil,
        vocabulary: ToolVocabulary = .none
    ) {
        self.sessions = sessions
        self.windows = windows
        self.eventsFile = eventsFile
        self.priceFiles = priceFiles
        self.chartWindow = chartWindow ?? .chartDefault
        self.maxEventCharts = max(0, maxEventCharts)
        self.generator = generator
        self.title = title
        self.vocabulary = vocabulary
    }

    /// The events, in the order of the events file.
    public var events: [Event] { sessions.events }
    /// The series, in the order given.
    public var series: [Series] { sessions.series }

    /// The report, with the four sections above.
    public func report() -> HTMLReport {
        let digest = digest()
        return HTMLReport(
            title: title ?? defaultTitle, lede: lede,
            sections: [summarySection(digest), eventsSection(digest), changesSection(digest), dataSection()], generator: generator)
    }

    /// The one pass over the rows that every section draws on.
    func digest() -> ChangeDigest {
        ChangeDigest(sessions: sessions, windows: windows, keep: max(limits.largestRows, 5))
    }

    /// The row at `position`, made again from its event session.
    func row(_ position: ChangeDigest.Position) -> ChangeRow {
        ChangeDigest.row(position, sessions: sessions, windows: windows)
    }

    /// The percent move at `position` (`nil` without one), without making its row.
    func percent(_ position: ChangeDigest.Position) -> Double? {
        ChangeDigest.percent(position, sessions: sessions, windows: windows)
    }

    /// The rows of event `e` in series `s`, in window order.
    func rows(event e: Int, series s: Int) -> [ChangeRow] {
        windows.indices.map { row(ChangeDigest.Position(event: e, series: s, window: $0)) }
    }

    /// Whether the change table is too long to show whole.
    var isCompact: Bool { events.count * series.count * windows.count > limits.tableRows }

    /// Whether a chart or a card cannot give every series one by one.
    var hasManySeries: Bool { series.count > limits.chartLines }

    // MARK: - Words

    var defaultTitle: String {
        EventCharts.names(series) + " around " + ReportWords.plural(events.count, "event")
    }

    var lede: ReportText {
        var spans: [ReportText.Span] = [.plain("Events from "), .code(fileName(eventsFile))]
        if let range = eventRange { spans.append(.plain(", " + DateRangeText.range(range.first, range.last))) }
        spans.append(.plain("; " + (windows.count == 1 ? "window " : "windows ")))
        spans += windowSpans
        spans.append(.plain("."))
        return ReportText(spans)
    }

    private var windowSpans: [ReportText.Span] {
        var spans: [ReportText.Span] = []
        for (index, window) in windows.enumerated() {
            if index > 0 { spans.append(.plain(index == windows.count - 1 ? " and " : ", ")) }
            spans.append(.code(window.description))
        }
        return spans
    }

    var eventRange: (first: Day, last: Day)? {
        guard let first = events.map(\.date).min(), let last = events.map(\.date).max() else { return nil }
        return (first, last)
    }

    /// What the caller calls the command that gives every row, as code, or nothing.
    var fullTableSpans: [ReportText.Span] {
        vocabulary.name(.changesCommand).map { [.plain(": "), .code($0)] } ?? []
    }

    /// `#11 · 2023-06-07 · Ambassador Xie Feng addresses …`: an event as a group's heading.
    func eventHeading(_ event: Event) -> ReportText {
        ReportText([.strong("#" + limits.shown(event.id)), .muted(" · " + event.dateText + " · "), .plain(limits.shown(event.title))])
    }

    // MARK: - Numbers

    func pointsText(_ row: ChangeRow) -> String {
        guard let move = row.move, let item = series[safe: row.seriesIndex] else { return "" }
        return item.display.pointsText(from: move.baseClose, to: move.endClose)
    }

    func percentText(_ row: ChangeRow) -> String {
        guard let percent = row.percent else { return "" }
        return ChangeReport.percentText(percent)
    }

    /// `+0.78%`: a percent move with its sign and two decimals, as the change table writes it
    /// (`+<0.01%` for a move too small to show, never one that reads as no move).
    static func percentText(_ percent: Double) -> String {
        ChangeTable.percentCell(percent) + "%"
    }

    func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

// MARK: - Words for counts

/// How a report writes counts.
enum ReportWords {
    /// `1 event`, `15 events`, `2,000 series`; `plural` for irregular words. Counts are grouped by
    /// thousands.
    static func plural(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
        grouped(count) + " " + (count == 1 ? word : plural ?? word + "s")
    }

    /// `4,000,000`.
    static func grouped(_ count: Int) -> String {
        NumberFormat.string(Double(count), decimals: 0, grouping: true)
    }
}
