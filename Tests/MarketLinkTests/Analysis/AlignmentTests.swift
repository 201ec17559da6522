import Foundation
import Testing
@testable import MarketLink

/// Alignment of events to sessions, on weekday calendars built here (no holidays unless stated).
@Suite struct AlignmentTests {
    /// Sessions on every weekday from `from` to `to`, closes 100, 101, ...
    static func weekdays(_ name: String, from: String, to: String, market: Market?) throws -> Series {
        var days: [Day] = []
        var day = try #require(Day(iso: from))
        let last = try #require(Day(iso: to))
        while day <= last {
            if !day.isWeekend { days.append(day) }
            day = day.adding(days: 1)
        }
        return try #require(Series(name: name, days: days, closes: days.indices.map { 100 + Double($0) }, market: market))
    }

    static func instant(_ iso: String) throws -> Double {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return try #require(formatter.date(from: iso)).timeIntervalSince1970
    }

    func t0(_ event: Event, _ series: Series, _ rule: AlignmentRule = .next) -> Day? {
        Alignment.eventSession(for: event, in: series, rule: rule).index.map { series.day(at: $0) }
    }

    @Test func dateOnlyRules() throws {
        let ny = try Self.weekdays("DJIA", from: "2023-05-01", to: "2023-06-30", market: MarketTable.nyse)
        // 2023-05-20 is a Saturday, 2023-05-21 a Sunday.
        let saturday = Event(id: "1", title: "G7", date: try #require(Day(iso: "2023-05-20")))
        #expect(t0(saturday, ny) == Day(iso: "2023-05-22"))
        #expect(t0(saturday, ny, .previous) == Day(iso: "2023-05-19"))
        #expect(Alignment.eventSession(for: saturday, in: ny, rule: .exact) == .noSession)
        let before = Event(id: "2", title: "old", date: try #require(Day(iso: "2023-01-01")))
        #expect(Alignment.eventSession(for: before, in: ny) == .beforeData)
        let after = Event(id: "3", title: "new", date: try #require(Day(iso: "2023-07-03")))
        #expect(Alignment.eventSession(for: after, in: ny) == .afterData)
    }

    @Test func beijingMorningIsThursdayInShanghaiAndNewYork() throws {
        let ny = try Self.weekdays("DJIA", from: "2023-06-01", to: "2023-06-30", market: MarketTable.nyse)
        let sh = try Self.weekdays("SSE", from: "2023-06-01", to: "2023-06-30", market: MarketTable.sse)
        // Thursday 2023-06-08 10:00 in Beijing = Wednesday 22:00 in New York (EDT), after Wednesday's 16:00 close.
        let event = Event(id: "1", title: "t", date: try #require(Day(iso: "2023-06-08")), instant: try Self.instant("2023-06-08T10:00:00+08:00"))
        #expect(t0(event, sh) == Day(iso: "2023-06-08"))
        #expect(t0(event, ny) == Day(iso: "2023-06-08"))
        // previous: the last close at or before the event — Wednesday in both.
        #expect(t0(event, sh, .previous) == Day(iso: "2023-06-07"))
        #expect(t0(event, ny, .previous) == Day(iso: "2023-06-07"))
    }

    @Test func eveningInNewYorkIsTheNextSession() throws {
        let ny = try Self.weekdays("DJIA", from: "2023-06-01", to: "2023-06-30", market: MarketTable.nyse)
        // Wednesday 2023-06-07 17:00 EDT is after that day's 16:00 close.
        let event = Event(id: "1", title: "t", date: try #require(Day(iso: "2023-06-07")), instant: try Self.instant("2023-06-07T17:00:00-04:00"))
        #expect(t0(event, ny) == Day(iso: "2023-06-08"))
        // 15:59 the same day is before the close.
        let early = Event(id: "2", title: "t", date: try #require(Day(iso: "2023-06-07")), instant: try Self.instant("2023-06-07T15:59:00-04:00"))
        #expect(t0(early, ny) == Day(iso: "2023-06-07"))
        #expect(t0(early, ny, .exact) == Day(iso: "2023-06-07"))
    }

    @Test func daylightSavingChangeMovesTheCloseInstant() throws {
        let ny = try Self.weekdays("DJIA", from: "2023-03-01", to: "2023-03-31", market: MarketTable.nyse)
        // US clocks went forward on Sunday 2023-03-12. Monday 2023-03-13 closes at 16:00 EDT = 20:00 UTC.
        // 16:30 EDT (20:30 UTC) is after that close, although it is before 16:00 EST (21:00 UTC).
        let afterClose = Event(id: "1", title: "t", date: try #require(Day(iso: "2023-03-13")), instant: try Self.instant("2023-03-13T20:30:00Z"))
        #expect(t0(afterClose, ny) == Day(iso: "2023-03-14"))
        // Friday 2023-03-10 closes at 16:00 EST = 21:00 UTC; 20:30 UTC is before it.
        let friday = Event(id: "2", title: "t", date: try #require(Day(iso: "2023-03-10")), instant: try Self.instant("2023-03-10T20:30:00Z"))
        #expect(t0(friday, ny) == Day(iso: "2023-03-10"))
        // Friday 16:30 EST is after Friday's close: the next session is Monday.
        let fridayLate = Event(id: "3", title: "t", date: try #require(Day(iso: "2023-03-10")), instant: try Self.instant("2023-03-10T16:30:00-05:00"))
        #expect(t0(fridayLate, ny) == Day(iso: "2023-03-13"))
    }

    @Test func timedEventWithoutAMarketIsReported() throws {
        let unknown = try Self.weekdays("my-series", from: "2023-06-01", to: "2023-06-30", market: nil)
        #expect(unknown.market == nil)
        let event = Event(id: "1", title: "t", date: try #require(Day(iso: "2023-06-08")), instant: try Self.instant("2023-06-08T10:00:00+08:00"))
        #expect(Alignment.eventSession(for: event, in: unknown) == .noMarket)
    }

    @Test func tokyoCloseChangedIn2024() throws {
        // 15:15 JST is after the 15:00 close before 2024-11-05 and before the 15:30 close from then on.
        let tokyo = try Self.weekdays("^N225", from: "2024-10-28", to: "2024-11-15", market: MarketTable.tse)
        let old = Event(id: "1", title: "t", date: try #require(Day(iso: "2024-11-01")), instant: try Self.instant("2024-11-01T15:15:00+09:00"))
        #expect(t0(old, tokyo) == Day(iso: "2024-11-04"))
        let new = Event(id: "2", title: "t", date: try #require(Day(iso: "2024-11-06")), instant: try Self.instant("2024-11-06T15:15:00+09:00"))
        #expect(t0(new, tokyo) == Day(iso: "2024-11-06"))
    }

    @Test func t0NeverDecreasesAsTheEventDateIncreases() throws {
        let ny = try Self.weekdays("DJIA", from: "2023-01-02", to: "2023-12-29", market: MarketTable.nyse)
        for rule in AlignmentRule.allCases where rule != .exact {
            var previous = -1
            var day = try #require(Day(iso: "2023-01-02"))
            while day <= Day(iso: "2023-12-29")! {
                let index = try #require(Alignment.eventSession(for: Event(id: "x", title: "x", date: day), in: ny, rule: rule).index)
                #expect(index >= previous)
                previous = index
                day = day.adding(days: 1)
            }
        }
    }

    /// `firstSession(onOrAfter:)`, `lastSession(onOrBefore:)` and the walk's
    /// `firstSession(onOrAfter:from:)` (from every start at or before the answer, as a walk in
    /// date order calls it) against a scan of the days from the start, for series of 1 to 40
    /// sessions with gaps of 1 to 4 days and every target day from before the first session to
    /// after the last: the edges of the search and of the walk are checked, not trusted.
    @Test func sessionSearchMatchesAScan() throws {
        var random = SeededGenerator(seed: 12)
        for count in 1...40 {
            for _ in 0..<5 {
                var days: [Day] = []
                var day = try #require(Day(iso: "2020-01-06"))
                for _ in 0..<count {
                    days.append(day)
                    day = day.adding(days: random.int(1...4))
                }
                let series = try #require(Series(name: "S", days: days, closes: days.map { _ in 100 }))
                let first = days[0].ordinal, last = days[days.count - 1].ordinal
                for target in (first - 3)...(last + 3) {
                    let scanned = days.firstIndex { $0.ordinal >= target } ?? days.count
                    let before = days.lastIndex { $0.ordinal <= target } ?? -1
                    #expect(series.firstSession(onOrAfter: Day(ordinal: target)) == scanned, "\(count) sessions, day \(target)")
                    #expect(series.lastSession(onOrBefore: Day(ordinal: target)) == before, "\(count) sessions, day \(target)")
                    for start in 0...scanned {
                        #expect(
                            series.firstSession(onOrAfter: Day(ordinal: target), from: start) == scanned,
                            "\(count) sessions, day \(target), from \(start)")
                    }
                }
            }
        }
    }
}
