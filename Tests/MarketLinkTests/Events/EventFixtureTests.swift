import Foundation
import Testing

@testable import MarketLink

/// The events fixtures load as documented in fixtures/EVENTS.md. Weekdays and instants are from
/// Derivations/EventInstantsDerivation.swift (Python).
@Suite struct EventFixtureTests {
    typealias Support = EventsTestSupport

    @Test func events2023() throws {
        let log = try EventLog.load(path: Support.fixture("events-2023.csv"))
        #expect(log.columns == ["id", "date", "title", "tags", "score", "source"])
        #expect(log.events.map(\.id) == (1...15).map(String.init))
        #expect(
            log.events.map(\.date.iso) == [
                "2022-12-07", "2023-02-03", "2023-03-10", "2023-05-08", "2023-05-11", "2023-05-20", "2023-05-21", "2023-05-25",
                "2023-06-06", "2023-06-06", "2023-06-07", "2023-06-08", "2023-06-08", "2023-06-09", "2023-06-19",
            ])
        // The two weekend events.
        #expect(log.events[5].date.weekdayName == "Saturday")
        #expect(log.events[6].date.weekdayName == "Sunday")
        #expect(log.events.filter(\.date.isWeekend).map(\.id) == ["6", "7"])
        // CSV quoting: a title with commas, and one with double quotes.
        #expect(log.events[2].title == "Saudi Arabia and Iran agree, in Beijing, to restore relations")
        #expect(log.events[5].title == "G7 leaders' statement on \"de-risking and diversifying\"")
        #expect(log.events[9].title == "OFAC sanctions a network in Iran, China and Hong Kong over Iran's missile program")
        #expect(log.events[9].source == "US Treasury")
        #expect(log.events[8].source == "CNN")
        #expect(log.events[11].source == "Politico")
        // Every event is annotated, within the documented scale.
        for event in log.events {
            #expect(!event.tags.isEmpty, "event \(event.id) has no tags")
            #expect(event.source != nil, "event \(event.id) has no source")
            let score = try #require(event.score)
            #expect((-1.0...1.0).contains(score), "event \(event.id) score \(score)")
            #expect(!event.isTimed)
        }
        #expect(log.events(matching: EventFilter(tags: ["sanctions"])).map(\.id) == ["10"])
        #expect(log.lineEnding == [10])
    }

    /// Expected instants (Python zoneinfo): see Derivations/EventInstantsDerivation.swift.
    @Test func eventsTimed() throws {
        let log = try EventLog.load(path: Support.fixture("events-timed.csv"))
        let expected: [(id: String, date: String, weekday: String, instant: Double, time: String, zone: String)] = [
            ("1", "2023-06-08", "Thursday", 1_686_189_600, "10:00", "+08:00"),
            ("2", "2023-06-07", "Wednesday", 1_686_171_600, "17:00", "America/New_York"),
            ("3", "2023-03-10", "Friday", 1_678_483_800, "16:30", "-05:00"),
            ("4", "2023-03-13", "Monday", 1_678_735_800, "15:30", "America/New_York"),
            ("5", "2023-06-06", "Tuesday", 1_686_036_600, "07:30:00", "UTC"),
            ("6", "2023-06-09", "Friday", 1_686_274_200, "09:30", "+08:00"),
        ]
        #expect(log.events.count == expected.count)
        for (event, want) in zip(log.events, expected) {
            #expect(event.id == want.id)
            #expect(event.date.iso == want.date)
            #expect(event.date.weekdayName == want.weekday)
            #expect(event.instant == want.instant, "event \(event.id)")
            #expect(event.time == want.time)
            #expect(event.timeZone == want.zone)
        }
        // Across the 2023-03-12 change New York's offset went from −5 to −4 hours: 16:30 EST Friday
        // is 21:30Z, 15:30 EDT Monday is 19:30Z (not 20:30Z).
        #expect(EventListing.utcText(log.events[2].instant ?? 0) == "2023-03-10T21:30:00Z")
        #expect(EventListing.utcText(log.events[3].instant ?? 0) == "2023-03-13T19:30:00Z")
    }
}
