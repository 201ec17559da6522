// MARK: - Text tables

/// The one table renderer for people: every terminal table (`changes`, `study`, `correlate`,
/// `events list`, the fact-check parts of `check`) and every Markdown table.
///
/// A table is a header, rows of cells and, per column, an alignment and an optional widest
/// width. Rendering owns what each target needs, so that no caller can forget it:
///
/// - `render(color:indent:)`, for a terminal: every cell and header goes through
///   `TerminalText.escaped(_:)` (an escape sequence in a title is shown as `␛[31m`, never sent),
///   is shortened to its column's widest width with `…` (between characters, never inside one),
///   and is padded by its display width (`DisplayWidth`: CJK and emoji two columns, combining
///   marks none). Columns are two spaces apart, a `─` rule under the header, no trailing spaces;
///   colour (ANSI SGR) only when asked.
/// - `columnWidths(atLeast:)`, `renderHeader(widths:indent:)` and `renderRows(widths:color:indent:)`:
///   the same lines a batch at a time, with widths fixed before the last rows exist, so that a
///   long table starts printing at once (`ChangeTable.streamText`).
/// - `markdown()`: a GitHub-flavoured table, each cell shortened the same way and escaped with
///   `MarkdownText.cell(_:)` (no live HTML, links or images, no `|` or line break that would end
///   a cell or a row); right-aligned columns get `---:`.
public struct TextTable: Sendable {
    /// Which edge of its column a cell's text keeps to.
    public enum Alignment: Sendable {
        /// Text starts at the column's left edge (titles, names).
        case left
        /// Text ends at the column's right edge (numbers).
        case right
    }

    /// One cell: its text (any text; the renderer escapes it) and an optional colour.
    public struct Cell: Sendable {
        /// The text as it is, escaped and shortened only when rendered.
        public var text: String
        /// ANSI colour code (e.g. 32 green, 31 red) used only when colour is on.
        public var color: Int?

        /// A cell of `text`, coloured `color` on a colour terminal.
        public init(_ text: String, color: Int? = nil) {
            self.text = text
            self.color = color
        }
    }

    /// Column names, as they are (escaped when rendered).
    public var headers: [String]
    /// Per column; a column without one is left-aligned.
    public var alignments: [Alignment]
    /// The widest each column may be, in terminal columns (`nil`, or no entry: no limit).
    public var maxWidths: [Int?]
    /// Rows of cells; a short row is padded with empty cells.
    public var rows: [[Cell]] = []

    /// An empty table with these columns.
    public init(headers: [String], alignments: [Alignment], maxWidths: [Int?] = []) {
        self.headers = headers
        self.alignments = alignments
        self.maxWidths = maxWidths
    }

    /// Adds a row of cells.
    public mutating func append(_ cells: [Cell]) { rows.append(cells) }
    /// Adds a row of uncoloured cells.
    public mutating func append(_ texts: [String]) { rows.append(texts.map { Cell($0) }) }

    // MARK: - Terminal

    /// Plain columns separated by two spaces, a rule under the header, each line starting with
    /// `indent` spaces; colour only when asked.
    public func render(color: Bool = false, indent: Int = 0) -> String {
        let count = columnCount
        let body = shownRows(count)
        let widths = columnWidths(of: body, count)
        var out = LineBytes()
        appendHeader(widths: widths, indent: indent, count, to: &out)
        appendLines(body, widths: widths, color: color, indent: indent, to: &out)
        return out.text
    }

    /// Tables of at least this many rows are measured and written in parts on worker threads.
    static let rowsInParts = 1_024

    // MARK: - Streaming

