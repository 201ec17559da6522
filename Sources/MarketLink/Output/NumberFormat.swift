// MARK: - Number formatting

/// Formats numbers for people and for files without `String(describing:)` or locale lookups.
///
/// Fixed-point with round-half-away-from-zero on the decimal value as printed by `%.*f`-style
/// rounding of the binary value (the same digits C's `printf` gives for the cases that matter:
/// prices and changes with at most 15 significant digits).
public enum NumberFormat {
    static let powers: [Double] = (0...15).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Appends `value` with exactly `decimals` decimals (0...12): `-260.33`, `33833.61`.
    /// `grouping` inserts `,` every three integer digits; `plus` writes `+` before positive values.
    public static func append(
        _ value: Double, decimals: Int, grouping: Bool = false, plus: Bool = false, trimZeros: Bool = false,
        to buffer: inout [UInt8]
    ) {
        guard value.isFinite else {
            buffer.append(contentsOf: value.isNaN ? Array("nan".utf8) : (value < 0 ? Array("-inf".utf8) : Array("inf".utf8)))
            return
        }
        let requested = max(0, min(decimals, 12))
        let scaled = (abs(value) * powers[requested]).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else {
            // Too large for integer formatting: fall back to the standard library.
            let text = String(value)
            buffer.append(contentsOf: Array(text.utf8))
            return
        }
        var integer = UInt64(scaled)
        let isZero = integer == 0
        if value < 0, !isZero {
            buffer.append(UInt8(ascii: "-"))
        } else if plus, !isZero {
            buffer.append(UInt8(ascii: "+"))
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var fraction = 0
        var places = requested
        if trimZeros {
            while places > 0, integer % 10 == 0 {
                integer /= 10
                places -= 1
            }
        }
        while fraction < places {
            digits.append(UInt8(48 + integer % 10))
            integer /= 10
            fraction += 1
        }
        if places > 0 { digits.append(UInt8(ascii: ".")) }
        var count = 0
        repeat {
            if grouping, count > 0, count % 3 == 0 { digits.append(UInt8(ascii: ",")) }
            digits.append(UInt8(48 + integer % 10))
            integer /= 10
            count += 1
        } while integer > 0
        buffer.append(contentsOf: digits.reversed())
    }

    /// `value` with `decimals` decimals as a `String`.
    public static func string(_ value: Double, decimals: Int, grouping: Bool = false, plus: Bool = false, trimZeros: Bool = false) -> String {
        var buffer: [UInt8] = []
        append(value, decimals: decimals, grouping: grouping, plus: plus, trimZeros: trimZeros, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The shortest decimal text that reads back as the same `Double` (for JSON and full-precision CSV).
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
