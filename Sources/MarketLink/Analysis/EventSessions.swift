// MARK: - Event sessions

/// The event session t0 of every event in every series, found once by one alignment rule
/// (`Alignment.eventSession`) and shared by whatever measures around the events — the change
/// table, the event study, the charts and the report — so that they cannot disagree about t0.
///
/// A matrix of `EventSession`, one per event × series, in event order (as given) and then series
/// order (as given). No events or no series give an empty matrix.
public struct EventSessions: Sendable, Equatable {
    /// The events, in the order given.
    public let events: [Event]
    /// The series, in the order given.
    public let series: [Series]
    /// How each date-only event found its session.
    public let rule: AlignmentRule
    /// Event-major: the entry of event e in series s is at e · series.count + s.
    private let outcomes: [EventSession]

    /// Finds t0 of every event in every series by `rule` (DESIGN §2).
    public init(events: [Event], series: [Series], rule: AlignmentRule = .next) {
        self.events = events
        self.series = series
        self.rule = rule
        self.outcomes = EventSessions.find(events: events, range: events.indices, series: series, rule: rule, parallel: true)
    }

    /// t0 of event `event` in series `series` (indexes into `events` and `series`); `nil` when
    /// either index is out of range.
    public subscript(event event: Int, series series: Int) -> EventSession? {
        guard events.indices.contains(event), self.series.indices.contains(series) else { return nil }
        return outcomes[event * self.series.count + series]
    }

    /// t0 of the events in `range` in every series, event-major: what a batch of a streamed
    /// change report needs, found once for that batch. With `parallel` and enough pairs, groups of
    /// series run on worker threads (`OrderedWork`); the entries are the same either way.
    static func find(
        events: [Event], range: Range<Int>, series: [Series], rule: AlignmentRule, parallel: Bool = false
    ) -> [EventSession] {
        // Series by series, so that each binary search runs in the one series' dates while they
        // are in the cache (event by event, every search would miss it: thousands of series
        // take far more than a cache); stored event-major. What alignment reads of each event
        // is taken once, not an `Event` copied per pair.
        let times = range.map { EventTime(events[$0]) }
        let inOrder = EventSessions.walkable(times)
        var outcomes = [EventSession](unsafeUninitializedCapacity: range.count * series.count) { buffer, initialized in
            LargeBuffer.adviseHugePages(buffer)
            if let base = buffer.baseAddress { base.initialize(repeating: .afterData, count: buffer.count) }
            initialized = buffer.count
        }
        let width = series.count
        guard parallel, width > 1, times.count * width >= EventSessions.parallelPairs else {
            for (s, item) in series.enumerated() {
                EventSessions.forEachSession(of: times, inOrder: inOrder, in: item, rule: rule) { k, outcome in
                    outcomes[k * width + s] = outcome
                }
            }
            return outcomes
        }
        let groups = min(width, 8 * OrderedWork.defaultAhead)
        let perGroup = (width + groups - 1) / groups
        OrderedWork.run(
            count: (width + perGroup - 1) / perGroup,
            work: { group in
                let start = group * perGroup
                let end = min(width, start + perGroup)
                var column: [EventSession] = []
                column.reserveCapacity((end - start) * times.count)
                for s in start..<end {
                    EventSessions.forEachSession(of: times, inOrder: inOrder, in: series[s], rule: rule) { _, outcome in
                        column.append(outcome)
                    }
                }
                return column
            },
            consume: { group, column in
                let start = group * perGroup
                let count = times.count
                for (j, outcome) in column.enumerated() {
                    outcomes[(j % count) * width + start + j / count] = outcome
                }
            })
        return outcomes
    }

    /// Whether every event is date-only (a day, no instant) and the days never go back, so
    /// that one walk through a series' days finds every t0 (`Alignment.dateSession(cursor:)`).
    static func walkable(_ times: [EventTime]) -> Bool {
        guard times.allSatisfy({ $0.hasDay && $0.instant == nil }) else { return false }
        return zip(times, times.dropFirst()).allSatisfy { $0.date <= $1.date }
    }

    /// t0 of each of `times` in `series`, in order, with its index: by one walk through the
    /// series' days when `inOrder` (`walkable`), otherwise a search per event; the same sessions.
    @inline(__always)
    static func forEachSession(
        of times: [EventTime], inOrder: Bool, in series: Series, rule: AlignmentRule, _ body: (Int, EventSession) -> Void
    ) {
        guard inOrder, let first = series.firstDay, let last = series.lastDay else {
            for (k, time) in times.enumerated() { body(k, Alignment.eventSession(for: time, in: series, rule: rule)) }
            return
        }
        var cursor: Int? = 0
        for (k, time) in times.enumerated() {
            body(k, Alignment.dateSession(day: time.date, in: series, first: first, last: last, rule: rule, cursor: &cursor))
        }
    }

    /// The event × series pairs from which `find(parallel: true)` uses worker threads.
    static let parallelPairs = 20_000

    /// Every entry, event-major (for the change table's rows).
    var all: [EventSession] { outcomes }

    /// t0 of event `e` in series `s`, for indexes known to be in range.
    func at(event e: Int, series s: Int) -> EventSession { outcomes[e * series.count + s] }
}
