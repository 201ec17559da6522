// MARK: - Number formatting

/// Formats numbers for people and for files without `String(describing:)` or locale lookups.
///
/// Fixed-point: the binary value times 10^decimals, rounded half away from zero. A value whose
/// decimal text has at most `decimals` decimals and 15 significant digits (every price as read,
/// and the difference of two such prices) prints as exactly that text.
public enum NumberFormat {
    /// 10^exponent for 0...15, exact.
    @inline(__always)
    static func power(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        default: return 1e17
        }
    }

    /// Appends `value` with `digits` significant digits (at most 17 decimals), trailing zeros
    /// trimmed: 0.00676418364757847 → `0.00676418364758` for 12 digits. Relative error stays below
    /// 10^−digits for every magnitude down to 10^−5, which fixed decimals cannot promise.
    public static func appendSignificant(_ value: Double, digits: Int, to buffer: inout [UInt8]) {
        let magnitude = abs(value)
        var exponent = 0  // floor(log10(magnitude)), found by comparison
        if magnitude >= 1 {
            while exponent < 17, magnitude >= power(exponent + 1) { exponent += 1 }
        } else if magnitude > 0 {
            var scaled = magnitude
            while exponent > -17, scaled < 1 {
                scaled *= 10
                exponent -= 1
            }
        }
        let decimals = max(0, min(digits - 1 - exponent, 17))
        append(value, decimals: decimals, trimZeros: true, to: &buffer)
    }

    /// Appends `value` with exactly `decimals` decimals (0...17): `-260.33`, `33833.61`.
    /// `grouping` inserts `,` every three integer digits; `plus` writes `+` before positive values;
    /// `trimZeros` drops trailing zeros after the decimal mark (and the mark when nothing is left).
    public static func append(
        _ value: Double, decimals: Int, grouping: Bool = false, plus: Bool = false, trimZeros: Bool = false,
        to buffer: inout [UInt8]
    ) {
        guard value.isFinite else {
            buffer.append(contentsOf: value.isNaN ? Array("nan".utf8) : (value < 0 ? Array("-inf".utf8) : Array("inf".utf8)))
            return
        }
        let requested = max(0, min(decimals, 17))
        let product = abs(value) * power(requested)
        guard product < 9.0e18 else {
            // Too large for integer formatting: fall back to the standard library.
            buffer.append(contentsOf: Array(String(value).utf8))
            return
        }
        var integer = UInt64(product.rounded(.toNearestOrAwayFromZero))
        let isZero = integer == 0
        var places = requested
        if trimZeros {
            while places > 0, integer % 10 == 0 {
                integer /= 10
                places -= 1
            }
        }
        // Digits go right to left into a small stack buffer, then into `buffer` in one append.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { scratch in
            var at = 48
            @inline(__always) func put(_ byte: UInt8) {
                at -= 1
                scratch[at] = byte
            }
            var fraction = 0
            while fraction < places {
                put(UInt8(truncatingIfNeeded: 48 &+ integer % 10))
                integer /= 10
                fraction += 1
            }
            if places > 0 { put(UInt8(ascii: ".")) }
            var count = 0
            repeat {
                if grouping, count > 0, count % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(truncatingIfNeeded: 48 &+ integer % 10))
                integer /= 10
                count += 1
            } while integer > 0
            // The sign follows the value, so a rise too small to show still reads "+0.00".
            if value < 0, !isZero || plus {
                put(UInt8(ascii: "-"))
            } else if plus, value > 0 {
                put(UInt8(ascii: "+"))
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[at..<48]))
        }
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
