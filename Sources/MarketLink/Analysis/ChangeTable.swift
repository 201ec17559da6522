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
            sessions: sessions.all, counts: sessions.series.map(\.count), windows: windows, eventRange: sessions.events.indices)
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
            base: base, end: end, move: move)
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
    static func entries(sessions: [EventSession], counts: [Int], windows: [EventWindow], eventRange: Range<Int>) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(sessions.count * windows.count)
        var k = 0
        for e in eventRange {
            for s in counts.indices {
                let t0 = sessions[k]
                k += 1
                for w in windows.indices {
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
