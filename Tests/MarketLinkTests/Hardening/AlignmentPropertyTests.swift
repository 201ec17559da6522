import Foundation
import Testing

@testable import MarketLink

/// t0 over generated events (fixed seed), for timed events as well as date-only ones (the
/// date-only `next`/`previous` sweep is in `AlignmentTests`).
///
/// For a timed event at instant u (DESIGN §2): `next` is the first session whose close instant is
/// after u, `previous` the last whose close is at or before u. Both are monotone: a later event
/// never gets an earlier session. The close instants here are computed independently of
/// `Market.closeInstant`, with Foundation's `Calendar` in the market's zone (date, close hour and
/// minute → `Date`), across the US and European daylight-saving changes of 2023–2024 and Tokyo's
/// 15:00 → 15:30 change on 2024-11-05.
@Suite struct AlignmentPropertyTests {
    static func weekdays(_ name: String, market: Market) throws -> Series {
        var days: [Day] = []
        var day = try #require(Day(iso: "2023-01-02"))
        let last = try #require(Day(iso: "2024-12-31"))
        while day <= last {
            if !day.isWeekend { days.append(day) }
            day = day.adding(days: 1)
        }
        return try #require(Series(name: name, days: days, closes: days.indices.map { 100 + Double($0) }, market: market))
    }

    /// The close of session `day` in `market` by Foundation's calendar arithmetic.
    static func closeInstant(_ day: Day, _ market: Market) throws -> Double {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: market.timeZoneIdentifier))
        let close = market.closeTime(on: day)
        let (year, month, dayOfMonth) = day.components
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: close.hour, minute: close.minute)
        return try #require(calendar.date(from: components)).timeIntervalSince1970
    }

    static let markets: [(String, Market)] = [("DJIA", MarketTable.nyse), ("SSE", MarketTable.sse), ("N225", MarketTable.tse), ("FTSE", MarketTable.lse)]

    @Test(arguments: markets.map(\.0))
    func timedT0IsTheFirstCloseAfterTheEventAndNeverGoesBack(_ name: String) throws {
        let market = try #require(Self.markets.first { $0.0 == name }?.1)
        let series = try Self.weekdays(name, market: market)
        let closes = try (0..<series.count).map { try Self.closeInstant(series.day(at: $0), market) }
        var random = SeededGenerator(seed: UInt64(name.utf8.reduce(0) { $0 * 31 + Int($1) }))
        // From a week before the data to a week after, in steps of 0 to 20 hours.
        var instant = closes[0] - 7 * 86_400
        var previous: [AlignmentRule: Int] = [:]
        var checked = 0
        while instant < closes[closes.count - 1] + 7 * 86_400 {
            instant += Double(random.int(0...72_000))
            let event = Event(id: "e", title: "t", date: Day(ordinal: Int32((instant / 86_400).rounded(.down))), instant: instant)
            let next = Alignment.eventSession(for: event, in: series, rule: .next)
            let before = Alignment.eventSession(for: event, in: series, rule: .previous)
            if let k = next.index {
                #expect(closes[k] > instant)
                if k > 0 { #expect(closes[k - 1] <= instant) }
                #expect(k >= previous[.next] ?? 0)
                previous[.next] = k
            }
            if let k = before.index {
                #expect(closes[k] <= instant)
                if k + 1 < closes.count { #expect(closes[k + 1] > instant) }
                #expect(k >= previous[.previous] ?? 0)
                previous[.previous] = k
            }
            // Both found, they are neighbours: previous is the session before next.
            if let n = next.index, let p = before.index { #expect(p == n - 1) }
            if next.index == nil, before.index == nil { #expect(instant < closes[0] || instant >= closes[closes.count - 1]) }
            checked += 1
        }
        #expect(checked > 1500)  // about 1,780: two years and two weeks in steps of 10 hours on average
    }

    /// `exact` gives a session only on the event's local date in the market, and those sessions
    /// never go back either.
    @Test func exactT0IsOnTheLocalDateAndNeverGoesBack() throws {
        let market = MarketTable.nyse
        let series = try Self.weekdays("DJIA", market: market)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: market.timeZoneIdentifier))
        var random = SeededGenerator(seed: 11)
        var instant = try Self.closeInstant(series.day(at: 0), market) - 3 * 86_400
        var last = -1
        var found = 0
        for _ in 0..<3000 {
            instant += Double(random.int(0...50_000))
            let event = Event(id: "e", title: "t", date: Day(ordinal: Int32((instant / 86_400).rounded(.down))), instant: instant)
            guard let k = Alignment.eventSession(for: event, in: series, rule: .exact).index else { continue }
            let local = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: instant))
            #expect(series.day(at: k) == Day(year: local.year ?? 0, month: local.month ?? 0, day: local.day ?? 0))
            #expect(try Self.closeInstant(series.day(at: k), market) > instant)
            #expect(k >= last)
            last = k
            found += 1
        }
        #expect(found > 500)
    }
}
