// MARK: - Report table

/// A table in a report: a caption, named columns, and rows of cells.
///
/// Written as an HTML `<table>` with a header row that repeats on every printed page. At phone
/// width each row becomes a card: its title cell first, then short cells side by side, each
/// under its column name (every cell carries the name in `data-label`), and text cells across
/// the whole card, so that no reader has to scroll sideways.
///
/// Rows may also come in groups, each under a heading row that spans the table (an event's title
/// once, with its moves beneath), written as one `<tbody>` per group after the ungrouped rows.
public struct ReportTable: Sendable, Equatable {
    /// What a column holds, which sets how it is laid out.
    public enum Kind: Sendable, Equatable {
        /// Short values kept on one line: dates, ids, names, windows, statuses.
        case label
        /// Numbers: right-aligned on one line, with digits of equal width.
        case number
        /// Running text that wraps (a market's description, a file path); the whole width of a
        /// card on a phone.
        case text
        /// What the row is about (an event's title): wraps; on a phone, the card's bold first
        /// line, without its column name.
        case title
    }

    /// A column: its header and how its cells are set.
    public struct Column: Sendable, Equatable {
        /// The header text.
        public var name: String
        /// How the column's cells are set: label, number, title, ...
        public var kind: Kind

        /// A column named `name`, of `kind`.
        public init(_ name: String, _ kind: Kind = .label) {
            self.name = name
            self.kind = kind
        }
    }

    /// Rows under one heading that spans the table (`<th scope="rowgroup" colspan>`): on a phone,
    /// the heading above the group's cards.
    public struct Group: Sendable, Equatable {
        /// The group's heading, spanning every column.
        public var heading: ReportText
        /// Cells by row, as `ReportTable.rows`.
        public var rows: [[ReportText]]

        /// A group of `rows` under `heading`.
        public init(heading: ReportText, rows: [[ReportText]]) {
            self.heading = heading
            self.rows = rows
        }
    }

    /// The table's caption; `nil` for none.
    public var caption: ReportText?
    /// The columns, in order.
    public var columns: [Column]
    /// Cells by row; a row shorter than `columns` is padded with empty cells.
    public var rows: [[ReportText]]
    /// Groups of rows under their headings, after `rows`; empty for a table without groups.
    public var groups: [Group]

    /// A table of `rows` under `columns`, then `groups`.
    public init(caption: ReportText? = nil, columns: [Column], rows: [[ReportText]] = [], groups: [Group] = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.groups = groups
    }

    /// The rows of the table and of every group, in order.
    public var allRows: [[ReportText]] { rows + groups.flatMap(\.rows) }
}
