import Foundation
import Testing

@testable import MarketLink

/// Minute windows in the change table (issue 13, item 2), on fixtures/intraday/spx-1m-date-time.csv
/// (S&P 500 one-minute bars, 2023-06-07 and 2023-06-08, 09:30–16:00 New York, stamped by their
/// start) and the timed events of fixtures/intraday/events-intraday.csv.
///
/// Every price below was read off the file by hand: the price at instant t is the close of the bar
/// *labelled* t − 1 minute (the bar that ends at t), or before the open the previous session's last
/// bar (`2023-06-07,15:59`, close 4267.52, the real S&P 500 close of 2023-06-07). Percent is
/// 100·(end/base − 1), worked in Python `decimal` to 30 digits and written here to 12 significant
/// digits, as CSV writes it.
@Suite struct ChangeTableMinuteTests {
    struct Expected {
        var event: String
        var window: String
        var base: Double
        var end: Double
        var baseAt: String
        var endAt: String
        var percent: Double
    }

    static let cases: [Expected] = [
        // Event 1, 2023-06-08 10:14, inside the session.
        // -30m:30m: 09:44 → bar 09:43 (close 4270.46); 10:44 → bar 10:43 (4260.89).
        Expected(
            event: "1", window: "-30m:30m", base: 4270.46, end: 4260.89, baseAt: "2023-06-08T09:44:00-04:00", endAt: "2023-06-08T10:44:00-04:00",
            percent: -0.224097638194),
        // 0m:60m: 10:14 → bar 10:13 (4273.81); 11:14 → bar 11:13 (4265.98).
        Expected(
            event: "1", window: "0m:60m", base: 4273.81, end: 4265.98, baseAt: "2023-06-08T10:14:00-04:00", endAt: "2023-06-08T11:14:00-04:00",
            percent: -0.183208893236),
        // -5m:15m: 10:09 → bar 10:08 (4272.96); 10:29 → bar 10:28 (4264.08).
        Expected(
            event: "1", window: "-5m:15m", base: 4272.96, end: 4264.08, baseAt: "2023-06-08T10:09:00-04:00", endAt: "2023-06-08T10:29:00-04:00",
            percent: -0.20781846776),
        // Event 2, 2023-06-08 09:31, a minute after the open.
        // -30m:30m: 09:01 is before the open → 2023-06-07 bar 15:59 (4267.52); 10:01 → bar 10:00 (4273.40).
        Expected(
            event: "2", window: "-30m:30m", base: 4267.52, end: 4273.40, baseAt: "2023-06-08T09:01:00-04:00", endAt: "2023-06-08T10:01:00-04:00",
            percent: 0.137784943011),
        // 0m:60m: 09:31 → bar 09:30 (4266.52); 10:31 → bar 10:30 (4263.72).
        Expected(
            event: "2", window: "0m:60m", base: 4266.52, end: 4263.72, baseAt: "2023-06-08T09:31:00-04:00", endAt: "2023-06-08T10:31:00-04:00",
            percent: -0.0656272559369),
        // -5m:15m: 09:26 → 2023-06-07 bar 15:59 (4267.52); 09:46 → bar 09:45 (4270.47).
        Expected(
            event: "2", window: "-5m:15m", base: 4267.52, end: 4270.47, baseAt: "2023-06-08T09:26:00-04:00", endAt: "2023-06-08T09:46:00-04:00",
            percent: 0.0691267996401),
        // Event 4, 2023-06-07 17:05, after the close: measured from 2023-06-08 09:30 (u′).
        // -30m:30m: 09:00 → 2023-06-07 bar 15:59 (4267.52); 10:00 → bar 09:59 (4272.67).
        Expected(
            event: "4", window: "-30m:30m", base: 4267.52, end: 4272.67, baseAt: "2023-06-08T09:00:00-04:00", endAt: "2023-06-08T10:00:00-04:00",
            percent: 0.120678989202),
        // 0m:60m: 09:30 → no 2023-06-08 bar has ended: 2023-06-07 bar 15:59 (4267.52); 10:30 → bar 10:29 (4263.28).
        Expected(
            event: "4", window: "0m:60m", base: 4267.52, end: 4263.28, baseAt: "2023-06-08T09:30:00-04:00", endAt: "2023-06-08T10:30:00-04:00",
            percent: -0.0993551289742),
        // -5m:15m: 09:25 → 2023-06-07 bar 15:59 (4267.52); 09:45 → bar 09:44 (4270.04).
        Expected(
            event: "4", window: "-5m:15m", base: 4267.52, end: 4270.04, baseAt: "2023-06-08T09:25:00-04:00", endAt: "2023-06-08T09:45:00-04:00",
            percent: 0.059050689862),
        // Event 7, 2023-06-08 15:45, the last session: -5m:15m ends at 16:00 exactly, the end of the last bar.
        // 15:40 → bar 15:39 (4291.73); 16:00 → bar 15:59 (4293.93).
        Expected(
            event: "7", window: "-5m:15m", base: 4291.73, end: 4293.93, baseAt: "2023-06-08T15:40:00-04:00", endAt: "2023-06-08T16:00:00-04:00",
            percent: 0.0512613794437),
    ]

