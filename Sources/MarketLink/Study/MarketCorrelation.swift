// MARK: - Correlation across events

/// Do markets react together? For one event window, across the events:
/// - for each pair of series, Pearson r and Spearman ρ between their window moves (percent, as in
///   the change table; points for a tally of events, `Series.isTally`), over the events where both
///   have a move, in one or both **pairings**:
///   - `sameDate`: each series' move around its own event session (each market aligns the event
///     by itself, as the change table does);
///   - `nextClose`, in both directions: the first series' (x's) move around its event session t0,
///     and the second's (y's) around y's first session whose close instant (its date at y's
///     market's close time, in y's zone) is after the close instant of x's t0 — the session in
///     which news of x's session first reaches y (information time). It needs both markets;
///     without one the pair has the status `noMarket`;
/// - for each series, the same between the event's `score` and the move, over the events with a
///   score and a move;
/// - beside each pair, the correlation of the two series' daily returns over the same period, for
///   comparison: does the pair move together more around events than on any day?
///
/// **Shared sessions count once.** Two events whose pair of sessions is the same (two events on
/// one day, a Saturday and a Sunday event that both open on Monday) repeat the same pair of moves;
/// only the first in the events file counts, and the others are listed (`PairedMove.sameAs`).
/// The score rows keep every event: their scores differ even where the moves repeat.
///
/// **Daily returns.** For `sameDate`, matched by session date: only dates on which both series
/// have a close, each return from the previous such date (`dailyReturns`). For `nextClose`, at
/// lag 1 in information time: each y session paired with the last x session before it whose
/// first following y close it is (`nextCloseReturns`). Either way a holiday in one market merges
/// two of the other's sessions into one return, so paired returns span the same news.
///
/// **The period** of a pair runs from the earliest base date to the latest end date of its
/// paired moves, the two series' dates taken together; the daily returns are those whose dates all
/// lie in it.
public struct MarketCorrelation: Sendable {
    /// How two series' moves are paired, event by event.
    public enum Pairing: String, Sendable, Equatable, CaseIterable {
        /// Each series' move around its own event session.
        case sameDate = "same-date"
        /// x's move around its event session, y's around its first session closing after it.
        case nextClose = "next-close"
    }

    /// Whether a pair could be measured in its pairing.
    public enum PairStatus: Sendable, Equatable {
        /// The pair was correlated.
        case ok
        /// The next-close pairing needs each series' market (time zone and close time) to know
        /// when its sessions close; these series (indexes into `series`) have none.
        case noMarket([Int])

        /// `ok` or `no-market`, as files write it.
        public var name: String {
            switch self {
            case .ok: "ok"
            case .noMarket: "no-market"
            }
        }
    }

    /// Pearson and Spearman coefficients of paired observations, with the number of pairs.
    public struct Coefficients: Sendable, Equatable {
        /// The number of pairs (the coefficients need at least 3 and variation in both).
        public var n: Int
        /// Pearson's r with its p-value; `nil` with fewer than 3 pairs or no variation.
        public var pearson: Correlation?
        /// Spearman's ρ with its p-value; `nil` with fewer than 3 pairs or no variation.
        public var spearman: Correlation?

        /// The coefficients of `x` and `y` paired one for one (the shorter's length).
        public init(_ x: [Double], _ y: [Double]) {
            n = min(x.count, y.count)
            pearson = Correlation.pearson(x, y)
            spearman = Correlation.spearman(x, y)
        }
    }

    /// One event's pair of moves.
    public struct PairedMove: Sendable, Equatable {
        /// Index into `events`.
        public var event: Int
        /// The first series' (x's) move around its event session `firstSession`.
        public var firstSession: Day
        /// The first series' move over the window.
        public var first: Move
        /// The second series' (y's) move around `secondSession`: its own event session, or for
        /// `nextClose` its first session closing after x's.
        public var secondSession: Day
        /// The second series' move over the window.
        public var second: Move
        /// The earlier event (index into `events`) with the same pair of sessions, when there is
        /// one: this event then repeats its moves and does not count again.
        public var sameAs: Int?
    }

