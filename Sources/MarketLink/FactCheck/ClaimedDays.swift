// MARK: - Claimed date

/// A calendar date as a claim writes it, perhaps without a year (`June 8`).
public struct ClaimedDate: Sendable, Hashable, CustomStringConvertible {
    public var month: Int
    public var day: Int
    public var year: Int?

    public init(month: Int, day: Int, year: Int? = nil) {
        self.month = month
        self.day = day
        self.year = year
    }

    /// The date in `year` (or its own year), or `nil` when it names no real date (February 30).
    public func day(inYear fallback: Int) -> Day? {
        Day(year: year ?? fallback, month: month, day: day)
    }

    /// The date with its own year, or else in the year that puts it nearest to `reference`.
    public func resolved(near reference: Day) -> Day? {
        if let year { return Day(year: year, month: month, day: day) }
        let choices = [reference.year - 1, reference.year, reference.year + 1].compactMap { day(inYear: $0) }
        return choices.min { abs($0.distance(to: reference)) < abs($1.distance(to: reference)) }
    }

    public var description: String {
        let name = (1...12).contains(month) ? Day.monthNames[month - 1] : "month \(month)"
        return year.map { "\(name) \(day), \($0)" } ?? "\(name) \(day)"
    }
}

// MARK: - Claimed days

/// The sessions a claim says a move happened over: weekday names ("on Wednesday and Thursday",
/// "from Tuesday to Thursday"), dates ("on June 8", "(June 7–8, 2023)"), a session count ("over
/// the 10 sessions"), or several of these together, as in MarketLink's own sentences.
public struct ClaimedDays: Sendable, Hashable {
    /// Weekday names: a list of sessions, or the two ends of a range.
    public enum Weekdays: Sendable, Hashable {
        /// "on Thursday", "on Wednesday and Thursday": one session per name, in order
        /// (ISO weekdays, 1 = Monday).
        case list([Int])
        /// "from Tuesday to Thursday", "between Tuesday and Thursday": every session from the
        /// first named day to the last.
        case range(Int, Int)
    }

    public var weekdays: Weekdays?
    /// "over the 10 sessions".
    public var sessionCount: Int?
    /// First and last date named; equal for a single date.
    public var firstDate: ClaimedDate?
    public var lastDate: ClaimedDate?
    /// The days as the claim writes them, parts joined by a space.
    public var text: String

    public init(
        weekdays: Weekdays? = nil, sessionCount: Int? = nil, firstDate: ClaimedDate? = nil, lastDate: ClaimedDate? = nil,
        text: String = ""
    ) {
        self.weekdays = weekdays
        self.sessionCount = sessionCount
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.text = text
    }

    /// The weekday the claimed span ends on, if it names one.
    public var lastWeekday: Int? {
        switch weekdays {
        case .list(let days): days.last
        case .range(_, let last): last
        case nil: nil
        }
    }

    /// The first and last claimed dates placed in a year: each date's own year, else the last
    /// date's year nearest to `reference`, and the first date's year that puts it on or before
    /// the last ("December 28 to January 3, 2023" starts in 2022).
    public func resolvedDates(near reference: Day) -> (first: Day, last: Day)? {
        guard let lastDate, let last = lastDate.resolved(near: reference) else { return nil }
        let firstClaimed = firstDate ?? lastDate
        if firstClaimed.year != nil { return firstClaimed.resolved(near: last).map { ($0, last) } }
        guard let sameYear = firstClaimed.day(inYear: last.year) else { return nil }
        if sameYear <= last { return (sameYear, last) }
        return firstClaimed.day(inYear: last.year - 1).map { ($0, last) }
    }
}