    /// The column widths `render` gives the header and these rows, each raised to
    /// `minimums[column]` where given: to print a long table as its rows are computed, take the
    /// widths from its first rows and from bounds known for the rest (a date is 10 columns, a
    /// title at most its widest width), print `renderHeader(widths:indent:)`, then each batch of
    /// rows with `renderRows(widths:color:indent:)` in a table of the same columns.
    public func columnWidths(atLeast minimums: [Int] = []) -> [Int] {
        let count = columnCount
        var widths = columnWidths(of: shownRows(count), count)
        for (column, minimum) in minimums.enumerated() where column < widths.count { widths[column] = max(widths[column], minimum) }
        return widths
    }

    /// The header and the rule under it, in `widths` (as `columnWidths(atLeast:)` gives them).
    public func renderHeader(widths: [Int], indent: Int = 0) -> String {
        var out = LineBytes()
        appendHeader(widths: widths, indent: indent, columnCount, to: &out)
        return out.text
    }

    /// The rows alone, each cell padded to `widths`: a cell wider than its column (which bounds
    /// given to `columnWidths(atLeast:)` should prevent) is printed whole, never cut, and pushes
    /// the rest of its line right.
    public func renderRows(widths: [Int], color: Bool = false, indent: Int = 0) -> String {
        var out = LineBytes()
        appendLines(shownRows(columnCount), widths: widths, color: color, indent: indent, to: &out)
        return out.text
    }

    /// A cell as shown: escaped, shortened, and its width measured once.
    private struct Shown: Sendable {
        var text: String
        var width: Int
        var color: Int?
    }

    private var columnCount: Int { max(headers.count, rows.map(\.count).max() ?? 0) }

    private func shown(_ text: String, _ column: Int, color: Int? = nil) -> Shown {
        let escaped = TerminalText.escaped(text)
        let width = DisplayWidth.columns(escaped)
        // `fitted` without measuring the text twice: shortened only when wider than the limit.
        guard let limit = maxWidths[safe: column] ?? nil, width > limit || limit <= 0 else { return Shown(text: escaped, width: width, color: color) }
        let text = DisplayWidth.truncated(escaped, toColumns: limit)
        return Shown(text: text, width: DisplayWidth.columns(text), color: color)
    }

    private func shownRows(_ count: Int) -> [[Shown]] {
        OrderedWork.map(rows, minimum: Self.rowsInParts) { row in
            (0..<count).map { column -> Shown in
                let cell = row[safe: column] ?? Cell("")
                return shown(cell.text, column, color: cell.color)
            }
        }
    }

    /// `appendLine` for every row of `body`, in parts on worker threads for a long table.
    private func appendLines(_ body: [[Shown]], widths: [Int], color: Bool, indent: Int, to out: inout LineBytes) {
        let pieces = OrderedWork.inParts(count: body.count, minimum: Self.rowsInParts, parts: 4) { range -> [UInt8] in
            var piece = LineBytes()
            for row in body[range] { self.appendLine(row, widths: widths, color: color, indent: indent, to: &piece) }
            return piece.bytes
        }
        for piece in pieces { out.bytes.append(contentsOf: piece) }
    }

