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
        let columnCount = max(headers.count, rows.map(\.count).max() ?? 0)
        /// A cell as shown: escaped, shortened, and its width measured once.
        struct Shown {
            var text: String
            var width: Int
            var color: Int?
        }
        func shown(_ text: String, _ column: Int, color: Int? = nil) -> Shown {
            let text = fitted(TerminalText.escaped(text), column)
            return Shown(text: text, width: DisplayWidth.columns(text), color: color)
        }
        let header = (0..<columnCount).map { shown(headers[safe: $0] ?? "", $0) }
        let body = rows.map { row in
            (0..<columnCount).map { column -> Shown in
                let cell = row[safe: column] ?? Cell("")
                return shown(cell.text, column, color: cell.color)
            }
        }
        var widths = header.map(\.width)
        for row in body {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.width) }
        }
        let margin = String(repeating: " ", count: max(0, indent))
        var out = ""
        func line(_ cells: [Shown]) {
            var text = margin
            for (column, cell) in cells.enumerated() {
                if column > 0 { text += "  " }
                let pad = String(repeating: " ", count: widths[column] - cell.width)
                var content = cell.text
                if color, let code = cell.color, !content.isEmpty { content = "\u{1B}[\(code)m\(content)\u{1B}[0m" }
                text += alignments[safe: column] == .right ? pad + content : content + pad
            }
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        line(header)
        out += margin + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { line(row) }
        return out
    }

    // MARK: - Markdown

    /// A GitHub-flavoured Markdown table, every cell inert (see `MarkdownText.cell(_:)`).
    public func markdown() -> String {
        let columnCount = max(headers.count, rows.map(\.count).max() ?? 0)
        func cells(_ texts: [String]) -> String {
            "| " + (0..<columnCount).map { MarkdownText.cell(fitted(texts[safe: $0] ?? "", $0)) }.joined(separator: " | ") + " |\n"
        }
        var out = cells(headers)
        out += "|" + (0..<columnCount).map { alignments[safe: $0] == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += cells(row.map(\.text)) }
        return out
    }

    // MARK: - Widths

    /// `text` shortened to the widest width of `column`, if it has one.
    private func fitted(_ text: String, _ column: Int) -> String {
        guard let limit = maxWidths[safe: column] ?? nil else { return text }
        return DisplayWidth.truncated(text, toColumns: limit)
    }
}
