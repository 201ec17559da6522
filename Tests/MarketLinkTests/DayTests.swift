import Testing
@testable import MarketLink

@Suite struct DayTests {
    @Test func epochAndKnownDates() throws {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        // 2023-06-08 is 19,516 days after 1970-01-01 (53 years with 13 leap days, + 158 days).
        let day = try #require(Day(year: 2023, month: 6, day: 8))
        #expect(day.ordinal == 19_516)
        #expect(day.weekdayName == "Thursday")
        #expect(day.iso == "2023-06-08")
    }

    /// A day past 9999-12-31 (made by arithmetic, never read) keeps its year: on main it was
    /// written four digits wide, `0000-01-01`. 9999-12-31 is day 2932896 (253402214400 s / 86400).
    @Test func aYearPast9999IsWrittenInFull() throws {
        let last = try #require(Day(year: 9999, month: 12, day: 31))
        #expect(last.ordinal == 2_932_896)
        #expect(last.iso == "9999-12-31")
        #expect(last.adding(days: 1).iso == "10000-01-01")
    }

    @Test(arguments: [(2023, 2, 30), (2023, 13, 1), (0, 1, 1), (2023, 4, 31), (2023, 2, 29)])
    func invalidDates(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test func roundTripsEveryDayOverFourCenturies() throws {
        var previous = try #require(Day(year: 1800, month: 1, day: 1))
        var mismatches: [Int32] = []
        for ordinal in (previous.ordinal + 1)...Int32(Day.ordinal(year: 2200, month: 12, day: 31)) {
            let day = Day(ordinal: ordinal)
            let (y, m, d) = day.components
            if Day(year: y, month: m, day: d) != day || day.weekday != previous.weekday % 7 + 1 {
                mismatches.append(ordinal)
            }
            previous = day
        }
        #expect(mismatches.isEmpty)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
    }
}
