import Foundation
import Testing
@testable import MarketLink
@testable import mlink

/// The change table for people, streamed: the same text as the whole table when it fits in the
/// first batch, aligned rows when it does not, and the first rows handed out before the last
/// are computed.
@Suite struct ChangeTableStreamingTests {
    typealias F = ReportFixtures

    static func streamed(
        _ events: [Event], _ series: [Series], _ windows: [EventWindow], color: Bool = false, sentences: Bool = false,
        firstRows: Int = 1_024, rowsPerBatch: Int = 8_192
    ) throws -> String {
        var text = ""
        try ChangeTable.streamText(
            events: events, series: series, windows: windows, rule: .next, color: color, sentences: sentences, vocabulary: .mlink,
            firstRows: firstRows, rowsPerBatch: rowsPerBatch, formatted: nil
        ) { text += $0 }
        return text
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func aTableInOneBatchIsTheWholeTablesText(color: Bool, sentences: Bool) throws {
        var events = try F.events()
        events.append(Event(id: "99", title: "After the data", date: F.day("2024-03-01")))
        let series = try F.collection().series
        let table = ChangeTable(events: events, series: series, windows: EventWindow.changesDefault)
        let whole = table.textReport(color: color, sentences: sentences, vocabulary: .mlink)
        #expect(try Self.streamed(events, series, EventWindow.changesDefault, color: color, sentences: sentences) == whole)
        // The public entry point, the same.
        var text = ""
        try ChangeTable.streamText(
            events: events, series: series, windows: EventWindow.changesDefault, color: color, sentences: sentences, vocabulary: .mlink
        ) { text += $0 }
        #expect(text == whole)
    }

    @Test func rowsAfterTheFirstBatchLineUp() throws {
        // 15 events × 2 series × 2 windows in batches of 8 rows (2 events): widths from the first
        // 2 events and the bounds of the rest.
        let events = try F.events()
        let series = try F.collection().series
        let text = try Self.streamed(events, series, EventWindow.changesDefault, firstRows: 8, rowsPerBatch: 8)
        let whole = ChangeTable(events: events, series: series, windows: EventWindow.changesDefault).textReport(vocabulary: .mlink)
        let lines = text.split(separator: "\n").map(String.init)
        let wholeLines = whole.split(separator: "\n").map(String.init)
        #expect(lines.count == wholeLines.count)
        // The same cells, row by row (cells are two or more spaces apart; titles have single spaces).
        func cells(_ line: String) -> [String] { line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        // The rule under the header is as wide as the streamed columns, which past the first batch
        // are the columns' bounds (a points column can be wider than its widest cell): the same
        // number of columns, not the same dashes. Every other line has the same cells.
        #expect(cells(lines[1]).count == cells(wholeLines[1]).count)
        let withoutRules = { (all: [String]) in all.enumerated().filter { $0.offset != 1 }.map { cells($0.element) } }
        #expect(withoutRules(lines) == withoutRules(wholeLines))
        // Every row (all of them `ok`, so each ends with its right-aligned percent) as wide as the rule.
        let rule = DisplayWidth.columns(lines[1])
        #expect(lines.dropFirst(2).allSatisfy { DisplayWidth.columns($0) == rule })
        // Dates: the base column starts at the same place in every row.
        let offsets = lines.dropFirst(2).map { line in line.range(of: #"\d{4}-\d{2}-\d{2}  +[\d,.]+  +\d{4}"#, options: .regularExpression).map { line.distance(from: line.startIndex, to: $0.lowerBound) } }
        #expect(Set(offsets).count == 1)
    }

    @Test func theBoundsHoldEveryCell() throws {
        // Independently of the streamer: the widest cell of each column in the whole table is within its bound.
        let events = try F.events()
        let series = try F.collection().series
        let table = ChangeTable(events: events, series: series, windows: [try EventWindow(parsing: "-5:5"), try EventWindow(parsing: "0:0")])
        let bounds = ChangeTable.textBounds(events: events, series: series, windows: table.windows, titleWidth: 44)
        let widest = table.textTable().columnWidths()
        let headers = ["event", "date", "title", "series", "window", "base", "close", "end", "close", "points", "%"].map(\.count)
        for column in widest.indices {
            #expect(max(bounds[column], headers[column]) >= widest[column], "column \(column)")
        }
        // Closes to 34,053.94 (DJIA's highest in the fixture): 9 columns; dates 10; titles cut at 44.
        #expect(bounds[1] == 10 && bounds[2] == 44 && bounds[6] >= 9)
    }

    /// Counts the batches formatted, from any thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Int] = []
        func add(_ value: Int) {
            lock.lock()
            seen.append(value)
            lock.unlock()
        }
        var values: [Int] {
            lock.lock()
            defer { lock.unlock() }
            return seen
        }
    }

    struct Stop: Error {}

    @Test func theFirstRowsAreHandedOutBeforeTheLastAreComputed() throws {
        // 300 events × 2 series × 1 window, 10 rows a batch: 60 batches. The sink stops the run
        // at the first text it gets; by then only the first batch and a few ahead have been made.
        let djia = try #require(try F.collection().series.first)
        let sse = try #require(try F.collection().series.last)
        let events = (0..<300).map { Event(id: String($0 + 1), title: "Event \($0 + 1)", date: F.day("2023-01-02").adding(days: $0 % 150)) }
        let counter = Counter()
        var chunks: [String] = []
        #expect(throws: Stop.self) {
            try ChangeTable.streamText(
                events: events, series: [djia, sse], windows: [try EventWindow(parsing: "0:0")], rule: .next, color: false, sentences: false,
                vocabulary: .none, firstRows: 10, rowsPerBatch: 10, formatted: { counter.add($0) }
            ) { text in
                chunks.append(text)
                throw Stop()
            }
        }
        #expect(chunks.count == 1)
        let first = try #require(chunks.first)
        #expect(first.hasPrefix("event  date"))
        #expect(first.contains("\n1      2023-01-02  Event 1"))
        #expect(!first.contains("Event 300"))
        // Only the first batch was formatted when it was printed; the workers had not started.
        #expect(counter.values == [0])
    }

    @Test func aLongTableArrivesInManyPieces() throws {
        let djia = try #require(try F.collection().series.first)
        let events = (0..<50).map { Event(id: String($0 + 1), title: "E", date: F.day("2023-01-02").adding(days: $0)) }
        var chunks: [String] = []
        try ChangeTable.streamText(
            events: events, series: [djia], windows: [try EventWindow(parsing: "0:0")], rule: .next, color: false, sentences: false,
            vocabulary: .none, firstRows: 5, rowsPerBatch: 5, formatted: nil
        ) { chunks.append($0) }
        // The header with the first 5 rows, then 9 batches of 5.
        #expect(chunks.count == 10)
        #expect(chunks.first?.split(separator: "\n").count == 7)
        #expect(chunks.dropFirst().allSatisfy { $0.split(separator: "\n").count == 5 })
    }

    @Test func markdownStreamedIsTheWholeMarkdown() throws {
        let events = try F.events()
        let series = try F.collection().series
        let table = ChangeTable(events: events, series: series, windows: EventWindow.changesDefault)
        for sentences in [false, true] {
            var text = ""
            try ChangeTable.streamMarkdown(events: events, series: series, windows: EventWindow.changesDefault, sentences: sentences) { text += $0 }
            #expect(text == table.textTable(titleWidth: 80, sentences: sentences).markdown())
        }
    }

    @Test func onATerminalTheTableIsWhatAPipeGetsAsATable() throws {
        let arguments = ["changes", "--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]
        let terminal = try PseudoTerminal.run(arguments)
        #expect(terminal.status == 0, "\(terminal.stderr)")
        let piped = try CLIRunner.run(arguments + ["--format", "table"])
        #expect(terminal.terminal == piped.stdout)
        #expect(terminal.terminal.hasPrefix("event  date        title"))
    }
}
