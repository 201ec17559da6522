// MARK: - Row

/// One event × series × window of a change table, as a value: what was measured, where, and the
/// move with its status. Everything a row says is in it; nothing is looked up through the table.
///
/// `base`, `end` and `eventSession` are there wherever the session is in the data, whatever the
/// status (a `no-end` row still has its base). `move`, and with it `points`, `percent` and
/// `logReturn`, is there exactly when `status` is `ok` — or `no-percent`, where the base close
/// is at or below 0 and only `points` has a value.
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
    /// The move from the base close to the end close, when `status` is `ok`.
    public let move: Move?

    /// end − base, in index points; `nil` unless `status` is `ok` or `no-percent`.
    public var points: Double? { move?.points }
    /// 100 · (end / base − 1); `nil` unless `status` is `ok` (with a base at or below 0 the
    /// status is `no-percent`).
    public var percent: Double? { status == .ok ? move?.percent : nil }
    /// ln(end / base); `nil` unless `status` is `ok` and the end close is above 0 too.
    public var logReturn: Double? { status == .ok && (move?.endClose ?? 0) > 0 ? move?.logReturn : nil }
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

    /// Session `session` of `series`, or `nil` when the series has no such session.
    init?(_ session: Int, in series: Series) {
        guard session >= 0, session < series.count else { return nil }
        self.session = session
        self.day = series.day(at: session)
        self.close = series.close(at: session)
    }
}
