// MARK: - Series

/// One price history: a session date and a close for each session, oldest first.
///
/// Storage is columnar (`days` and `closes` side by side) so that loading, binary search and
/// window arithmetic touch contiguous memory. A series has no missing values: a row without a
/// close is not a session (see `PriceFile.dropped`).
public struct Series: Sendable, Equatable {
    /// The name the user sees and names it by (`DJIA`, `^GSPC`, a panel symbol).
    public var name: String
    /// The known index this is, if its name matched the market table.
    public var index: IndexInfo?
    /// The market it trades in, for aligning timed events; `nil` when unknown.
    public var market: Market?
    /// Session dates as day ordinals, strictly increasing.
    public private(set) var dayOrdinals: [Int32]
    /// Closes, one per session.
    public private(set) var closes: [Double]
    /// The most digits after the decimal mark in any close as written (at most 10): CSV and JSON
    /// write closes and changes to this precision, so `33833.61 − 33573.28` is `260.33`. Setting
    /// it decides `display` again.
    public var decimals: Int = 2 {
        didSet { display = DisplayPrecision(closes: closes, writtenDecimals: decimals) }
    }
    /// How closes and moves are shown to people (tables, Markdown, the report, charts,
    /// sentences): the precision the closes really carry, decided once from all of them and
    /// `decimals` (a Yahoo `33833.609375` is shown `33,833.61`; see `DisplayPrecision`).
    public private(set) var display: DisplayPrecision

    /// The bars of an intraday series, beside its daily view (the close of the last bar of each
    /// session); `nil` for a daily series.
    public internal(set) var intraday: IntradayBars? = nil

    /// Whether the series is a tally of events (a column of `mlink events intensity`, whose name
    /// ends in `count` or `sum`) rather than a price level: its values may be zero or negative, a
    /// percent move against a base at or below zero has no value, and `correlate` measures its
    /// moves in points. False for every price series.
    public var isTally = false

    /// The decimals `display` shows closes and moves with.
    public var displayDecimals: Int { display.decimals }

    /// Builds a series; days must be strictly increasing and as many as the closes.
    public init?(name: String, days: [Day], closes: [Double], market: Market? = nil) {
        self.init(name: name, ordinals: days.map(\.ordinal), closes: closes, market: market)
    }

    init?(name: String, ordinals: [Int32], closes: [Double], market: Market? = nil) {
        self.init(name: name, ordinals: ordinals, closes: closes, decimals: 2, market: market)
    }

    /// Builds a series whose closes were written with at most `decimals` digits after the mark
    /// (what a price file says), deciding `display` once from that.
    init?(name: String, ordinals: [Int32], closes: [Double], decimals: Int, market: Market? = nil) {
        guard ordinals.count == closes.count else { return nil }
        for k in ordinals.indices.dropFirst() where ordinals[k - 1] >= ordinals[k] { return nil }
        self.name = name
        self.dayOrdinals = ordinals
        self.closes = closes
        self.decimals = decimals
        self.display = DisplayPrecision(closes: closes, writtenDecimals: decimals)
        let info = MarketTable.index(named: name)
        self.index = info
        self.market = market ?? info?.market
    }

    /// The number of sessions (rows with a close); 0 for an empty series.
    public var count: Int { closes.count }
    /// True when the series has no session.
    public var isEmpty: Bool { closes.isEmpty }

    /// The date of session `session` (0 is the oldest); `session` must be in `0..<count`.
    public func day(at session: Int) -> Day { Day(ordinal: dayOrdinals[session]) }
    /// The close of session `session` (0 is the oldest), in index points; `session` must be in `0..<count`.
    public func close(at session: Int) -> Double { closes[session] }

    /// The date of the oldest session; `nil` for an empty series.
    public var firstDay: Day? { dayOrdinals.first.map(Day.init(ordinal:)) }
    /// The date of the newest session; `nil` for an empty series.
    public var lastDay: Day? { dayOrdinals.last.map(Day.init(ordinal:)) }

    /// The name a sentence uses: the index's display name, or the series name.
    public var displayName: String { index?.displayName ?? name }

    /// The close of the session dated `day`, or `nil` when there was none.
    public func close(on day: Day) -> Double? {
        guard let session = session(on: day) else { return nil }
        return closes[session]
    }

    /// The index of the session dated `day`, or `nil`.
    public func session(on day: Day) -> Int? {
        let k = firstSession(onOrAfter: day)
        return k < count && dayOrdinals[k] == day.ordinal ? k : nil
    }

    /// The first session dated on or after `day` (`count` when there is none). Binary search.
    public func firstSession(onOrAfter day: Day) -> Int {
        var low = 0
        var high = dayOrdinals.count
        let target = day.ordinal
        while low < high {
            let mid = (low + high) >> 1
            if dayOrdinals[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// `firstSession(onOrAfter:)` for a caller that knows the answer is at least `start` (the
    /// answer for an earlier day): a scan from there. Events taken in date order walk a series'
    /// days once, where a binary search per event is a chain of a dozen dependent loads.
    func firstSession(onOrAfter day: Day, from start: Int) -> Int {
        let target = day.ordinal
        return dayOrdinals.withUnsafeBufferPointer { days in
            var k = max(0, min(start, days.count))
            while k < days.count, days[k] < target { k += 1 }
            return k
        }
    }

    /// The last session dated on or before `day` (`-1` when there is none).
    public func lastSession(onOrBefore day: Day) -> Int {
        firstSession(onOrAfter: day.adding(days: 1)) - 1
    }

    /// The sessions on the days `dates` names (every day of its range, or the days it lists),
    /// none after `limit`, oldest first.
    public func sessions(in dates: ResolvedDates, upTo limit: Day? = nil) -> [Int] {
        let last = limit.map { min($0, dates.last) } ?? dates.last
        let low = firstSession(onOrAfter: dates.first)
        let high = lastSession(onOrBefore: last)
        guard low <= high else { return [] }
        return (low...high).filter { dates.contains(day(at: $0)) }
    }

    /// The largest gap between consecutive sessions, in calendar days, with the sessions around it.
    public var largestGap: (days: Int, from: Day, to: Day)? {
        guard count >= 2 else { return nil }
        var best = (days: 0, from: day(at: 0), to: day(at: 0))
        for k in 1..<count {
            let gap = Int(dayOrdinals[k] - dayOrdinals[k - 1])
            if gap > best.days { best = (gap, day(at: k - 1), day(at: k)) }
        }
        return best
    }

    /// The same series restricted to sessions in `from...to`.
    public func slice(from: Day?, to: Day?) -> Series {
        let low = from.map { firstSession(onOrAfter: $0) } ?? 0
        let high = to.map { lastSession(onOrBefore: $0) + 1 } ?? count
        var copy = self
        copy.dayOrdinals = low < high ? Array(dayOrdinals[low..<high]) : []
        copy.closes = low < high ? Array(closes[low..<high]) : []
        return copy
    }
}
