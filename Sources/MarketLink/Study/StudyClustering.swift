// MARK: - Clustering of events in one series

/// How the events of one group cluster in one series: which share an event session, and whose
/// event windows overlap (DESIGN §2, "Clustered events").
///
/// Made from the events that enter the tests across events (status `ok`), each with its event
/// session t0 (an index into the series' sessions), for an event window [a, b]:
/// - events **share an event session** when their t0 is the same session (the same day, or a
///   Saturday and a Sunday event that both open on Monday): their abnormal returns, CARs and
///   SCARs are the same numbers;
/// - an event's window **overlaps** another's when their t0 are different sessions at most
///   b − a sessions apart (0 < |t0_i − t0_j| ≤ b − a): the two windows hold some of the same
///   returns. A `0:0` window never overlaps another.
///
/// No events give no groups, no sessions and no overlaps.
public struct StudyClustering: Sendable, Equatable {
    /// Events that share one event session.
    public struct SharedSession: Sendable, Equatable {
        /// t0's index in the series.
        public var session: Int
        /// t0's date.
        public var day: Day
        /// Indexes into `EventStudy.events`, two or more, in the order of the events file.
        public var events: [Int]
    }

    /// The number of events.
    public var eventCount: Int
    /// The sessions that two or more events share, in session order.
    public var sharedSessions: [SharedSession]
    /// The number of different event sessions among the events.
    public var distinctSessions: Int
    /// Events whose event window overlaps the window of an event at another session (indexes
    /// into `EventStudy.events`, in the order of the events file).
    public var overlappingWindows: [Int]

    /// The events in `sharedSessions`, counted once each.
    public var eventsSharingASession: Int { sharedSessions.reduce(0) { $0 + $1.events.count } }

    /// The clustering of `events` (index into the events, t0's index and date in the series,
    /// in the order of the events file) under `window`.
    init(events: [(event: Int, session: Int, day: Day)], window: EventWindow) {
        eventCount = events.count
        var bySession: [Int: (day: Day, events: [Int])] = [:]
        for item in events { bySession[item.session, default: (item.day, [])].events.append(item.event) }
        let sessions = bySession.keys.sorted()
        distinctSessions = sessions.count
        sharedSessions = sessions.compactMap { session in
            guard let group = bySession[session], group.events.count > 1 else { return nil }
            return SharedSession(session: session, day: group.day, events: group.events)
        }
        // A session overlaps when its nearest neighbouring session is at most b − a away.
        let reach = window.sessionCount - 1
        var overlapping: Set<Int> = []
        for (k, session) in sessions.enumerated() {
            let before = k > 0 ? session - sessions[k - 1] : Int.max
            let after = k + 1 < sessions.count ? sessions[k + 1] - session : Int.max
            if min(before, after) <= reach { overlapping.insert(session) }
        }
        overlappingWindows = events.filter { overlapping.contains($0.session) }.map(\.event)
    }
}
