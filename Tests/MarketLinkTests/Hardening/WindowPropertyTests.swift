import Foundation
import Testing

@testable import MarketLink

/// Adjacent windows [a, m] and [m+1, b] cover [a, b] exactly (DESIGN §2: a window's base is the
/// close of t0+a−1 and its end the close of t0+b, so the first part ends where the second
/// begins). Over generated series, events and windows (fixed seed):
/// - [a, b] is ok exactly when both parts are ok (the base of [a, b] is the first part's base, its
///   end the second part's end);
/// - log returns add up: ln(E/B) = ln(M/B) + ln(E/M), to rounding (|error| ≤ 1e-12);
/// - points add up: (E − B) = (M − B) + (E − M), to rounding relative to the closes;
/// - every event × series × window has a row, whatever its status.
@Suite struct WindowPropertyTests {
    @Test func adjacentRandomWindowsAddUp() throws {
        var random = SeededGenerator(seed: 1_071_06)
        var okTriples = 0
        for _ in 0..<200 {
            // A series of 20–200 sessions, 1–4 calendar days apart, with closes from 1 to 100,000.
            var days: [Day] = []
            var day = try #require(Day(iso: "2020-01-01")).adding(days: random.int(0...400))
            for _ in 0..<random.int(20...200) {
                days.append(day)
                day = day.adding(days: random.int(1...4))
            }
            let closes = days.map { _ in Double(random.int(100...10_000_000)) / 100 }
            let series = try #require(Series(name: "S", days: days, closes: closes))
            // Events from before the data to after it, some on dates with no session.
            let span = days[0].distance(to: days[days.count - 1])
            let events = (0..<10).map { k in
                Event(id: "\(k)", title: "e", date: days[0].adding(days: random.int(-10...(span + 10))))
            }
            var windows: [EventWindow] = []
            for _ in 0..<8 {
                let a = random.int(-15...10)
                let m = random.int(a...(a + 15))
                let b = random.int((m + 1)...(m + 16))
                windows += [try #require(EventWindow(start: a, end: m)), try #require(EventWindow(start: m + 1, end: b)), try #require(EventWindow(start: a, end: b))]
            }
            let rule = random.pick(AlignmentRule.allCases)
            let table = ChangeTable(events: events, series: [series], windows: windows, rule: rule)
            #expect(table.rows.count == events.count * windows.count)
            for e in events.indices {
                let rows = Array(table.rows(event: e, series: 0))
                for t in stride(from: 0, to: rows.count, by: 3) {
                    let (first, second, whole) = (rows[t], rows[t + 1], rows[t + 2])
                    #expect((whole.status == .ok) == (first.status == .ok && second.status == .ok))
                    guard whole.status == .ok else {
                        #expect(whole.points == nil && whole.logReturn == nil)
                        continue
                    }
                    #expect(first.base == whole.base && second.end == whole.end)
                    #expect(first.end == second.base)
                    let parts = try #require(first.logReturn) + #require(second.logReturn)
                    #expect(abs(parts - (try #require(whole.logReturn))) <= 1e-12)
                    let points = try #require(first.points) + #require(second.points)
                    #expect(abs(points - (try #require(whole.points))) <= 1e-9 * 100_000)
                    okTriples += 1
                }
            }
        }
        #expect(okTriples > 2000)
    }
}
