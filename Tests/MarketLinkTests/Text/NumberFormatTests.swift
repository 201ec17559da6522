import Foundation
import Testing

@testable import MarketLink

// Every expected text is worked out by hand: the value rounded half away from zero to the
// decimals asked for, `,` every three integer digits when grouping, a sign by the rules in
// `NumberFormat`'s comment.

@Suite struct NumberFormatTests {
    @Test(arguments: [
        // Double noise from subtraction disappears at the data's own decimals.
        (260.33000000000175, 2, false, "260.33"),
        (-140.05000000000291, 2, false, "-140.05"),
        // Float32 noise at two decimals: 33833.609375 is float32(33833.61).
        (33833.609375, 2, true, "33,833.61"),
        (33833.61, 2, true, "33,833.61"),
        (0.004706, 2, false, "0.00"),
        (1234567.891, 1, true, "1,234,567.9"),
        (-1_234_567.891, 2, true, "-1,234,567.89"),
        // Zero decimals, half away from zero.
        (0.5, 0, false, "1"),
        (-0.5, 0, false, "-1"),
        (33833.5, 0, true, "33,834"),
        (999, 0, true, "999"),
        (1000, 0, true, "1,000"),
        // Large values keep every digit up to 9·10^18 scaled.
        (12_345_678_901.25, 2, true, "12,345,678,901.25"),
        (-0.004, 2, false, "0.00"),
    ])
    func fixedDecimals(value: Double, decimals: Int, grouping: Bool, expected: String) {
        #expect(NumberFormat.string(value, decimals: decimals, grouping: grouping) == expected)
    }

    @Test func signsFollowTheValue() {
        #expect(NumberFormat.string(0.004, decimals: 2, plus: true) == "+0.00")
        #expect(NumberFormat.string(-0.004, decimals: 2, plus: true) == "-0.00")
        #expect(NumberFormat.string(0, decimals: 2, plus: true) == "0.00")
        #expect(NumberFormat.string(1.5, decimals: 1, plus: true) == "+1.5")
        #expect(NumberFormat.string(260.328125, decimals: 2, grouping: true, plus: true) == "+260.33")
        #expect(NumberFormat.string(-1020.15, decimals: 2, grouping: true, plus: true) == "-1,020.15")
    }

    @Test func typographicMinusForCharts() {
        #expect(NumberFormat.string(-0.25, decimals: 2, minus: .typographic) == "\u{2212}0.25")
        #expect(NumberFormat.string(-1234.5, decimals: 1, grouping: true, minus: .typographic) == "\u{2212}1,234.5")
        // Never a minus on a value that shows as zero.
        #expect(NumberFormat.string(-0.004, decimals: 2, minus: .typographic) == "0.00")
    }

    @Test func trimmedZeros() {
        #expect(NumberFormat.string(260.3300, decimals: 4, trimZeros: true) == "260.33")
        #expect(NumberFormat.string(100, decimals: 2, trimZeros: true) == "100")
        #expect(NumberFormat.string(0.7754032830, decimals: 10, trimZeros: true) == "0.775403283")
    }

    @Test func nonFiniteAndHugeValues() {
        #expect(NumberFormat.string(.nan, decimals: 2) == "nan")
        #expect(NumberFormat.string(.infinity, decimals: 2) == "inf")
        #expect(NumberFormat.string(-.infinity, decimals: 2) == "-inf")
        // 1e20 · 10^0 is past 9·10^18: Swift's shortest text.
        #expect(NumberFormat.string(1e20, decimals: 0) == "1e+20")
    }

    @Test(arguments: [
        (0.00676418364757847, "0.00676418364758"),
        (-0.354460292007752, "-0.354460292008"),
        (12.0, "12"),
        (0.0, "0"),
        (123456.789012345, "123456.789012"),
    ])
    func significantDigits(value: Double, expected: String) {
        var buffer: [UInt8] = []
        NumberFormat.appendSignificant(value, digits: 12, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == expected)
    }

    /// Below 10^(12 − 18) = 1e-6, 12 significant digits need more than 17 decimals: exponent
    /// notation keeps them. Each expected text is the value's decimal expansion rounded by hand
    /// to 12 significant digits, trailing zeros dropped. 1.1076e-42 is the p-value `mlink study`
    /// once wrote as `0` in CSV.
    @Test(arguments: [
        (1.1076e-42, "1.1076e-42"),
        (-3.2e-7, "-3.2e-7"),
        (3e-7, "3e-7"),
        (1.23456789012345e-7, "1.23456789012e-7"),
        (9.9999999999996e-7, "1e-6"),  // 12 nines, then 6: rounds up to the next power of ten
        (2.5e-300, "2.5e-300"),
        (Double.leastNonzeroMagnitude, "4.94065645841e-324"),  // the smallest subnormal
        (Double(bitPattern: 0x2117_b590_b942), "1.79769313486e-310"),  // 1.79769313486234e-310, a subnormal (a literal draws a warning)
        // From 1e-6 up, fixed point as before: 17 decimals hold 12 digits.
        (1e-6, "0.000001"),
        (1.5e-6, "0.0000015"),
        (-4.56789012345678e-6, "-0.00000456789012346"),
    ])
    func tinyValuesKeepTheirSignificantDigits(value: Double, expected: String) {
        var buffer: [UInt8] = []
        NumberFormat.appendSignificant(value, digits: 12, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == expected)
    }

    @Test func exponentNotationReadsBackWithinHalfAUnitInTheTwelfthDigit() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let value = Double.random(in: 1...10, using: &generator) * pow(10, Double(Int.random(in: -320 ... -7, using: &generator)))
            var buffer: [UInt8] = []
            NumberFormat.appendSignificant(value, digits: 12, to: &buffer)
            let text = String(decoding: buffer, as: UTF8.self)
            let read = try #require(Double(text))
            #expect(abs(read - value) <= 5.000001e-12 * abs(value), "\(value) → \(text)")
        }
    }

    // MARK: - Charts

    @Test(arguments: [
        (12.5, "12.5"), (100, "100"), (-3.256, "-3.26"), (0.004, "0"), (-0.004, "0"), (-0.0, "0"),
        (1234.5678, "1234.57"), (0.1, "0.1"), (799.999, "800"), (-12.3, "-12.3"),
    ])
    func coordinates(value: Double, expected: String) {
        #expect(NumberFormat.coordinate(value) == expected)
    }

    @Test(arguments: [
        (30500.0, 0, "30,500"), (100.5, 1, "100.5"), (-0.25, 2, "\u{2212}0.25"), (0.5, 2, "0.50"),
        (-1_234_567.891, 2, "\u{2212}1,234,567.89"), (999, 0, "999"), (1000, 0, "1,000"), (-0.004, 2, "0.00"),
        (33833.61, 2, "33,833.61"), (100.775408, 2, "100.78"), (0, 0, "0"),
    ])
    func labels(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.label(value, decimals: decimals) == expected)
    }

    @Test func chartCoordinatesOfNonFiniteValues() {
        #expect(NumberFormat.coordinate(.nan) == "nan")
        #expect(NumberFormat.coordinate(-.infinity) == "-inf")
        #expect(NumberFormat.label(1e20, decimals: 0) == "1e+20")
    }

    // MARK: - Rounding

    @Test(arguments: [
        (260.33000000000175, 8, 260.33), (2.5, 0, 3.0), (-2.5, 0, -3.0), (0.125, 2, 0.13), (1e300, 2, 1e300),
    ])
    func rounding(value: Double, decimals: Int, expected: Double) {
        #expect(NumberFormat.rounded(value, decimals: decimals) == expected)
    }
}
