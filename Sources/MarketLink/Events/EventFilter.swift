// MARK: - Event filter

/// Which events a command works on: those carrying any of `tags` (ignoring case; no tags means
/// every event) and dated from `from` to `to`, both inclusive, by `Event.date` (the date as written).
public struct EventFilter: Sendable, Equatable {
    public var tags: [String]
    public var from: Day?
    public var to: Day?

    public init(tags: [String] = [], from: Day? = nil, to: Day? = nil) {
        self.tags = tags
        self.from = from
        self.to = to
    }

    public func matches(_ event: Event) -> Bool {
        if let from, event.date < from { return false }
        if let to, event.date > to { return false }
        return tags.isEmpty || tags.contains { event.hasTag($0) }
    }
}

extension EventLog {
    /// The events `filter` lets through, in file order.
    public func events(matching filter: EventFilter) -> [Event] {
        events.filter(filter.matches)
    }
}
