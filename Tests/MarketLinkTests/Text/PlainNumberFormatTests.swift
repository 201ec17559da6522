import Foundation
import Testing

@testable import MarketLink

// `NumberFormat.write` without grouping, plus or the typographic minus writes straight into its
// output (`writePlain`); with the typographic minus it takes the general path through a scratch
// buffer. Both must give the same digits, so the two are compared on many values, and a few
// are checked against text worked out by hand.
@Suite struct PlainNumberFormatTests {
    @Test func plainAndGeneralPathsAgree() {
        var random = SeededGenerator(seed: 0xF0F0)
        for _ in 0..<30_000 {
            let magnitude = Double(random.int(-18...15))
            let value = (Double(random.next() >> 11) / 0x1p53 + 0.05) * pow(10, magnitude) * (random.int(0...1) == 0 ? -1 : 1)
            let decimals = random.int(0...17)
            for trim in [false, true] {
                let plain = NumberFormat.string(value, decimals: decimals, trimZeros: trim)
                let general = NumberFormat.string(value, decimals: decimals, trimZeros: trim, minus: .typographic)
                #expect(plain == general.replacingOccurrences(of: "\u{2212}", with: "-"), "\(value) \(decimals) \(trim)")
            }
        }
    }

    @Test(arguments: [
        (0.0460338826486, 12, "0.0460338826486"), (-2.76241557043, 12, "-2.76241557043"), (236.0, 12, "236"),
        (0.836370671044, 12, "0.836370671044"), (-0.00000123456, 3, "-0.00000123"), (99.99999999999999, 12, "100"),
        (123456.789012345, 12, "123456.789012"), (0, 12, "0"), (-0.0, 12, "0"), (1e15, 12, "1000000000000000"),
    ])
    func significant(value: Double, digits: Int, expected: String) {
        var bytes: [UInt8] = []
        NumberFormat.appendSignificant(value, digits: digits, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    /// `writeSignificant` takes a branch-light fixed path (`writeSignificantFixed`) for
    /// 1e-6 ≤ |value| < 1e15 and leaves the rest to the general path. Wherever the fixed path
    /// writes, it must write the general path's bytes: random values at every magnitude it takes,
    /// with every digit count; the 200 doubles around each power of ten (which the fixed path
    /// leaves to the general one, whose rounded products decide the exponent there) and values
    /// just outside that band, from 1.01e-13 to 1e-6 of the power away on either side; halves at
    /// the last kept digit, which round away from zero; and numbers with trailing zeros to drop.
    @Test func fixedAndGeneralSignificantPathsAgree() {
        var random = SeededGenerator(seed: 0x5157)
        var values: [Double] = []
        for _ in 0..<60_000 {
            let magnitude = Double(random.int(-8...16))
            values.append(Double(random.next() >> 11) / 0x1p53 * 10 * pow(10, magnitude) * (random.int(0...1) == 0 ? -1 : 1))
        }
        for exponent in -7...15 {
            var value = pow(10, Double(exponent))
            for _ in 0..<100 { value = value.nextDown }
            for _ in 0..<200 {
                values.append(value)
                value = value.nextUp
            }
            for offset in [1.01e-13, 2e-13, 1e-12, 1e-11, 1e-9, 1e-6] {
                values.append(pow(10, Double(exponent)) * (1 + offset))
                values.append(pow(10, Double(exponent)) * (1 - offset))
            }
        }
        for k in 1...3_000 {
            values.append(Double(k) / 1_000)  // 0.001 … 3: trailing zeros
            values.append(Double(k) + 0.5)  // ties at 1 digit (and below)
            values.append(Double(2 * k + 1) * 5e-7)  // 0.0000015, …: 17 decimals, ties at 1…6 digits
            values.append(Double(k) * 1e11)  // 14–15 integer digits, no decimals
        }
        var fixedCount = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * NumberFormat.maxBytes) { buffer in
            guard let general = buffer.baseAddress else { return }
            let fixed = general + NumberFormat.maxBytes
            for (index, value) in values.enumerated() {
                let digits = index % 2 == 0 ? 12 : 1 + index / 2 % 15
                let written = NumberFormat.writeSignificantFixed(value, digits: digits, to: fixed)
                guard written > 0 else { continue }
                fixedCount += 1
                let count = NumberFormat.writeSignificantGeneral(value, digits: digits, to: general)
                let expected = String(decoding: UnsafeBufferPointer(start: general, count: count), as: UTF8.self)
                let got = String(decoding: UnsafeBufferPointer(start: fixed, count: written), as: UTF8.self)
                #expect(got == expected, "\(value) with \(digits) digits")
            }
        }
        // The fixed path leaves out only what it must: values outside its range, within 1e-13 of
        // a power of ten, or needing exponent notation.
        #expect(fixedCount > values.count * 2 / 3, "\(fixedCount) of \(values.count)")
    }

    @Test(arguments: [
        (0.000001234567890123, 12, "0.00000123456789012"), (-0.12345678901251, 12, "-0.123456789013"),
        (9876543210.98765, 12, "9876543210.99"), (123456789.123456789, 15, "123456789.123457"),
        (1.5, 1, "2"), (-2.5, 1, "-3"), (0.25, 12, "0.25"), (123456789012345.0, 12, "123456789012345"),
    ])
    func fixedPathCases(value: Double, digits: Int, expected: String) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberFormat.maxBytes) { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = NumberFormat.writeSignificantFixed(value, digits: digits, to: base)
            #expect(count > 0)
            #expect(String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) == expected)
        }
    }

    /// The eight digits of a number below 10^8, first digit in the low byte, against its decimal text.
    @Test func eightDigitsInAWord() {
        var random = SeededGenerator(seed: 8)
        let samples = [0, 1, 9, 10, 99, 100, 9_999, 10_000, 10_001, 12_345_678, 99_999_999] + (0..<5_000).map { _ in random.int(0...99_999_999) }
        for value in samples {
            let word = NumberFormat.eightDigits(UInt32(value))
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
            let text = String(value)
            #expect(String(decoding: bytes, as: UTF8.self) == String(repeating: "0", count: 8 - text.count) + text)
        }
    }

    @Test func digitCounts() {
        var power: UInt64 = 1
        for digits in 1...19 {
            #expect(NumberFormat.decimalDigits(power) == digits)
            #expect(NumberFormat.decimalDigits(power - 1) == max(digits - 1, 1))
            if digits < 19 { power *= 10 }
        }
        #expect(NumberFormat.decimalDigits(0) == 1)
        #expect(NumberFormat.decimalDigits(UInt64.max) == 20)
    }
}
