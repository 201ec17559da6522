import Foundation
import Testing

@testable import MarketLink

/// `mlink chart` with a minute window on the committed intraday fixture (fixtures/intraday/, see
/// its README): event 1, 2023-06-08 10:14 New York time, on the S&P 500 one-minute bars of
/// `spx-1m-date-time.csv`, window −30m:30m. The base is the price at 09:44, the close of the bar
/// labelled 09:43 (4270.46); the end that at 10:44, the close of the bar labelled 10:43 (4260.89),
/// as `grep -E '^2023-06-08,(09:43|10:43),' fixtures/intraday/spx-1m-date-time.csv` shows.
@Suite struct MinuteChartCommandTests {
    @Test func aTimedEventOnIntradayBarsIsDrawnOnATimeAxisWithItsMarkers() throws {
        let outcome = try CLIRunner.run([
            "chart", "--events", "fixtures/intraday/events-intraday.csv", "SPX=fixtures/intraday/spx-1m-date-time.csv", "--event", "1",
            "--window", "-30m:30m",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let parsed = ParsedXML(outcome.stdout)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let texts = parsed.all("text").map(\.text)
        // Clock-time ticks in New York time, the date under the first.
        for tick in ["09:45", "10:00", "10:15", "10:30"] { #expect(texts.contains(tick), "no tick \(tick)") }
        #expect(texts.contains("Thu Jun 8"))
        #expect(!texts.contains { $0.hasPrefix("2023-") || $0 == "Jun 2023" }, "a daily axis label")
        // The announcement in the words of the minute sentence, the base and the end with their prices.
        #expect(texts.contains("10:14 a.m. announcement"))
        #expect(texts.contains("Base 4,270.46"))
        #expect(texts.contains("End 4,260.89"))
        // One line: the price at 09:44 and at each bar end 09:45 … 10:44, 61 values.
        #expect(parsed.all("desc").contains { $0.text.contains("SPX: 61 values from 2023-06-08 09:44 to 2023-06-08 10:44") })
    }
}
