import Foundation
import Testing
@testable import MarketLink

/// t0 found once per event × series (`EventSessions`) and shared by the change table, the study
/// and the charts, as `mlink report` shares it; and change rows as values. Dates are the real
/// sessions of fixtures/djia.csv and fixtures/sse.csv (fixtures/source/closes-2022-2023.txt).
@Suite struct EventSessionsTests {
    typealias F = ReportFixtures

    /// The dated events of events-2023.csv and the timed ones of events-timed.csv together.
    static func events() throws -> [Event] {
        try F.events() + EventLog.load(path: CLIRunner.fixture("fixtures/events-timed.csv")).events
    }

    @Test func t0OfKnownEvents() throws {
        let sessions = EventSessions(events: try Self.events(), series: try F.collection().series)
        let events = sessions.events
        func t0(_ id: String, _ s: Int, timed: Bool = false) throws -> String? {
            let e = try #require(events.firstIndex { $0.id == id && $0.isTimed == timed })
            return try #require(sessions[event: e, series: s]).index.map { sessions.series[s].day(at: $0).iso }
        }
        // #6 is Saturday 2023-05-20: the next session is Monday 05-22 in New York and Shanghai.
        #expect(try t0("6", 0) == "2023-05-22")
        #expect(try t0("6", 1) == "2023-05-22")
        // #11 is Wednesday 2023-06-07, a session in both.
        #expect(try t0("11", 0) == "2023-06-07")
        // Timed #1: Thursday 10:00 in Beijing is Thursday in Shanghai, and Wednesday 22:00 in New
        // York, after Wednesday's close, so Thursday there too.
        #expect(try t0("1", 0, timed: true) == "2023-06-08")
        #expect(try t0("1", 1, timed: true) == "2023-06-08")
        // Timed #2: Wednesday 17:00 New York is after that day's close: Thursday in New York;
        // Thursday 05:00 in Shanghai, before its 15:00 close: Thursday there too.
        #expect(try t0("2", 0, timed: true) == "2023-06-08")
        #expect(try t0("2", 1, timed: true) == "2023-06-08")
    }

    @Test func theMatrixIsTheAlignmentOfEachEventInEachSeries() throws {
        let series = try F.collection().series
        let events = try Self.events()
        for rule in AlignmentRule.allCases {
            let sessions = EventSessions(events: events, series: series, rule: rule)
            #expect(sessions.rule == rule)
            for e in events.indices {
                for s in series.indices {
                    #expect(sessions[event: e, series: s] == Alignment.eventSession(for: events[e], in: series[s], rule: rule))
                }
            }
            #expect(sessions[event: events.count, series: 0] == nil)
            #expect(sessions[event: 0, series: series.count] == nil)
            #expect(sessions[event: -1, series: 0] == nil)
        }
        #expect(EventSessions(events: [], series: series)[event: 0, series: 0] == nil)
    }

