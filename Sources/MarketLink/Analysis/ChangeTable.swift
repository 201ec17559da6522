import Foundation

// MARK: - Status

/// Why a change row has no number, or `ok`. Rows are never dropped: each event × series × window
/// gets a row, and the status says what happened.
public enum ChangeStatus: String, Sendable, CaseIterable {
    case ok
    /// The base session t0+a−1 is before the first session of the data.
    case noBase = "no-base"
    /// The end session t0+b is after the last session of the data.
    case noEnd = "no-end"
    /// The event is before the first session of the data.
    case beforeData = "before-data"
    /// The event is after the last session of the data.
    case afterData = "after-data"
    /// `--align exact` and the market had no session on the event date.
    case noSession = "no-session"
    /// A timed event on a series with no known market (name one with --market).
    case noMarket = "no-market"

    public var explanation: String {
        switch self {
        case .ok: return "both closes found"
        case .noBase: return "the base session (t0+a−1) is before the first session of the data"
        case .noEnd: return "the end session (t0+b) is after the last session of the data"
        case .beforeData: return "the event is before the first session of the data"
        case .afterData: return "the event is after the last session of the data"
        case .noSession: return "--align exact and the market had no session on the event date"
        case .noMarket: return "a timed event needs the series' market (zone and close time): name it with --market"
        }
    }
}

// MARK: - Row

/// One event × series × window. Sessions are indexes into the series (−1 where there is none).
public struct ChangeRow: Sendable, Equatable {
    public var event: Int
    public var series: Int
    public var window: Int
    public var status: ChangeStatus
    public var eventSession: Int32
    public var baseSession: Int32
    public var endSession: Int32
}

// MARK: - Table

/// The change table: for every event, series and window, the move from base to end close.
///
/// Rows are in event order (as in the events file), then series order (as given), then window
/// order (as given). Points = end − base; percent = 100·(end/base − 1); log return = ln(end/base).
public struct ChangeTable: Sendable {
    public var events: [Event]
    public var series: [Series]
    public var windows: [EventWindow]
    public var rule: AlignmentRule
    public private(set) var rows: [ChangeRow]

    public init(events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule = .next) {
        self.events = events
        self.series = series
        self.windows = windows
        self.rule = rule
        self.rows = ChangeTable.compute(events: events, series: series, windows: windows, rule: rule, eventRange: 0..<events.count)
    }

    /// A table over precomputed rows (one batch of a streamed report).
    init(events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule, rows: [ChangeRow]) {
        self.events = events
        self.series = series
        self.windows = windows
        self.rule = rule
        self.rows = rows
    }

    static func compute(events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule, eventRange: Range<Int>) -> [ChangeRow] {
        var rows: [ChangeRow] = []
        rows.reserveCapacity(eventRange.count * series.count * windows.count)
        for e in eventRange {
            let event = events[e]
            for s in series.indices {
                let count = series[s].count
                let t0 = Alignment.eventSession(for: event, in: series[s], rule: rule)
                for w in windows.indices {
                    var row = ChangeRow(event: e, series: s, window: w, status: .ok, eventSession: -1, baseSession: -1, endSession: -1)
                    switch t0 {
                    case .session(let index):
                        row.eventSession = Int32(index)
                        let base = index + windows[w].start - 1
                        let end = index + windows[w].end
                        if base >= 0, base < count { row.baseSession = Int32(base) }
                        if end >= 0, end < count { row.endSession = Int32(end) }
                        // base < end always, so base past the data implies end past it too.
                        if base < 0 {
                            row.status = .noBase
                        } else if end >= count {
                            row.status = .noEnd
                        }
                    case .beforeData: row.status = .beforeData
                    case .afterData: row.status = .afterData
                    case .noSession: row.status = .noSession
                    case .noMarket: row.status = .noMarket
                    }
                    rows.append(row)
                }
            }
        }
        return rows
    }

    // MARK: Values

    public func baseDay(_ row: ChangeRow) -> Day? {
        row.baseSession >= 0 ? series[row.series].day(at: Int(row.baseSession)) : nil
    }

    public func baseClose(_ row: ChangeRow) -> Double? {
        row.baseSession >= 0 ? series[row.series].close(at: Int(row.baseSession)) : nil
    }

    public func endDay(_ row: ChangeRow) -> Day? {
        row.endSession >= 0 ? series[row.series].day(at: Int(row.endSession)) : nil
    }

    public func endClose(_ row: ChangeRow) -> Double? {
        row.endSession >= 0 ? series[row.series].close(at: Int(row.endSession)) : nil
    }

    public func eventDay(_ row: ChangeRow) -> Day? {
        row.eventSession >= 0 ? series[row.series].day(at: Int(row.eventSession)) : nil
    }

    public func points(_ row: ChangeRow) -> Double? {
        guard row.status == .ok, let base = baseClose(row), let end = endClose(row) else { return nil }
        return end - base
    }

    /// 100 · (end / base − 1); nil without a move, or when the base is not above 0 (a tally of
    /// events can be 0 or below; DESIGN §1: a percent against such a base is no number).
    public func percent(_ row: ChangeRow) -> Double? {
        guard row.status == .ok, let base = baseClose(row), let end = endClose(row), base > 0 else { return nil }
        return 100 * (end / base - 1)
    }

    /// ln(end / base); nil without a move, or when either close is not above 0.
    public func logReturn(_ row: ChangeRow) -> Double? {
        guard row.status == .ok, let base = baseClose(row), let end = endClose(row), base > 0, end > 0 else { return nil }
        return log(end / base)
    }

    /// Rows of one event and series, in window order.
    public func rows(event: Int, series: Int) -> ArraySlice<ChangeRow> {
        let width = windows.count
        let start = (event * self.series.count + series) * width
        return rows[start..<(start + width)]
    }
}
