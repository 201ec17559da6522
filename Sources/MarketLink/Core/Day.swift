// MARK: - Day

/// A calendar date with no time and no zone: the date a session is reported under.
///
/// Stored as the number of days since 1970-01-01 in the proleptic Gregorian calendar, so that
/// comparison, hashing and differences are integer operations. Conversions use the civil-date
/// algorithm described by Howard Hinnant ("chrono-Compatible Low-Level Date Algorithms").
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int32

    /// The date `ordinal` days after 1970-01-01 (before it when negative).
    public init(ordinal: Int32) {
        self.ordinal = ordinal
    }

    /// A date from its parts, or `nil` when the parts name no real date (`2023-02-30`, month 13,
    /// year 0 or outside 1..9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.ordinal = Int32(Day.ordinal(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD` exactly (the form used on the command line and in every output).
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var parts = [0, 0, 0]
        for (index, range) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                parts[index] = parts[index] * 10 + Int(byte - 48)
            }
        }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The number of days in `month` (1–12) of `year` in the Gregorian calendar: 28 to 31.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// True when `year` is a Gregorian leap year (divisible by 4, and not by 100 unless by 400).
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 for a valid civil date.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of this day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The year, 1–9999 for a date read from text.
    public var year: Int { components.year }
    /// The month, 1 (January) to 12 (December).
    public var month: Int { components.month }
    /// The day of the month, 1 to 31.
    public var dayOfMonth: Int { components.day }

    /// ISO weekday: 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday.
    public var weekday: Int {
        let shifted = (Int(ordinal) + 3) % 7  // 0 = Monday
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }

    /// True on Saturday and Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `days` calendar days later (earlier when negative); not sessions.
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func distance(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

    /// `YYYY-MM-DD`.
    public var iso: String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(10)
        appendISO(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    public var description: String { iso }

    /// Appends `YYYY-MM-DD` to a byte buffer without creating a `String` (the export hot path).
    /// A year outside 0...9999 (a day past 9999-12-31 made by arithmetic) is written in full
    /// (`10000-01-01`), never cut to four digits.
    public func appendISO(to buffer: inout [UInt8]) {
        let (y, m, d) = components
        if y < 0 || y > 9999 {
            buffer.append(contentsOf: String(y).utf8)
            buffer.append(UInt8(ascii: "-"))
            buffer.append(UInt8(48 + m / 10))
            buffer.append(UInt8(48 + m % 10))
            buffer.append(UInt8(ascii: "-"))
            buffer.append(UInt8(48 + d / 10))
            buffer.append(UInt8(48 + d % 10))
            return
        }
        buffer.append(UInt8(48 + y / 1000 % 10))
        buffer.append(UInt8(48 + y / 100 % 10))
        buffer.append(UInt8(48 + y / 10 % 10))
        buffer.append(UInt8(48 + y % 10))
        buffer.append(UInt8(ascii: "-"))
        buffer.append(UInt8(48 + m / 10))
        buffer.append(UInt8(48 + m % 10))
        buffer.append(UInt8(ascii: "-"))
        buffer.append(UInt8(48 + d / 10))
        buffer.append(UInt8(48 + d % 10))
    }

    /// English weekday names, Monday first (index `weekday − 1`).
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// English month names, January first (index `month − 1`).
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The English name of the weekday (`Thursday`).
    public var weekdayName: String { Day.weekdayNames[weekday - 1] }
    /// The English name of the month (`June`).
    public var monthName: String { Day.monthNames[month - 1] }
}
