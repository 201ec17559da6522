// MARK: - Claimed days

/// The sessions a claim says a move happened over: weekday names ("on Wednesday and Thursday",
/// "from Tuesday to Thursday", "last Friday"), dates ("on June 8", "(June 7–8, 2023)"), a session
/// count ("over the 10 sessions"), days relative to when it was written ("yesterday", "this
/// week", 本周), or several of these together, as in MarketLink's own sentences.
///
/// Each part is a `DatePhrase` read by the shared `DatePhraseReader`; the properties below are
/// what `FactCheck` needs of them when no publication date places them on the calendar.
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

    /// The weekdays named ("on Wednesday and Thursday"), if the days are weekdays.
    public var weekdays: Weekdays?
    /// "over the 10 sessions".
    public var sessionCount: Int?
    /// First and last date named; equal for a single date.
    public var firstDate: ClaimedDate?
    /// The last date named; equal to `firstDate` for a single date.
    public var lastDate: ClaimedDate?
    /// The days as the claim writes them, parts joined by a space.
    public var text: String
    /// The phrases the days were read from, in the order written.
    public var phrases: [DatePhrase]

    /// Days from their parts; everything may be missing (the days of a claim that names none).
    public init(
        weekdays: Weekdays? = nil, sessionCount: Int? = nil, firstDate: ClaimedDate? = nil, lastDate: ClaimedDate? = nil,
        text: String = "", phrases: [DatePhrase] = []
    ) {
        self.weekdays = weekdays
        self.sessionCount = sessionCount
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.text = text
        self.phrases = phrases
    }

    /// The days of one phrase.
    public init(_ phrase: DatePhrase) {
        self.init(text: phrase.text, phrases: [phrase])
        switch phrase.kind {
        case .weekdays(let names, _): weekdays = .list(names)
        case .weekdayRange(let first, let last): weekdays = .range(first, last)
        case .dates(let first, let last, let weekday):
            firstDate = first
            lastDate = last
            if let weekday { weekdays = .list([weekday]) }
        case .sessions(let count): sessionCount = count
        case .month, .week, .relativeDay, .relativeMonth, .relativeYear, .year: break
        }
    }

    /// The weekday the claimed span ends on, if it names one.
    public var lastWeekday: Int? {
        switch weekdays {
        case .list(let days): days.last
        case .range(_, let last): last
        case nil: nil
        }
    }

    /// Whether the days count from when the claim was written ("yesterday", "last Friday",
    /// "this week", "in April"), so that only a publication date places them.
    public var isRelative: Bool {
        phrases.contains { phrase in
            switch phrase.kind {
            case .weekdays(_, let modifier): modifier != .none
            case .week, .relativeDay, .relativeMonth, .relativeYear: true
            case .month(_, let year, _): year == nil
            case .weekdayRange, .dates, .sessions, .year: false
            }
        }
    }

    /// The days on the calendar: a date phrase when there is one (its own year, else placed by
    /// `published`), else the first other phrase placed by `published`; `nil` for a session
    /// count alone, or days that need a publication date when there is none. Claims report what
    /// happened, so phrases are read in the past tense.
    public func resolved(publishedOn published: Day?) -> ResolvedDates? {
        if let dated = phrases.first(where: { if case .dates = $0.kind { true } else { false } }) {
            return dated.resolved(publishedOn: published, tense: .past)
        }
        for phrase in phrases where phrase.sessionCount == nil {
            return phrase.resolved(publishedOn: published, tense: .past)
        }
        return nil
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
