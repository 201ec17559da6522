// MARK: - Rows that are not sessions

/// Rows at the top or the bottom of a price file that are not sessions, and what becomes of them.
///
/// Downloads put things around the data: Nasdaq.com a partial row for today whose date cell is
/// the time `16:00`, Investing.com a footer of statistics (`"Highest: 4,298.86",...`), a page a
/// copyright line. Such a row — its date cell no date, and either a time of day or no close in
/// the row either — is dropped and reported when it comes before the first session or after the
/// last. The same row between two sessions is no edge: the file is refused at its date cell, as
/// any unreadable date is (a row in the middle that is not a session means the file is not what
/// it seems). A file with no session at all is refused at the first such row.
struct EdgeRows {
    /// One row that is not a session, located in the file.
    struct Row {
        /// The line as the reading chunk counts it (for errors thrown while the chunk reads).
        var chunkLine: Int
        /// Byte offsets in the file: the date cell (its opening quote when quoted), the row.
        var dateOffset: Int
        var rowStart: Int
        var rowEnd: Int
        /// The date cell's text and column, for the error if the row is not at an edge.
        var dateText: String
        var column: String
        /// Why it is not a session, for the dropped-row report.
        var why: String

        var reason: MarketLinkError.Reason { .unreadableDate(dateText, column: column) }
    }

    /// Rows before the chunk's first session.
    var leading: [Row] = []
    /// Rows after the chunk's latest session so far.
    var trailing: [Row] = []
    /// Sessions (rows with a date) the chunk has read.
    var sessions = 0

    /// Records a row that is not a session.
    mutating func add(_ row: Row) {
        if sessions == 0 { leading.append(row) } else { trailing.append(row) }
    }

    /// Records a session; throws when rows that are not sessions came between it and the one
    /// before. `locate` places a row's date cell as the chunk counts lines.
    mutating func session(locate: (Row) -> SourceLocation) throws(MarketLinkError) {
        if let first = trailing.first { throw MarketLinkError(first.reason, at: locate(first)) }
        sessions += 1
    }

    /// The dropped rows of a whole file read in `edges` (one per chunk, in file order), or the
    /// error of the first row that is not at an edge of the file (or of a file with no session).
    static func dropped(_ edges: [EdgeRows], source: PriceFileBytes) throws(MarketLinkError) -> [DroppedRow] {
        let total = edges.reduce(0) { $0 + $1.sessions }
        var rows: [Row] = []
        for (k, edge) in edges.enumerated() {
            let before = edges[..<k].reduce(0) { $0 + $1.sessions }
            let after = total - before - edge.sessions
            for row in edge.leading + edge.trailing {
                let isLeading = edge.leading.contains { $0.rowStart == row.rowStart }
                let inside = total == 0 || (isLeading ? before > 0 && (edge.sessions > 0 || after > 0) : after > 0)
                if inside { throw MarketLinkError(row.reason, at: source.locate(offset: row.dateOffset)) }
                rows.append(row)
            }
        }
        return rows.map { row in
            DroppedRow(line: source.line(ofOffset: row.rowStart), series: nil, reason: "not a session (\(row.why)): \(text(of: row, in: source))")
        }
    }

    /// The row as written, cut to 200 characters.
    static func text(of row: Row, in source: PriceFileBytes) -> String {
        var end = row.rowEnd
        while end > row.rowStart, source.bytes[end - 1] == 10 || source.bytes[end - 1] == 13 { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: source.bytes[row.rowStart..<end]), as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