    static let windows = ["-30m:30m", "0m:60m", "-5m:15m", "0:0"]

    static func table(extraEvents: [Event] = []) throws -> ChangeTable {
        let events = try EventLog.load(path: CLI.fixture("fixtures/intraday/events-intraday.csv")).events + extraEvents
        let spx = try #require(try PriceFile.load(path: CLI.fixture("fixtures/intraday/spx-1m-date-time.csv"), options: PriceLoadOptions(name: "SPX")).series.first)
        let daily = try #require(try PriceFile.load(path: CLI.fixture("fixtures/sp500.csv")).series.first)
        return ChangeTable(events: events, series: [spx, daily], windows: try windows.map { try EventWindow(parsing: $0) })
    }

    static func row(_ table: ChangeTable, event: String, series: Int = 0, window: String) throws -> ChangeRow {
        try #require(table.rows.first { $0.event.id == event && $0.seriesIndex == series && $0.window.description == window })
    }

    @Test func rowsCarryTheHandWorkedPricesAndInstants() throws {
        let table = try Self.table()
        let bars = try #require(table.series[0].intraday)
        #expect(table.rows.count == 9 * 2 * 4)
        for want in Self.cases {
            let row = try Self.row(table, event: want.event, window: want.window)
            let label = "event \(want.event) \(want.window)"
            #expect(row.status == .ok, "\(label)")
            #expect(row.base?.close == want.base, "\(label)")
            #expect(row.end?.close == want.end, "\(label)")
            #expect(row.minute?.base.map { bars.isoText($0.instant) } == want.baseAt, "\(label)")
            #expect(row.minute?.end.map { bars.isoText($0.instant) } == want.endAt, "\(label)")
            #expect(abs((row.points ?? .nan) - (want.end - want.base)) < 1e-9, "\(label)")
            #expect(abs((row.percent ?? .nan) - want.percent) < 1e-9, "\(label)")
            #expect(row.move == nil)
            // The event session of a minute row is the session measured in (that of u′): 2023-06-08 for
            // all four events, event 4 (2023-06-07 evening) included.
            #expect(row.eventSession?.day.iso == "2023-06-08", "\(label)")
        }
        // A base before the open is the 2023-06-07 close, and the row says so by its session date.
        #expect(try Self.row(table, event: "2", window: "-30m:30m").base?.day.iso == "2023-06-07")
        #expect(try Self.row(table, event: "4", window: "0m:60m").minute?.placement.moved == .afterClose)
        #expect(try Self.row(table, event: "1", window: "0m:60m").minute?.placement.moved == nil)
    }

    @Test func windowsOffTheDataGetStatuses() throws {
        let untimed = Event(id: "10", title: "A date-only event", date: try #require(Day(iso: "2023-06-08")))
        let table = try Self.table(extraEvents: [untimed])
        // Event 3, 2023-06-07 09:31: 09:01 is before the file's first bar has ended (09:31).
        #expect(try Self.row(table, event: "3", window: "-30m:30m").status == .noBase)
        // Event 7, 2023-06-08 15:45: 16:15 is after the last bar ended (16:00).
        #expect(try Self.row(table, event: "7", window: "-30m:30m").status == .noEnd)
        #expect(try Self.row(table, event: "7", window: "-30m:30m").base?.close == 4287.31)  // bar 15:14
        // Event 5, 2023-06-08 17:05: no bar after it.
        #expect(try Self.row(table, event: "5", window: "0m:60m").status == .afterData)
        #expect(try Self.row(table, event: "10", window: "0m:60m").status == .noTime)
        #expect(try Self.row(table, event: "1", series: 1, window: "0m:60m").status == .noBars)
        #expect(try Self.row(table, event: "1", series: 1, window: "0m:60m").percent == nil)
        // The session window in the same table is the daily move (the last bar of each session):
        // 2023-06-07 close 4267.52 → 2023-06-08 close 4293.93, +26.41.
        let daily = try Self.row(table, event: "1", window: "0:0")
        #expect(daily.status == .ok && daily.base?.close == 4267.52 && daily.end?.close == 4293.93 && daily.minute == nil)
        #expect(abs((daily.percent ?? .nan) - 0.618860602879) < 1e-9)
    }

    @Test func csvAddsTheMinuteColumnsOnlyWithMinuteWindows() throws {
        let table = try Self.table()
        let lines = String(decoding: table.csv(), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines[0] == (ChangeTable.csvColumns + ["base_at", "end_at", "measured_from", "moved"]).joined(separator: ","))
        let title4 = "Intraday case: after the NYSE close on the first day,intraday"
        #expect(
            lines.contains(
                "4,2023-06-07,\(title4),SPX,0m:60m,2023-06-07,4267.52,2023-06-08,4263.28,-4.24,-0.0993551289742,ok,2023-06-08,"
                    + "2023-06-08T09:30:00-04:00,2023-06-08T10:30:00-04:00,2023-06-08T09:30:00-04:00,after the close"))
        // A session window's row keeps its cells and leaves the minute columns empty.
        #expect(lines.contains("4,2023-06-07,\(title4),SPX,0:0,2023-06-07,4267.52,2023-06-08,4293.93,26.41,0.618860602879,ok,2023-06-08,,,,"))
        #expect(lines.contains("4,2023-06-07,\(title4),sp500,0m:60m,,,,,,,no-bars,,,,,"))
        // The streamed CSV is the same bytes.
        var streamed: [UInt8] = []
        try ChangeTable.streamCSV(events: table.events, series: table.series, windows: table.windows) { streamed += $0 }
        #expect(streamed == table.csv())
        // Without minute windows, the columns are exactly those of DESIGN §3 and event_session.
        let sessionsOnly = ChangeTable(events: table.events, series: table.series, windows: [EventWindow(uncheckedStart: 0, end: 0)])
        #expect(String(decoding: sessionsOnly.csv(), as: UTF8.self).hasPrefix(ChangeTable.csvColumns.joined(separator: ",") + "\n"))
    }

