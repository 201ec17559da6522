// MARK: - ICEWS rows

/// Reads ICEWS coded-event rows: a tab-separated file whose header names its columns (`Event
/// Date`, `Source Country`, `CAMEO Code`, …; Boschee et al. 2015, doi:10.7910/DVN/28075). Columns
/// are found by name, so their order does not matter.
struct ICEWSReader {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The columns read.
    static let used = ["Event Date", "Source Country", "Target Country", "CAMEO Code", "Intensity", "Publisher", "Country"]

    let file: String
    let filter: DatasetRowFilter
    private(set) var counts = EventImportResult.Counts()
    private(set) var columns: Int?
    private var index: [Int] = []
    private var fields = TabFields(capacity: 256)

    init(file: String, filter: DatasetRowFilter) {
        self.file = file
        self.filter = filter
    }

    func deallocate() { fields.deallocate() }

    var layout: String { "ICEWS (tab-separated, \(columns ?? 0) columns)" }

    mutating func take(_ record: Bytes, line: Int, into merger: inout EventMerger) throws(MarketLinkError) {
        fields.split(record)
        guard let columns else { return try readHeader(line: line) }
        guard fields.count <= columns else {
            throw MarketLinkError(
                "row has \(fields.count) tab-separated fields but the header has \(columns)", at: SourceLocation(file: file, line: line, column: 1))
        }
        guard fields.count > index.max() ?? 0 else {
            throw MarketLinkError(
                "row has \(fields.count) tab-separated fields, too few to reach \(quoted(Self.used[index.firstIndex { $0 >= fields.count } ?? 0]))",
                at: SourceLocation(file: file, line: line, column: 1))
        }
        counts.rowsRead += 1
        let dateField = fields[index[0]]
        guard let day = ImportBytes.isoDay(dateField) else {
            throw problem("cannot read \(quoted(bytes: dateField)) as a date in \"Event Date\" (YYYY-MM-DD)", column: 0, line: line)
        }
        guard filter.dateMatches(day) else { return }
        let code = ImportBytes.trimmed(fields[index[3]])
        guard (3...4).contains(code.count), ImportBytes.isDigits(code),
            let root = CAMEORootCode.number(ImportBytes.text(Bytes(rebasing: code[0..<2])))
        else {
            throw problem(
                "cannot read \(quoted(bytes: code)) as a CAMEO code: 3 or 4 digits starting with a root code 01 to 20, leading zero kept (042, not 42, which a spreadsheet that read the column as numbers writes)",
                column: 3, line: line)
        }
        guard filter.codeMatches(code) else { return }
        if let wanted = filter.quadClass, CAMEORootCode.quadClass(ofRoot: root) != wanted { return }
        let side1 = ImportBytes.trimmed(fields[index[1]])
        let side2 = ImportBytes.trimmed(fields[index[2]])
        guard filter.actorsMatch(side1, side2), filter.placeMatches(ImportBytes.trimmed(fields[index[6]])) else { return }
        counts.matched += 1
        let scoreField = fields[index[4]]
        guard let score = ImportBytes.millionths(scoreField) else {
            throw problem("cannot read \(quoted(bytes: scoreField)) as a number in \"Intensity\"", column: 4, line: line)
        }
        counts.kept += 1
        let publisher = ImportBytes.trimmed(fields[index[5]])
        try merger.add(
            day: day, side1: side1, side2: side2, group: Int32(root), line: line, score: score, sources: 0,
            names: publisher.isEmpty ? [] : [publisher], source: publisher)
    }

    private mutating func readHeader(line: Int) throws(MarketLinkError) {
        let names = (0..<min(fields.count, fields.capacity)).map { ImportBytes.text(fields[$0]).trimmingWhitespace }
        var found: [Int] = []
        var missing: [String] = []
        for name in Self.used {
            if let k = names.firstIndex(where: { $0.lowercased() == name.lowercased() }) { found.append(k) } else { missing.append(name) }
        }
        guard missing.isEmpty else {
            throw MarketLinkError(
                "the first line is not an ICEWS header: it has no \(missing.map { quoted($0) }.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s") (ICEWS files open with Event ID, Event Date, Source Name, ...)",
                at: SourceLocation(file: file, line: line, column: 1))
        }
        index = found
        columns = fields.count
    }

    private func problem(_ message: String, column: Int, line: Int) -> MarketLinkError {
        MarketLinkError(message, at: SourceLocation(file: file, line: line, column: fields.column(index[column])))
    }
}
