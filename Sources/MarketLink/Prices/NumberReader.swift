// MARK: - Numbers

/// Reads prices as they appear in downloaded files: `3231.409912`, `"35,314.49"`, `$3204.4`,
/// ` 4,293.93`, `3279,03` (decimal comma, in `;`-delimited files), `+12.5`, `1.2e3`.
///
/// Works on bytes and allocates nothing on the common path: up to 15 significant digits and
/// 22 decimals are converted exactly with one correctly rounded division (Clinger's fast path);
/// longer numbers go through the C library's `strtod` via `Double(String)`.
enum NumberReader {
    enum Result: Equatable, Sendable {
        case value(Double)
        /// One of the missing-value markers (see `isMissingMarker`).
        case missing
        case invalid
    }

    /// Powers of ten exactly representable as `Double`.
    static let exactPowers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Reads one field. `decimalComma` swaps the roles of `.` and `,`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool = false) -> Result {
        var decimals = 0
        return read(bytes, decimalComma: decimalComma, decimals: &decimals)
    }

    /// Reads one field and reports how many digits it had after the decimal mark.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool, decimals: inout Int) -> Result {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        if start == end { return .missing }
        let decimalMark: UInt8 = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        if let value = plain(bytes, start: start, end: end, decimalMark: decimalMark, decimals: &decimals) { return .value(value) }
        let groupMark: UInt8 = decimalComma ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var i = start
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var dollar = false
        if i < end, bytes[i] == UInt8(ascii: "$") {
            dollar = true
            i += 1
        }
        var grouped = false
        var mantissa: UInt64 = 0
        var significant = 0
        var fraction = 0
        var digits = 0
        var seenPoint = false
        var slow = false
        var pointAt = -1
        while i < end {
            let byte = bytes[i]
            if byte >= 48, byte <= 57 {
                digits += 1
                if mantissa == 0, byte == 48 {
                    if seenPoint { fraction += 1 }
                } else if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte - 48)
                    significant += 1
                    if seenPoint { fraction += 1 }
                } else {
                    slow = true
                }
            } else if byte == decimalMark, !seenPoint {
                seenPoint = true
                pointAt = i
            } else if byte == groupMark, !seenPoint, digits > 0 {
                // Grouping as written: the first group of 1 to 3 digits, every later one of exactly
                // three (`1,234,567`, never `1234,567` or `12,34`).
                if !grouped, digits > 3 { return .invalid }
                grouped = true
                for k in 1...3 {
                    guard i + k < end, bytes[i + k] >= 48, bytes[i + k] <= 57 else { return .invalid }
                }
                if i + 4 < end, bytes[i + 4] >= 48, bytes[i + 4] <= 57 { return .invalid }
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                // An exponent: a plain mantissa (no `$`, no grouping) and an optional sign and
                // digits to the end; `1e$3` and `1e3,5` are no numbers.
                guard !dollar, !grouped, digits > 0, isExponent(bytes, from: i + 1, to: end) else { return .invalid }
                slow = true
                break
            } else {
                return isMissingMarker(bytes, start, end) ? .missing : .invalid
            }
            i += 1
        }
        if digits == 0 { return isMissingMarker(bytes, start, end) ? .missing : .invalid }
        decimals = 0
        if pointAt >= 0 {
            var k = pointAt + 1
            while k < end, bytes[k] >= 48, bytes[k] <= 57 { k += 1 }
            decimals = k - pointAt - 1
        }
        if !slow, significant <= 15, fraction <= 22 {
            let magnitude = Double(mantissa) / exactPowers[fraction]
            return .value(negative ? -magnitude : magnitude)
        }
        // Slow path: normalise to plain ASCII and let strtod round it.
        var text = ""
        text.reserveCapacity(end - start)
        for k in start..<end {
            let byte = bytes[k]
            if byte == groupMark || byte == UInt8(ascii: "$") { continue }
            if byte == decimalMark {
                text.append(".")
            } else {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        guard let value = Double(text), value.isFinite else { return .invalid }
        return .value(value)
    }

    /// The fast path of `read`: a field (already trimmed, not empty) that is an optional sign,
    /// digits and at most one decimal mark, with 1 to 15 digits in all (a close as most files
    /// write it, `705.59`, `-0.25`, `12.`), read in one pass; `nil` for anything else (grouping,
    /// `$`, an exponent, more digits, a missing marker), which the general loop reads. The same
    /// value and decimals as that loop: with at most 15 digits every digit is significant or a
    /// leading zero, so the mantissa is the digits as one integer (below 10^15, exact) and the
    /// fraction the count of digits after the mark, one correctly rounded division.
    @inline(__always)
    static func plain(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, decimalMark: UInt8, decimals: inout Int) -> Double? {
        var k = start
        let negative = bytes[k] == UInt8(ascii: "-")
        if negative || bytes[k] == UInt8(ascii: "+") { k += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var pointAt = -1
        while k < end {
            let byte = bytes[k]
            let digit = byte &- 48
            if digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
            } else if byte == decimalMark, pointAt < 0 {
                pointAt = k
            } else {
                return nil
            }
            k += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        let fraction = pointAt < 0 ? 0 : end - pointAt - 1
        decimals = fraction
        let magnitude = Double(mantissa) / exactPowers[fraction]
        return negative ? -magnitude : magnitude
    }

    /// Whether `bytes[from..<to]` is an exponent's digits: an optional sign, then one or more digits.
    static func isExponent(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Bool {
        var k = from
        if k < end, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") { k += 1 }
        guard k < end else { return false }
        while k < end {
            guard bytes[k] >= 48, bytes[k] <= 57 else { return false }
            k += 1
        }
        return true
    }

    /// Reads a number from a `String` (command-line arguments, claims).
    static func read(_ text: String, decimalComma: Bool = false) -> Result {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { read(UnsafeBufferPointer($0), decimalComma: decimalComma) }
    }

    /// The markers that mean "no value": empty, `.`, `-`, `--`, `null`, `NaN`, `NA`, `N/A`, `#N/A`,
    /// `#N/A N/A` (any case).
    static let missingMarkers: Set<String> = ["", ".", "-", "--", "null", "nan", "na", "n/a", "#n/a", "#n/a n/a"]

    static func isMissingMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 8 else { return false }
        var lowered: [UInt8] = []
        for k in start..<end {
            let byte = bytes[k]
            lowered.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        return missingMarkers.contains(String(decoding: lowered, as: UTF8.self))
    }
}
