import Testing
@testable import MarketLink

// Every expected sentence is written by hand from the closes in RealCloses. The points and
// percents were computed with Python's decimal module from the two closes alone, e.g.
//   D("33833.61") - D("33665.02")              -> 168.59
//   100 * (D("33833.61") / D("33665.02") - 1)  -> 0.500787...  -> 0.50
// base → end close: points, percent (6 decimals)
//   one session      06-07 33665.02 → 06-08 33833.61:   168.59,  0.500787
//   two sessions     06-06 33573.28 → 06-08 33833.61:   260.33,  0.775408
//   Tue–Thu          06-05 33562.86 → 06-08 33833.61:   270.75,  0.806695
//   Fri and Mon      06-01 33061.57 → 06-05 33562.86:   501.29,  1.516232
//   Thu–Mon          05-31 32908.27 → 06-05 33562.86:   654.59,  1.989135
//   ten sessions     05-31 32908.27 → 06-14 33979.33:  1071.06,  3.254683
//   fell             06-13 34212.12 → 06-14 33979.33:  −232.79, −0.680431
//   May 30–June 2    05-26 33093.34 → 06-02 33762.76:   669.42,  2.022824
//   May 31–June 1    05-30 33042.78 → 06-01 33061.57:    18.79,  0.056866
//   Dec 30–Jan 3     12-29 33220.80 → 01-03 33136.37:   −84.43, −0.254148
//   Dec 28–Jan 3     12-27 33241.56 → 01-03 33136.37:  −105.19, −0.316441
//   Fri and Tue      05-25 32764.65 → 05-30 33042.78:   278.13,  0.848872
@Suite struct MoveSentenceTests {
    static let dow = "The Dow Jones Industrial Average"

    /// (first covered session, last covered session, sentence).
    @Test(arguments: [
        // One session.
        ("2023-06-08", "2023-06-08", "\(dow) rose 168.59 points, or 0.50%, to 33,833.61 on Thursday (June 8, 2023)."),
        // Two sessions.
        ("2023-06-07", "2023-06-08", "\(dow) rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023)."),
        // Three to five in one week.
        ("2023-06-06", "2023-06-08", "\(dow) rose 270.75 points, or 0.81%, to 33,833.61 from Tuesday to Thursday (June 6–8, 2023)."),
        // Two sessions across a weekend keep their weekday names.
        ("2023-06-02", "2023-06-05", "\(dow) rose 501.29 points, or 1.52%, to 33,562.86 on Friday and Monday (June 2–5, 2023)."),
        // Two sessions across a weekend and a holiday (Memorial Day, May 29).
        ("2023-05-26", "2023-05-30", "\(dow) rose 278.13 points, or 0.85%, to 33,042.78 on Friday and Tuesday (May 26–30, 2023)."),
        // Three sessions across a weekend are not one week.
        ("2023-06-01", "2023-06-05", "\(dow) rose 654.59 points, or 1.99%, to 33,562.86 over the 3 sessions from June 1 to June 5, 2023."),
        // More than five.
        ("2023-06-01", "2023-06-14", "\(dow) rose 1,071.06 points, or 3.25%, to 33,979.33 over the 10 sessions from June 1 to June 14, 2023."),
        // Fell.
        ("2023-06-14", "2023-06-14", "\(dow) fell 232.79 points, or 0.68%, to 33,979.33 on Wednesday (June 14, 2023)."),
        // Across months: four sessions in the week of Memorial Day.
        ("2023-05-30", "2023-06-02", "\(dow) rose 669.42 points, or 2.02%, to 33,762.76 from Tuesday to Friday (May 30–June 2, 2023)."),
        ("2023-05-31", "2023-06-01", "\(dow) rose 18.79 points, or 0.06%, to 33,061.57 on Wednesday and Thursday (May 31–June 1, 2023)."),
        // Across years.
        ("2022-12-30", "2023-01-03", "\(dow) fell 84.43 points, or 0.25%, to 33,136.37 on Friday and Tuesday (December 30, 2022–January 3, 2023)."),
        ("2022-12-28", "2023-01-03", "\(dow) fell 105.19 points, or 0.32%, to 33,136.37 over the 4 sessions from December 28, 2022 to January 3, 2023."),
    ])
    func sentence(first: String, last: String, expected: String) throws {
        let series = try #require(RealCloses.series("DJIA", RealCloses.djia))
        let firstSession = try #require(RealCloses.session(first, in: series))
        let lastSession = try #require(RealCloses.session(last, in: series))
        let move = try #require(Move(series: series, baseSession: firstSession - 1, endSession: lastSession))
        #expect(MoveSentence.text(for: move, in: series) == expected)
    }

