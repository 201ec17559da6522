import Foundation
import Testing

@testable import MarketLink

/// Intraday reading beyond the fixtures: what makes a file intraday, stamps, zones, errors, the
/// minute windows' text and the minute sentence.
@Suite struct IntradayReadingTests {
    static func load(_ text: String, name: String = "bars.csv", options: PriceLoadOptions = .init()) throws(MarketLinkError) -> PriceFile {
        try PriceFile.load(bytes: Array(text.utf8), file: name, options: options)
    }

    @Test(arguments: [
        // A daily file whose dates carry a time (Google Sheets, Bloomberg) stays daily.
        "Date,Close\n5/11/2018 16:00:00,2723.07\n5/14/2018 16:00:00,2730.13\n5/15/2018 16:00:00,2711.45\n",
        "Date,PX_LAST\n2000-01-03 00:00:00,1455.22\n2000-01-04 00:00:00,1399.42\n",
        "Date,Close\n2023-06-07,4267.52\n2023-06-08,4293.93\n",
    ])
    func dailyFilesWithTimesStayDaily(_ text: String) throws {
        let file = try Self.load(text)
        #expect(file.series.first?.intraday == nil)
        #expect(!file.notes.contains(IntradayBars.dailyViewNote))
    }

    @Test func anOffsetGivesTheInstantAndTheDailyViewIsTheLastBar() throws {
        // 2023-06-08 09:30-04:00 is 13:30Z; three 30-minute bars, the last closes the session at 11:00.
        let file = try Self.load(
            "Datetime,Close\n2023-06-08 09:30:00-04:00,10\n2023-06-08 10:00:00-04:00,11\n2023-06-08 10:30:00-04:00,12.5\n")
        let series = try #require(file.series.first)
        let bars = try #require(series.intraday)
        #expect(bars.count == 3)
        #expect(bars.barSeconds == 1800)
        #expect(bars.start(at: 0) == 1_686_231_000)  // 2023-06-08T13:30:00Z
        #expect(series.count == 1)
        #expect(series.close(at: 0) == 12.5)
        #expect(bars.zoneIdentifier == "-04:00")  // no market known: the data's own offset
        // The price at an instant is the close of the last bar ending at or before it.
        #expect(bars.price(at: 1_686_231_000 + 1800) == 10)
        #expect(bars.price(at: 1_686_231_000 + 1799) == nil)
        #expect(bars.price(at: 1_686_231_000 + 5400) == 12.5)
        #expect(bars.price(at: 1_686_231_000 + 5401) == nil)
    }

