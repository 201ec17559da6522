import Foundation

// MARK: - Detected header

/// The header row of a price file, and the lines above it.
struct DetectedHeader {
    /// The header cells, trimmed. For yfinance the first cell is `Date` (the file writes `Price`
    /// there, and the dates sit below it).
    var cells: [String]
    /// The header cells as written, spaces kept (WSJ puts a space before every column name).
    var rawCells: [String]
    /// The physical line of the header row.
    var line: Int
    /// The rows above the header that were read past.
    var preamble: Preamble
    /// Whether the header is yfinance's three rows (`Price,...` / `Ticker,...` / `Date,,,`).
    var isYFinance: Bool
    /// yfinance: the ticker written above the close column, as the series' name.
    var ticker: String?
}

/// The rows above a header: a Bloomberg `Security,SPX Index` block, a Google Sheets ticker cell, ...
struct Preamble {
    /// Each row's cells, trimmed, without the empty cells a sheet pads a row with; `[]` for a row
    /// too long to be read as text.
    var rows: [[String]] = []
    /// The physical line of each row.
    var lines: [Int] = []

    var isEmpty: Bool { rows.isEmpty }

    /// What `inspect` says about the skipped lines, or `nil` when there were none.
    var note: String? {
        guard !lines.isEmpty else { return nil }
        return "skipped \(lines.count) line\(lines.count == 1 ? "" : "s") before the header (\(lines.map(String.init).joined(separator: ", ")))"
    }
}

// MARK: - Header detection

/// Finds the header row of a price file.
///
/// Decides from the first rows' cells alone: the header is the first row that has a date column
/// (by `ColumnRole`) beside at least one other non-empty cell. yfinance's `Price,Close,...` row,
/// followed by `Ticker,^DJI,...`, is a header too; its `Date,,,` row is read past. Rows before the
/// header are kept as the preamble (at most `maximumPreambleRows`; then the search gives up).
enum HeaderDetection {
    /// How many rows may come before the header.
    static let maximumPreambleRows = 64

    /// Reads rows from `tokenizer` up to and including the header (and yfinance's extra header
    /// rows), leaving it at the first data row. Throws when no row in reach is a header.
    static func detect(_ tokenizer: inout CSVTokenizer, file: String) throws(MarketLinkError) -> DetectedHeader {
        var fields: [CSVField] = []
        var preamble = Preamble()
        var scratch: [UInt8] = []
        while try tokenizer.nextRow(into: &fields) {
            // A row this long (a 5 MB line, a million cells) is read as text only when it can be a
            // header: a wide file may have any number of columns, but reading the cells of a
            // row that has no date column as text would take seconds.
            if fields.count > 100_000 || tokenizer.position - tokenizer.rowStart > 1 << 20,
                !mayBeHeader(fields, tokenizer: tokenizer, firstRow: preamble.isEmpty, scratch: &scratch)
            {
                preamble.rows.append([])
                preamble.lines.append(tokenizer.rowLine)
                if preamble.rows.count >= maximumPreambleRows { break }
                continue
            }
            let cells = fields.map { tokenizer.text($0) }
            let trimmed = cells.map { $0.trimmingWhitespace }
            let roles = trimmed.map { ColumnRole(header: $0) }
            if preamble.isEmpty, let header = try yfinanceHeader(cells: cells, trimmed: trimmed, roles: roles, tokenizer: &tokenizer) {
                return header
            }
            if isHeader(trimmed, roles: roles) {
                return DetectedHeader(cells: trimmed, rawCells: cells, line: tokenizer.rowLine, preamble: preamble, isYFinance: false)
            }
            var cellsShown = trimmed
            while cellsShown.count > 1, cellsShown.last?.isEmpty == true { cellsShown.removeLast() }  // padded to the sheet's width
            preamble.rows.append(cellsShown)
            preamble.lines.append(tokenizer.rowLine)
            if preamble.rows.count >= maximumPreambleRows { break }
        }
        throw MarketLinkError(.noHeader(.priceFile), at: SourceLocation(file: file, line: preamble.lines.first ?? 1, column: 1))
    }

    /// Whether a row could be a header or yfinance's first header row, decided without reading
    /// its cells as text where they are ASCII: it has a cell with the date role, or (as the
    /// first row) it starts with `Price`.
    static func mayBeHeader(_ fields: [CSVField], tokenizer: CSVTokenizer, firstRow: Bool, scratch: inout [UInt8]) -> Bool {
        if firstRow, let first = fields.first, ColumnRole.normalize(tokenizer.text(first).trimmingWhitespace) == "price" { return true }
        for field in fields {
            let bytes = tokenizer.slice(field)
            if let isDate = ColumnRole.isDateName(ascii: bytes, scratch: &scratch) {
                if isDate { return true }
            } else if ColumnRole(header: tokenizer.text(field).trimmingWhitespace) == .date {
                return true
            }
        }
        return false
    }

    /// Whether a row of trimmed cells is a header: a date column and at least two non-empty cells.
    static func isHeader(_ trimmed: [String], roles: [ColumnRole]) -> Bool {
        roles.contains(.date) && trimmed.filter({ !$0.isEmpty }).count >= 2
    }

    /// yfinance's header: `Price,Close,High,Low,Open,Volume` on the row read last, `Ticker,^DJI,...`
    /// on the next, then usually `Date,,,,,`. On a match, `tokenizer` moves past the ticker row
    /// and the `Date` row (when there is one); otherwise it is left where it was and `nil` returned.
    static func yfinanceHeader(
        cells: [String], trimmed: [String], roles: [ColumnRole], tokenizer: inout CSVTokenizer
    ) throws(MarketLinkError) -> DetectedHeader? {
        guard ColumnRole.normalize(trimmed.first ?? "") == "price", trimmed.count > 1, roles.dropFirst().contains(.close) else {
            return nil
        }
        var lookahead = tokenizer
        var second: [CSVField] = []
        guard try lookahead.nextRow(into: &second), let first = second.first, ColumnRole.normalize(lookahead.text(first)) == "ticker" else {
            return nil
        }
        let header = ["Date"] + trimmed.dropFirst()
        let line = tokenizer.rowLine
        var ticker: String?
        let tickers = second.dropFirst().map { lookahead.text($0).trimmingCharacters(in: .whitespaces) }
        if let closeIndex = header.firstIndex(where: { ColumnRole(header: $0) == .close }), closeIndex - 1 < tickers.count {
            ticker = tickers[closeIndex - 1]
        }
        tokenizer = lookahead
        // Skip the `Date,,,` row.
        var third: [CSVField] = []
        var peek = tokenizer
        if try peek.nextRow(into: &third), let first = third.first,
            ColumnRole(header: peek.text(first)) == .date,
            third.dropFirst().allSatisfy({ peek.slice($0).allSatisfy { $0 == 32 } })
        {
            tokenizer = peek
        }
        return DetectedHeader(cells: header, rawCells: cells, line: line, preamble: Preamble(), isYFinance: true, ticker: ticker)
    }
}
