// MARK: - Numeric dates

/// A date cell that is one plain number: an Excel serial (`45085`), `yyyyMMdd` (`20230608`,
/// read by `DateReader` itself) or a Unix epoch stamp in seconds or milliseconds
/// (`1686182400`, `1686182400000`).
///
/// - 5 to 7 digits: an Excel 1900-system serial. Excel counts 1900-02-29, a day that never
///   was, so serial n ≥ 61 is 1899-12-30 + n days (45085 = 2023-06-08); smaller serials are
///   not read.
/// - 9 to 15 digits: an epoch stamp. A daily file's stamps fall at 00:00:00 UTC and name that
///   UTC date: seconds when the number is a whole number of days in seconds and that gives a
///   year up to 9999, else milliseconds when it is a whole number of days in milliseconds. A
///   stamp at another time of day is an instant, not a date, and is refused (intraday files are
///   not read as days).
///
/// A number whose date falls after 9999-12-31 is refused with what it would be, never written
/// with its year cut to four digits.
enum NumericDate {
    /// What a numeric cell is.
    enum Reading: Equatable {
        /// A date (year 1...9999).
        case day(year: Int, month: Int, day: Int)
        /// A date outside years 1...9999: what it would be, in words.
        case outOfRange(String)
        /// An epoch stamp not at midnight UTC: the instant, `yyyy-MM-ddTHH:mm:ssZ`.
        case instant(String)
    }

    /// Days from 1970-01-01 to 1899-12-30, Excel's day 0 for serials from 61 on.
    static let excelEpochOffset = -25_569

    /// The form a numeric cell was read in, for `inspect`.
    enum Form: String, Equatable {
        case excelSerial = "an Excel 1900 serial"
        case epochSeconds = "epoch seconds at 00:00 UTC, read as the UTC date"
        case epochMilliseconds = "epoch milliseconds at 00:00 UTC, read as the UTC date"
    }

    /// The reading of `digits` (ASCII digits only, already trimmed), or `nil` when the number is
    /// no numeric date form (`yyyyMMdd` included: `DateReader` reads it).
    static func read(_ digits: UnsafeBufferPointer<UInt8>) -> Reading? { decode(digits)?.reading }

    /// The reading and the form it was read in.
    static func decode(_ digits: UnsafeBufferPointer<UInt8>) -> (reading: Reading, form: Form)? {
        let width = digits.count
        guard (5...7).contains(width) || (9...15).contains(width) else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        if width <= 7 {
            guard value >= 61 else { return nil }
            let civil = civil(fromDays: value + excelEpochOffset)
            guard (1...9999).contains(civil.year) else { return (.outOfRange("\(iso(civil)) as an Excel serial"), .excelSerial) }
            return (.day(year: civil.year, month: civil.month, day: civil.day), .excelSerial)
        }
        let secondsPerDay = 86_400
        let inSeconds = value % secondsPerDay == 0 ? civil(fromDays: value / secondsPerDay) : nil
        let inMilliseconds = value % (secondsPerDay * 1000) == 0 ? civil(fromDays: value / (secondsPerDay * 1000)) : nil
        // A midnight in milliseconds is a midnight in seconds too (of a year 1000 times further
        // away): seconds win only when milliseconds give no year up to 9999 or seconds a year
        // this side of 2300.
        let millisecondsValid = inMilliseconds.map { (1...9999).contains($0.year) } ?? false
        if let date = inSeconds, date.year <= 9999, !millisecondsValid || date.year <= 2300 {
            return (.day(year: date.year, month: date.month, day: date.day), .epochSeconds)
        }
        if let date = inMilliseconds, millisecondsValid { return (.day(year: date.year, month: date.month, day: date.day), .epochMilliseconds) }
        if let date = inSeconds { return (.outOfRange("\(iso(date))T00:00:00Z"), .epochSeconds) }
        // Not at midnight: the instant, read as seconds up to 11 digits and as milliseconds beyond.
        let seconds = width <= 11 ? value : value / 1000
        let (days, time) = (seconds / secondsPerDay, seconds % secondsPerDay)
        let date = civil(fromDays: days)
        let clock = [time / 3600, time / 60 % 60, time % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
        let text = "\(iso(date))T\(clock)Z"
        let form: Form = width <= 11 ? .epochSeconds : .epochMilliseconds
        return (date.year > 9999 ? .outOfRange(text) : .instant(text), form)
    }

    /// The reading of a whole cell: its digits after trimming spaces, or `nil` when the cell is
    /// not one plain number.
    static func decode(cell bytes: UnsafeBufferPointer<UInt8>) -> (reading: Reading, form: Form)? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        guard start < end else { return nil }
        return decode(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// The civil date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`), any year.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `yyyy-MM-dd`, the year in full (at least four digits).
    static func iso(_ date: (year: Int, month: Int, day: Int)) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(date.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(date.month) + "-" + two(date.day)
    }
}
