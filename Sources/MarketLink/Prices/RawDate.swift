// MARK: - Raw dates

/// A date field read into numbers, before the column decides what they mean.
///
/// Unambiguous forms (`2023-06-08`, `2022年6月1日`, `Aug 08, 2023`, `20230608`) resolve at once;
/// three plain numbers such as `06/08/2023` or `22-01-19` wait for `DateColumnResolver`.
struct RawDate: Sendable, Equatable {
    enum Form: UInt8, Sendable {
        /// `a`, `b`, `c` are year, month, day.
        case resolved
        /// Three numbers, the third a four-digit year: month/day or day/month.
        case twoWays
        /// Three numbers of at most two digits: any of YMD, MDY, DMY.
        case threeWays
    }

    var a: Int32
    var b: Int32
    var c: Int32
    var form: Form

    /// The date under a given order, or `nil` where the numbers make no date that way.
    func day(order: DateOrder?) -> Day? {
        switch form {
        case .resolved:
            return Day(year: Int(a), month: Int(b), day: Int(c))
        case .twoWays, .threeWays:
            guard let order else { return nil }
            switch order {
            case .yearMonthDay:
                guard form == .threeWays else { return nil }
                return Day(year: RawDate.fullYear(a), month: Int(b), day: Int(c))
            case .monthDayYear:
                return Day(year: RawDate.fullYear(c), month: Int(a), day: Int(b))
            case .dayMonthYear:
                return Day(year: RawDate.fullYear(c), month: Int(b), day: Int(a))
            }
        }
    }

    /// Year, month and day under a given order as numbers, whether or not they make a real date
    /// (for messages: "February 2023 has 28 days"); `nil` where the order does not apply.
    func parts(order: DateOrder?) -> (year: Int, month: Int, day: Int)? {
        switch (form, order) {
        case (.resolved, _): return (Int(a), Int(b), Int(c))
        case (_, nil), (.twoWays, .yearMonthDay): return nil
        case (_, .yearMonthDay): return (RawDate.fullYear(a), Int(b), Int(c))
        case (_, .monthDayYear): return (RawDate.fullYear(c), Int(a), Int(b))
        case (_, .dayMonthYear): return (RawDate.fullYear(c), Int(b), Int(a))
        }
    }

    /// Two-digit years follow POSIX `strptime`: 69–99 are 1969–1999, 00–68 are 2000–2068.
    static func fullYear(_ year: Int32) -> Int {
        let value = Int(year)
        if value >= 100 { return value }
        return value >= 69 ? 1900 + value : 2000 + value
    }
}
