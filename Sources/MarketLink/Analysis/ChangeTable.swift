import Foundation

// MARK: - Table

/// The change table: for every event, series and window, the move from base to end close.
///
/// Rows are in event order (as in the events file), then series order (as given), then window
/// order (as given). Points = end − base; percent = 100·(end/base − 1); log return = ln(end/base).
/// t0 comes from `sessions`, found once and shareable with a study and charts of the same events;
/// where each window falls, and its status, from `EventWindow.placement(around:sessionCount:)`.
/// The inputs are fixed when the table is made, so every row stays true to them.
public struct ChangeTable: Sendable {
    /// t0 of every event in every series, with the events, the series and the alignment rule.
    public let sessions: EventSessions
    /// The windows, in the order given.
    public let windows: [EventWindow]
    /// One compact entry per row, in row order (see `Entry`).
    let entries: [Entry]

    /// The events, in the order of the events file.
    public var events: [Event] { sessions.events }
    /// The series, in the order given.
    public var series: [Series] { sessions.series }
    /// How each date-only event found its session t0.
    public var rule: AlignmentRule { sessions.rule }

    /// The table of `events` × `series` × `windows`, t0 found by `rule`.
    public init(events: [Event], series: [Series], windows: [EventWindow], rule: AlignmentRule = .next) {
        self.init(sessions: EventSessions(events: events, series: series, rule: rule), windows: windows)
    }

    /// The table of the events and series of `sessions` × `windows`, with t0 as `sessions` has it.
    public init(sessions: EventSessions, windows: [EventWindow]) {
        self.sessions = sessions
        self.windows = windows
        self.entries = ChangeTable.entries(
            sessions: sessions.all[...], events: sessions.events, series: sessions.series, counts: sessions.series.map(\.count), windows: windows,
            eventRange: sessions.events.indices)
    }

    // MARK: - Rows

    /// Every row, as values (made on access from the table's compact storage).
    public var rows: Rows { Rows(table: self) }

    /// The rows of one event and series, in window order; empty when either index is out of range.
    public func rows(event: Int, series: Int) -> Rows.SubSequence {
        let width = windows.count
        guard events.indices.contains(event), self.series.indices.contains(series) else { return rows[0..<0] }
        let start = (event * self.series.count + series) * width
        return rows[start..<(start + width)]
    }

    /// The rows of a change table, in order: a random-access collection of `ChangeRow` values.
    public struct Rows: RandomAccessCollection, Sendable {
        let table: ChangeTable

        /// 0.
        public var startIndex: Int { 0 }
        /// The number of rows: events × series × windows.
        public var endIndex: Int { table.entries.count }

        /// The row at `position` (0 ..< count), as a value.
        public subscript(position: Int) -> ChangeRow { table.row(table.entries[position]) }
    }

    /// The value of one compact entry.
    func row(_ entry: Entry) -> ChangeRow {
        ChangeTable.row(entry, events: events, series: series, windows: windows)
    }

    /// The value of one compact entry of a table of `events` × `series` × `windows` (a whole
    /// table, or a batch of a streamed one).
    static func row(_ entry: Entry, events: [Event], series: [Series], windows: [EventWindow]) -> ChangeRow {
        let item = series[entry.series]
        if windows[entry.window].isMinuteWindow {
            return minuteRow(entry, event: events[entry.event], series: item, window: windows[entry.window])
        }
        let base = entry.baseSession >= 0 ? SessionClose(Int(entry.baseSession), in: item) : nil
        let end = entry.endSession >= 0 ? SessionClose(Int(entry.endSession), in: item) : nil
        let move: Move? =
            if entry.status == .ok, let base, let end {
                Move(series: item, baseSession: base.session, endSession: end.session)
            } else {
                nil
            }
        let status: ChangeStatus = move.map { $0.hasPercent ? .ok : .noPercent } ?? entry.status
        return ChangeRow(
            event: events[entry.event], eventIndex: entry.event, series: item.name, seriesIndex: entry.series,
            window: windows[entry.window], windowIndex: entry.window, status: status,
            eventSession: entry.eventSession >= 0 ? SessionClose(Int(entry.eventSession), in: item) : nil,
            base: base, end: end, move: move, minute: nil)
    }

