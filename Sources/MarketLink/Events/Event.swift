// MARK: - Event

/// A dated event from an events file: a visit announced, a sanctions list published, a summit.
///
/// `date` is the calendar date as written. When the file also gives a time (an ISO 8601 instant in
/// `date`, or `time` and `timezone` columns), `instant` holds it and alignment uses each market's
/// close time (DESIGN §2); otherwise the event is date-only.
public struct Event: Sendable, Equatable {
    /// A column of the events file that MarketLink does not interpret, kept as written.
    public struct Field: Sendable, Hashable {
        /// The header name as written (trimmed of surrounding spaces).
        public var name: String
        /// The cell text, with CSV quoting undone and nothing else changed.
        public var value: String

        /// A kept column's cell: its header name and its text.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The `id` cell, or — in a file with no `id` column, or for an empty `id` cell — the event's
    /// 1-based row number among the file's events (the header and blank rows are not counted).
    public var id: String
    /// The `title` cell: free text, as written.
    public var title: String
    /// The calendar date as written: for `2023-06-06T22:30-04:00` this is 2023-06-06, the local date
    /// at the written offset, not the UTC date. For a month (`2022-12`), its first day.
    public var date: Day
    /// `day`, or `month` for an event dated `2022-12` (as `mlink article` drafts "Last December"):
    /// such an event is not aligned to a session until it is given a day.
    public var precision: DatePrecision
    /// Seconds since 1970-01-01T00:00Z when the event has a time of day.
    public var instant: Double?
    /// The `tags` cell split at `;`, each trimmed; empty when the event has none.
    public var tags: [String]
    /// The `score` cell: a number the user assigns (tone, say, from −1 escalation to +1 thaw); `nil` when empty.
    public var score: Double?
    /// The `source` cell: an outlet or a URL; `nil` when empty.
    public var source: String?
    /// Line in the events file (0 for events made in code).
    public var line: Int
    /// The local time of day as written, `HH:MM` or `HH:MM:SS` (nil for date-only events).
    public var time: String?
    /// The zone the time is written in: an IANA name (`America/New_York`), an offset (`+08:00`), or
    /// `UTC` for a `Z` instant. Nil for date-only events.
    public var timeZone: String?
    /// Columns MarketLink does not interpret, in header order.
    public var extraFields: [Field]

    /// An event made in code; `line` 0 says it comes from no file.
    public init(
        id: String, title: String, date: Day, instant: Double? = nil, tags: [String] = [], score: Double? = nil,
        source: String? = nil, line: Int = 0, time: String? = nil, timeZone: String? = nil, extraFields: [Field] = [],
        precision: DatePrecision = .day
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.precision = precision
        self.instant = instant
        self.tags = tags
        self.score = score
        self.source = source
        self.line = line
        self.time = time
        self.timeZone = timeZone
        self.extraFields = extraFields
    }

    /// True when the event has a time of day (`instant`), so each market aligns it by its close time.
    public var isTimed: Bool { instant != nil }

    /// Whether the event is dated to a day (not only to a month).
    public var hasDay: Bool { precision == .day }

    /// The date as an events file writes it: `2023-06-06`, or `2022-12` for a month.
    public var dateText: String { hasDay ? date.iso : String(date.iso.prefix(7)) }

    /// The weekday's name, or "" for an event dated to a month.
    public var weekdayText: String { hasDay ? date.weekdayName : "" }

    /// `Tuesday, June 6, 2023`, or `December 2022` for a month.
    public var longDateText: String {
        hasDay ? date.weekdayName + ", " + DateRangeText.full(date) : date.monthName + " " + String(date.year)
    }

    /// True when the event carries `tag`, compared without regard to case.
    public func hasTag(_ tag: String) -> Bool {
        let wanted = tag.lowercased()
        return tags.contains { $0.lowercased() == wanted }
    }
}
