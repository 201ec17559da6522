import Foundation
import Testing

@testable import MarketLink

// fixtures/daily-edge/: the daily files that failed or misread on main (issue 13, items 3–5), one
// file per case, with expected.json worked out by derive_daily_edge.py (its own CSV reading and
// hand rules, every index close checked against fixtures/source/closes-2022-2023.txt). Each case
// is loaded through `PriceFile.load` and compared with what the derivation says: sessions, first
// and last session, the rows dropped (line and text), the close column, the index and market
// the name gives, the moves around the WTI crash, or the place and sense of the refusal.

@Suite struct DailyEdgeFixtureTests {
    static let folder = "fixtures/daily-edge/"

    /// expected.json's cases, by file (relative to the folder).
    static var expected: [String: [String: Any]] {
        let url = URL(fileURLWithPath: CLI.fixture(folder + "expected.json"))
        guard let data = try? Data(contentsOf: url), let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = root["cases"] as? [String: Any]
        else { return [:] }
        return cases.compactMapValues { $0 as? [String: Any] }
    }

    /// The year-10000 epoch file mixes minute bars (2023-06-07 13:30 UTC) with a stamp in year
    /// 10000; its expected place (line 4) assumes intraday reading (issue 13 item 1, branch
    /// `intraday`). A daily reader refuses its first bar (an instant, not a date) — tested below,
    /// with the year-10000 refusal on a daily file of its own.
    static let needsIntradayReading: Set<String> = ["numbers/year-10000-epoch.csv"]

    static let loading = expected.filter { $0.value["outcome"] as? String == "loads" }.map(\.key).sorted()
    static let refusing = expected.filter { $0.value["outcome"] as? String == "refused" }.map(\.key).sorted()
        .filter { !needsIntradayReading.contains($0) }

    @Test func everyFileHasItsCase() throws {
        #expect(Self.expected.count == 38)
        let files = try FileManager.default.subpathsOfDirectory(atPath: CLI.fixture(Self.folder)).filter { $0.hasSuffix(".csv") }
        #expect(Set(files) == Set(Self.expected.keys))
    }

    // MARK: - Files that load

