// MARK: - Date ranges in words

/// Dates and date ranges as a newsroom writes them, in English, with an en dash (U+2013) between
/// the ends of a range and the year written once, at the end, when both ends share it:
///
/// | ends | `range` | `fromTo` |
/// |---|---|---|
/// | one day | June 8, 2023 | from June 8 to June 8, 2023 |
/// | same month | June 7–8, 2023 | from June 1 to June 14, 2023 |
/// | same year | May 30–June 2, 2023 | from May 25 to June 7, 2023 |
/// | different years | December 28, 2022–January 3, 2023 | from December 28, 2022 to January 10, 2023 |
///
/// `range` is the compact form used in the parentheses after weekday names; `fromTo` is the form
/// used after "over the N sessions", where the month is repeated so that both ends read alone.
enum DateRangeText {
    /// `June 8, 2023`.
    static func full(_ day: Day) -> String {
        "\(monthDay(day)), \(day.year)"
    }

    /// `June 8`.
    static func monthDay(_ day: Day) -> String {
        "\(day.monthName) \(day.dayOfMonth)"
    }

    /// `June 7–8, 2023`, `May 30–June 2, 2023`, `December 28, 2022–January 3, 2023`; one day
    /// when `first == last`. The ends are taken in order (`first` is the earlier).
    static func range(_ first: Day, _ last: Day) -> String {
        let (from, to) = first <= last ? (first, last) : (last, first)
        if from == to { return full(to) }
        if from.year != to.year { return "\(full(from))–\(full(to))" }
        if from.month != to.month { return "\(monthDay(from))–\(monthDay(to)), \(to.year)" }
        return "\(from.monthName) \(from.dayOfMonth)–\(to.dayOfMonth), \(to.year)"
    }

    /// `from June 1 to June 14, 2023`; `from December 28, 2022 to January 10, 2023` across years.
    static func fromTo(_ first: Day, _ last: Day) -> String {
        let (from, to) = first <= last ? (first, last) : (last, first)
        if from.year != to.year { return "from \(full(from)) to \(full(to))" }
        return "from \(monthDay(from)) to \(full(to))"
    }
}
