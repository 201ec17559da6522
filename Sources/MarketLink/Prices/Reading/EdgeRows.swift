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
///
/// Read block by block: each block's `RowChunk` keeps its own rows that are not sessions (those
/// before its first session and after its last), located and with their text while its bytes
/// are at hand; `SeriesAssembly` takes them in file order and decides (`Tracker`): a row after
/// the file's last session so far waits, and the next session makes it an error.
struct EdgeRows {
    /// One row that is not a session, located as the reading chunk counts lines.
    struct Row {
        /// The line the row starts on.
        var line: Int
        /// The date cell (its opening quote when quoted), for the error if the row is not at an edge.
        var mark: RowMark
        /// The date cell's text and column, for that error.
        var dateText: String
        var column: String
        /// Why it is not a session, and the row as written (cut to 200 characters), for the
        /// dropped-row report.
        var why: String
        var text: String

        var reason: MarketLinkError.Reason { .unreadableDate(dateText, column: column) }

        func shifted(by lines: Int) -> Row {
            var moved = self
            moved.line += lines
            moved.mark = mark.shifted(by: lines)
            return moved
        }

        var dropped: DroppedRow { DroppedRow(line: line, series: nil, reason: "not a session (\(why)): \(text)") }
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
    /// before (located as the chunk counts lines).
    mutating func session(file: String) throws(MarketLinkError) {
        if let first = trailing.first { throw MarketLinkError(first.reason, at: first.mark.location(file: file)) }
        sessions += 1
    }

    /// The row as written from `start` to `end` of `bytes`, without its line end, cut to 200 characters.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to rowEnd: Int) -> String {
        var end = rowEnd
        while end > start, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    // MARK: The whole file, in order

    /// The file's rows that are not sessions, taken chunk by chunk in file order (lines already
    /// the file's): those before the first session are dropped; those after the latest session
    /// wait, dropped at the end of the file or an error at the next session.
    struct Tracker {
        private(set) var sessions = 0
        private var before: [Row] = []
        private var pending: [Row] = []

        /// Takes one chunk's rows; `sessions` is how many sessions the chunk read (for a chunk
        /// that failed, up to its error). Throws at the first row that lies between two sessions.
        mutating func take(leading: [Row], trailing: [Row], sessions chunkSessions: Int, file: String) throws(MarketLinkError) {
            if sessions == 0 { before += leading } else { pending += leading }
            guard chunkSessions > 0 else { return }
            if let first = pending.first { throw MarketLinkError(first.reason, at: first.mark.location(file: file)) }
            sessions += chunkSessions
            pending = trailing
        }

        /// The dropped rows once the whole file is taken, or the error of the first row that is
        /// not a session in a file with no session at all.
        func finish(file: String) throws(MarketLinkError) -> [DroppedRow] {
            if sessions == 0, let first = before.first { throw MarketLinkError(first.reason, at: first.mark.location(file: file)) }
            return (before + pending).map(\.dropped)
        }
    }
}
