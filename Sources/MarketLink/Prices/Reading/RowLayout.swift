// MARK: - Row layout

/// Which fields of a data row matter, decided from the header.
struct RowLayout: Sendable {
    var header: [String]
    var dateIndex: Int
    var symbolIndex: Int?
    var valueIndexes: [Int]
    var decimalComma: Bool
    var isWide: Bool
    var file: String
    var delimiter: UInt8

    var neededFields: Int { max(dateIndex, symbolIndex ?? 0, valueIndexes.max() ?? 0) + 1 }
}
