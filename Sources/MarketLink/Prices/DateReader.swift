// MARK: - Date order

/// The order of day, month and year in a numeric date such as `06/08/2023`.
public enum DateOrder: String, Sendable, CaseIterable {
    case yearMonthDay = "YMD"
    case monthDayYear = "MDY"
    case dayMonthYear = "DMY"

    public var pattern: String {
        switch self {
        case .yearMonthDay: return "year-month-day"
        case .monthDayYear: return "month/day/year"
        case .dayMonthYear: return "day/month/year"
        }
    }
}

// MARK: - Raw dates

/// A date field read into numbers, before the column decides what they mean.
///
/// Unambiguous forms (`2023-06-08`, `2022年6月1日`, `Aug 08, 2023`, `20230608`) resolve at once;
/// three plain numbers such as `06/08/2023` or `22-01-19` wait for `DateColumnResolver`.
public struct RawDate: Sendable, Equatable {
    public enum Form: UInt8, Sendable {
        /// `a`, `b`, `c` are year, month, day.
        case resolved
        /// Three numbers, the third a four-digit year: month/day or day/month.
        case twoWays
        /// Three numbers of at most two digits: any of YMD, MDY, DMY.
        case threeWays
    }

    public var a: Int32
    public var b: Int32
    public var c: Int32
    public var form: Form

    /// The date under a given order, or `nil` where the numbers make no date that way.
    public func day(order: DateOrder?) -> Day? {
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

// MARK: - Reader

public enum DateReader {
    static let monthPrefixes: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// Reads a date field into a `RawDate`, or `nil` when it is not a date. A time after the date
    /// (`2000-01-03 00:00:00`, `5/11/2018 16:00:00`, `T09:30`) is ignored.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> RawDate? {
        guard let raw = readParts(bytes), raw.fitsPacking else { return nil }
        return raw
    }

    static func readParts(_ bytes: UnsafeBufferPointer<UInt8>) -> RawDate? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 { start += 1 }
        while end > start, bytes[end - 1] == 32 { end -= 1 }
        // Fast path: YYYY-MM-DD (optionally followed by a time).
        if end - start >= 10, bytes[start + 4] == 45, bytes[start + 7] == 45,
            end - start == 10 || bytes[start + 10] == 32 || bytes[start + 10] == UInt8(ascii: "T")
        {
            var ok = true
            @inline(__always) func digit(_ k: Int) -> Int32 {
                let byte = bytes[start + k]
                if byte < 48 || byte > 57 { ok = false }
                return Int32(byte) - 48
            }
            let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
            let month = digit(5) * 10 + digit(6)
            let day = digit(8) * 10 + digit(9)
            if ok { return RawDate(a: year, b: month, c: day, form: .resolved) }
        }
        // General path: up to three numbers and a month name.
        var numbers: [(value: Int32, width: Int)] = []
        var monthName: Int32 = 0
        var monthFirst = false
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte >= 48, byte <= 57 {
                var value: Int32 = 0
                var width = 0
                while i < end, bytes[i] >= 48, bytes[i] <= 57 {
                    if width < 9 { value = value * 10 + Int32(bytes[i] - 48) }
                    width += 1
                    i += 1
                }
                if i < end, bytes[i] == UInt8(ascii: ":") { break }  // a time begins
                numbers.append((value, width))
                if numbers.count == 3 { break }
                continue
            }
            let lower = byte | 0x20
            if lower >= 97, lower <= 122 {
                var word: [UInt8] = []
                while i < end, (bytes[i] | 0x20) >= 97, (bytes[i] | 0x20) <= 122 {
                    word.append(bytes[i] | 0x20)
                    i += 1
                }
                if word.count >= 3 {
                    guard monthName == 0, let month = monthPrefixes[String(decoding: word.prefix(3), as: UTF8.self)]
                    else { return nil }
                    monthName = Int32(month)
                    monthFirst = numbers.isEmpty
                } else if word != [UInt8(ascii: "t")] {
                    return nil  // not a month name, and not the "T" of an ISO 8601 instant
                }
                continue
            }
            // Separators: - / . , space, and the 年 月 日 of Chinese dates.
            i += 1
        }
        if monthName != 0 {
            guard numbers.count == 2 else { return nil }
            let (first, second) = (numbers[0], numbers[1])
            if first.width == 4 { return RawDate(a: first.value, b: monthName, c: second.value, form: .resolved) }
            if second.width == 4 || !monthFirst || second.width <= 2 {
                let year = second.width <= 2 ? Int32(RawDate.fullYear(second.value)) : second.value
                return RawDate(a: year, b: monthName, c: first.value, form: .resolved)
            }
            return nil
        }
        if numbers.count == 1, numbers[0].width == 8 {
            let value = numbers[0].value
            return RawDate(a: value / 10000, b: value / 100 % 100, c: value % 100, form: .resolved)
        }
        guard numbers.count == 3 else { return nil }
        let (x, y, z) = (numbers[0], numbers[1], numbers[2])
        guard y.width <= 2 else { return nil }
        if x.width == 4 {
            guard z.width <= 2 else { return nil }
            return RawDate(a: x.value, b: y.value, c: z.value, form: .resolved)
        }
        guard x.width <= 2 else { return nil }
        if z.width == 4 { return RawDate(a: x.value, b: y.value, c: z.value, form: .twoWays) }
        guard z.width <= 2 else { return nil }
        return RawDate(a: x.value, b: y.value, c: z.value, form: .threeWays)
    }

    public static func read(_ text: String) -> RawDate? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { read(UnsafeBufferPointer($0)) }
    }
}

