import Testing

@testable import MarketLink

/// Two shortcuts of the row reader that must give exactly what the long way gives: the month of
/// the row before (`MonthOfDates`) against `DateCode.code(of:)`, and the word comparison of
/// short symbols (`RowChunk.sameBytes`) against comparing the bytes one by one.
@Suite struct RowShortcutTests {
    @Test func monthOfDatesGivesTheCodeOfEveryDateInOrder() {
        // Every day of 1999–2001 in order (2000 has a leap day: divisible by 400), with the
        // parts around each month that are no date (day 0, the days past its end up to 32).
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
        var random = SeededGenerator(seed: 12)
        var cache = MonthOfDates()
        for _ in 0..<20_000 {
            let form = random.pick([RawDate.Form.resolved, .resolved, .resolved, .twoWays, .threeWays])
            // Years around the edges (0, 1, 9999, 10000), months 0 … 13, days 0 … 32; often the
            // same month as before, as in a file.
            let year = Int32(random.pick([0, 1, 1582, 1900, 1970, 2000, 2023, 2024, 9999, 10_000]))
            let raw = RawDate(a: year, b: Int32(random.int(0...13)), c: Int32(random.int(0...32)), form: form)
            #expect(cache.code(of: raw) == DateCode.code(of: raw), "\(raw)")
        }
    }

    @Test func sameBytesMatchesAByteComparisonAtEveryLengthAndPlace() {
        var random = SeededGenerator(seed: 7)
        // Few distinct letters, so equal stretches are common; the buffer's end is within reach.
        let bytes = (0..<64).map { _ in UInt8(ascii: "A") + UInt8(random.int(0...1)) }
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