    @Test func unchangedUsesAtAndNoNumbers() throws {
        let days = ["2023-06-02", "2023-06-05"].compactMap { Day(iso: $0) }
        let series = try #require(Series(name: "acme composite", days: days, closes: [1234.5, 1234.5]))
        let move = try #require(Move(series: series, baseSession: 0, endSession: 1))
        #expect(MoveSentence.text(for: move, in: series) == "acme composite was unchanged at 1,234.50 on Monday (June 5, 2023).")
    }

    @Test func aChangeThatPrintsAsZeroIsUnchanged() throws {
        // 1000.004 − 1000 = 0.004 points (prints 0.00) and 0.0004% (prints 0.00).
        let days = ["2023-06-07", "2023-06-08"].compactMap { Day(iso: $0) }
        let series = try #require(Series(name: "acme composite", days: days, closes: [1000, 1000.004]))
        let move = try #require(Move(series: series, baseSession: 0, endSession: 1))
        #expect(MoveDirection(move) == .unchanged)
        #expect(MoveSentence.text(for: move, in: series) == "acme composite was unchanged at 1,000.00 on Thursday (June 8, 2023).")
    }

    @Test func seriesOutsideTheMarketTableKeepsItsName() throws {
        // 100 → 101.5: 1.50 points, 1.50%.
        let days = ["2023-06-07", "2023-06-08"].compactMap { Day(iso: $0) }
        let series = try #require(Series(name: "my basket", days: days, closes: [100, 101.5]))
        let move = try #require(Move(series: series, baseSession: 0, endSession: 1))
        #expect(MoveSentence.text(for: move, in: series) == "my basket rose 1.50 points, or 1.50%, to 101.50 on Thursday (June 8, 2023).")
    }

    @Test func shanghaiCompositeByItsTableName() throws {
        // 3197.76 → 3231.41: 33.65 points, 1.052299%.
        let series = try #require(RealCloses.series("000001.SS", RealCloses.sse))
        let move = try #require(Move(series: series, baseSession: 2, endSession: 4))
        #expect(
            MoveSentence.text(for: move, in: series)
                == "The Shanghai Composite rose 33.65 points, or 1.05%, to 3,231.41 on Thursday and Friday (June 8–9, 2023).")
    }

    /// Spans by count and calendar, without a series: the rules of `span(first:last:sessions:)`.
    @Test(arguments: [
        ("2023-06-05", "2023-06-09", 5, "from Monday to Friday (June 5–9, 2023)"),
        ("2023-06-05", "2023-06-12", 6, "over the 6 sessions from June 5 to June 12, 2023"),
        ("2023-06-01", "2023-06-08", 2, "over the 2 sessions from June 1 to June 8, 2023"),  // 7 days apart: two Thursdays
        ("2023-06-01", "2023-06-07", 2, "on Thursday and Wednesday (June 1–7, 2023)"),  // 6 days apart
    ])
    func spans(first: String, last: String, sessions: Int, expected: String) throws {
        #expect(MoveSentence.span(first: try #require(Day(iso: first)), last: try #require(Day(iso: last)), sessions: sessions) == expected)
    }
}
