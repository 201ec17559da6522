// MARK: - Precision and tense

/// How finely a date phrase places something on the calendar: "on May 8" is a day, "this week"
/// a week, "last December" a month, "in 1957" a year.
public enum DatePrecision: String, Sendable, Hashable, CaseIterable {
    /// One calendar day: "on May 8", "yesterday".
    case day
    /// A calendar week, Monday to Sunday: "this week".
    case week
    /// A calendar month: "in April", "last December".
    case month
    /// A calendar year: "in 1957".
    case year
}

/// The tense a date phrase is read in (HeidelTime's news mode): in a past-tense sentence "on
/// Monday" is the latest Monday on or before the publication date, in a future-tense sentence the
/// first Monday after it. The present, and the present perfect ("has gained"), count as past.
public enum Tense: String, Sendable, Hashable, CaseIterable {
    /// Past (and present, and present perfect): a weekday is the latest on or before the
    /// publication date.
    case past
    /// Future ("will meet"): a weekday is the first after the publication date.
    case future
}