// MARK: - Column resolution

/// Decides the day/month order of a date column from all of its values.
///
/// An order is possible when it gives a valid date for every row. Among possible orders, the one
/// under which consecutive rows lie closest in time (1 to 7 calendar days apart, as daily data
/// does) wins when it wins clearly; otherwise the column is ambiguous and the user must name the
/// order with `--date-format`.
public struct DateColumnResolver {
    public struct Decision: Sendable, Equatable {
        public var order: DateOrder?
        /// Why this order, in words for `inspect`.
        public var reason: String
    }

    public static func decide(_ dates: [RawDate], lineOf: (Int) -> Int, override: DateOrder?) -> Result<Decision, MarketLinkErrorDetail> {
        let ambiguous = dates.contains { $0.form != .resolved }
        guard ambiguous else { return .success(Decision(order: nil, reason: "unambiguous")) }
        let allowsYMD = !dates.contains { $0.form == .twoWays }
        let candidates: [DateOrder] = allowsYMD ? [.monthDayYear, .dayMonthYear, .yearMonthDay] : [.monthDayYear, .dayMonthYear]
        if let override {
            if let bad = dates.indices.first(where: { dates[$0].day(order: override) == nil }) {
                return .failure(MarketLinkErrorDetail(index: bad, message: "is not a valid date as \(override.pattern) (--date-format \(override.rawValue))"))
            }
            return .success(Decision(order: override, reason: "given by --date-format"))
        }
        var possible: [DateOrder] = []
        var firstFailure: [DateOrder: Int] = [:]
        for order in candidates {
            if let bad = dates.indices.first(where: { dates[$0].day(order: order) == nil }) {
                firstFailure[order] = bad
            } else {
                possible.append(order)
            }
        }
        if possible.isEmpty {
            let index = firstFailure.values.max() ?? 0
            return .failure(MarketLinkErrorDetail(index: index, message: "is not a valid date in any day/month order the rest of the column allows"))
        }
        if possible.count == 1, let order = possible.first {
            let ruledOut = candidates.filter { $0 != order }.compactMap { other -> String? in
                guard let bad = firstFailure[other] else { return nil }
                return "\(other.rawValue) fails on line \(lineOf(bad))"
            }
            return .success(Decision(order: order, reason: "the only order valid for every row (\(ruledOut.joined(separator: "; ")))"))
        }
        // Several orders give valid dates: compare how daily-like each reading is.
        var scores: [(DateOrder, Int)] = []
        for order in possible {
            var near = 0
            var previous: Day?
            for raw in dates {
                guard let day = raw.day(order: order) else { continue }
                if let previous {
                    let gap = abs(previous.distance(to: day))
                    if gap >= 1, gap <= 7 { near += 1 }
                }
                previous = day
            }
            scores.append((order, near))
        }
        scores.sort { $0.1 > $1.1 }
        let best = scores[0]
        let runnerUp = scores[1]
        // Win clearly: more near pairs, and at least twice as many as the next reading.
        if best.1 > runnerUp.1, best.1 >= 2 * runnerUp.1 + 1 {
            let detail = scores.map { "\($0.0.rawValue): \($0.1)" }.joined(separator: ", ")
            return .success(Decision(order: best.0, reason: "rows 1–7 days apart under each order — \(detail)"))
        }
        let names = possible.map(\.rawValue).joined(separator: " or ")
        return .failure(MarketLinkErrorDetail(index: 0, message: "could be \(names): the file cannot tell; name the order with --date-format (e.g. --date-format \(possible[0].rawValue))"))
    }
}

/// A message about one row of a column, before its location is known.
public struct MarketLinkErrorDetail: Error, Sendable {
    public var index: Int
    public var message: String
}
