import Foundation
import Testing

@testable import MarketLink

// `NumberReader.plain`, the fast path for `-705.59`-like fields, against the C library's strtod
// (`Double(String)`, correctly rounded), which the general loop's result equals for such text.
@Suite struct PlainNumberTests {
    func read(_ text: String, decimalComma: Bool = false) -> (NumberReader.Result, Int) {
        var bytes = Array(text.utf8)
        var decimals = -1
        let result = bytes.withUnsafeMutableBufferPointer {
            NumberReader.read(UnsafeBufferPointer($0), decimalComma: decimalComma, decimals: &decimals)
        }
        return (result, decimals)
    }

    @Test func randomPlainNumbersReadAsStrtodReadsThem() throws {
        var random = SeededGenerator(seed: 0xC105E)
        for _ in 0..<20_000 {
            let digitCount = random.int(1...15)
            var digits = (0..<digitCount).map { _ in String(random.int(0...9)) }.joined()
            if random.int(0...3) == 0 { digits = "0" + digits.dropFirst() }  // leading zeros
            let point = random.int(-1...digitCount)  // -1: no decimal mark
            var text = digits
            if point >= 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            let sign = ["", "-", "+"][random.int(0...2)]
            let expected = try #require(Double(sign + text))
            let decimals = point >= 0 ? digitCount - point : 0
            let (result, seen) = read(sign + text)
            #expect(result == .value(expected), "\(sign + text)")
            #expect(seen == decimals, "\(sign + text)")
            if case .value(let value) = result { #expect(value.sign == expected.sign, "\(sign + text)") }
            // The same with a decimal comma, in a `;` file.
            let (comma, commaDecimals) = read(sign + text.replacingOccurrences(of: ".", with: ","), decimalComma: true)
            #expect(comma == .value(expected), "\(sign + text)")
            #expect(commaDecimals == decimals)
        }
    }

    @Test(arguments: [
        ("12.", 12.0, 0), (".5", 0.5, 1), ("007.50", 7.5, 2), ("-0.0", -0.0, 1), ("+5", 5.0, 0), (" 705.59\t", 705.59, 2),
        ("999999999999999", 999_999_999_999_999.0, 0), ("0.00000000000001", 1e-14, 14),
        // 16 digits: the general path (strtod), the same value.
        ("1234567890.123456", 1_234_567_890.123456, 6), ("0.1234567890123456", 0.1234567890123456, 16),
    ])
    func edges(text: String, expected: Double, decimals: Int) {
        let (result, seen) = read(text)
        #expect(result == .value(expected))
        #expect(seen == decimals)
        if case .value(let value) = result { #expect(value.sign == expected.sign) }
    }

    @Test(arguments: ["1.2.3", "-", "+", ".", "-.", "1-2", "12a", "--1", "1 2"])
    func notPlainAndNoNumber(text: String) {
        #expect(NumberReader.read(text) == .invalid || NumberReader.read(text) == .missing, "\(text)")
    }
}