    // MARK: - Minute windows

    /// A minute window's move and status for `event` in `series`: `no-time` for an event without a
    /// time, `no-bars` for a series without intraday bars, else the status of
    /// `IntradayBars.minuteMove(window:eventInstant:)` — with `no-percent` for an `ok` move from a
    /// base at or below 0.
    static func minuteResult(event: Event, series: Series, window: EventWindow) -> (status: ChangeStatus, move: MinuteMove?) {
        guard let instant = event.instant else { return (.noTime, nil) }
        guard let bars = series.intraday, let move = bars.minuteMove(window: window, eventInstant: instant) else { return (.noBars, nil) }
        if move.status == .ok, let base = move.base?.close, !(base > 0) { return (.noPercent, move) }
        return (move.status, move)
    }

    /// The row of a minute window: its base and end are the prices at u′+a and u′+b with the
    /// sessions of their bars, its event session that of u′.
    static func minuteRow(_ entry: Entry, event: Event, series item: Series, window: EventWindow) -> ChangeRow {
        let (status, move) = minuteResult(event: event, series: item, window: window)
        func close(_ price: BarPrice?) -> SessionClose? {
            guard let bars = item.intraday, let price, let bar = price.bar, let value = price.close else { return nil }
            let session = bars.session(ofBar: bar)
            guard session >= 0, session < item.count else { return nil }
            return SessionClose(session: session, day: item.day(at: session), close: value)
        }
        var eventSession: SessionClose?
        if let bars = item.intraday, let from = move?.placement.measuredFrom, let bar = bars.bar(containing: from) {
            eventSession = SessionClose(bars.session(ofBar: bar), in: item)
        }
        return ChangeRow(
            event: event, eventIndex: entry.event, series: item.name, seriesIndex: entry.series, window: window, windowIndex: entry.window,
            status: status, eventSession: eventSession, base: close(move?.base), end: close(move?.end), move: nil, minute: move)
    }

    // MARK: - Compact storage

    /// One row as the table stores it: indexes into the events, series and windows, and session
    /// indexes into the series, −1 where there is none. Internal: what is public is `ChangeRow`.
    struct Entry: Sendable, Equatable {
        var event: Int
        var series: Int
        var window: Int
        var status: ChangeStatus
        var eventSession: Int32
        var baseSession: Int32
        var endSession: Int32
    }

    /// The entries of the events in `eventRange` (a whole table, or a batch of a streamed report),
    /// from their event sessions (event-major, one per event in the range × series) and each
    /// series' session count.
    /// A minute window's entry holds its status only (its row is measured again on the bars).
    static func entries(
        sessions: ArraySlice<EventSession>, events: [Event], series: [Series], counts: [Int], windows: [EventWindow], eventRange: Range<Int>
    ) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(sessions.count * windows.count)
        let minutes = windows.contains(where: \.isMinuteWindow)
        var k = sessions.startIndex
        for e in eventRange {
            for s in counts.indices {
                let t0 = sessions[k]
                k += 1
                for w in windows.indices {
                    if minutes, windows[w].isMinuteWindow {
                        let status = minuteResult(event: events[e], series: series[s], window: windows[w]).status
                        entries.append(Entry(event: e, series: s, window: w, status: status, eventSession: -1, baseSession: -1, endSession: -1))
                        continue
                    }
                    let placement = windows[w].placement(around: t0, sessionCount: counts[s])
                    entries.append(
                        Entry(
                            event: e, series: s, window: w, status: placement.status,
                            eventSession: placement.eventSession.map { Int32(truncatingIfNeeded: $0) } ?? -1,
                            baseSession: placement.baseSession.map { Int32(truncatingIfNeeded: $0) } ?? -1,
                            endSession: placement.endSession.map { Int32(truncatingIfNeeded: $0) } ?? -1))
                }
            }
        }
        return entries
    }
}
