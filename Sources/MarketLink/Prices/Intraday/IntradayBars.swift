import Foundation

// MARK: - Intraday bars

/// The bars of an intraday series, kept beside its daily view (DESIGN §8).
///
/// A series read from minute or hourly bars is, for every daily command, its sessions and the
/// close of the last bar of each (`Series.dayOrdinals`, `Series.closes`); these bars are carried
/// beside them for what needs instants: minute windows, the price at an instant, `inspect`.
/// A daily series has none, so daily work costs nothing more.
///
/// Storage is columnar: each bar's start (whole seconds since 1970-01-01T00:00Z) and close, in
/// time order, and the first bar of each session. Every bar lasts `barSeconds` and spans
/// [start, start + barSeconds); its close is the price at its end.
public struct IntradayBars: Sendable, Equatable {
    /// L, the length of every bar in seconds: the most frequent gap between consecutive stamps
    /// (ties: the smaller).
    public let barSeconds: Int
    /// Whether the file's stamps named bar starts or bar ends.
    public let label: BarLabel
    /// The local zone (IANA name or fixed offset): it decides the session dates and how times are shown.
    public let zoneIdentifier: String
    /// How the stamps became instants and where the local zone came from, in words for `inspect`.
    public let zoneDecision: String
    /// Bar starts, seconds since 1970-01-01T00:00Z, strictly increasing.
    let starts: [Int64]
    /// Bar closes, one per bar.
    let closes: [Double]
    /// The index of the first bar of each session, increasing; one entry per session of the series.
    let sessionFirstBars: [Int32]

    init(barSeconds: Int, label: BarLabel, zoneIdentifier: String, zoneDecision: String, starts: [Int64], closes: [Double], sessionFirstBars: [Int32]) {
        self.barSeconds = barSeconds
        self.label = label
        self.zoneIdentifier = zoneIdentifier
        self.zoneDecision = zoneDecision
        self.starts = starts
        self.closes = closes
        self.sessionFirstBars = sessionFirstBars
    }

    /// What `inspect` and the daily commands say about an intraday file's daily view.
    public static let dailyViewNote = "intraday bars: daily measures use the close of the last bar of each session"

    /// The number of bars.
    public var count: Int { starts.count }
    /// The number of sessions (local calendar dates with bars).
    public var sessionCount: Int { sessionFirstBars.count }
    /// The local zone; UTC when `zoneIdentifier` names none.
    public var zone: TimeZone { Market.timeZone(named: zoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current }

    /// The start of bar `k` (seconds since 1970-01-01T00:00Z).
    public func start(at k: Int) -> Double { Double(starts[k]) }
    /// The end of bar `k`, where its close is the price.
    public func end(at k: Int) -> Double { Double(starts[k] + Int64(barSeconds)) }
    /// The close of bar `k`.
    public func close(at k: Int) -> Double { closes[k] }

    /// The bars of session `s` (an index into the series' sessions); empty when out of range.
    public func bars(ofSession s: Int) -> Range<Int> {
        guard s >= 0, s < sessionFirstBars.count else { return 0..<0 }
        let low = Int(sessionFirstBars[s])
        let high = s + 1 < sessionFirstBars.count ? Int(sessionFirstBars[s + 1]) : starts.count
        return low..<high
    }

    /// The session bar `k` belongs to.
    public func session(ofBar k: Int) -> Int {
        var low = 0
        var high = sessionFirstBars.count
        while low < high {
            let mid = (low + high) >> 1
            if Int(sessionFirstBars[mid]) <= k { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    /// The instant session `s` closes: the end of its last bar (`nil` when out of range).
    public func closeInstant(ofSession s: Int) -> Double? {
        let range = bars(ofSession: s)
        return range.isEmpty ? nil : end(at: range.upperBound - 1)
    }

    // MARK: Searching

    /// The first bar starting after `t` (`count` when none).
    func firstBar(startingAfter t: Double) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) >> 1
            if Double(starts[mid]) <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The bar that ends last at or before `t`, when `t` is within the data: from the end of the
    /// first bar to the end of the last. `nil` before the first bar has ended or after the last.
    public func lastBar(endingAtOrBefore t: Double) -> Int? {
        guard let lastStart = starts.last, t <= Double(lastStart + Int64(barSeconds)) else { return nil }
        let k = firstBar(startingAfter: t - Double(barSeconds)) - 1
        return k >= 0 ? k : nil
    }

    /// The price at instant `t`: the close of the last bar ending at or before `t` (DESIGN §8);
    /// `nil` before the first bar ends or after the last bar ends.
    public func price(at t: Double) -> Double? { lastBar(endingAtOrBefore: t).map { closes[$0] } }

    /// The bar whose span [start, end) holds `t`, if any.
    public func bar(containing t: Double) -> Int? {
        let k = firstBar(startingAfter: t) - 1
        guard k >= 0, t < end(at: k) else { return nil }
        return k
    }

    // MARK: Trading periods

    /// The runs of abutting bars of session `s`, each as [first start, last end): one for a
    /// session without a break, two for Shanghai (09:30–11:30, 13:00–15:00).
    public func tradingPeriods(ofSession s: Int) -> [(start: Double, end: Double)] {
        let range = bars(ofSession: s)
        guard !range.isEmpty else { return [] }
        var periods: [(start: Double, end: Double)] = []
        var periodStart = range.lowerBound
        for k in range.dropFirst() where starts[k] != starts[k - 1] + Int64(barSeconds) {
            periods.append((start(at: periodStart), end(at: k - 1)))
            periodStart = k
        }
        periods.append((start(at: periodStart), end(at: range.upperBound - 1)))
        return periods
    }
}