    @Test func theMinuteSentenceAndTheNoteOfAMovedEvent() throws {
        let zeroToThirty = ChangeTable(
            sessions: try Self.table().sessions, windows: [try EventWindow(parsing: "0m:30m"), EventWindow(uncheckedStart: 0, end: 0)])
        // 10:14 → bar 10:13 (4273.81); 10:44 → bar 10:43 (4260.89): 100·(4260.89/4273.81 − 1) = −0.3023...%.
        let one = try Self.row(zeroToThirty, event: "1", window: "0m:30m")
        #expect(zeroToThirty.sentence(one) == "The S&P 500 fell 0.30% in the 30 minutes after the 10:14 a.m. announcement, to 4,260.89.")
        let report = zeroToThirty.textReport(sentences: true)
        #expect(report.contains("    event 4, SPX: the 5:05 p.m. announcement came after the close; minute windows are measured from 9:30 a.m. on 2023-06-08\n"))
        #expect(report.contains("  no-bars: a minute window needs intraday bars; this series has daily closes only\n"))
        #expect(report.contains("1      2023-06-08  Intraday case: 10:14 New York time inside t…  SPX     0m:30m  2023-06-08 10:14  4,273.81  2023-06-08 10:44"))
        // The table streamed to a terminal says the same.
        var streamed = ""
        try ChangeTable.streamText(events: zeroToThirty.events, series: zeroToThirty.series, windows: zeroToThirty.windows, sentences: true) {
            streamed += $0
        }
        #expect(streamed == report)
    }

    @Test func streamedRowsLineUpWhenTheFirstBatchHasNoMinutePrices() throws {
        // Event 5 (no bar after it) first: the first batch (one event) has only "—" in the base
        // column, so the widths of the later rows' "2023-06-08 10:14" come from the bounds.
        let table = try Self.table()
        let events = table.events.filter { $0.id == "5" } + table.events.filter { $0.id != "5" }
        var text = ""
        try ChangeTable.streamText(
            events: events, series: table.series, windows: table.windows, rule: .next, color: false, sentences: false, vocabulary: .none,
            firstRows: 8, rowsPerBatch: 8, formatted: nil
        ) { text += $0 }
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let baseAt = DisplayWidth.columns(String(header[..<(try #require(header.range(of: "base "))).lowerBound]))
        let endAt = DisplayWidth.columns(String(header[..<(try #require(header.range(of: "end "))).lowerBound]))
        /// The text of `line` from display column `column` on.
        func from(_ column: Int, _ line: String) -> Substring {
            var seen = 0
            var index = line.startIndex
            while index < line.endIndex, seen < column {
                seen += DisplayWidth.columns(String(line[index]))
                index = line.index(after: index)
            }
            return line[index...]
        }
        let rows = lines.filter { $0.first?.isNumber == true }
        #expect(rows.count == 9 * 2 * 4)
        for row in rows {
            for column in [baseAt, endAt] {
                #expect(from(column, row).hasPrefix("2023-06-0") || from(column, row).hasPrefix("—"), "\(row)")
            }
        }
        #expect(rows.contains { from(baseAt, $0).hasPrefix("2023-06-08 10:14  4,273.81") })
    }
}
