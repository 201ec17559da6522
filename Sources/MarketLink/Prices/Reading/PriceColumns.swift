// MARK: - Price columns

/// Which columns of a price file hold the dates, the symbols and the closes, decided from the
/// header's column roles (`ColumnRole`) and whether the adjusted close was asked for.
///
/// - The date column is the first with the date role; the symbol column the first with the
///   symbol role (a panel), if any.
/// - The close: with `adjustedClose`, the first adjusted close (an error when there is none);
///   otherwise the first plain close, else the first adjusted close.
/// - With neither, every column of unknown role with a name is a series of its own (a wide file,
///   or FRED's `DATE,DJIA`), which a panel's symbol column cannot go with.
struct PriceColumns: Equatable {
    var dateIndex: Int
    var symbolIndex: Int?
    /// The column read as the close, or one column per series in a wide file.
    var valueIndexes: [Int]
    /// Whether each value column is a series named after its header (no close column was found).
    var isWide: Bool
    /// The value columns of a wide file that are tallies (`isTally`): counts and sums, which may
    /// be zero or negative, not price levels.
    var tallyIndexes: Set<Int> = []
    /// What `inspect` says about the choice, in order.
    var notes: [String]
    /// The adjusted-close column the file also has when its plain close was taken (nil otherwise).
    var unusedAdjustedClose: String?

    /// Assigns the columns of `header` (trimmed cells); `headerLine` places the errors.
    init(header: [String], adjustedClose: Bool, file: String, headerLine: Int) throws(MarketLinkError) {
        let location = SourceLocation(file: file, line: headerLine, column: 1)
        let roles = header.map { ColumnRole(header: $0) }
        guard let dateIndex = roles.firstIndex(of: .date) else {
            throw MarketLinkError(.noDateColumn, at: location)
        }
        let symbolIndex = roles.firstIndex(of: .symbol)
        var valueIndexes: [Int] = []
        var notes: [String] = []
        var unusedAdjustedClose: String?
        let closeIndex = roles.firstIndex(of: .close)
        let adjustedIndex = roles.firstIndex(of: .adjustedClose)
        if adjustedClose {
            guard let adjustedIndex else {
                throw MarketLinkError(.adjustedCloseMissing(columns: header), at: location)
            }
            valueIndexes = [adjustedIndex]
        } else if let closeIndex {
            valueIndexes = [closeIndex]
            if let adjustedIndex {
                unusedAdjustedClose = header[adjustedIndex]
                notes.append(Self.adjustedNote(close: header[closeIndex], adjusted: header[adjustedIndex]))
            }
        } else if let adjustedIndex {
            valueIndexes = [adjustedIndex]
            notes.append("no plain close column: \"\(header[adjustedIndex])\" taken as the close")
        } else {
            valueIndexes = roles.indices.filter { roles[$0] == .unknown && !header[$0].isEmpty }
        }
        guard !valueIndexes.isEmpty else {
            throw MarketLinkError(.noCloseColumn(columns: header), at: location)
        }
        let isWide = valueIndexes.count > 1 || (closeIndex == nil && adjustedIndex == nil)
        if isWide, symbolIndex != nil {
            throw MarketLinkError(.symbolWithoutClose(columns: header), at: location)
        }
        self.dateIndex = dateIndex
        self.symbolIndex = symbolIndex
        self.valueIndexes = valueIndexes
        self.isWide = isWide
        let tallyColumns = isWide ? valueIndexes.filter { PriceColumns.isTally(header[$0]) } : []
        tallyIndexes = Set(tallyColumns)
        let tallies = tallyColumns.map { "\"\(shown(header[$0]))\"" }
        if !tallies.isEmpty {
            notes.append("\(tallies.joined(separator: ", ")) read as tallies (the name ends in count or sum): zero and negative values are kept, and moves are measured in points")
        }
        self.notes = notes
        self.unusedAdjustedClose = unusedAdjustedClose
    }

    /// The note when a file has both a close and an adjusted close and the close was taken.
    static func adjustedNote(close: String, adjusted: String) -> String {
        "\"\(close)\" taken as the close; \"\(adjusted)\" holds an adjusted close, also available"
    }

    /// Whether a value column of a wide file holds a tally rather than a price level: its name is
    /// `count` or `sum`, or ends in `_count`, `_sum`, ` count` or ` sum` (ignoring case), as the
    /// columns of `mlink events intensity` do (`count`, `score_sum`, `diplomacy_count`). A tally may
    /// be zero or negative; a price level must be above 0.
    static func isTally(_ header: String) -> Bool {
        isTallyASCII(header) ?? isTallyText(header)
    }

    /// `isTallyText(header)` for a header all in ASCII, read from its bytes (every value column
    /// of a wide file is asked); `nil` for any other. For ASCII, trimming removes spaces and tabs
    /// alone, and lower-casing and comparing go byte by byte.
    static func isTallyASCII(_ header: String) -> Bool? {
        var header = header
        return header.withUTF8 { bytes -> Bool? in
            for byte in bytes where byte >= 0x80 { return nil }
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
            while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
            guard end - start <= 256 else { return false }
            func ends(with suffix: [UInt8]) -> Bool {
                guard end - start >= suffix.count else { return false }
                let offset = end - suffix.count
                for k in suffix.indices {
                    let byte = bytes[offset + k]
                    if (byte >= 65 && byte <= 90 ? byte | 0x20 : byte) != suffix[k] { return false }
                }
                return true
            }
            let length = end - start
            return (length == 5 && ends(with: Array("count".utf8))) || (length == 3 && ends(with: Array("sum".utf8)))
                || tallySuffixes.contains(where: ends)
        }
    }

    /// The endings of a tally's name, as bytes.
    private static let tallySuffixes: [[UInt8]] = ["_count", "_sum", " count", " sum"].map { Array($0.utf8) }

    /// The rule on characters, for any header.
    static func isTallyText(_ header: String) -> Bool {
        let name = header.trimmingWhitespace.lowercased()
        guard name.utf8.count <= 256 else { return false }
        return name == "count" || name == "sum" || ["_count", "_sum", " count", " sum"].contains { name.hasSuffix($0) }
    }

    /// Whether the file holds series named by a symbol or a column (a panel or a wide file), so
    /// that messages and dropped rows say which series they are about.
    var namesSeries: Bool { symbolIndex != nil || isWide }
}
