import Testing
@testable import MarketLink

/// Daily returns at lag 1 in information time, by hand. A trades in New York (close 16:00
/// America/New_York, 21:00Z in January) Monday to Friday 2023-01-02 … 06, closes 100, 101, 103,
/// 106, 110; B in Shanghai (close 15:00 Asia/Shanghai, 07:00Z) on Monday, Tuesday, Thursday and
/// Friday (Wednesday a holiday), closes 10, 11, 12, 14.
@Suite struct InformationTimeTests {
    static func markets() throws -> (a: Series, b: Series) {
        let days = StudyData.weekdays(5)
        let a = try #require(Series(name: "A", days: days, closes: [100, 101, 103, 106, 110], market: MarketTable.nyse))
        let b = try #require(Series(name: "B", days: [days[0], days[1], days[3], days[4]], closes: [10, 11, 12, 14], market: MarketTable.sse))
        return (a, b)
    }

    /// A → B: the first B close after each A close is Tue, Thu, Thu, Fri, none; the last A session
    /// of each is Mon (→ Tue), Wed (→ Thu), Thu (→ Fri). Returns A: 103/100 − 1, 106/103 − 1;
    /// B: 12/11 − 1, 14/12 − 1 (Tuesday's A news and Wednesday's both reach B on Thursday).
    @Test func newYorkLeadingShanghai() throws {
        let (a, b) = try Self.markets()
        let returns = try #require(MarketCorrelation.nextCloseReturns(a, b, from: StudyData.day(0), to: StudyData.day(4)))
        expectClose(returns.first, [0.03, 106.0 / 103.0 - 1], relative: 1e-14)
        expectClose(returns.second, [12.0 / 11.0 - 1, 14.0 / 12.0 - 1], relative: 1e-14)
    }

    /// B → A: each B session closes before A's session of the same date, so every B session pairs
    /// with that A session: B 11/10 − 1, 12/11 − 1, 14/12 − 1 with A 101/100 − 1, 106/101 − 1,
    /// 110/106 − 1. A period from Tuesday leaves out the return that starts on Monday.
    @Test func shanghaiLeadingNewYork() throws {
        let (a, b) = try Self.markets()
        let returns = try #require(MarketCorrelation.nextCloseReturns(b, a, from: StudyData.day(0), to: StudyData.day(4)))
        expectClose(returns.first, [0.1, 12.0 / 11.0 - 1, 14.0 / 12.0 - 1], relative: 1e-14)
        expectClose(returns.second, [0.01, 106.0 / 101.0 - 1, 110.0 / 106.0 - 1], relative: 1e-14)
        let later = try #require(MarketCorrelation.nextCloseReturns(b, a, from: StudyData.day(1), to: StudyData.day(4)))
        expectClose(later.first, [12.0 / 11.0 - 1, 14.0 / 12.0 - 1], relative: 1e-14)
    }

    @Test func withoutAMarketThereAreNoCloseInstants() throws {
        let (a, _) = try Self.markets()
        let unknown = try #require(Series(name: "X", days: StudyData.weekdays(5), closes: [1, 2, 3, 4, 5]))
        #expect(unknown.market == nil)
        #expect(MarketCorrelation.nextCloseReturns(a, unknown, from: StudyData.day(0), to: StudyData.day(4)) == nil)
    }

    /// An event on Tuesday 2023-01-03 pairs A's Tuesday move (window 0:0, Mon → Tue) with B's
    /// first session closing after Tuesday's New York close: Thursday (B 11 → 12); reversed, B's
    /// Tuesday (10 → 11) with A's Tuesday (100 → 101).
    @Test func nextClosePairsTheSessionThatClosesFirstAfter() throws {
        let (a, b) = try Self.markets()
        let window = try #require(EventWindow(start: 0, end: 0))
        let correlation = MarketCorrelation(
            events: [StudyData.event("1", on: 1)], series: [a, b], window: window, pairings: [.nextClose])
        #expect(correlation.pairs.map { [$0.first, $0.second] } == [[0, 1], [1, 0]])
        let forward = try #require(correlation.pairs.first?.observations.first)
        #expect(forward.firstSession == StudyData.day(1) && forward.secondSession == StudyData.day(3))
        expectClose(forward.second.percent, 100 * (12.0 / 11.0 - 1), relative: 1e-12)
        let backward = try #require(correlation.pairs.last?.observations.first)
        #expect(backward.firstSession == StudyData.day(1) && backward.secondSession == StudyData.day(1))
        expectClose(backward.second.percent, 1, relative: 1e-12)
    }
}
