// MARK: - Date phrase

/// A phrase of news text that names days, as `DatePhraseReader` reads it: "on Friday", "last
/// Tuesday", "on Wednesday and Thursday", "from Monday to Wednesday", "On May 8", "Jan. 3, 2023",
/// "last December", "in April", "this week", "yesterday", "over the past three sessions", "周五",
/// "本周", "6月7日", "2023年06月09日", "in 1957".
///
/// A phrase keeps the text it came from and its place; `resolved(publishedOn:tense:)` places it on
/// the calendar against a publication date.
public struct DatePhrase: Sendable, Hashable {
    /// "last Friday", "next Wednesday", "this week": which one of a repeating day or month.
    public enum Modifier: String, Sendable, Hashable {
        /// No word: the tense decides ("on Friday").
        case none
        /// The latest one before the publication date ("last Friday", "last December", 上周五).
        case last
        /// The first one after it ("next Wednesday", 下周三).
        case next
        /// The one in the publication date's week or year ("this Friday", 本周五).
        case this
        /// That weekday of the calendar week (Monday to Sunday) before P's: 上周五.
        case lastWeek
        /// That weekday of the calendar week after P's: 下周三.
        case nextWeek
    }

    /// What a date phrase names, before it is placed on the calendar.
    public enum Kind: Sendable, Hashable {
        /// Weekdays named one by one (ISO numbers, 1 = Monday): "on Friday", "on Wednesday and
        /// Thursday", "last Friday", "周五".
        case weekdays([Int], Modifier)
        /// Every day from one weekday to another: "from Monday to Wednesday", "Tuesday–Thursday".
        case weekdayRange(Int, Int)
        /// A date, or the first and last of a range: "on May 8", "June 7–8, 2023", "6月7日",
        /// "2023-06-08". `weekday` is a weekday written beside it ("Friday, June 9, 2023").
        case dates(ClaimedDate, ClaimedDate, weekday: Int?)
        /// A month: "in April", "last December", "December 2022", "6月".
        case month(Int, year: Int?, Modifier)
        /// A week relative to the publication date: −1 "last week", 0 "this week", +1 "next week".
        case week(Int)
        /// A day relative to the publication date: 0 "today", −1 "yesterday", +1 "tomorrow".
        case relativeDay(Int)
        /// A month relative to the publication date's: −1 "last month", 0 "this month", +1 "next month".
        case relativeMonth(Int)
        /// A year relative to the publication date's: −1 "last year", 0 "this year", 去年, 今年.
        case relativeYear(Int)
        /// "over the past three sessions": the last N sessions of a market up to the publication date.
        case sessions(Int)
        /// A year alone: "in 1957", "for 2023". Never a day or a month.
        case year(Int)
    }

    /// What the phrase names: weekdays, dates, a month, a relative day or week, ...
    public var kind: Kind
    /// The phrase as written: "On Wednesday", "Over the past three sessions".
    public var text: String
    /// Where it was written, in Unicode scalars of the text read.
    public var range: Range<Int>

    /// A phrase of `kind`, written as `text` at scalar offsets `range` of the text read.
    public init(kind: Kind, text: String, range: Range<Int>) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    /// The precision of what it names, before resolution.
    public var precision: DatePrecision {
        switch kind {
        case .weekdays, .weekdayRange, .dates, .relativeDay, .sessions: .day
        case .week: .week
        case .month, .relativeMonth: .month
        case .year, .relativeYear: .year
        }
    }

    /// Whether it needs a publication date to be placed on the calendar (every phrase does but a
    /// date written with its year, a month with its year, and a year).
    public var needsPublicationDate: Bool {
        switch kind {
        case .dates(let first, let last, _): first.year == nil || last.year == nil
        case .month(_, let year, _): year == nil
        case .year: false
        default: true
        }
    }

    /// The session count of "over the past N sessions".
    public var sessionCount: Int? {
        if case .sessions(let count) = kind { return count }
        return nil
    }
}

// MARK: - Resolved dates