    /// Two series in one pairing: their event-window moves and their daily returns.
    public struct SeriesPair: Sendable, Equatable {
        /// Indexes into `series`: x, whose event session the events give, and y. For `sameDate`
        /// first < second; `nextClose` comes in both directions.
        public var first: Int
        /// Index into `series` of the pair's second series.
        public var second: Int
        /// How the second series' session is paired with the first's: same date or next close.
        public var pairing: Pairing
        /// Whether the pair could be correlated, or why not.
        public var status: PairStatus
        /// Every event with a move in both, in the order of the events file, repeats included.
        public var observations: [PairedMove]
        /// Between the two series' moves, in percent, over the observations that count (each pair
        /// of sessions once).
        public var moves: Coefficients
        /// Between the two series' daily returns over `periodStart ... periodEnd`: on common dates
        /// for `sameDate`, at lag 1 in information time for `nextClose`.
        public var daily: Coefficients
        /// The period of the daily returns, `nil` when no event has a move in both series.
        public var periodStart: Day?
        /// The last date of the daily returns' period.
        public var periodEnd: Day?

        /// The observations that repeat an earlier event's pair of sessions and do not count.
        public var merged: [PairedMove] { observations.filter { $0.sameAs != nil } }
        /// The lag of the daily returns in information time: 0 for `sameDate`, 1 for `nextClose`.
        public var dailyLag: Int { pairing == .sameDate ? 0 : 1 }
    }

    /// An event's score and one series' window move.
    public struct ScoreLink: Sendable, Equatable {
        /// Index into `series`.
        public var series: Int
        /// Between score and move (percent), over events with both (every event, repeats included).
        public var moves: Coefficients
    }

    /// The moves of each series around its own event sessions, as the change table has them.
    public let table: ChangeTable
    /// The pairings computed, in `Pairing.allCases` order.
    public let pairings: [Pairing]
    /// For every two series in argument order (1–2, 1–3, …, 2–3, …): the same-date pair, then
    /// next-close from the first to the second and from the second to the first, as `pairings` asks.
    public let pairs: [SeriesPair]
    /// One per series, in order.
    public let scores: [ScoreLink]

    /// The events, in file order.
    public var events: [Event] { table.events }
    /// The series, in the order given.
    public var series: [Series] { table.series }
    /// The window the moves are measured over.
    public var window: EventWindow { table.windows.first ?? .correlationDefault }
    /// Events with a score.
    public var scoredEvents: Int { events.count { $0.score != nil } }

    /// Correlates every pair of `series` around `events`, t0 found by `rule`, in the `pairings`
    /// given (both by default). No events, or one series, give no pairs.
    public init(
        events: [Event], series: [Series], window: EventWindow = .correlationDefault, rule: AlignmentRule = .next,
        pairings: [Pairing] = Pairing.allCases
    ) {
        let table = ChangeTable(events: events, series: series, windows: [window], rule: rule)
        self.table = table
        self.pairings = Pairing.allCases.filter(pairings.contains)
        // own[s][e]: event e's session and move in series s, when it has a move.
        let own: [[(session: Int, move: Move)?]] = series.indices.map { s in
            events.indices.map { e in
                guard let row = table.rows(event: e, series: s).first, let move = row.move, let t0 = row.eventSession else { return nil }
                return (t0.session, move)
            }
        }
        var instants = CloseInstants()
        var pairs: [SeriesPair] = []
        for first in series.indices {
            for second in series.indices where second > first {
                if self.pairings.contains(.sameDate) {
                    pairs.append(MarketCorrelation.sameDate(first, second, series: series, own: own))
                }
                if self.pairings.contains(.nextClose) {
                    for (x, y) in [(first, second), (second, first)] {
                        pairs.append(
                            MarketCorrelation.nextClose(x, y, series: series, own: own[x], window: window, instants: &instants))
                    }
                }
            }
        }
        self.pairs = pairs
        self.scores = series.indices.map { s in
            var x: [Double] = []
            var y: [Double] = []
            for (e, event) in events.enumerated() {
                guard let score = event.score, score.isFinite, let move = own[s][e]?.move else { continue }
                x.append(score)
                y.append(MarketCorrelation.measure(move, in: series[s]))
            }
            return ScoreLink(series: s, moves: Coefficients(x, y))
        }
    }

