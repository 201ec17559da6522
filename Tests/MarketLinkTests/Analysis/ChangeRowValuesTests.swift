import Foundation
import Testing

@testable import MarketLink

/// The CSV formatter reads each row's dates and closes from its series a block of rows at a time
/// (`ChangeCSVFormatter.RowValues`), then writes the block: whatever the block size, and where a
/// block ends inside a run of one series' rows, each row carries its own series' values.
@Suite struct ChangeRowValuesTests {
    static let windows = ChangeStreamGroupTests.windows

    @Test func rowValuesAreTheSeriesOwnDatesAndCloses() throws {
        let series = try ChangeStreamGroupTests.panel()
        let events = try ChangeStreamGroupTests.events()
        let table = ChangeTable(events: events, series: series, windows: Self.windows)
        let first = try #require(series.compactMap(\.firstDay).min())
        for (entry, row) in zip(table.entries, table.rows) {
            let item = series[entry.series]
            let values = item.dayOrdinals.withUnsafeBufferPointer { days in
                item.closes.withUnsafeBufferPointer { closes in
                    ChangeCSVFormatter.RowValues(entry, days: days, closes: closes, firstOrdinal: first.ordinal)
                }
            }
            // Days as offsets from the first day of any series, −1 and 0 where there is none.
            #expect(values.baseDay == (row.base.map { Int32($0.day.ordinal - first.ordinal) } ?? -1))
            #expect(values.endDay == (row.end.map { Int32($0.day.ordinal - first.ordinal) } ?? -1))
            #expect(values.eventDay == (row.eventSession.map { Int32($0.day.ordinal - first.ordinal) } ?? -1))
            #expect(values.base == (row.base?.close ?? 0))
            #expect(values.end == (row.end?.close ?? 0))
        }
    }

    @Test(arguments: [1, 2, 4, 5, 7, 126, 512])
    func everyBlockSizeWritesEachRowsOwnValues(gatherRows: Int) throws {
        let series = try ChangeStreamGroupTests.panel()
        let events = try ChangeStreamGroupTests.events()
        let table = ChangeTable(events: events, series: series, windows: Self.windows)
        // 14 events × 3 series × 3 windows: blocks of 2, 4, 5 and 7 rows end inside runs of 3.
        #expect(table.entries.count == 126)
        let formatter = ChangeCSVFormatter(events: events, series: series, windows: Self.windows)
        let bytes = formatter.bytes(table.entries[...], gatherRows: gatherRows)
        let lines = try #require(String(validating: bytes, as: UTF8.self)).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == table.entries.count + 1)
        #expect(lines.last == "")
        for (line, row) in zip(lines, table.rows) {
            // The last ten cells: series, window, base date and close, end date and close, points,
            // percent, status and the event's session (the title before them holds a comma).
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).suffix(10).map(String.init)
            #expect(cells[0] == row.series)
            #expect(cells[1] == row.window.description)
            #expect(cells[2] == (row.base?.day.iso ?? ""))
            #expect(Double(cells[3]) == row.base?.close)
            #expect(cells[4] == (row.end?.day.iso ?? ""))
            #expect(Double(cells[5]) == row.end?.close)
            if let points = row.points {
                #expect(try abs(#require(Double(cells[6])) - points) < 1e-9)
            } else {
                #expect(cells[6] == "")
            }
            #expect(cells[8] == row.status.rawValue)
            #expect(cells[9] == (row.eventSession?.day.iso ?? ""))
        }
        // And the same bytes as the whole table's CSV after its header.
        let csv = table.csv()
        let header = try #require(csv.firstIndex(of: 10))
        #expect(Array(csv[(header + 1)...]) == bytes)
        #expect(Set(table.entries.map(\.status)).isSuperset(of: [.ok, .beforeData, .afterData, .noBase]))
    }
}