/// Where a date phrase falls on the calendar: its first and last day, and its precision.
public struct ResolvedDates: Sendable, Hashable, CustomStringConvertible {
    /// The first day the phrase covers.
    public var first: Day
    /// The last day the phrase covers; equal to `first` for one day.
    public var last: Day
    /// How finely the phrase placed it: a day, a week, a month or a year.
    public var precision: DatePrecision
    /// The days named one by one when they are not the whole range ("on Monday and Wednesday");
    /// `nil` when every day from `first` to `last` is meant.
    public var days: [Day]?

    /// Days from `first` to `last` at `precision`; `days` when only some of them are meant.
    public init(first: Day, last: Day, precision: DatePrecision, days: [Day]? = nil) {
        self.first = first
        self.last = last
        self.precision = precision
        self.days = days
    }

    /// Whether `day` is one of the days named.
    public func contains(_ day: Day) -> Bool {
        if let days { return days.contains(day) }
        return first <= day && day <= last
    }

    /// `2023-06-08`, `2023-06-07..2023-06-08`, `2022-12` (a month), `2023` (a year).
    public var description: String {
        switch precision {
        case .month: return String(first.iso.prefix(7))
        case .year: return String(first.iso.prefix(4))
        case .day, .week: return first == last ? first.iso : "\(first.iso)..\(last.iso)"
        }
    }
}

// MARK: - Resolution (HeidelTime's news mode)