    @Test func wallClockTimesWithoutAMarketOrZoneAreRefused() {
        #expect(throws: MarketLinkError.self) {
            try Self.load("Datetime,Close\n2023-06-08 09:30:00,10\n2023-06-08 09:31:00,11\n")
        }
        do {
            _ = try Self.load("Datetime,Close\n2023-06-08 09:30:00,10\n2023-06-08 09:31:00,11\n")
        } catch {
            #expect(error.reason == .intradayZoneUnknown(series: "bars"))
            #expect(error.location?.line == 2)
            #expect(error.location?.column == 1)
        }
        // The error points at the first stamp written without an offset, not at the file.
        do {
            _ = try Self.load("Datetime,Close\n2023-06-08 09:30:00-04:00,10\n2023-06-08 09:31:00,11\n")
            Issue.record("a wall-clock stamp after offset stamps was read without a zone")
        } catch {
            #expect(error.reason == .intradayZoneUnknown(series: "bars"))
            #expect(error.location?.line == 3)
        }
    }

    @Test func aGivenZoneReadsWallClockTimes() throws {
        var options = PriceLoadOptions()
        options.timeZone = "Asia/Shanghai"
        let file = try Self.load("Datetime,Close\n2023-06-08 09:30:00,10\n2023-06-08 09:31:00,11\n", options: options)
        let bars = try #require(file.series.first?.intraday)
        #expect(bars.start(at: 0) == 1_686_187_800)  // 2023-06-08T01:30:00Z
        #expect(bars.isoText(bars.end(at: 1)) == "2023-06-08T09:32:00+08:00")
    }

    @Test func aDuplicateBarTimeNamesBothLines() {
        do {
            _ = try Self.load("Datetime,Close\n2023-06-08 09:30:00Z,10\n2023-06-08 09:31:00Z,11\n2023-06-08 09:31:00Z,12\n")
            Issue.record("loaded")
        } catch {
            #expect(error.reason == .barTimeNotIncreasing("2023-06-08 09:31:00Z", firstLine: 3, duplicate: true))
            #expect(error.location?.line == 4)
        }
    }

    @Test func newestFirstBarsAreSorted() throws {
        let file = try Self.load("Datetime,Close\n2023-06-08 09:32:00Z,12\n2023-06-08 09:31:00Z,11\n2023-06-08 09:30:00Z,10\n")
        #expect(file.newestFirst)
        #expect(file.series.first?.close(at: 0) == 12)
        #expect(file.series.first?.intraday?.close(at: 0) == 10)
    }

    @Test(arguments: [
        ("-30m:60m", -30, 60, "-30m:60m"), ("0m:15m", 0, 15, "0m:15m"), ("-1h:2h", -60, 120, "-1h:2h"), ("-30m:1h", -30, 60, "-30m:60m"),
    ])
    func minuteWindowsParse(_ text: String, _ start: Int, _ end: Int, _ shown: String) throws {
        let window = try EventWindow(parsing: text)
        #expect(window.unit == .minutes)
        #expect(window.start == start)
        #expect(window.end == end)
        #expect(window.description == shown)
    }

    @Test(arguments: ["30m:-30m", "-30:60m", "1d:2d", "m:5m"])
    func badMinuteWindowsAreRefused(_ text: String) {
        #expect(throws: MarketLinkError.self) { try EventWindow(parsing: text) }
    }

    @Test func sessionWindowsStaySessionWindows() throws {
        let window = try EventWindow(parsing: "-1:1")
        #expect(window.unit == .sessions)
        #expect(!window.isMinuteWindow)
    }

    /// The sentences of fixtures/intraday/expected.json (`sentences`, window `0m:30m`).
    @Test(arguments: [
        ("spx-1m-date-time.csv", "SPX", "2023-06-08T14:14:00Z", "The S&P 500 fell 0.30% in the 30 minutes after the 10:14 a.m. announcement, to 4,260.89."),
        (
            "sse-1m-yfinance.csv", nil, "2023-06-08T02:00:00Z",
            "The Shanghai Composite rose 0.36% in the 30 minutes after the 10:00 a.m. announcement, to 3,211.13."
        ),
    ])
    func theMinuteSentence(_ fixture: String, _ name: String?, _ utc: String, _ sentence: String) throws {
        let file = try PriceFile.load(path: CLI.fixture("fixtures/intraday/" + fixture), options: PriceLoadOptions(name: name))
        let series = try #require(file.series.first)
        let bars = try #require(series.intraday)
        let u = try #require(ISO8601DateFormatter().date(from: utc)).timeIntervalSince1970
        let move = try #require(bars.minuteMove(window: try EventWindow(parsing: "0m:30m"), eventInstant: u))
        #expect(MinuteMoveSentence.text(for: move, bars: bars, series: series) == sentence)
    }

    @Test func aMovedEventSaysWhereItWasMeasuredFrom() throws {
        let file = try PriceFile.load(path: CLI.fixture("fixtures/intraday/spx-1m-date-time.csv"), options: PriceLoadOptions(name: "SPX"))
        let series = try #require(file.series.first)
        let bars = try #require(series.intraday)
        // Event 4: 2023-06-07 17:05 New York (21:05Z), after the close: measured from 09:30 the next day.
        let move = try #require(bars.minuteMove(window: try EventWindow(parsing: "0m:60m"), eventInstant: 1_686_171_900))
        #expect(
            MinuteMoveSentence.text(for: move, bars: bars, series: series)
                == "The S&P 500 fell 0.10% in the hour after the 5:05 p.m. announcement (measured from 9:30 a.m., after the close), to 4,263.28.")
    }
}

/// `mlink inspect` on intraday bars, end to end: the zone from `--tz`, and the refusal without it.
@Suite struct IntradayInspectCLITests {
    @Test func inspectShowsBarsZoneAndSessions() throws {
        let result = try CLI.run(["inspect", "--tz", "America/New_York", "fixtures/intraday/headerless-1m.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bars     780 one-minute bars (60 s); times are bar starts"))
        #expect(result.stdout.contains("zone     no offset in the data: wall-clock time in America/New_York, the zone given"))
        #expect(result.stdout.contains("session  2023-06-08: 390 bars, 09:30–16:00"))
        let sse = try CLI.run(["inspect", "--bar-label", "end", "000001.SS=fixtures/intraday/sse-1m-end-labelled.csv"])
        #expect(sse.stdout.contains("session  2023-06-07: 240 bars, 09:30–11:30, 13:00–15:00; gap 11:30–13:00"), "\(sse.stdout)")
    }

    @Test func withoutAZoneTheFileIsRefusedNamingTz() throws {
        let result = try CLI.run(["inspect", "fixtures/intraday/headerless-1m.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--tz"))
    }
}