    @Test(arguments: loading)
    func loads(_ name: String) throws {
        let case_ = try #require(Self.expected[name])
        let file = try PriceFile.load(path: CLI.fixture(Self.folder + name))
        try #require(file.series.count == 1, "\(name): \(file.series.map(\.name))")
        let series = file.series[0]
        #expect(series.count == case_["sessions"] as? Int, "\(name)")
        for (key, session) in [("first", 0), ("last", series.count - 1)] {
            let point = try #require(case_[key] as? [String: Any])
            #expect(series.day(at: session).iso == point["date"] as? String, "\(name) \(key)")
            #expect(series.close(at: session) == point["close"] as? Double, "\(name) \(key)")
        }
        let dropped = try #require(case_["dropped"] as? [[String: Any]])
        #expect(file.dropped.map(\.line) == dropped.compactMap { $0["line"] as? Int }, "\(name)")
        for (row, expected) in zip(file.dropped, dropped) {
            let text = try #require(expected["text"] as? String)
            #expect(row.reason.contains(text), "\(name): \(row.reason)")
        }
        if let close = case_["close_column"] as? String {
            // Taken as the close, not as a wide file's value column named after its header (main).
            #expect(file.closeColumns == [close], "\(name)")
            #expect(file.layout != .wide, "\(name)")
            #expect(series.name != close, "\(name)")
        }
        if let date = case_["date_column"] as? String { #expect(file.dateColumn == date, "\(name)") }
        if let mark = case_["decimal_mark"] as? String { #expect(file.decimalComma == (mark == ","), "\(name)") }
        if let layout = case_["layout"] as? String {
            // The descriptive layouts (`EODHD-style ...`) name none of DESIGN's; the others start with one.
            let named = PriceLayout.allCases.filter { layout.hasPrefix($0.rawValue) }.max { $0.rawValue.count < $1.rawValue.count }
            if let named { #expect(file.layout == named, "\(name): \(file.layout)") }
        }
        if let seriesName = case_["series_name"] as? String { #expect(series.name == seriesName, "\(name)") }
        if case_.keys.contains("index") { #expect(series.index?.name == case_["index"] as? String, "\(name)") }
        if let market = case_["market"] as? String {
            #expect(series.market?.id == market, "\(name)")
            #expect(series.market?.timeZoneIdentifier == case_["zone"] as? String, "\(name)")
            let close = try #require(series.market?.closeTime(on: series.day(at: 0)))
            #expect(String(format: "%02d:%02d", close.hour, close.minute) == case_["close_time"] as? String, "\(name)")
        }
    }

    /// The moves expected.json works out (WTI across zero, the `;` file with one grouped thousand),
    /// measured by the change table with a date-only event on t0.
    @Test(arguments: loading.filter { expected[$0]?["moves"] != nil })
    func moves(_ name: String) throws {
        let case_ = try #require(Self.expected[name])
        let file = try PriceFile.load(path: CLI.fixture(Self.folder + name))
        let series = try #require(file.series.first)
        for move in try #require(case_["moves"] as? [[String: Any]]) {
            let windowText = try #require(move["window"] as? String)
            let window = try EventWindow(parsing: windowText)
            let t0Text = try #require(move["t0"] as? String)
            let t0 = try #require(Day(iso: t0Text))
            let table = ChangeTable(events: [Event(id: "1", title: "t0", date: t0)], series: [series], windows: [window])
            let row = try #require(table.rows.first)
            let label = "\(name) \(window) on \(t0.iso)"
            let status = try #require(move["status"] as? String)
            guard status == "ok" else {
                #expect(row.status.rawValue == status, "\(label)")
                continue
            }
            #expect(row.base?.day.iso == move["base_date"] as? String, "\(label)")
            #expect(row.base?.close == move["base"] as? Double, "\(label)")
            #expect(row.end?.day.iso == move["end_date"] as? String, "\(label)")
            #expect(row.end?.close == move["end"] as? Double, "\(label)")
            let points = try #require(move["points"] as? Double)
            #expect(abs((row.points ?? .nan) - points) < 1e-9, "\(label)")
            if let percent = move["percent"] as? Double {
                #expect(row.status == .ok, "\(label)")
                #expect(abs((row.percent ?? .nan) - percent) < 1e-9, "\(label)")
                #expect(NumberFormat.string(row.percent ?? .nan, decimals: 2) == move["percent_2dp"] as? String, "\(label)")
            } else {
                // A base at or below 0: points, and a status in place of the percent.
                #expect(row.status == .noPercent, "\(label)")
                #expect(row.percent == nil, "\(label)")
                #expect(row.move != nil, "\(label)")
            }
        }
    }

    /// The sentence says the points and, from a base at or below 0, no percent (never `inf%` or `nan%`).
    @Test func sentencesAcrossZero() throws {
        let file = try PriceFile.load(path: CLI.fixture(Self.folder + "wti-may-2020-CLK20.csv"))
        let series = try #require(file.series.first)
        let crash = try #require(Move(series: series, baseSession: 0, endSession: 1))
        let rebound = try #require(Move(series: series, baseSession: 1, endSession: 2))
        let fell = MoveSentence.text(for: crash, in: series)
        #expect(fell.contains("fell 55.90 points, or 305.97%, to "), "\(fell)")
        let rose = MoveSentence.text(for: rebound, in: series)
        #expect(rose.contains("rose 47.64 points to 10.01 "), "\(rose)")
        #expect(!rose.contains("%"))
        #expect(MoveReport.text(for: rebound, in: series).contains("  percent     no-percent\n"))
    }

    // MARK: - Files that are refused

    @Test(arguments: refusing)
    func refused(_ name: String) throws {
        let case_ = try #require(Self.expected[name])
        let path = CLI.fixture(Self.folder + name)
        let error = #expect(throws: MarketLinkError.self, "\(name)") { try PriceFile.load(path: path) }
        let location = try #require(error?.location)
        #expect("\(location.line):\(location.column)" == case_["location"] as? String, "\(name): \(error?.description ?? "")")
        // The offending text, quoted, is in the message, which says what `message_like` says.
        let message = error?.reason.message ?? ""
        if let offending = case_["offending_text"] as? String { #expect(message.contains("\"\(offending)\""), "\(name): \(message)") }
        #expect(message == case_["message_like"] as? String, "\(name): \(message)")
    }

    @Test func anEpochStampAfter9999IsRefusedNotWrittenAsYear0000() throws {
        // 253402300800 s = 2932897 days = 10000-01-01T00:00:00Z (9999-12-31 is day 2932896).
        let text = "timestamp,close\n1686096000,4283.85\n253402300800,4284.93\n"
        let error = #expect(throws: MarketLinkError.self) { try PriceFile.load(bytes: Array(text.utf8), file: "p.csv") }
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 1)
        #expect(error?.reason == .dateYearOutOfRange("253402300800", reading: "10000-01-01T00:00:00Z"))
    }

    /// The fixture's minute bars are read as intraday bars; its last stamp, 253402300800 epoch
    /// seconds (the column's unit, set by its first stamp), is 10000-01-01 and refused at 4:1.
    @Test func anEpochBarAfter9999IsRefusedWithItsYear() throws {
        let path = CLI.fixture(Self.folder + "numbers/year-10000-epoch.csv")
        let error = #expect(throws: MarketLinkError.self) { try PriceFile.load(path: path) }
        #expect(error?.location?.line == 4)
        #expect(error?.location?.column == 1)
        #expect(error?.reason == .dateYearOutOfRange("253402300800", reading: "10000-01-01T00:00:00Z"))
    }
}