    // MARK: - Pairings

    /// Each series' move around its own event session; events with the same two sessions count once.
    static func sameDate(_ first: Int, _ second: Int, series: [Series], own: [[(session: Int, move: Move)?]]) -> SeriesPair {
        var observations: [PairedMove] = []
        var seen: [[Int]: Int] = [:]
        for e in own[first].indices {
            guard let a = own[first][e], let b = own[second][e] else { continue }
            let key = [a.session, b.session]
            let earlier = seen[key]
            if earlier == nil { seen[key] = e }
            observations.append(
                PairedMove(
                    event: e, firstSession: series[first].day(at: a.session), first: a.move,
                    secondSession: series[second].day(at: b.session), second: b.move, sameAs: earlier))
        }
        var pair = SeriesPair(
            first: first, second: second, pairing: .sameDate, status: .ok, observations: observations,
            moves: counted(observations, series[first], series[second]), daily: Coefficients([], []), periodStart: nil, periodEnd: nil)
        if let (start, end) = period(observations) {
            let returns = dailyReturns(series[first], series[second], from: start, to: end)
            pair.daily = Coefficients(returns.first, returns.second)
            (pair.periodStart, pair.periodEnd) = (start, end)
        }
        return pair
    }

    /// x's move around its event session t0, y's around its first session closing after t0
    /// closes; events with the same t0 in x count once (y's session follows from it).
    static func nextClose(
        _ x: Int, _ y: Int, series: [Series], own: [(session: Int, move: Move)?], window: EventWindow, instants: inout CloseInstants
    ) -> SeriesPair {
        var pair = SeriesPair(
            first: x, second: y, pairing: .nextClose, status: .ok, observations: [], moves: Coefficients([], []),
            daily: Coefficients([], []), periodStart: nil, periodEnd: nil)
        let closesX = instants.of(series[x])
        let closesY = instants.of(series[y])
        guard let closesX, let closesY else {
            pair.status = .noMarket([closesX == nil ? x : nil, closesY == nil ? y : nil].compactMap { $0 })
            return pair
        }
        let target = series[y]
        var seen: [Int: Int] = [:]
        for (e, item) in own.enumerated() {
            guard let item else { continue }
            let session = firstAfter(closesX[item.session], in: closesY)
            guard session < target.count else { continue }
            let placement = window.placement(around: .session(session), sessionCount: target.count)
            guard placement.status == .ok, let base = placement.baseSession, let end = placement.endSession,
                let move = Move(series: target, baseSession: base, endSession: end)
            else { continue }
            let earlier = seen[item.session]
            if earlier == nil { seen[item.session] = e }
            pair.observations.append(
                PairedMove(
                    event: e, firstSession: series[x].day(at: item.session), first: item.move, secondSession: target.day(at: session),
                    second: move, sameAs: earlier))
        }
        pair.moves = counted(pair.observations, series[x], target)
        if let (start, end) = period(pair.observations) {
            let returns = informationTimeReturns(series[x], closesX, target, closesY, from: start, to: end)
            pair.daily = Coefficients(returns.first, returns.second)
            (pair.periodStart, pair.periodEnd) = (start, end)
        }
        return pair
    }

    /// The coefficients of the observations that count, moves of `first` and `second` measured
    /// as `measure(_:in:)` says.
    static func counted(_ observations: [PairedMove], _ first: Series, _ second: Series) -> Coefficients {
        let kept = observations.filter { $0.sameAs == nil }
        return Coefficients(kept.map { measure($0.first, in: first) }, kept.map { measure($0.second, in: second) })
    }

    /// A move as the correlation measures it: percent, or points for a tally of events
    /// (`Series.isTally`), whose values may be 0.
    static func measure(_ move: Move, in series: Series) -> Double { series.isTally ? move.points : move.percent }

    /// A daily change as the correlation measures it: the simple return `now/before − 1`, or the
    /// difference `now − before` for a tally.
    static func change(from before: Double, to now: Double, in series: Series) -> Double {
        series.isTally ? now - before : now / before - 1
    }

