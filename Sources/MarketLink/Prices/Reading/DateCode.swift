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
