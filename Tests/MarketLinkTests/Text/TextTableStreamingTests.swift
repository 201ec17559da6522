import Testing

@testable import MarketLink

/// A table printed a batch at a time: the same lines as the whole table when the widths are
/// the same, and widths fixed by the first rows and bounds given for the rest.
@Suite struct TextTableStreamingTests {
    static func table(_ rows: [[String]]) -> TextTable {
        var table = TextTable(headers: ["id", "title", "points"], alignments: [.left, .left, .right], maxWidths: [nil, 8])
        for row in rows { table.append(row) }
        return table
    }

    static let rows = [["1", "北京 talks", "+260.33"], ["22", "📈 up", "-5.10"], ["333", "a very long title", "+0.01"]]

    @Test func headerAndRowsInBatchesAreTheWholeTable() {
        let whole = Self.table(Self.rows)
        let widths = whole.columnWidths()
        // id 3, title min(8, …) = 8 ("a very …" cut), points 7.
        #expect(widths == [3, 8, 7])
        let batched =
            Self.table([]).renderHeader(widths: widths) + Self.table(Array(Self.rows.prefix(1))).renderRows(widths: widths)
            + Self.table(Array(Self.rows.dropFirst())).renderRows(widths: widths)
        #expect(batched == whole.render())
        #expect(whole.render(color: true, indent: 2) == whole.renderHeader(widths: widths, indent: 2) + whole.renderRows(widths: widths, color: true, indent: 2))
    }

    @Test func boundsWidenColumnsSoLaterRowsLineUp() {
        // Widths from the first row, points raised to the 9 columns a later "+1,234.56" needs.
        let first = Self.table([["1", "x", "+1.00"]])
        let widths = first.columnWidths(atLeast: [0, 0, 9])
        #expect(widths == [2, 5, 9])
        let later = Self.table([["2", "y", "+1,234.56"]]).renderRows(widths: widths)
        let header = first.renderHeader(widths: widths)
        #expect(header == "id  title     points\n──  ─────  ─────────\n")
        #expect(first.renderRows(widths: widths) == "1   x          +1.00\n")
        #expect(later == "2   y      +1,234.56\n")
    }

    @Test func aCellWiderThanItsColumnIsPrintedWhole() {
        // A number is never cut to fit: the line runs longer instead.
        let text = Self.table([["1", "x", "+123,456.78"]]).renderRows(widths: [2, 5, 6])
        #expect(text == "1   x      +123,456.78\n")
    }

    @Test func markdownHeaderAndRowsAreTheWholeMarkdown() {
        let whole = Self.table(Self.rows)
        #expect(Self.table([]).markdownHeader() + Self.table(Self.rows).markdownRows() == whole.markdown())
    }
}
