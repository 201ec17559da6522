// MARK: - Event

/// A dated event from an events file: a visit announced, a sanctions list published, a summit.
///
/// `date` is the calendar date as written. When the file also gives a time (an ISO 8601 instant in
/// `date`, or `time` and `timezone` columns), `instant` holds it and alignment uses each market's
/// close time (DESIGN §2); otherwise the event is date-only.
public struct Event: Sendable, Equatable {
    public var id: String
    public var title: String
    public var date: Day
    /// Seconds since 1970-01-01T00:00Z when the event has a time of day.
    public var instant: Double?
    public var tags: [String]
    public var score: Double?
    public var source: String?
    /// Line in the events file (0 for events made in code).
    public var line: Int

    public init(
        id: String, title: String, date: Day, instant: Double? = nil, tags: [String] = [], score: Double? = nil,
        source: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.instant = instant
        self.tags = tags
        self.score = score
        self.source = source
        self.line = line
    }

    public var isTimed: Bool { instant != nil }
}
