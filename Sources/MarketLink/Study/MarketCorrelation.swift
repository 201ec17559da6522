// MARK: - Correlation across events

/// Do markets react together? For one event window, across the events:
/// - for each pair of series, Pearson r and Spearman ρ between their window moves (percent, as in
///   the change table; points for a tally of events, `Series.isTally`), over the events where both
///   have a move;
/// - for each series, the same between the event's `score` and the move, over the events with a
///   score and a move;
/// - beside each pair, the unconditional correlation of the two series' daily returns over the same
///   period, for comparison: does the pair move together more around events than on any day?
///
/// **Daily returns and time zones.** The daily returns are matched by session date: only dates on
/// which both series have a close are used, and each return runs from the previous such date to
/// this one, in both series (so a holiday in one market merges two sessions of the other into one
/// return, and both returns span the same dates). For markets in different zones this is the
/// pairing DESIGN §2 gives a date-only event: in each market t0 is the first session on or after
/// the date, so an event's moves pair the Shanghai and New York sessions of the same date, and the
/// baseline pairs them the same way. (The New York session of date d closes after Shanghai's
/// session of d, so news during New York's day reaches Shanghai's session of d + 1; that lead is in
/// neither the event pairing nor the baseline.)
///
/// **The period** of a pair runs from the earliest base date to the latest end date of the events
/// measured in both series, the two series' dates taken together; the daily returns are those whose
/// two dates both lie in it.
public struct MarketCorrelation: Sendable {
    /// Pearson and Spearman coefficients of paired observations, with the number of pairs.
    public struct Coefficients: Sendable, Equatable {
        /// The number of pairs (the coefficients need at least 3 and variation in both).
        public var n: Int
        public var pearson: Correlation?
        public var spearman: Correlation?

        public init(_ x: [Double], _ y: [Double]) {
            n = min(x.count, y.count)
            pearson = Correlation.pearson(x, y)
            spearman = Correlation.spearman(x, y)
        }
    }

    /// Two series: their event-window moves and their daily returns.
    public struct SeriesPair: Sendable, Equatable {
        /// Indexes into `series`, first < second.
        public var first: Int
        public var second: Int
        /// Between the two series' window moves, in percent, over events with both.
        public var moves: Coefficients
        /// Between the two series' daily returns on common dates over `period`.
        public var daily: Coefficients
        /// The period of the daily returns, `nil` when no event has a move in both series.
        public var periodStart: Day?
        public var periodEnd: Day?
    }

    /// An event's score and one series' window move.
    public struct ScoreLink: Sendable, Equatable {
        /// Index into `series`.
        public var series: Int
        /// Between score and move (percent), over events with both.
        public var moves: Coefficients
    }

    /// The moves, as the change table has them.
    public let table: ChangeTable
    /// Every pair of series, in argument order (1–2, 1–3, …, 2–3, …).
    public let pairs: [SeriesPair]
    /// One per series, in order.
    public let scores: [ScoreLink]

    public var events: [Event] { table.events }
    public var series: [Series] { table.series }
    public var window: EventWindow { table.windows.first ?? .correlationDefault }
    /// Events with a score.
    public var scoredEvents: Int { events.count { $0.score != nil } }

    public init(events: [Event], series: [Series], window: EventWindow = .correlationDefault, rule: AlignmentRule = .next) {
        let table = ChangeTable(events: events, series: series, windows: [window], rule: rule)
        self.table = table
        // moves[s][e]: the percent move of event e in series s, when it has one.
        // moves[s][e]: the percent move of event e in series s (points for a tally), when it has one.
        let moves = series.indices.map { s in
            events.indices.map { e in table.rows(event: e, series: s).first.flatMap { series[s].isTally ? $0.points : $0.percent } }
        }
        var pairs: [SeriesPair] = []
        for first in series.indices {
            for second in series.indices where second > first {
                var x: [Double] = []
                var y: [Double] = []
                var start: Day?
                var end: Day?
                for e in events.indices {
                    guard let a = moves[first][e], let b = moves[second][e] else { continue }
                    x.append(a)
                    y.append(b)
                    for s in [first, second] {
                        guard let row = table.rows(event: e, series: s).first else { continue }
                        if let base = row.base?.day { start = min(start ?? base, base) }
                        if let last = row.end?.day { end = max(end ?? last, last) }
                    }
                }
                var daily = Coefficients([], [])
                if let start, let end {
                    let returns = MarketCorrelation.dailyReturns(series[first], series[second], from: start, to: end)
                    daily = Coefficients(returns.first, returns.second)
                }
                pairs.append(
                    SeriesPair(
                        first: first, second: second, moves: Coefficients(x, y), daily: daily, periodStart: start, periodEnd: end))
            }
        }
        self.pairs = pairs
        self.scores = series.indices.map { s in
            var x: [Double] = []
            var y: [Double] = []
            for (e, event) in events.enumerated() {
                guard let score = event.score, score.isFinite, let move = moves[s][e] else { continue }
                x.append(score)
                y.append(move)
            }
            return ScoreLink(series: s, moves: Coefficients(x, y))
        }
    }

    // MARK: - Daily returns

    /// Simple daily returns of two series on their common dates within `from...to`: for common
    /// dates d₀ < d₁ < … (dates on which both have a close), the return of d_j is
    /// close(d_j)/close(d_{j−1}) − 1 in each series — for a tally (`Series.isTally`), whose values
    /// may be 0, the difference close(d_j) − close(d_{j−1}). In date order.
    public static func dailyReturns(_ a: Series, _ b: Series, from: Day, to: Day) -> (first: [Double], second: [Double]) {
        var i = a.firstSession(onOrAfter: from)
        var j = b.firstSession(onOrAfter: from)
        var previous: (Double, Double)?
        var first: [Double] = []
        var second: [Double] = []
        while i < a.count, j < b.count {
            let dayA = a.day(at: i)
            let dayB = b.day(at: j)
            if dayA > to || dayB > to { break }
            if dayA < dayB {
                i += 1
            } else if dayB < dayA {
                j += 1
            } else {
                let closes = (a.close(at: i), b.close(at: j))
                if let previous {
                    first.append(a.isTally ? closes.0 - previous.0 : closes.0 / previous.0 - 1)
                    second.append(b.isTally ? closes.1 - previous.1 : closes.1 / previous.1 - 1)
                }
                previous = closes
                i += 1
                j += 1
            }
        }
        return (first, second)
    }
}
