import Testing

@testable import MarketLink

// The delimiter sniff keeps its line counts in locals (it reads up to 1 MiB of a wide file's
// first lines twice per load); this is the rule as it was written with arrays, run beside it on
// random text of delimiters, quotes, line ends and letters, and on lines longer than its reach.
@Suite struct CSVDialectSniffTests {
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, lines maximum: Int = 40) -> (delimiter: UInt8, decided: Bool) {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9]
        var counts: [[Int]] = [[], [], []]
        var current = [0, 0, 0]
        var inQuotes = false
        var lineHasText = false
        var i = 0
        var scanned = 0
        while i < bytes.count, counts[0].count < maximum, scanned < 1 << 20 {
            let byte = bytes[i]
            scanned += 1
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, byte == 10 || byte == 13 {
                if lineHasText {
                    for k in 0..<3 { counts[k].append(current[k]) }
                }
                current = [0, 0, 0]
                lineHasText = false
            } else if !inQuotes {
                lineHasText = true
                for k in 0..<3 where byte == candidates[k] { current[k] += 1 }
            }
            i += 1
        }
        let decided = counts[0].count >= maximum || scanned >= 1 << 20
        if lineHasText { for k in 0..<3 { counts[k].append(current[k]) } }
        var best = 0
        var bestScore = -1
        for k in 0..<3 {
            var frequency: [Int: Int] = [:]
            for c in counts[k] where c > 0 { frequency[c, default: 0] += 1 }
            guard let (mode, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            let score = lines * 1000 + min(mode, 999)
            if score > bestScore {
                bestScore = score
                best = k
            }
        }
        return (candidates[best], decided)
    }

    @Test func sniffAgreesWithTheRuleOnRandomText() {
        var generator = SeededGenerator(seed: 8)
        let alphabet: [UInt8] = Array(",,,,;;;;\t\t\t\"\n\n\r ab1.".utf8)
        var disagreements = 0
        var semicolons = 0
        var tabs = 0
        for round in 0..<3_000 {
            let length = Int.random(in: 0...(round % 10 == 0 ? 3_000 : 200), using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 44 }
            let lines = [1, 3, 40].randomElement(using: &generator) ?? 40
            bytes.withUnsafeBufferPointer { buffer in
                let sniffed = CSVDialect.sniff(buffer, lines: lines)
                let expected = Self.reference(buffer, lines: lines)
                if sniffed.delimiter != expected.delimiter || sniffed.decided != expected.decided { disagreements += 1 }
                if expected.delimiter == UInt8(ascii: ";") { semicolons += 1 }
                if expected.delimiter == 9 { tabs += 1 }
            }
        }
        #expect(disagreements == 0)
        // The samples reach every answer.
        #expect(semicolons > 100)
        #expect(tabs > 100)
    }

    @Test func sniffAgreesOnAWideHeaderPastItsReach() {
        // 1.2 MiB of header: the sniff stops at 1 MiB, undecided by lines but decided by reach.
        let header = "Date;" + (1...150_000).map { "S\($0)" }.joined(separator: ";") + "\n2004-01-02;1,5\n"
        let bytes = Array(header.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let sniffed = CSVDialect.sniff(buffer)
            #expect(sniffed.delimiter == UInt8(ascii: ";"))
            #expect(sniffed.decided)
            #expect(sniffed.delimiter == Self.reference(buffer).delimiter)
        }
    }
}
