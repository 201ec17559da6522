import Foundation
import Testing

@testable import MarketLink

/// The intraday fixtures against `fixtures/intraday/expected.json`, which
/// `fixtures/intraday/derive_intraday.py` works out from the files with a reader of its own and
/// the IANA zone database (no MarketLink code): bar counts, bar length, first and last instants,
/// sessions, trading periods and gaps, the daily view, and for every timed event the base and
/// end prices of each minute window.
@Suite struct IntradayFixtureTests {
    typealias Object = [String: Any]

    nonisolated(unsafe) static let expected: Object = {
        guard let data = FileManager.default.contents(atPath: CLI.fixture("fixtures/intraday/expected.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? Object
        else { return [:] }
        return object
    }()

    static var files: Object { expected["files"] as? Object ?? [:] }
    static let fileNames: [String] = files.keys.sorted()

    /// Which file's bars each `minute_windows` entry describes.
    static let barsFiles: [(bars: String, file: String)] = [
        ("spx-1m", "spx-1m-yfinance.csv"), ("spx-1m", "spx-1m-date-time.csv"), ("spx-1m", "spx-1m-epoch-s.csv"),
        ("spx-1m", "spx-1m-epoch-ms.csv"), ("spx-1m", "headerless-1m.csv"), ("spx-1m", "spx-1m-metatrader.csv"),
        ("spx-5m", "spx-5m-yfinance.csv"), ("sse-1m", "sse-1m-yfinance.csv"), ("sse-1m", "sse-1m-end-labelled.csv"),
    ]

    /// Loads a fixture the way its `mlink_arguments` say (`--tz`, `--bar-label`, `NAME=path`).
    static func load(_ name: String) throws -> PriceFile {
        let arguments = (files[name] as? Object)?["mlink_arguments"] as? [String] ?? []
        var options = PriceLoadOptions()
        var path = ""
        var k = 0
        while k < arguments.count {
            switch arguments[k] {
            case "--tz":
                options.timeZone = arguments[k + 1]
                k += 1
            case "--bar-label":
                options.barLabel = BarLabel(rawValue: arguments[k + 1]) ?? .start
                k += 1
            default:
                let parts = arguments[k].split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { (options.name, path) = (parts[0], parts[1]) } else { path = arguments[k] }
            }
            k += 1
        }
        return try PriceFile.load(path: CLI.fixture(path), options: options)
    }

    static func instant(_ iso: Any?) -> Double? {
        guard let text = iso as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)?.timeIntervalSince1970
    }

    @Test func theExpectationsAreThere() {
        #expect(Self.fileNames.count == 9)
        #expect((Self.expected["minute_windows"] as? Object)?.count == 3)
    }

    @Test(arguments: fileNames)
    func barsSessionsAndZone(_ name: String) throws {
        let expected = try #require(Self.files[name] as? Object)
        let file = try Self.load(name)
        let series = try #require(file.series.first)
        let bars = try #require(series.intraday, "\(name) read as daily")
        #expect(file.series.count == 1)
        #expect(series.name == expected["series_name"] as? String)
        #expect(bars.count == expected["bar_count"] as? Int)
        #expect(bars.barSeconds == expected["bar_seconds"] as? Int)
        #expect(bars.label.rawValue == expected["bar_label"] as? String)
        #expect(bars.zoneIdentifier == expected["zone"] as? String)
        let first = try #require(expected["first_bar"] as? Object)
        let last = try #require(expected["last_bar"] as? Object)
        #expect(bars.start(at: 0) == Self.instant(first["start_utc"]))
        #expect(bars.end(at: bars.count - 1) == Self.instant(last["end_utc"]))
        #expect(abs(bars.close(at: 0) - (first["close"] as? Double ?? .nan)) < 0.0005)
        #expect(bars.isoText(bars.start(at: 0)) == first["start_local"] as? String)

        let sessions = try #require(expected["sessions"] as? [Object])
        #expect(series.count == sessions.count)
        for (s, session) in sessions.enumerated() where s < series.count {
            #expect(series.day(at: s).iso == session["date"] as? String)
            #expect(bars.bars(ofSession: s).count == session["bars"] as? Int)
            #expect(bars.closeInstant(ofSession: s) == Self.instant(session["close_utc"]))
            let periods = bars.tradingPeriods(ofSession: s).map { [bars.clockText($0.start), bars.clockText($0.end)] }
            #expect(periods == session["trading_periods_local"] as? [[String]])
        }
        // The daily view is the last bar of each session: the real closes.
        let daily = try #require(expected["daily_view"] as? [Object])
        #expect(daily.count == series.count)
        for (s, day) in daily.enumerated() where s < series.count {
            #expect(abs(series.close(at: s) - (day["close"] as? Double ?? .nan)) < 0.0005, "\(name) \(s)")
        }
        #expect(file.notes.contains(IntradayBars.dailyViewNote))
    }

    @Test(arguments: barsFiles.map { "\($0.bars) \($0.file)" })
    func minuteWindowsOfEveryEvent(_ pair: String) throws {
        let parts = pair.split(separator: " ").map(String.init)
        let (key, name) = (parts[0], parts[1])
        let file = try Self.load(name)
        let bars = try #require(file.series.first?.intraday)
        let cases = try #require((Self.expected["minute_windows"] as? Object)?[key] as? [Object])
        #expect(cases.count == 9)
        for event in cases {
            let id = event["event_id"] as? String ?? "?"
            let u = try #require(Self.instant(event["event_utc"]))
            let placement = bars.placement(of: u)
            #expect(placement.measuredFrom == Self.instant(event["measured_from_utc"]), "event \(id)")
            #expect(placement.moved?.rawValue == event["moved_reason"] as? String, "event \(id)")
            let windows = try #require(event["windows"] as? Object)
            for (text, value) in windows {
                let expected = try #require(value as? Object)
                let window = try EventWindow(parsing: text)
                let move = try #require(bars.minuteMove(window: window, eventInstant: u))
                let label = "\(name) event \(id) \(text)"
                #expect(move.status.rawValue == expected["status"] as? String, "\(label)")
                if let base = expected["base"] as? Double {
                    #expect(abs((move.base?.close ?? .nan) - base) < 0.0005, "\(label) base")
                    #expect(move.base?.instant == Self.instant(expected["base_at_utc"]), "\(label) base instant")
                    #expect(move.base?.barEnd.map(bars.isoText) == expected["base_bar_end_local"] as? String, "\(label) base bar")
                }
                if let end = expected["end"] as? Double {
                    #expect(abs((move.end?.close ?? .nan) - end) < 0.0005, "\(label) end")
                    #expect(move.end?.instant == Self.instant(expected["end_at_utc"]), "\(label) end instant")
                }
                if let percent = expected["percent"] as? Double {
                    #expect(abs((move.percent ?? .nan) - percent) < 2e-5, "\(label) percent")
                    #expect(abs((move.points ?? .nan) - (expected["points"] as? Double ?? .nan)) < 0.001, "\(label) points")
                } else {
                    #expect(move.percent == nil, "\(label)")
                }
            }
        }
    }

    @Test(arguments: barsFiles.map { "\($0.bars) \($0.file)" })
    func sessionWindowsUseTheLastBarOfEachSession(_ pair: String) throws {
        let parts = pair.split(separator: " ").map(String.init)
        let (key, name) = (parts[0], parts[1])
        let series = try #require(try Self.load(name).series.first)
        let expected = try #require(((Self.expected["session_windows_from_intraday"] as? Object)?[key] as? Object)?["timed"] as? [Object])
        let events = try #require(Self.expected["events"] as? [Object])
        let made = try events.map { item in
            let u = try #require(Self.instant(item["utc"]))
            let day = try #require(Day(iso: String((item["local"] as? String ?? "").prefix(10))))
            return Event(id: item["id"] as? String ?? "", title: "", date: day, instant: u)
        }
        let table = ChangeTable(events: made, series: [series], windows: [EventWindow(uncheckedStart: 0, end: 0)])
        #expect(table.rows.count == expected.count)
        for (row, want) in zip(table.rows, expected) {
            let label = "\(name) event \(want["event_id"] as? String ?? "?")"
            #expect(row.status.rawValue == want["status"] as? String, "\(label)")
            #expect(row.eventSession?.day.iso == want["t0"] as? String, "\(label) t0")
            if let base = want["base"] as? Double { #expect(abs((row.base?.close ?? .nan) - base) < 0.0005, "\(label)") }
            if let end = want["end"] as? Double { #expect(abs((row.end?.close ?? .nan) - end) < 0.0005, "\(label)") }
        }
    }
}