    /// The earliest base date and the latest end date of the moves, both series together.
    static func period(_ observations: [PairedMove]) -> (Day, Day)? {
        guard let start = observations.map({ min($0.first.baseDay, $0.second.baseDay) }).min(),
            let end = observations.map({ max($0.first.endDay, $0.second.endDay) }).max()
        else { return nil }
        return (start, end)
    }

    /// The index of the first instant in `closes` (increasing) after `instant`; `closes.count`
    /// when there is none.
    static func firstAfter(_ instant: Double, in closes: [Double]) -> Int {
        var low = 0
        var high = closes.count
        while low < high {
            let mid = (low + high) >> 1
            if closes[mid] <= instant { low = mid + 1 } else { high = mid }
        }
        return low
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
                    first.append(change(from: previous.0, to: closes.0, in: a))
                    second.append(change(from: previous.1, to: closes.1, in: b))
                }
                previous = closes
                i += 1
                j += 1
            }
        }
        return (first, second)
    }

    /// Simple daily returns of two series at lag 1 in information time within `from...to`, x = `a`
    /// leading y = `b`; `nil` when either series has no market (no close instants).
    ///
    /// Each y session s is matched with d(s), the last x session whose first following y close
    /// is s (the last x session closing before s with no y close between them); the matched pairs
    /// (d₀, s₀), (d₁, s₁), … are in order, and consecutive ones give the returns
    /// close_x(d_j)/close_x(d_{j−1}) − 1 and close_y(s_j)/close_y(s_{j−1}) − 1, used when all four
    /// dates lie in `from...to` (for a tally, `Series.isTally`, the differences instead). So a y
    /// session that several x sessions precede takes the news of all of them, and an x session
    /// followed by a y holiday pairs with y's next session.
    public static func nextCloseReturns(_ a: Series, _ b: Series, from: Day, to: Day) -> (first: [Double], second: [Double])? {
        var instants = CloseInstants()
        guard let closesA = instants.of(a), let closesB = instants.of(b) else { return nil }
        return informationTimeReturns(a, closesA, b, closesB, from: from, to: to)
    }

    static func informationTimeReturns(
        _ a: Series, _ closesA: [Double], _ b: Series, _ closesB: [Double], from: Day, to: Day
    ) -> (first: [Double], second: [Double]) {
        // f(i): the first y session closing after x session i closes; nondecreasing in i, so the
        // last i of each run of equal f(i) is that y session's d(s).
        var matched: [(x: Int, y: Int)] = []
        var j = 0
        for i in 0..<a.count {
            while j < b.count, closesB[j] <= closesA[i] { j += 1 }
            if j == b.count { break }
            if let last = matched.last, last.y == j {
                matched[matched.count - 1].x = i
            } else {
                matched.append((i, j))
            }
        }
        var first: [Double] = []
        var second: [Double] = []
        for k in matched.indices.dropFirst() {
            let (p, q) = (matched[k - 1], matched[k])
            let days = [a.day(at: p.x), a.day(at: q.x), b.day(at: p.y), b.day(at: q.y)]
            guard days.allSatisfy({ $0 >= from && $0 <= to }) else { continue }
            first.append(change(from: a.close(at: p.x), to: a.close(at: q.x), in: a))
            second.append(change(from: b.close(at: p.y), to: b.close(at: q.y), in: b))
        }
        return (first, second)
    }
}

// MARK: - Close instants

/// The close instant of every session of a series (`Market.closeInstant(on:)`), remembered per
/// market and date so that many series of one market work each date out once.
struct CloseInstants {
    private var known: [Market: [Int32: Double]] = [:]

    /// The close instants of `series`' sessions, in order; `nil` when it has no market or its
    /// market's zone is unknown.
    mutating func of(_ series: Series) -> [Double]? {
        guard let market = series.market, market.timeZone != nil else { return nil }
        var table = known[market] ?? [:]
        defer { known[market] = table }
        var closes: [Double] = []
        closes.reserveCapacity(series.count)
        for session in 0..<series.count {
            let ordinal = series.dayOrdinals[session]
            if let instant = table[ordinal] {
                closes.append(instant)
            } else {
                guard let instant = market.closeInstant(on: Day(ordinal: ordinal)) else { return nil }
                table[ordinal] = instant
                closes.append(instant)
            }
        }
        return closes
    }
}
