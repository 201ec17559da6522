import Testing
@testable import MarketLink

/// Expected ticks derived by hand in `Derivations/ticks.md` (calendar checked with Python's
/// `datetime`).
@Suite struct DateTicksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var from: String
        var to: String
        var pixelsPerDay: Double
        var unit: DateTicks.Unit
        /// `label` or `label/context`, one per tick.
        var ticks: [String]
        var days: [String]
        var testDescription: String { "\(from)…\(to) at \(pixelsPerDay) px/day" }
    }

    static let cases: [Case] = [
        Case(
            from: "2023-06-01", to: "2023-06-20", pixelsPerDay: 30, unit: .weekday,
            ticks: ["1/Jun 2023", "2", "5", "6", "7", "8", "9", "12", "13", "14", "15", "16", "19", "20"],
            days: [
                "2023-06-01", "2023-06-02", "2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08", "2023-06-09",
                "2023-06-12", "2023-06-13", "2023-06-14", "2023-06-15", "2023-06-16", "2023-06-19", "2023-06-20",
            ]),
        Case(
            from: "2023-06-01", to: "2023-06-20", pixelsPerDay: 20, unit: .weeks(1),
            ticks: ["Jun 5/2023", "Jun 12", "Jun 19"], days: ["2023-06-05", "2023-06-12", "2023-06-19"]),
        Case(
            from: "2023-06-29", to: "2023-07-04", pixelsPerDay: 40, unit: .weekday,
            ticks: ["29/Jun 2023", "30", "3/Jul 2023", "4"],
            days: ["2023-06-29", "2023-06-30", "2023-07-03", "2023-07-04"]),
        Case(
            from: "2023-06-10", to: "2023-06-11", pixelsPerDay: 100, unit: .day,
            ticks: ["10/Jun 2023", "11"], days: ["2023-06-10", "2023-06-11"]),
        Case(
            from: "2023-05-01", to: "2023-08-01", pixelsPerDay: 4, unit: .weeks(2),
            ticks: ["May 1/2023", "May 15", "May 29", "Jun 12", "Jun 26", "Jul 10", "Jul 24"],
            days: ["2023-05-01", "2023-05-15", "2023-05-29", "2023-06-12", "2023-06-26", "2023-07-10", "2023-07-24"]),
        Case(
            from: "2022-03-14", to: "2024-05-21", pixelsPerDay: 1, unit: .months(2),
            ticks: [
                "May/2022", "Jul", "Sep", "Nov", "Jan/2023", "Mar", "May", "Jul", "Sep", "Nov", "Jan/2024", "Mar",
                "May",
            ],
            days: [
                "2022-05-01", "2022-07-01", "2022-09-01", "2022-11-01", "2023-01-01", "2023-03-01", "2023-05-01",
                "2023-07-01", "2023-09-01", "2023-11-01", "2024-01-01", "2024-03-01", "2024-05-01",
            ]),
        Case(
            from: "2010-01-01", to: "2020-02-18", pixelsPerDay: 0.1, unit: .years(2),
            ticks: ["2010", "2012", "2014", "2016", "2018", "2020"],
            days: ["2010-01-01", "2012-01-01", "2014-01-01", "2016-01-01", "2018-01-01", "2020-01-01"]),
    ]

    @Test(arguments: cases)
    func ticks(_ c: Case) throws {
        let from = try #require(Day(iso: c.from))
        let to = try #require(Day(iso: c.to))
        let ticks = DateTicks(from: from, to: to, pixelsPerDay: c.pixelsPerDay)
        #expect(ticks.unit == c.unit)
        #expect(ticks.ticks.map { tick in tick.context.map { "\(tick.label)/\($0)" } ?? tick.label } == c.ticks)
        #expect(ticks.ticks.map(\.day.iso) == c.days)
        // The same range given backwards gives the same ticks.
        #expect(DateTicks(from: to, to: from, pixelsPerDay: c.pixelsPerDay) == ticks)
    }
}
