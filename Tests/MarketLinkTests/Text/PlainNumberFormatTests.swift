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
