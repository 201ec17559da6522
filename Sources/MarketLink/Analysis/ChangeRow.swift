import Foundation

// MARK: - Row

/// One event × series × window of a change table, as a value: what was measured, where, and the
/// move with its status. Everything a row says is in it; nothing is looked up through the table.
///
/// `base`, `end` and `eventSession` are there wherever the session is in the data, whatever the
/// status (a `no-end` row still has its base). `move`, and with it `points`, `percent` and
/// `logReturn`, is there exactly when `status` is `ok` — or `no-percent`, where the base close
/// is at or below 0 and only `points` has a value.
///
/// A row of a minute window (`window.isMinuteWindow`) is measured on the series' intraday bars
/// (`minute`, the one `IntradayBars.minuteMove(window:eventInstant:)` gives): `base` and `end`
/// are then the prices at u′+a and u′+b, each with the session of the bar it comes from, and
/// `eventSession` is the session measured in (that of u′); `move` is `nil` and `points`,
/// `percent` and `logReturn` come from `minute`.
public struct ChangeRow: Sendable, Equatable {
    /// The event.
    public let event: Event
    /// The event's position in the table's events (the order of the events file).
    public let eventIndex: Int
    /// The series' name.
    public let series: String
    /// The series' position in the table's series (the order given).
    public let seriesIndex: Int
    /// The window.
    public let window: EventWindow
    /// The window's position in the table's windows (the order given).
    public let windowIndex: Int
    /// `ok`, or why there is no move.
    public let status: ChangeStatus
    /// The event session t0, when the event has one in the series.
    public let eventSession: SessionClose?
    /// The base session (t0+a−1) and its close, when it is in the data.
    public let base: SessionClose?
    /// The end session (t0+b) and its close, when it is in the data.
    public let end: SessionClose?
    /// The move from the base close to the end close, when `status` is `ok` (session windows).
    public let move: Move?
    /// A minute window's move on the intraday bars (its instants, where the event was measured
    /// from and why), whatever its status; `nil` for a session window, and for a minute window
    /// whose event has no time (`no-time`) or whose series has no bars (`no-bars`).
    public let minute: MinuteMove?

    /// end − base, in index points; `nil` unless `status` is `ok` or `no-percent`.
    public var points: Double? {
        if let minute { return status == .ok || status == .noPercent ? minute.points : nil }
        return move?.points
    }
    /// 100 · (end / base − 1); `nil` unless `status` is `ok` (with a base at or below 0 the
    /// status is `no-percent`).
    public var percent: Double? { status == .ok ? (minute?.percent ?? move?.percent) : nil }
    /// ln(end / base); `nil` unless `status` is `ok` and the end close is above 0 too.
    public var logReturn: Double? {
        guard status == .ok else { return nil }
        if let minute {
            guard let b = minute.base?.close, let e = minute.end?.close, b > 0, e > 0 else { return nil }
            return log(e / b)
        }
        return (move?.endClose ?? 0) > 0 ? move?.logReturn : nil
    }

    /// The base and end closes of a row with a move (`ok` or `no-percent`), session or minute window.
    var movedCloses: (base: Double, end: Double)? {
        guard status == .ok || status == .noPercent, let base, let end else { return nil }
        return (base.close, end.close)
    }
}

// MARK: - Session and close

/// A session of a series and its close.
public struct SessionClose: Sendable, Hashable {
    /// The session's index in its series.
    public let session: Int
    /// The session's date.
    public let day: Day
    /// The close, as read.
    public let close: Double

    /// A session with a close that is not its daily close: the price of a minute window, the
    /// close of an intraday bar of session `session`.
    init(session: Int, day: Day, close: Double) {
        self.session = session
        self.day = day
        self.close = close
    }

    /// Session `session` of `series`, or `nil` when the series has no such session.
    init?(_ session: Int, in series: Series) {
        guard session >= 0, session < series.count else { return nil }
        self.session = session
        self.day = series.day(at: session)
        self.close = series.close(at: session)
    }
}
