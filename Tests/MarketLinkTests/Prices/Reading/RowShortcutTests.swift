import Testing

@testable import MarketLink

/// Two shortcuts of the row reader that must give exactly what the long way gives: the month of
/// the row before (`MonthOfDates`) against `DateCode.code(of:)`, and the word comparison of
/// short symbols (`RowChunk.sameBytes`) against comparing the bytes one by one.
@Suite struct RowShortcutTests {
    /// A small deterministic generator (SplitMix64), so a failure names a reproducible case.
    struct Mix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func monthOfDatesGivesTheCodeOfEveryDateInOrder() {
        // Every day of 1999-12-01 … 2001-03-31 (a leap day in a year divisible by 400), in
        // order, then each with its neighbours that are no date (day 0, day 32, Feb 30).
        var cache = MonthOfDates()
        var checked = 0
        for year: Int32 in [1999, 2000, 2001] {
            for month: Int32 in 1...12 {
                for day: Int32 in 0...32 {
                    let raw = RawDate(a: year, b: month, c: day, form: .resolved)
                    #expect(cache.code(of: raw) == DateCode.code(of: raw), "\(year)-\(month)-\(day)")
                    checked += 1
                }
            }
        }
        #expect(checked == 3 * 12 * 33)
        // The ordinals the code must be: 2000-02-29 is day 11,016 after 1970-01-01 (30 years of
        // 365 days plus the 7 leap days 1972 … 1996, plus 31 + 28 days of 2000).
        #expect(cache.code(of: RawDate(a: 2000, b: 2, c: 29, form: .resolved)) == 30 * 365 + 7 + 31 + 28)
        #expect(cache.code(of: RawDate(a: 1900, b: 2, c: 29, form: .resolved)) == DateCode.invalid)
        #expect(cache.code(of: RawDate(a: 2000, b: 2, c: 30, form: .resolved)) == DateCode.invalid)
    }

    @Test func monthOfDatesAgreesOnRandomDatesAndBadParts() {
        var random = Mix(state: 12)
        var cache = MonthOfDates()
        for _ in 0..<20_000 {
            let form: RawDate.Form = [.resolved, .resolved, .resolved, .twoWays, .threeWays][Int.random(in: 0..<5, using: &random)]
            // Years around the edges (0, 1, 9999, 10000), months 0 … 13, days 0 … 32; often the
            // same month as before, as in a file.
            let year = Int32([0, 1, 1582, 1900, 1970, 2000, 2023, 2024, 9999, 10_000][Int.random(in: 0..<10, using: &random)])
            let raw = RawDate(a: year, b: Int32.random(in: 0...13, using: &random), c: Int32.random(in: 0...32, using: &random), form: form)
            #expect(cache.code(of: raw) == DateCode.code(of: raw), "\(raw)")
        }
    }

    @Test func sameBytesMatchesAByteComparisonAtEveryLengthAndPlace() {
        var random = Mix(state: 7)
        // Few distinct letters, so equal stretches are common; the buffer's end is within reach.
        let bytes = (0..<64).map { _ in UInt8(ascii: "A") + UInt8.random(in: 0..<2, using: &random) }
        bytes.withUnsafeBufferPointer { buffer in
            for length in 0...12 {
                for a in 0...(64 - length) {
                    for b in 0...(64 - length) {
                        let expected = bytes[a..<(a + length)].elementsEqual(bytes[b..<(b + length)])
                        #expect(RowChunk.sameBytes(buffer, a, a + length, b, b + length) == expected, "\(length) at \(a), \(b)")
                    }
                }
            }
            // Different lengths are never the same, even where one is a prefix of the other.
            #expect(!RowChunk.sameBytes(buffer, 0, 3, 0, 4))
        }
    }

    @Test func sameBytesSeesADifferenceInEveryByteOfAWord() {
        for length in 1...8 {
            for position in 0..<length {
                var bytes = [UInt8](repeating: 65, count: 32)
                bytes[16 + position] = 66
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(!RowChunk.sameBytes(buffer, 0, length, 16, 16 + length), "byte \(position) of \(length)")
                    // A difference just past the end does not count.
                    #expect(RowChunk.sameBytes(buffer, 0, position, 16, 16 + position))
                }
            }
        }
    }
}
