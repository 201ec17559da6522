// MARK: - Dialect

/// How a file is delimited, decided from its first lines.
public enum CSVDialect {
    /// The delimiter (`,`, `;` or tab) that splits the first lines most consistently, counting only
    /// delimiters outside quotes. Ties prefer `,`, then `;`, then tab.
    public static func sniffDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, lines maximum: Int = 40) -> UInt8 {
        sniff(bytes, lines: maximum).delimiter
    }

    /// The delimiter, and whether the first lines seen decided it before `bytes` ran out (so that
    /// more bytes after them could not change it): what a reader of the first block of a file asks.
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, lines maximum: Int = 40) -> (delimiter: UInt8, decided: Bool) {
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
            // The most common non-zero count, and how many lines have it.
            var frequency: [Int: Int] = [:]
            for c in counts[k] where c > 0 { frequency[c, default: 0] += 1 }
            guard let (mode, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            // Prefer consistency, then more columns.
            let score = lines * 1000 + min(mode, 999)
            if score > bestScore {
                bestScore = score
                best = k
            }
        }
        return (candidates[best], decided)
    }
}
