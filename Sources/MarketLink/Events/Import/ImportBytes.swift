import Foundation

// MARK: - Reading values from bytes

/// The few value forms event datasets use, read straight from a row's bytes (no `String` per
/// field): whole numbers, decimals, `YYYYMMDD` and `YYYY-MM-DD` dates.
enum ImportBytes {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The bytes without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ bytes: Bytes) -> Bytes {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        return Bytes(rebasing: bytes[start..<end])
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Whether every byte is an ASCII digit (false for no bytes).
    static func isDigits(_ bytes: Bytes) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// A whole number of at most 18 digits, with an optional sign.
    static func integer(_ raw: Bytes) -> Int? {
        let bytes = trimmed(raw)
        var k = 0
        var negative = false
        if k < bytes.count, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") {
            negative = bytes[k] == UInt8(ascii: "-")
            k += 1
        }
        guard k < bytes.count, bytes.count - k <= 18 else { return nil }
        var value = 0
        while k < bytes.count {
            guard isDigit(bytes[k]) else { return nil }
            value = value * 10 + Int(bytes[k] - 48)
            k += 1
        }
        return negative ? -value : value
    }

    /// A decimal (`-2.0`, `1.675`, `7`, `.5`) in millionths, exactly; digits past the sixth
    /// decimal are rounded half away from zero. Nil for anything else, or beyond ±10¹².
    static func millionths(_ raw: Bytes) -> Int64? {
        let bytes = trimmed(raw)
        var k = 0
        var negative = false
        if k < bytes.count, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") {
            negative = bytes[k] == UInt8(ascii: "-")
            k += 1
        }
        var whole: Int64 = 0
        var digits = 0
        while k < bytes.count, isDigit(bytes[k]) {
            guard digits < 12 else { return nil }
            whole = whole * 10 + Int64(bytes[k] - 48)
            digits += 1
            k += 1
        }
        var fraction: Int64 = 0
        var places = 0
        var roundUp = false
        if k < bytes.count, bytes[k] == UInt8(ascii: ".") {
            k += 1
            var fractionDigits = 0
            while k < bytes.count, isDigit(bytes[k]) {
                if places < 6 {
                    fraction = fraction * 10 + Int64(bytes[k] - 48)
                    places += 1
                } else if places == 6 {
                    roundUp = bytes[k] >= 53
                    places += 1
                }
                fractionDigits += 1
                k += 1
            }
            guard fractionDigits > 0 || digits > 0 else { return nil }
        }
        guard k == bytes.count, digits > 0 || places > 0 else { return nil }
        for _ in min(places, 6)..<6 { fraction *= 10 }
        let magnitude = whole * 1_000_000 + fraction + (roundUp ? 1 : 0)
        return negative ? -magnitude : magnitude
    }

    /// `YYYYMMDD` (the first 8 bytes, which must be digits; more digits may follow, as in 2.0's
    /// `YYYYMMDDHHMMSS`), as a day; nil when it is not a real date.
    static func compactDay(_ raw: Bytes) -> Day? {
        let bytes = trimmed(raw)
        guard bytes.count >= 8, bytes.allSatisfy(isDigit) else { return nil }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) } }
        return Day(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    /// `YYYY-MM-DD`, or ACLED's older `DD Month YYYY` (`03 April 2023`), as a day.
    static func isoDay(_ raw: Bytes) -> Day? {
        let bytes = trimmed(raw)
        if bytes.count == 10, bytes[4] == 45, bytes[7] == 45 {
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for k in range {
                    guard isDigit(bytes[k]) else { return nil }
                    value = value * 10 + Int(bytes[k] - 48)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return Day(year: year, month: month, day: day)
        }
        let words = String(decoding: bytes, as: UTF8.self).split(separator: " ")
        guard words.count == 3, let day = Int(words[0]), let year = Int(words[2]), words[2].count == 4,
            let month = Day.monthNames.firstIndex(where: { $0.lowercased() == words[1].lowercased() })
        else { return nil }
        return Day(year: year, month: month + 1, day: day)
    }

    /// Whether the bytes are exactly `text`'s UTF-8.
    @inline(__always)
    static func equals(_ bytes: Bytes, _ text: [UInt8]) -> Bool {
        guard bytes.count == text.count else { return false }
        guard let base = bytes.baseAddress else { return text.isEmpty }
        return text.withUnsafeBufferPointer { other in other.baseAddress.map { memcmp(base, $0, bytes.count) == 0 } ?? false }
    }

    /// Whether the bytes start with `prefix`'s.
    @inline(__always)
    static func hasPrefix(_ bytes: Bytes, _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for k in prefix.indices where bytes[k] != prefix[k] { return false }
        return true
    }

    static func text(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }
}
