import Testing
@testable import MarketLink

@Suite struct ClaimedNumberTests {
    /// (written, qualifier, round number?, rounding unit), by hand from the digits.
    @Test(arguments: [
        ("33,833.61", ClaimedNumber.Qualifier.none, true, 0.01),
        ("33,800", .none, true, 100),
        ("33,800", .none, false, 1),
        ("34,000", .none, true, 1000),
        ("258", .none, false, 1),
        ("300", .about, false, 100),
        ("0.8", .none, false, 0.1),
        ("0.80", .none, false, 0.01),
        (".5", .none, false, 0.1),
        ("0", .none, true, 1),
    ])
    func units(text: String, qualifier: ClaimedNumber.Qualifier, round: Bool, unit: Double) throws {
        let number = try #require(ClaimedNumber(written: text, qualifier: qualifier, roundNumber: round))
        #expect(abs(number.unit - unit) < 1e-12)
    }

    /// (written, qualifier, round number?, true value, holds?). The true values are the
    /// Dow's and Shanghai's moves of June 2023 (see FactCheckTests) and edge values chosen by hand.
    @Test(arguments: [
        ("0.8", ClaimedNumber.Qualifier.none, false, 0.775408, true),  // 0.78% reads as 0.8%
        ("1", .none, false, 1.052299, true),  // 1.05% reads as 1%
        ("258", .none, false, 260.33, false),
        ("260", .none, false, 260.33, true),
        ("260.3", .none, false, 260.33, true),
        ("260.4", .none, false, 260.33, false),
        ("33,800", .none, true, 33833.61, true),  // to the nearest 100
        ("33,800", .none, true, 33850.0, true),  // exactly half a unit away holds
        ("33,800", .none, true, 33850.01, false),
        ("33,833.61", .none, true, 3231.409912 + 30602.200088, true),  // binary noise
        ("3,231.41", .none, true, 3231.409912, true),  // Yahoo float noise is the same cent
        ("3,231.41", .none, true, 3231.4149, true),
        ("3,231.41", .none, true, 3231.4151, false),
        ("300", .none, false, 260.33, false),
        ("300", .about, false, 260.33, true),  // "about 300" is to the nearest 100
        ("250", .moreThan, false, 260.33, true),
        ("250", .moreThan, false, 250, false),
        ("250", .lessThan, false, 260.33, false),
        ("1", .almost, false, 0.96, true),
        ("1", .almost, false, 1.05, false),  // rounds to 1 but is above it
    ])
    func holds(text: String, qualifier: ClaimedNumber.Qualifier, round: Bool, actual: Double, holds: Bool) throws {
        let number = try #require(ClaimedNumber(written: text, qualifier: qualifier, roundNumber: round))
        #expect(number.holds(for: actual) == holds)
    }

    @Test func exactOnlyToTheCent() throws {
        #expect(try #require(ClaimedNumber(written: "0.78")).isExact(for: 0.775408))
        #expect(!(try #require(ClaimedNumber(written: "0.8")).isExact(for: 0.775408)))
        #expect(!(try #require(ClaimedNumber(written: "0.78", qualifier: .about)).isExact(for: 0.775408)))
    }

    @Test(arguments: ["", "1.2.3", "1,2", "12,34.5", "1234,567", ",123", "abc", "1e5", "1,000.5.6"])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(ClaimedNumber(written: text) == nil)
    }

    @Test(arguments: [("1,000", 1000.0, 0), ("33,833.61", 33833.61, 2), ("1,234,567.891", 1_234_567.891, 3), (".5", 0.5, 1)])
    func readsNumbers(text: String, value: Double, decimals: Int) throws {
        let number = try #require(ClaimedNumber(written: text))
        #expect(number.value == value)
        #expect(number.decimals == decimals)
    }
}