    private func columnWidths(of body: [[Shown]], _ count: Int) -> [Int] {
        var widths = (0..<count).map { shown(headers[safe: $0] ?? "", $0).width }
        for row in body {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.width) }
        }
        return widths
    }

    private func appendHeader(widths: [Int], indent: Int, _ count: Int, to out: inout LineBytes) {
        let header = (0..<count).map { shown(headers[safe: $0] ?? "", $0) }
        appendLine(header, widths: widths, color: false, indent: indent, to: &out)
        out.appendSpaces(indent)
        for (column, width) in widths.enumerated() {
            if column > 0 { out.appendSpaces(2) }
            for _ in 0..<max(0, width) { out.bytes.append(contentsOf: [0xE2, 0x94, 0x80]) }  // ─
        }
        out.bytes.append(0x0A)
    }

    /// One line: `indent` spaces, the cells padded to their columns two spaces apart, no
    /// trailing spaces, a line feed.
    private func appendLine(_ cells: [Shown], widths: [Int], color: Bool, indent: Int, to out: inout LineBytes) {
        let start = out.bytes.count
        out.appendSpaces(indent)
        for (column, cell) in cells.enumerated() {
            if column > 0 { out.appendSpaces(2) }
            let pad = (widths[safe: column] ?? 0) - cell.width
            let right = alignments[safe: column] == .right
            if right { out.appendSpaces(pad) }
            if color, let code = cell.color, !cell.text.isEmpty {
                out.bytes.append(contentsOf: [0x1B, 0x5B])  // ESC [
                out.bytes.append(contentsOf: String(code).utf8)
                out.bytes.append(0x6D)  // m
                out.bytes.append(contentsOf: cell.text.utf8)
                out.bytes.append(contentsOf: [0x1B, 0x5B, 0x30, 0x6D])  // ESC [ 0 m
            } else {
                out.bytes.append(contentsOf: cell.text.utf8)
            }
            if !right { out.appendSpaces(pad) }
        }
        out.trimTrailingSpaces(from: start)
        out.bytes.append(0x0A)
    }

    /// The UTF-8 of rendered lines, turned into a `String` once at the end.
    private struct LineBytes {
        var bytes: [UInt8] = []

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func appendSpaces(_ count: Int) {
            if count > 0 { bytes.append(contentsOf: repeatElement(0x20, count: count)) }
        }

        /// Removes the spaces that end the line begun at `start`, as `String` counts them: a
        /// space is a character of its own unless a prepended letter (Unicode's
        /// `Grapheme_Cluster_Break=Prepend`, never ASCII) joins it, so where a non-ASCII byte
        /// comes before the spaces the line is trimmed a `Character` at a time.
        mutating func trimTrailingSpaces(from start: Int) {
            var end = bytes.count
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard end < bytes.count else { return }
            if end > start, bytes[end - 1] >= 0x80, lastScalarJoinsASpace(before: end, from: start) {
                var line = String(decoding: bytes[start...], as: UTF8.self)
                while line.hasSuffix(" ") { line.removeLast() }
                bytes.removeSubrange(start...)
                bytes.append(contentsOf: line.utf8)
            } else {
                bytes.removeSubrange(end...)
            }
        }

        /// Whether the scalar that ends at `end` and a space after it are one `Character` (only a
        /// prepended letter and a space are: no other rule of UAX #29 joins a space to what is
        /// before it).
        private func lastScalarJoinsASpace(before end: Int, from start: Int) -> Bool {
            var lead = end - 1
            while lead > start, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            return (String(decoding: bytes[lead..<end], as: UTF8.self) + " ").count == 1
        }
    }

    // MARK: - Markdown

    /// A GitHub-flavoured Markdown table, every cell inert (see `MarkdownText.cell(_:)`).
    public func markdown() -> String {
        markdownHeader() + markdownRows()
    }

    /// The header row and the alignment row of `markdown()`: with `markdownRows()` of tables of
    /// the same columns, a Markdown table printed a batch at a time (no widths to agree on).
    public func markdownHeader() -> String {
        let count = columnCount
        return markdownLine(headers, count) + "|" + (0..<count).map { alignments[safe: $0] == .right ? " ---: |" : " --- |" }.joined() + "\n"
    }

    /// The rows of `markdown()` alone.
    public func markdownRows() -> String {
        let count = columnCount
        var out = ""
        for row in rows { out += markdownLine(row.map(\.text), count) }
        return out
    }

    private func markdownLine(_ texts: [String], _ count: Int) -> String {
        "| " + (0..<count).map { MarkdownText.cell(fitted(texts[safe: $0] ?? "", $0)) }.joined(separator: " | ") + " |\n"
    }

    // MARK: - Widths

    /// `text` shortened to the widest width of `column`, if it has one.
    private func fitted(_ text: String, _ column: Int) -> String {
        guard let limit = maxWidths[safe: column] ?? nil else { return text }
        return DisplayWidth.truncated(text, toColumns: limit)
    }
}
