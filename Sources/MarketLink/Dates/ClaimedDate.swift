// MARK: - Claimed date

/// A calendar date as text writes it, perhaps without a year (`June 8`, `6月8日`).
public struct ClaimedDate: Sendable, Hashable, CustomStringConvertible {
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int
    /// The year when written; `nil` when the text leaves it to the publication date.
    public var year: Int?

    /// A date as written; `year` is `nil` when the text gives none.
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
