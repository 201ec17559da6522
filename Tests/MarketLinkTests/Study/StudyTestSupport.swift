import Foundation
@testable import MarketLink

/// Small series and events built in code, for the event-study tests.
enum StudyData {
    /// `count` weekdays from Monday 2023-01-02, skipping Saturdays and Sundays.
    static func weekdays(_ count: Int, from start: Day = Day(ordinal: 19_359)) -> [Day] {
        var days: [Day] = []
        var day = start
        while days.count < count {
            if day.weekday <= 5 { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }

    struct Invalid: Error {}

    /// A series with these closes on consecutive weekdays from 2023-01-02, leaving out the
    /// sessions at `missing` (indexes into those weekdays).
    static func series(_ name: String, _ closes: [Double], missing: Set<Int> = []) throws -> Series {
        let days = weekdays(closes.count + missing.count).enumerated().filter { !missing.contains($0.offset) }.map(\.element)
        guard let series = Series(name: name, days: days, closes: closes) else { throw Invalid() }
        return series
    }

    /// The weekday at `index` from 2023-01-02.
    static func day(_ index: Int) -> Day { weekdays(index + 1)[index] }

    static func event(_ id: String, on index: Int, tags: [String] = []) -> Event {
        Event(id: id, title: "event " + id, date: day(index), tags: tags)
    }

    /// Closes 100, 101.3, 100.9, ... that vary irregularly (so σ̂ > 0), `count` of them.
    static func wobbly(_ count: Int, seed: Double = 1) -> [Double] {
        (0..<count).map { 100 + Double(($0 * 37 + Int(seed) * 11) % 17) / 10 }
    }
}