    /// Date-only events in date order are found by one walk through each series' days
    /// (`EventSessions.walkable`); each must be the t0 a search for that event alone finds, for
    /// every rule, with events before, between, on and after the sessions, repeated days, a
    /// month-only event (which turns the walk off) and out-of-order events (likewise), on the
    /// serial path (few pairs) and the worker path (≥ `parallelPairs`).
    @Test func eventsInDateOrderWalkTheDaysToTheSameSessions() throws {
        var random = SeededGenerator(seed: 2026)
        let start = try #require(Day(iso: "2021-01-04"))
        var series: [Series] = []
        for s in 0..<60 {
            var days: [Day] = []
            var day = start.adding(days: random.int(0...30))
            for _ in 0..<random.int(1...400) {
                days.append(day)
                day = day.adding(days: random.int(1...5))
            }
            series.append(try #require(Series(name: "S\(s)", days: days, closes: days.map { _ in 100 })))
        }
        series.append(try #require(Series(name: "one", days: [start.adding(days: 200)], closes: [50])))
        for count in [1, 7, 40, 500] {
            var sorted = (0..<count).map { _ in start.adding(days: random.int(-20...1_200)) }.sorted()
            if count > 1 { sorted[1] = sorted[0] }  // a repeated day
            let inOrder = sorted.enumerated().map { Event(id: "\($0.offset)", title: "e", date: $0.element) }
            var monthOnly = inOrder
            monthOnly[count / 2].precision = .month
            let shuffled = inOrder.shuffled(using: &random)
            #expect(EventSessions.walkable(inOrder.map(EventTime.init)))
            #expect(!EventSessions.walkable(monthOnly.map(EventTime.init)))
            #expect(count < 3 || !EventSessions.walkable(shuffled.map(EventTime.init)) || shuffled == inOrder)
            for events in [inOrder, monthOnly, shuffled] {
                for rule in AlignmentRule.allCases {
                    let sessions = EventSessions(events: events, series: series, rule: rule)
                    var differing: [String] = []
                    for e in events.indices {
                        for s in series.indices
                        where sessions[event: e, series: s] != Alignment.eventSession(for: events[e], in: series[s], rule: rule) {
                            differing.append("event \(events[e].date.iso), series \(s)")
                        }
                    }
                    #expect(differing.isEmpty, "\(count) events, rule \(rule): \(differing.prefix(5))")
                }
            }
        }
        #expect(500 * series.count >= EventSessions.parallelPairs)
    }

    /// What `mlink report` does: one `EventSessions` for the change table, the study and the
    /// charts, so each event × series has one t0 in all three.
    @Test func reportSharesT0() throws {
        let sessions = EventSessions(events: try Self.events(), series: try F.collection().series, rule: .next)
        let table = ChangeTable(sessions: sessions, windows: EventWindow.changesDefault)
        // The design asks for another rule; the study measures from the t0 it is given and says so.
        let design = EventStudyDesign(estimation: try EventWindow(parsing: "-60:-6"), rule: .previous)
        let study = try EventStudy(sessions: sessions, design: design)
        #expect(table.sessions == sessions)
        #expect(study.sessions == sessions)
        #expect(study.design.rule == .next)
        var withSession = 0
        for e in sessions.events.indices {
            for s in sessions.series.indices {
                let t0 = try #require(sessions[event: e, series: s]).index
                let rows = table.rows(event: e, series: s)
                #expect(rows.count == EventWindow.changesDefault.count)
                #expect(rows.allSatisfy { $0.eventSession?.session == t0 })
                #expect(study.result(event: e, series: s).eventSession == t0)
                let chart = EventCharts.chart(around: e, series: [s], in: sessions, window: EventWindow.chartDefault, rebase: false)
                let marked = chart.markers.filter { $0.label.hasPrefix("Event session") }.map(\.day)
                #expect(marked == (t0.map { [sessions.series[s].day(at: $0)] } ?? []))
                if t0 != nil { withSession += 1 }
            }
        }
        // 15 dated and 6 timed events in two series with known markets, every one inside the data.
        #expect(withSession == 42)
    }

    // MARK: - Rows as values

    @Test func aRowCarriesItsMoveAndStatus() throws {
        let djia = try #require(try F.collection().series.first)
        // 2023-06-30 is the last session: 0:0 runs 06-29 34122.42 → 06-30 34407.60 (+285.18);
        // 0:1 has its base (06-29) and no end.
        let event = Event(id: "b", title: "last", date: F.day("2023-06-30"))
        let table = ChangeTable(events: [event], series: [djia], windows: [try EventWindow(parsing: "0:0"), try EventWindow(parsing: "0:1")])
        let ok = table.rows[0]
        #expect(ok.event == event && ok.eventIndex == 0)
        #expect(ok.series == "DJIA" && ok.seriesIndex == 0)
        #expect(ok.window == (try EventWindow(parsing: "0:0")) && ok.windowIndex == 0)
        #expect(ok.status == .ok)
        #expect(ok.eventSession?.day == F.day("2023-06-30"))
        #expect(ok.base?.day == F.day("2023-06-29") && ok.base?.close == 34122.42)
        #expect(ok.end?.day == F.day("2023-06-30") && ok.end?.close == 34407.60)
        #expect(abs(try #require(ok.points) - 285.18) < 1e-9)
        // 100 · (34407.60 / 34122.42 − 1) = 0.8357555...%; ln(34407.60 / 34122.42) = 0.0083228...
        #expect(abs(try #require(ok.percent) - 0.8357555) < 1e-6)
        #expect(abs(try #require(ok.logReturn) - 0.0083228) < 1e-7)
        #expect(ok.move?.baseSession == ok.base?.session && ok.move?.endSession == ok.end?.session)

        let noEnd = table.rows[1]
        #expect(noEnd.status == .noEnd)
        #expect(noEnd.base?.day == F.day("2023-06-29"))
        #expect(noEnd.end == nil && noEnd.move == nil)
        #expect(noEnd.points == nil && noEnd.percent == nil && noEnd.logReturn == nil)
    }

    @Test func lookupsThroughTheTableCannotTrap() throws {
        let series = try F.collection().series
        let table = ChangeTable(events: [try F.event("11")], series: series, windows: [try EventWindow(parsing: "0:1")])
        #expect(table.rows(event: 1, series: 0).isEmpty)
        #expect(table.rows(event: 0, series: 2).isEmpty)
        #expect(table.rows(event: -1, series: 0).isEmpty)
        // A row of another table (whose series this one does not have) has no sentence here.
        let other = ChangeTable(events: [try F.event("11")], series: [series[1]], windows: [try EventWindow(parsing: "0:1")])
        let foreign = try #require(other.rows.first)
        #expect(other.sentence(foreign) != nil)
        let single = ChangeTable(events: [try F.event("11")], series: [series[0]], windows: [try EventWindow(parsing: "0:1")])
        #expect(single.sentence(foreign) == nil)
    }
}
