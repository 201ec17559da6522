// MARK: - Date codes

/// A row's date in the 32 bits a session keeps for its day, before the column's day/month order
/// is decided: an unambiguous date is its day ordinal already; an ambiguous one (`06/08/2023`,
/// `22-01-19`) keeps its three numbers, marked, until the order is known and `day(of:order:)`
/// turns it into an ordinal in place. So a series' storage is its final size (4 bytes of day
/// and 8 of close per session) while the file is still being read.
///
/// Layout of an ambiguous code: at least 2^30 (ordinals of years 1...9999 lie within ±2^22), bit 28
/// the form (0 two ways, 1 three ways), bits 21–27 the first number, 14–20 the second, 0–13 the
/// third (an ambiguous date's first two numbers have at most two digits, its third at most four).
enum DateCode {
    /// The code of a date that is no day (`2023-02-30`); such a file fails before its sessions are used.
    static let invalid = Int32.min

    private static let ambiguousMark: Int32 = 1 << 30

    /// The code of a date as read.
    @inline(__always)
    static func code(of raw: RawDate) -> Int32 {
        switch raw.form {
        case .resolved:
            return raw.day(order: nil)?.ordinal ?? invalid
        case .twoWays, .threeWays:
            let form: Int32 = raw.form == .threeWays ? 1 << 28 : 0
            return ambiguousMark | form | (raw.a & 0x7F) << 21 | (raw.b & 0x7F) << 14 | (raw.c & 0x3FFF)
        }
    }

    /// Whether a code still holds an ambiguous date's numbers.
    @inline(__always)
    static func isAmbiguous(_ code: Int32) -> Bool { code >= ambiguousMark }

    /// The raw date an ambiguous code holds.
    static func raw(of code: Int32) -> RawDate {
        RawDate(a: code >> 21 & 0x7F, b: code >> 14 & 0x7F, c: code & 0x3FFF, form: code & 1 << 28 != 0 ? .threeWays : .twoWays)
    }

    /// The day ordinal of a code under `order` (`invalid` where it is no day that way).
    @inline(__always)
    static func day(of code: Int32, order: DateOrder?) -> Int32 {
        guard isAmbiguous(code) else { return code }
        return raw(of: code).day(order: order)?.ordinal ?? invalid
    }

    /// An ambiguous date's day under each order of `DateColumnResolver.Tally.orders` (month
    /// first, day first, year first), `invalid` where there is none.
    static func days(of raw: RawDate) -> (Int32, Int32, Int32) {
        (
            raw.day(order: .monthDayYear)?.ordinal ?? invalid, raw.day(order: .dayMonthYear)?.ordinal ?? invalid,
            raw.day(order: .yearMonthDay)?.ordinal ?? invalid
        )
    }
}

/// `DateCode.code(of:)` for rows whose dates mostly share the month of the row before (a price
/// file, a series at a time or a date at a time): the first day and the length of the last
/// month seen are kept, so such a date's ordinal is an addition and a comparison instead of the
/// civil-date arithmetic (`Day.ordinal`). The same code as `DateCode.code(of:)` for every date,
/// real or not: a month's days are ordinals first + 0 … first + length − 1.
struct MonthOfDates {
    private var year: Int32 = 0  // no real date has year 0, so the first date is looked up
    private var month: Int32 = 0
    private var first: Int32 = 0
    private var length: Int32 = 0

    /// `DateCode.code(of: raw)`.
    @inline(__always)
    mutating func code(of raw: RawDate) -> Int32 {
        guard raw.form == .resolved else { return DateCode.code(of: raw) }
        if raw.a != year || raw.b != month {
            guard let day = Day(year: Int(raw.a), month: Int(raw.b), day: 1) else { return DateCode.invalid }
            (year, month, first) = (raw.a, raw.b, day.ordinal)
            length = Int32(Day.daysIn(month: Int(raw.b), year: Int(raw.a)))
        }
        return raw.c >= 1 && raw.c <= length ? first + (raw.c - 1) : DateCode.invalid
    }
}
