import Testing
@testable import MarketLink

@Suite struct DateRangeTextTests {
    /// (first, last, compact range, "from ... to ..."), written by hand.
    @Test(arguments: [
        ("2023-06-08", "2023-06-08", "June 8, 2023", "from June 8 to June 8, 2023"),
        ("2023-06-07", "2023-06-08", "June 7–8, 2023", "from June 7 to June 8, 2023"),
        ("2023-05-30", "2023-06-02", "May 30–June 2, 2023", "from May 30 to June 2, 2023"),
        ("2022-12-28", "2023-01-03", "December 28, 2022–January 3, 2023", "from December 28, 2022 to January 3, 2023"),
        ("2023-06-08", "2023-06-07", "June 7–8, 2023", "from June 7 to June 8, 2023"),  // ends in either order
    ])
    func ranges(first: String, last: String, range: String, fromTo: String) throws {
        let a = try #require(Day(iso: first))
        let b = try #require(Day(iso: last))
        #expect(DateRangeText.range(a, b) == range)
        #expect(DateRangeText.fromTo(a, b) == fromTo)
    }

    @Test func fullDate() throws {
        #expect(DateRangeText.full(try #require(Day(iso: "2023-01-03"))) == "January 3, 2023")
    }
}