extension DatePhrase {
    /// The days the phrase names in a text published on `published`, read in `tense`, by the
    /// rules of HeidelTime's news mode (DESIGN §7):
    ///
    /// - a weekday in a past-tense sentence is the latest such day on or before P ("on Friday" in
    ///   an article of a Friday is P itself), in a future-tense sentence the first one after P;
    ///   "last Friday" is the latest before P, "next Friday" the first after P, "this Friday" the
    ///   one in P's week (Monday to Sunday); several weekdays ("on Wednesday and Thursday") end at
    ///   the last one so placed, each earlier one the latest on or before the next;
    /// - "from Monday to Wednesday": the last weekday placed as above, the first the latest on or
    ///   before it;
    /// - a month and day without a year fall in P's year, unless that is after P in a past-tense
    ///   sentence (the year before) or before P in a future-tense one (the year after): an article
    ///   of 2023-01-03 saying "on December 30" means 2022-12-30;
    /// - "last December" is the latest December before P's month; "in April" is in P's year unless
    ///   that month is after P's month in a past-tense sentence (or before it in a future one);
    ///   "next April" the first April after P's month; months have month precision;
    /// - "this week" is Monday of P's week to P (to Sunday in a future-tense sentence); "last week"
    ///   and "next week" are Monday to Sunday; "yesterday", "today", "tomorrow" are P − 1, P, P + 1.
    ///
    /// Returns `nil` for "over the past N sessions" (that depends on a market's sessions, not the
    /// calendar), for a phrase that needs a publication date when `published` is `nil`, and for a
    /// date that does not exist (February 30) or whose written weekday is not its weekday.
    public func resolved(publishedOn published: Day?, tense: Tense) -> ResolvedDates? {
        switch kind {
        case .dates(let first, let last, let weekday):
            guard let lastDay = Self.place(last, published: published, tense: tense) else { return nil }
            var firstDay = lastDay
            if first != last {
                if let year = first.year {
                    guard let day = Day(year: year, month: first.month, day: first.day) else { return nil }
                    firstDay = day
                } else {
                    guard let sameYear = first.day(inYear: lastDay.year) else { return nil }
                    firstDay = sameYear <= lastDay ? sameYear : (first.day(inYear: lastDay.year - 1) ?? sameYear)
                }
            }
            guard firstDay <= lastDay else { return nil }
            if let weekday, firstDay == lastDay, lastDay.weekday != weekday { return nil }
            return ResolvedDates(first: firstDay, last: lastDay, precision: .day)
        case .month(let month, let year, let modifier):
            if let year {
                guard let day = Day(year: year, month: month, day: 1) else { return nil }
                return Self.wholeMonth(day)
            }
            guard let published, (1...12).contains(month) else { return nil }
            let y: Int
            switch modifier {
            case .last: y = month < published.month ? published.year : published.year - 1
            case .next: y = month > published.month ? published.year : published.year + 1
            case .this, .lastWeek, .nextWeek: y = published.year
            case .none:
                switch tense {
                case .past: y = month > published.month ? published.year - 1 : published.year
                case .future: y = month < published.month ? published.year + 1 : published.year
                }
            }
            return Day(year: y, month: month, day: 1).map(Self.wholeMonth)
        case .year(let year):
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return nil }
            return ResolvedDates(first: first, last: last, precision: .year)
        case .sessions:
            return nil
        case .weekdays(let names, let modifier):
            guard let published, let lastName = names.last else { return nil }
            let last = Self.place(weekday: lastName, modifier: modifier, published: published, tense: tense)
            var days = [last]
            for name in names.dropLast().reversed() {
                guard let following = days.first else { break }
                days.insert(Self.latest(weekday: name, onOrBefore: following.adding(days: -1)), at: 0)
            }
            guard let first = days.first else { return nil }
            let contiguous = first.distance(to: last) == days.count - 1
            return ResolvedDates(first: first, last: last, precision: .day, days: contiguous ? nil : days)
        case .weekdayRange(let from, let to):
            guard let published else { return nil }
            let last = Self.place(weekday: to, modifier: .none, published: published, tense: tense)
            return ResolvedDates(first: Self.latest(weekday: from, onOrBefore: last), last: last, precision: .day)
        case .week(let offset):
            guard let published else { return nil }
            let monday = published.adding(days: 1 - published.weekday + 7 * offset)
            if offset == 0, tense == .past { return ResolvedDates(first: monday, last: published, precision: .week) }
            return ResolvedDates(first: monday, last: monday.adding(days: 6), precision: .week)
        case .relativeDay(let offset):
            guard let published else { return nil }
            let day = published.adding(days: offset)
            return ResolvedDates(first: day, last: day, precision: .day)
        case .relativeMonth(let offset):
            guard let published else { return nil }
            let index = published.year * 12 + published.month - 1 + offset
            return Day(year: index / 12, month: index % 12 + 1, day: 1).map(Self.wholeMonth)
        case .relativeYear(let offset):
            guard let published else { return nil }
            return DatePhrase(kind: .year(published.year + offset), text: text, range: range).resolved(publishedOn: nil, tense: tense)
        }
    }

    /// A month and day in a year by the news-mode rule (see `resolved`).
    static func place(_ date: ClaimedDate, published: Day?, tense: Tense) -> Day? {
        if let year = date.year { return Day(year: year, month: date.month, day: date.day) }
        guard let published else { return nil }
        guard let sameYear = date.day(inYear: published.year) else {
            // February 29 in a year without it: the nearest year that has it, in the tense's direction.
            let step = tense == .past ? -1 : 1
            for k in 1...8 { if let day = date.day(inYear: published.year + step * k) { return day } }
            return nil
        }
        switch tense {
        case .past: return sameYear > published ? date.day(inYear: published.year - 1) : sameYear
        case .future: return sameYear < published ? date.day(inYear: published.year + 1) : sameYear
        }
    }

    static func place(weekday: Int, modifier: Modifier, published: Day, tense: Tense) -> Day {
        switch modifier {
        case .last: return latest(weekday: weekday, onOrBefore: published.adding(days: -1))
        case .next: return first(weekday: weekday, after: published)
        case .this: return published.adding(days: weekday - published.weekday)
        case .lastWeek: return published.adding(days: weekday - published.weekday - 7)
        case .nextWeek: return published.adding(days: weekday - published.weekday + 7)
        case .none: return tense == .past ? latest(weekday: weekday, onOrBefore: published) : first(weekday: weekday, after: published)
        }
    }

    /// The latest `weekday` (1 = Monday) on or before `day`.
    static func latest(weekday: Int, onOrBefore day: Day) -> Day {
        day.adding(days: -((day.weekday - weekday + 7) % 7))
    }

    /// The first `weekday` strictly after `day`.
    static func first(weekday: Int, after day: Day) -> Day {
        let ahead = (weekday - day.weekday + 7) % 7
        return day.adding(days: ahead == 0 ? 7 : ahead)
    }

    static func wholeMonth(_ first: Day) -> ResolvedDates {
        ResolvedDates(first: first, last: first.adding(days: Day.daysIn(month: first.month, year: first.year) - 1), precision: .month)
    }
}
