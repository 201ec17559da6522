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
        self.notes = notes
        self.unusedAdjustedClose = unusedAdjustedClose
    }

    /// The note when a file has both a close and an adjusted close and the close was taken.
    static func adjustedNote(close: String, adjusted: String) -> String {
        "\"\(close)\" taken as the close; \"\(adjusted)\" holds an adjusted close, also available"
    }

    /// Whether the file holds series named by a symbol or a column (a panel or a wide file), so
    /// that messages and dropped rows say which series they are about.
    var namesSeries: Bool { symbolIndex != nil || isWide }
}
