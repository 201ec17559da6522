// MARK: - Event filter

/// Which events a command works on: those carrying any of `tags` (ignoring case; no tags means
/// every event) and dated from `from` to `to`, both inclusive, by `Event.date` (the date as written).
public struct EventFilter: Sendable, Equatable {
    /// Keep events carrying any of these tags (ignoring case); empty keeps every event.
    public var tags: [String]
    /// Keep events dated on or after this day; `nil` for no lower bound.
    public var from: Day?
    /// Keep events dated on or before this day; `nil` for no upper bound.
    public var to: Day?

    /// A filter; with no arguments it keeps every event.
    public init(tags: [String] = [], from: Day? = nil, to: Day? = nil) {
        self.tags = tags
        self.from = from
        self.to = to
    }

    /// True when `event` passes every bound and carries one of the tags (or no tags are asked for).
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
