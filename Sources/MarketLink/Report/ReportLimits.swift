// MARK: - Report limits

/// How much of a large input a change report shows whole, so that the HTML stays a few
/// megabytes (under 5 MB) whatever the number of rows, events and series. Beyond each limit the
/// report shows aggregates and the largest moves instead, and says what it left out.
///
/// With the defaults, the biggest parts are at most: the change table, 1,000 rows (about 0.7 MB);
/// event charts, 40 of at most 6 lines, each drawn twice (about 1.5 MB); 100 event cards of at
/// most 12 sentences (about 0.4 MB); the moves across series of 200 events (about 0.3 MB). Input
/// text (an event's title, a series' name) is cut to `textLength` characters wherever it is shown.
struct ReportLimits: Sendable, Equatable {
    /// Rows of the change table shown whole; a longer table shows its largest moves instead.
    var tableRows = 1_000
    /// The largest moves the change table shows when it is not shown whole.
    var largestRows = 200
    /// Events with a card of sentences: the first ones, in the order of the events file.
    var eventCards = 100
    /// Sentences per card; beyond, a card gives each window's moves across the series and names
    /// the largest.
    var sentencesPerCard = 12
    /// Largest moves named per window in a card that does not name them all.
    var movesPerCardWindow = 3
    /// Lines per chart; with more series, a chart around an event draws those that moved most.
    var chartLines = 6
    /// Events in the table of moves across series; beyond, those with the largest mean moves.
    var listedEvents = 200
    /// Series named one by one in the per-series tables (how often each rose, the price files).
    var listedSeries = 50
    /// Charts of the largest moves, drawn when the change table is not shown whole.
    var largestMoveCharts = 6
    /// Characters of an input's text shown (an event's title, a tag, a series' name); longer text
    /// is cut, ending in `…`.
    var textLength = 300

    static let standard = ReportLimits()

    /// `text` cut to `textLength` characters, ending in `…` when cut.
    func shown(_ text: String) -> String {
        guard text.count > textLength else { return text }
        return String(text.prefix(max(1, textLength - 1))) + "\u{2026}"
    }
}
