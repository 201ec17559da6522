// MARK: - ACLED rows

/// Reads ACLED export rows: CSV (RFC 4180 quoting, a leading byte-order mark skipped) with a
/// header naming its columns (`event_id_cnty`, `event_date`, …, as in the ACLED codebook's export
/// field list). Columns are found by name. ACLED's actors are named groups and its rows have no
/// CAMEO code; the merge group is `event_type`.
struct ACLEDReader {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The columns read.
    static let used = ["event_date", "event_type", "actor1", "actor2", "iso", "source", "fatalities"]

    let file: String
    let filter: DatasetRowFilter
    private(set) var counts = EventImportResult.Counts()
    private(set) var columns: Int?
    private var index: [Int] = []
    private var fields: [CSVField] = []

    init(file: String, filter: DatasetRowFilter) {
        self.file = file
        self.filter = filter
    }

    var layout: String { "ACLED (CSV, \(columns ?? 0) columns)" }

    mutating func take(_ record: Bytes, line: Int, into merger: inout EventMerger) throws(MarketLinkError) {
        var tokenizer = CSVTokenizer(bytes: record, delimiter: UInt8(ascii: ","), file: file, start: 0, line: line)
        guard try tokenizer.nextRow(into: &fields) else { return }
        guard let columns else { return try readHeader(tokenizer, line: line) }
        guard fields.count <= columns else {
            throw MarketLinkError("row has \(fields.count) fields but the header has \(columns)", at: tokenizer.locate(fields[columns]))
        }
        guard fields.count > index.max() ?? 0 else {
            throw MarketLinkError(
                "row has \(fields.count) fields, too few to reach \(quoted(Self.used[index.firstIndex { $0 >= fields.count } ?? 0]))",
                at: SourceLocation(file: file, line: line, column: 1))
        }
        counts.rowsRead += 1
        let dateField = fields[index[0]]
        guard let day = ImportBytes.isoDay(tokenizer.slice(dateField)) else {
            throw MarketLinkError(
                "cannot read \(quoted(tokenizer.text(dateField))) as a date in \"event_date\" (YYYY-MM-DD, or 03 April 2023)",
                at: tokenizer.locate(dateField))
        }
        guard filter.dateMatches(day) else { return }
        if let wanted = filter.placeNumber {
            let isoField = fields[index[4]]
            guard let iso = ImportBytes.integer(tokenizer.slice(isoField)) else {
                throw MarketLinkError(
                    "cannot read \(quoted(tokenizer.text(isoField))) as an ISO 3166-1 numeric country code in \"iso\"", at: tokenizer.locate(isoField))
            }
            guard iso == wanted else { return }
        }
        counts.matched += 1
        let fatalitiesField = fields[index[6]]
        let fatalitiesText = ImportBytes.trimmed(tokenizer.slice(fatalitiesField))
        guard let fatalities = fatalitiesText.isEmpty ? 0 : ImportBytes.integer(fatalitiesText), fatalities >= 0 else {
            throw MarketLinkError(
                "cannot read \(quoted(tokenizer.text(fatalitiesField))) as a count in \"fatalities\"", at: tokenizer.locate(fatalitiesField))
        }
        counts.kept += 1
        let type = tokenizer.unescaped(fields[index[1]])
        let actor1 = tokenizer.unescaped(fields[index[2]])
        let actor2 = tokenizer.unescaped(fields[index[3]])
        let source = tokenizer.unescaped(fields[index[5]])
        try type.withUnsafeBufferPointer { type throws(MarketLinkError) in
            try actor1.withUnsafeBufferPointer { actor1 throws(MarketLinkError) in
                try actor2.withUnsafeBufferPointer { actor2 throws(MarketLinkError) in
                    try source.withUnsafeBufferPointer { source throws(MarketLinkError) in
                        var names: [Bytes] = []
                        var start = 0
                        for k in 0...source.count where k == source.count || source[k] == UInt8(ascii: ";") {
                            let name = ImportBytes.trimmed(Bytes(rebasing: source[start..<k]))
                            if !name.isEmpty { names.append(name) }
                            start = k + 1
                        }
                        let group = merger.symbol(ImportBytes.trimmed(type))
                        try merger.add(
                            day: day, side1: ImportBytes.trimmed(actor1), side2: ImportBytes.trimmed(actor2), group: group, line: line,
                            score: nil, sources: 0, names: names, fatalities: fatalities, source: ImportBytes.trimmed(source))
                    }
                }
            }
        }
    }

    private mutating func readHeader(_ tokenizer: CSVTokenizer, line: Int) throws(MarketLinkError) {
        let names = fields.map { tokenizer.text($0).trimmingWhitespace.lowercased() }
        var found: [Int] = []
        var missing: [String] = []
        for name in Self.used {
            if let k = names.firstIndex(of: name) { found.append(k) } else { missing.append(name) }
        }
        guard missing.isEmpty else {
            throw MarketLinkError(
                "the first line is not an ACLED header: it has no \(missing.map { quoted($0) }.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s") (ACLED exports open with event_id_cnty, event_date, year, ...)",
                at: SourceLocation(file: file, line: line, column: 1))
        }
        index = found
        columns = fields.count
    }
}
