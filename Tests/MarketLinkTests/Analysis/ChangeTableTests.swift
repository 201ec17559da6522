import Foundation
import Testing
@testable import MarketLink

/// The change table on the real DJIA (FRED layout) and SSE (Investing.com Chinese layout) fixtures.
/// Expected closes are the published closes in fixtures/source/closes-2022-2023.txt.
@Suite struct ChangeTableTests {
    static func load(_ path: String) throws -> Series {
        let file = try PriceFile.load(path: CLIRunner.fixture(path))
        return try #require(file.series.first)
    }

    static func event(_ id: String, _ date: String) throws -> Event {
        Event(id: id, title: "event \(id)", date: try #require(Day(iso: date)))
    }

    @Test func djiaAroundTheXieFengSpeech() throws {
        let djia = try Self.load("fixtures/djia.csv")
        let window = try EventWindow(parsing: "0:1")
        let table = ChangeTable(events: [try Self.event("11", "2023-06-07")], series: [djia], windows: [window])
        let row = try #require(table.rows.first)
        #expect(row.status == .ok)
        #expect(row.base?.day == Day(iso: "2023-06-06"))
        #expect(row.base?.close == 33573.28)
        #expect(row.end?.day == Day(iso: "2023-06-08"))
        #expect(row.end?.close == 33833.61)
        // 33833.61 − 33573.28 = 260.33; 260.33 / 33573.28 = 0.0077540... → 0.78%.
        #expect(abs(try #require(row.points) - 260.33) < 1e-9)
        #expect(NumberFormat.string(try #require(row.percent), decimals: 2) == "0.78")
    }

    @Test func sseAroundThePoliticoReport() throws {
        let sse = try Self.load("fixtures/sse.csv")
        let table = ChangeTable(events: [try Self.event("12", "2023-06-08")], series: [sse], windows: [try EventWindow(parsing: "0:1")])
        let row = try #require(table.rows.first)
        #expect(row.base?.day == Day(iso: "2023-06-07"))
        #expect(row.base?.close == 3197.76)
        #expect(row.end?.day == Day(iso: "2023-06-09"))
        #expect(row.end?.close == 3231.41)
        // 3231.41 − 3197.76 = 33.65; 33.65 / 3197.76 = 0.010523... → 1.05%.
        #expect(abs(try #require(row.points) - 33.65) < 1e-9)
        #expect(NumberFormat.string(try #require(row.percent), decimals: 2) == "1.05")
    }

    @Test func weekendEventsAlignNextAndNotExact() throws {
        let djia = try Self.load("fixtures/djia.csv")
        let sse = try Self.load("fixtures/sse.csv")
        // 2023-05-20 (Saturday, G7 statement) and 2023-05-21 (Sunday, Micron review): both open on Monday 05-22.
        let events = [try Self.event("6", "2023-05-20"), try Self.event("7", "2023-05-21")]
        let next = ChangeTable(events: events, series: [djia, sse], windows: [try EventWindow(parsing: "0:0")])
        for row in next.rows {
            #expect(row.status == .ok)
            #expect(row.eventSession?.day == Day(iso: "2023-05-22"))
            #expect(row.base?.day == Day(iso: "2023-05-19"))
        }
        // DJIA 05-19 33426.63 → 05-22 33286.58: −140.05 points.
        #expect(abs(try #require(next.rows[0].points) - -140.05) < 1e-9)
        let exact = ChangeTable(events: events, series: [djia, sse], windows: [try EventWindow(parsing: "0:0")], rule: .exact)
        #expect(exact.rows.allSatisfy { $0.status == .noSession })
    }

    @Test func windowsThatRunOffTheDataHaveAStatus() throws {
        let djia = try Self.load("fixtures/djia.csv")
        // The data run 2022-06-01 ... 2023-06-30.
        let events = [
            try Self.event("a", "2022-06-01"), try Self.event("b", "2023-06-30"), try Self.event("c", "2021-01-04"),
            try Self.event("d", "2023-07-05"),
        ]
        let table = ChangeTable(events: events, series: [djia], windows: [try EventWindow(parsing: "0:0"), try EventWindow(parsing: "-1:1")])
        #expect(table.rows.map(\.status) == [.noBase, .noBase, .ok, .noEnd, .beforeData, .beforeData, .afterData, .afterData])
        // Every event × series × window has a row.
        #expect(table.rows.count == 8)
        // No number is printed where the status is not ok.
        #expect(table.rows[0].points == nil)
        // 2023-06-30 [0,0]: 06-29 34122.42 → 06-30 34407.60.
        #expect(abs(try #require(table.rows[2].points) - 285.18) < 1e-9)
    }

    @Test(arguments: ["5:1", "a:b", "1", "0:", "100001:100002"])
    func badWindows(text: String) {
        #expect(throws: MarketLinkError.self) { try EventWindow(parsing: text) }
    }

    @Test func logReturnsOfAdjacentWindowsAddUp() throws {
        let djia = try Self.load("fixtures/djia.csv")
        let windows = [try EventWindow(parsing: "-3:0"), try EventWindow(parsing: "1:4"), try EventWindow(parsing: "-3:4")]
        let events = try ["2022-09-13", "2023-01-31", "2023-03-10", "2023-05-25"].map { try Self.event($0, $0) }
        let table = ChangeTable(events: events, series: [djia], windows: windows)
        for e in events.indices {
            let rows = table.rows(event: e, series: 0)
            let parts = try rows.prefix(2).map { try #require($0.logReturn) }
            let whole = try #require(rows[rows.startIndex + 2].logReturn)
            #expect(abs(parts[0] + parts[1] - whole) < 1e-12)
        }
    }
}
