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
        // The lines counted so far, and the current line's counts of `,`, `;` and tab, kept in
        // locals: this loop reads up to 1 MiB (a wide file's first lines) twice per load.
        var lineCount = 0
        var commas = 0
        var semicolons = 0
        var tabs = 0
        var inQuotes = false
        var lineHasText = false
        // Every byte looked at is one scanned: the scan ends at the end, after `maximum` lines or at 1 MiB.
        let reach = min(bytes.count, 1 << 20)
        var i = 0
        while i < reach, lineCount < maximum {
            let byte = bytes[i]
            i += 1
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if inQuotes {
                continue
            } else if byte == 10 || byte == 13 {
                if lineHasText {
                    counts[0].append(commas)
                    counts[1].append(semicolons)
                    counts[2].append(tabs)
                    lineCount += 1
                }
                (commas, semicolons, tabs) = (0, 0, 0)
                lineHasText = false
            } else {
                lineHasText = true
                if byte == UInt8(ascii: ",") {
                    commas += 1
                } else if byte == UInt8(ascii: ";") {
                    semicolons += 1
                } else if byte == 9 {
                    tabs += 1
                }
            }
        }
        let decided = lineCount >= maximum || i >= 1 << 20
        if lineHasText {
            counts[0].append(commas)
            counts[1].append(semicolons)
            counts[2].append(tabs)
        }
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
