import Testing

@testable import MarketLink

// `CSVTokenizer.nextUnquotedRow` reads eight bytes at a time to the next delimiter or line end;
// `nextRow` reads byte by byte. On text without quotes both must give the same rows, fields,
// row starts, lines and positions, wherever the separators fall against the 8-byte words.
@Suite struct UnquotedRowTests {
    /// Every row both ways: (fields as text, row start, row line, position after) per row.
    func bothWays(_ bytes: [UInt8], delimiter: UInt8, capacity: Int) throws -> (slow: [[String]], fast: [[String]]) {
        try bytes.withUnsafeBufferPointer { buffer in
            var slow: [[String]] = []
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: delimiter, file: "t.csv")
            var fields: [CSVField] = []
            while try tokenizer.nextRow(into: &fields) {
                slow.append(
                    fields.prefix(capacity).map { tokenizer.text($0) }
                        + ["count \(fields.count)", "start \(tokenizer.rowStart)", "line \(tokenizer.rowLine)", "at \(tokenizer.position)"])
            }
            var fast: [[String]] = []
            var quick = CSVTokenizer(bytes: buffer, delimiter: delimiter, file: "t.csv")
            let scratch = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: capacity)
            defer { scratch.deallocate() }
            while let count = quick.nextUnquotedRow(into: scratch) {
                fast.append(
                    scratch.prefix(min(count, capacity)).map { quick.text($0) }
                        + ["count \(count)", "start \(quick.rowStart)", "line \(quick.rowLine)", "at \(quick.position)"])
            }
            return (slow, fast)
        }
    }

    @Test func panelRows() throws {
        let text = "Date,Symbol,Close\n2004-01-02,ADXR,705.59\r\n2004-01-05,ADXR,693.03\r\r\n\n2004-01-06,AGR,1.5\n2004-01-07,,"
        let (slow, fast) = try bothWays(Array(text.utf8), delimiter: 44, capacity: 4)
        #expect(fast == slow)
        #expect(fast.count == 5)
        #expect(Array(fast[1].prefix(3)) == ["2004-01-02", "ADXR", "705.59"])
        #expect(Array(fast[4].prefix(3)) == ["2004-01-07", "", ""])
    }

    @Test(arguments: [UInt8(44), 59, 9])
    func randomTextAgreesWithTheQuotedPath(delimiter: UInt8) throws {
        var random = SeededGenerator(seed: 0x5EED_0000 + UInt64(delimiter))
        // Bytes that are no separator, including the other delimiters, 0x8A/0x8D (LF and CR with
        // the high bit set), 0x2C ^ 0x80, and multi-byte UTF-8.
        let filler: [[UInt8]] = [[48], [65], [32], [46], [44], [59], [9], [0x8A], [0x8D], [0xAC], [0xC3, 0xA9], [0x0B], [0x0C], [0x2D]]
            .filter { $0 != [delimiter] }
        let ends: [[UInt8]] = [[10], [13, 10], [13], [10, 10], [13, 13, 10]]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<random.int(0...12) {
                for field in 0..<random.int(1...9) {
                    if field > 0 { bytes.append(delimiter) }
                    for _ in 0..<random.int(0...19) { bytes += filler[random.int(0...(filler.count - 1))] }
                }
                if random.int(0...9) > 0 { bytes += ends[random.int(0...(ends.count - 1))] }
            }
            let capacity = random.int(1...10)
            let (slow, fast) = try bothWays(bytes, delimiter: delimiter, capacity: capacity)
            #expect(fast == slow, "\(bytes)")
        }
    }

    @Test func separatorMaskMarksExactlyTheSeparators() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let word = random.next()
            let mask = CSVTokenizer.separatorMask(word, delimiter: CSVTokenizer.spread(44))
            for k in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> (8 * k))
                let marked = mask >> (8 * k + 7) & 1 == 1
                #expect(marked == (byte == 44 || byte == 10 || byte == 13))
            }
            #expect(mask & ~0x8080_8080_8080_8080 == 0)
        }
        // Every byte value in every lane.
        for value in 0...255 {
            for k in 0..<8 {
                let word = UInt64(value) << (8 * k) | (k == 0 ? 0 : 0x4141_4141_4141_4141 >> (64 - 8 * k))
                let mask = CSVTokenizer.separatorMask(word, delimiter: CSVTokenizer.spread(59))
                let expected = value == 59 || value == 10 || value == 13
                #expect((mask >> (8 * k + 7) & 1 == 1) == expected)
            }
        }
    }
}
