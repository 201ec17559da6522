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
        self.outcomes = EventSessions.find(events: events, range: events.indices, series: series, rule: rule)
    }

    /// t0 of event `event` in series `series` (indexes into `events` and `series`); `nil` when
    /// either index is out of range.
    public subscript(event event: Int, series series: Int) -> EventSession? {
        guard events.indices.contains(event), self.series.indices.contains(series) else { return nil }
        return outcomes[event * self.series.count + series]
    }

    /// t0 of the events in `range` in every series, event-major: what a batch of a streamed
    /// change report needs, found once for that batch.
    static func find(events: [Event], range: Range<Int>, series: [Series], rule: AlignmentRule) -> [EventSession] {
        // Series by series, so that each binary search runs in the one series' dates while they
        // are in the cache (event by event, every search would miss it: thousands of series
        // take far more than a cache); stored event-major.
        var outcomes = [EventSession](repeating: .afterData, count: range.count * series.count)
        let width = series.count
        for (s, item) in series.enumerated() {
            for (k, e) in range.enumerated() {
                outcomes[k * width + s] = Alignment.eventSession(for: events[e], in: item, rule: rule)
            }
        }
        return outcomes
    }

    /// Every entry, event-major (for the change table's rows).
    var all: [EventSession] { outcomes }

    /// t0 of event `e` in series `s`, for indexes known to be in range.
    func at(event e: Int, series s: Int) -> EventSession { outcomes[e * series.count + s] }
}
