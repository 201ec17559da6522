// MARK: - Text tables

/// A table for the terminal or Markdown: header, rows of cells, per-column alignment.
///
/// Widths count Unicode scalars with East Asian wide characters (CJK) as two columns, so tables
/// with Chinese titles stay aligned.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Cell: Sendable {
        public var text: String
        /// ANSI colour code (e.g. 32 green, 31 red) used only when colour is on.
        public var color: Int?

        public init(_ text: String, color: Int? = nil) {
            self.text = text
            self.color = color
        }
    }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[Cell]] = []

    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    public mutating func append(_ cells: [Cell]) { rows.append(cells) }
    public mutating func append(_ texts: [String]) { rows.append(texts.map { Cell($0) }) }

    /// Plain columns separated by two spaces, a rule under the header; colour only when asked.
    public func render(color: Bool = false) -> String {
        var widths = headers.map(TextTable.width)
        for row in rows {
            for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], TextTable.width(cell.text)) }
        }
        var out = ""
        func line(_ cells: [Cell]) {
            var parts: [String] = []
            for k in widths.indices {
                let cell = k < cells.count ? cells[k] : Cell("")
                let pad = String(repeating: " ", count: widths[k] - TextTable.width(cell.text))
                var text = cell.text
                if color, let code = cell.color { text = "\u{1B}[\(code)m\(text)\u{1B}[0m" }
                parts.append(alignments[safe: k] == .right ? pad + text : text + pad)
            }
            var joined = parts.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            out += joined + "\n"
        }
        line(headers.map { Cell($0) })
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { line(row) }
        return out
    }

    /// A GitHub-flavoured Markdown table (pipes in cells escaped).
    public func markdown() -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { escape($0.text) }.joined(separator: " | ") + " |\n" }
        return out
    }

    /// Display width: wide (CJK, fullwidth) characters count two.
    public static func width(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            {
                total += 2
            } else if v >= 0x20, !(0x300...0x36F).contains(v), v != 0x200B {
                total += 1
            }
        }
        return total
    }

    /// Shortens text to a display width, ending with "…".
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard width(text) > limit else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = width(String(character))
            if used + w > limit - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
