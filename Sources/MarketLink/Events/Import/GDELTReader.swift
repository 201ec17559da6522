// MARK: - GDELT rows

/// Reads GDELT event rows one by one (`RecordStream` hands them in): detects the layout from the
/// first rows, checks each row's field count, filters, drops implausible dates and hands the kept
/// rows to the merger. Nothing but the kept rows' events outlives a row.
struct GDELTReader {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    let file: String
    let filter: DatasetRowFilter
    private(set) var layout: GDELTLayout?
    private(set) var counts = EventImportResult.Counts()
    private(set) var implausibleLines: [Int] = []
    private var header: (names: [String], line: Int)?
    private var firstDataLine = 0
    private var fields = TabFields(capacity: 64)

    init(file: String, filter: DatasetRowFilter) {
        self.file = file
        self.filter = filter
    }

    func deallocate() { fields.deallocate() }

    mutating func take(_ record: Bytes, line: Int, into merger: inout EventMerger) throws(MarketLinkError) {
        fields.split(record)
        guard let layout else {
            try detect(line: line)
            if self.layout == nil { return }
            return try take(record, line: line, into: &merger)
        }
        guard fields.count == layout.fields else {
            throw MarketLinkError(
                "row has \(fields.count) tab-separated fields, but the first row (line \(firstDataLine)) has \(layout.fields), as \(layout.description) does",
                at: SourceLocation(file: file, line: line, column: 1))
        }
        counts.rowsRead += 1
        let dateField = fields[layout.date]
        guard let day = ImportBytes.compactDay(dateField), dateField.count == 8 else {
            throw problem("cannot read \(quoted(bytes: dateField)) as a date in SQLDATE (YYYYMMDD)", field: layout.date, line: line)
        }
        guard filter.dateMatches(day) else { return }
        let code = fields[layout.eventCode]
        guard filter.codeMatches(code) else { return }
        let quadField = fields[layout.quadClass]
        guard let quad = ImportBytes.integer(quadField), (1...4).contains(quad) else {
            throw problem("cannot read \(quoted(bytes: quadField)) as a QuadClass (1 to 4)", field: layout.quadClass, line: line)
        }
        if let wanted = filter.quadClass, quad != wanted { return }
        let mentionsField = fields[layout.mentions]
        guard let mentions = ImportBytes.integer(mentionsField), mentions >= 0 else {
            throw problem("cannot read \(quoted(bytes: mentionsField)) as a count in NumMentions", field: layout.mentions, line: line)
        }
        if let minimum = filter.minimumMentions, mentions < minimum { return }
        let side1 = fields[layout.actor1Country]
        let side2 = fields[layout.actor2Country]
        guard filter.actorsMatch(side1, side2), filter.placeMatches(fields[layout.actionCountry]) else { return }
        counts.matched += 1

        if layout.checksDateAdded {
            let addedField = fields[layout.dateAdded]
            guard let added = ImportBytes.compactDay(addedField) else {
                throw problem(
                    "cannot read \(quoted(bytes: addedField)) as a date in DATEADDED (\(layout.fields == 61 ? "YYYYMMDDHHMMSS" : "YYYYMMDD"))",
                    field: layout.dateAdded, line: line)
            }
            if day.distance(to: added) > 365 {
                counts.implausible += 1
                if implausibleLines.count < EventImportResult.implausibleLinesKept { implausibleLines.append(line) }
                return
            }
        }
        let rootField = fields[layout.eventRootCode]
        guard rootField.count == 2, let root = CAMEORootCode.number(ImportBytes.text(rootField)) else {
            throw problem("cannot read \(quoted(bytes: rootField)) as a CAMEO root code (01 to 20) in EventRootCode", field: layout.eventRootCode, line: line)
        }
        let scoreField = fields[layout.goldstein]
        guard let score = ImportBytes.millionths(scoreField) else {
            throw problem("cannot read \(quoted(bytes: scoreField)) as a number in GoldsteinScale", field: layout.goldstein, line: line)
        }
        let sourcesField = fields[layout.sources]
        guard let sources = ImportBytes.integer(sourcesField), sources >= 0 else {
            throw problem("cannot read \(quoted(bytes: sourcesField)) as a count in NumSources", field: layout.sources, line: line)
        }
        counts.kept += 1
        let url = layout.sourceURL.map { fields[$0] } ?? Bytes(start: nil, count: 0)
        try merger.add(
            day: day, side1: ImportBytes.trimmed(side1), side2: ImportBytes.trimmed(side2), group: Int32(root), line: line, score: score,
            sources: sources, source: ImportBytes.trimmed(url))
    }

    /// The first record: a header row (its first field is not all digits) or the first data row,
    /// whose field count gives the layout; a header must then name the fields read.
    private mutating func detect(line: Int) throws(MarketLinkError) {
        let first = fields[0]
        if header == nil, !ImportBytes.isDigits(ImportBytes.trimmed(first)) {
            let kept = min(fields.count, fields.capacity)
            header = ((0..<kept).map { ImportBytes.text(fields[$0]).trimmingWhitespace }, line)
            return
        }
        guard let found = GDELTLayout(fields: fields.count, hasHeader: header != nil) else {
            let headerNote = header == nil ? "" : " (line \(line), after the header)"
            throw MarketLinkError(
                "the first data row\(headerNote) has \(fields.count) tab-separated field\(fields.count == 1 ? "" : "s"); GDELT event files have 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0): is this a GDELT events file?",
                at: SourceLocation(file: file, line: line, column: 1))
        }
        if let header {
            guard header.names.count == found.fields else {
                throw MarketLinkError(
                    "the header row has \(header.names.count) fields but the first data row (line \(line)) has \(found.fields)",
                    at: SourceLocation(file: file, line: header.line, column: 1))
            }
            for (position, names) in found.expectedNames {
                let name = header.names[position]
                guard names.contains(where: { GDELTLayout.normalized($0) == GDELTLayout.normalized(name) }) else {
                    throw MarketLinkError(
                        "field \(position + 1) of the header row is \(quoted(name)); a GDELT \(found.version) header has \(names.joined(separator: " or ")) there",
                        at: SourceLocation(file: file, line: header.line, column: 1))
                }
            }
        }
        layout = found
        firstDataLine = line
    }

    private func problem(_ message: String, field: Int, line: Int) -> MarketLinkError {
        MarketLinkError(message, at: SourceLocation(file: file, line: line, column: fields.column(field)))
    }
}
