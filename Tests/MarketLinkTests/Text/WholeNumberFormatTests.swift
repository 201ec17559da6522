import Foundation
import Testing

@testable import MarketLink

// The study CSV writes its counts (L, the sessions left out, the degrees of freedom) with
// `NumberFormat.writeInteger`, which writes 0…999 straight from the digit pairs and everything
// else through `write`: the bytes must be those `write` gives the same value as a Double.
@Suite struct WholeNumberFormatTests {
    @Test func wholeNumbersAreWrittenAsWriteWritesThem() {
        var values = Array(-1_100...1_100)
        var random = SeededGenerator(seed: 0x1A7E)
        values += (0..<2_000).map { _ in Int(truncatingIfNeeded: random.next()) >> random.int(0...62) }
        for value in values {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * NumberFormat.maxBytes) { buffer in
                guard let base = buffer.baseAddress else { return }
                let count = NumberFormat.writeInteger(value, to: base)
                let other = base + NumberFormat.maxBytes
                let expected = NumberFormat.write(Double(value), decimals: 0, to: other)
                #expect(Array(UnsafeBufferPointer(start: base, count: count)) == Array(UnsafeBufferPointer(start: other, count: expected)), "\(value)")
            }
        }
    }

    @Test(arguments: [(0, "0"), (7, "7"), (10, "10"), (99, "99"), (100, "100"), (238, "238"), (999, "999"), (1_000, "1000"), (-3, "-3")])
    func knownTexts(value: Int, expected: String) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberFormat.maxBytes) { buffer in
            guard let base = buffer.baseAddress else { return }
            #expect(String(decoding: UnsafeBufferPointer(start: base, count: NumberFormat.writeInteger(value, to: base)), as: UTF8.self) == expected)
        }
    }
}
