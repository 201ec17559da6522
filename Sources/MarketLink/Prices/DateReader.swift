// MARK: - Reader

/// Reads one date field into a `RawDate`: the field alone decides its numbers, the column
/// (`DateColumnResolver`) decides what an ambiguous `06/08/2023` means.
enum DateReader {
    static let monthPrefixes: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// Reads a date field into a `RawDate`, or `nil` when it is not a date. A time after the date
    /// (`2000-01-03 00:00:00`, `5/11/2018 16:00:00`, `T09:30`) is ignored.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> RawDate? {
        guard let raw = readParts(bytes), raw.fitsPacking else { return nil }
        return raw
    }

    static func readParts(_ bytes: UnsafeBufferPointer<UInt8>) -> RawDate? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 { start += 1 }
        while end > start, bytes[end - 1] == 32 { end -= 1 }
        // Fast path: YYYY-MM-DD (optionally followed by a time). First: a cell with `-` at its fifth
        // byte is no plain number, so `NumericDate` (next) would refuse it anyway.
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
        // One plain number other than `yyyyMMdd`: an Excel serial or an epoch stamp (`NumericDate`).
        if end - start != 8, end - start >= 5, bytes[start] >= 48, bytes[start] <= 57,
            case .day(let year, let month, let day)? = NumericDate.decode(UnsafeBufferPointer(rebasing: bytes[start..<end]))?.reading
        {
            return RawDate(a: Int32(year), b: Int32(month), c: Int32(day), form: .resolved)
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

    /// Why a date cell that `read` refused is no date, when the cell says more than "unreadable":
    /// a numeric date past 9999-12-31, or an epoch stamp that is an instant rather than a date.
    static func refusal(_ bytes: UnsafeBufferPointer<UInt8>, text: String, column: String) -> MarketLinkError.Reason? {
        switch NumericDate.decode(cell: bytes)?.reading {
        case .outOfRange(let reading)?: return .dateYearOutOfRange(text, reading: reading)
        case .instant(let instant)?: return .epochNotMidnight(text, instant: instant, column: column)
        default: return nil
        }
    }

    /// Whether a cell is a time of day alone (`16:00`, `4:00 PM`, `16:00:00 ET`): the date cell of
    /// a download's partial row for today, which is no session yet.
    static func isTimeOfDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < bytes.count, bytes[k] == 32 { k += 1 }
        var groups = 0
        while true {
            var digits = 0
            while k < bytes.count, bytes[k] >= 48, bytes[k] <= 57 {
                digits += 1
                k += 1
            }
            // Hours in one or two digits, minutes and seconds in two.
            guard groups == 0 ? (1...2).contains(digits) : digits == 2 else { return false }
            groups += 1
            guard k < bytes.count, bytes[k] == UInt8(ascii: ":") else { break }
            k += 1
        }
        guard (2...3).contains(groups) else { return false }
        while k < bytes.count {
            let byte = bytes[k] | 0x20
            guard byte == 32 || (byte >= 97 && byte <= 122) else { return false }
            k += 1
        }
        return true
    }

    /// The date written in `text`, or nil when it is no date.
    static func read(_ text: String) -> RawDate? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { read(UnsafeBufferPointer($0)) }
    }
}
