// MARK: - Chart number formatting

/// Locale-free number formatting for charts, so that the same chart is the same bytes on every
/// machine: integer arithmetic on the value rounded half away from zero, ASCII digits, `,`
/// between thousands, `.` before decimals.
enum ChartNumberFormat {
    /// Powers of ten exactly representable as `Double` (10^0 ... 10^22).
    static let exactPowers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Largest magnitude formatted with integer arithmetic; beyond it (and for non-finite
    /// values) Swift's shortest round-trip description is used, which is also locale-free.
    static let integerLimit = 9.0e15

    // MARK: - Coordinates

    /// An SVG coordinate or length: at most two decimals, trailing zeros dropped, ASCII `-`,
    /// never `-0`. `12.5`, `100`, `-3.25`.
    static func coordinate(_ value: Double) -> String {
        fixed(value, decimals: 2, grouping: false, minus: "-", trimZeros: true)
    }

    // MARK: - Labels

    /// A tick or tooltip label: exactly `decimals` decimals (0...15), thousands separated, with
    /// the typographic minus U+2212 for negatives. `30,500`, `100.5`, `−0.25`.
    static func label(_ value: Double, decimals: Int) -> String {
        fixed(value, decimals: decimals, grouping: true, minus: "\u{2212}", trimZeros: false)
    }

    // MARK: - Core

    /// `value` rounded half away from zero to `decimals` places (after scaling by 10^decimals in
    /// binary, so `1.005` at 2 decimals gives `1.00`, as its stored value is just below 1.005).
    static func fixed(_ value: Double, decimals: Int, grouping: Bool, minus: String, trimZeros: Bool) -> String {
        let places = min(max(decimals, 0), 15)
        let power = exactPowers[places]
        let scaled = (abs(value) * power).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, scaled < integerLimit else { return "\(value)" }
        let units = Int64(scaled)
        let divisor = Int64(power)
        let whole = units / divisor
        var fraction = units % divisor
        var fractionDigits = places
        if trimZeros {
            while fractionDigits > 0, fraction % 10 == 0 {
                fraction /= 10
                fractionDigits -= 1
            }
        }
        var text = units == 0 ? "" : (value < 0 ? minus : "")
        text += grouping ? grouped(whole) : String(whole)
        if fractionDigits > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return text
    }

    /// A non-negative integer with `,` between groups of three digits.
    static func grouped(_ whole: Int64) -> String {
        let digits = Array(String(whole).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(digit)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
