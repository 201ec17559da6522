import Testing
@testable import MarketLink

@Suite struct NumberReaderTests {
    @Test(arguments: [
        ("3231.409912", 3231.409912, 6),
        ("\"35,314.49\"".replacingOccurrences(of: "\"", with: ""), 35314.49, 2),
        ("$3204.4", 3204.4, 1),
        (" 4,293.93 ", 4293.93, 2),
        ("+12.5", 12.5, 1),
        ("-0.23", -0.23, 2),
        ("1e3", 1000.0, 0),
        ("33833.609375000000001", 33833.609375, 15),
        ("0.000123", 0.000123, 6),
    ])
    func readsNumbers(text: String, expected: Double, decimals: Int) {
        var bytes = Array(text.utf8)
        var seen = -1
        let result = bytes.withUnsafeMutableBufferPointer {
            NumberReader.read(UnsafeBufferPointer($0), decimalComma: false, decimals: &seen)
        }
        #expect(result == .value(expected))
        #expect(seen == decimals)
    }

    @Test func decimalComma() {
        #expect(NumberReader.read("33833,61", decimalComma: true) == .value(33833.61))
        #expect(NumberReader.read("33.833,61", decimalComma: true) == .value(33833.61))
    }

    @Test(arguments: ["", ".", "-", "--", "null", "NaN", "N/A", "#N/A", "#N/A N/A", "  ", "NA"])
    func missingMarkers(text: String) {
        #expect(NumberReader.read(text) == .missing)
    }

    @Test(arguments: ["abc", "3,2x1", "Infinity", "1,23", "12.3.4", "$", "1,2345"])
    func invalid(text: String) {
        #expect(NumberReader.read(text) == .invalid)
    }

    /// On main the long-number path stripped `$` and thousands separators anywhere: `1e$3` read as
    /// 1000 and `1e3,5` as 1e35. They belong only at the front (`$`) and in the grouping of a
    /// plain decimal (1 to 3 digits, then groups of exactly three).
    @Test(arguments: ["1e$3", "1e3,5", "1,000e3", "$1e3", "1e", "1e+", "1e3.5", "1234,567", "12,345,67"])
    func signsAndSeparatorsOnlyWhereTheyBelong(text: String) {
        #expect(NumberReader.read(text) == .invalid, "\(text)")
    }

    @Test(arguments: [("1e-3", 0.001), ("2.5E+2", 250.0), ("$1,234,567.5", 1_234_567.5), ("-$4,293.93", -4293.93), ("4.9e-324", Double.leastNonzeroMagnitude)])
    func exponentsAndGroupingAsWritten(text: String, expected: Double) {
        #expect(NumberReader.read(text) == .value(expected), "\(text)")
    }
}

@Suite struct DateReaderTests {
    @Test(arguments: [
        ("2023-06-08", 2023, 6, 8),
        ("2023-6-8", 2023, 6, 8),
        ("2025-4-30", 2025, 4, 30),
        ("2000-01-03 00:00:00", 2000, 1, 3),
        ("2023-06-08T09:30:00Z", 2023, 6, 8),
        ("Aug 08, 2023", 2023, 8, 8),
        ("August 8, 2023", 2023, 8, 8),
        ("08 Aug 2023", 2023, 8, 8),
        ("8-Aug-23", 2023, 8, 8),
        ("2022年6月1日", 2022, 6, 1),
        ("20230608", 2023, 6, 8),
        ("2023/06/08", 2023, 6, 8),
    ])
    func unambiguousForms(text: String, year: Int, month: Int, day: Int) throws {
        let raw = try #require(DateReader.read(text))
        #expect(raw.form == .resolved)
        #expect(raw.day(order: nil) == Day(year: year, month: month, day: day))
    }

    @Test func numericFormsWaitForTheColumn() throws {
        let us = try #require(DateReader.read("6/8/2023"))
        #expect(us.form == .twoWays)
        #expect(us.day(order: .monthDayYear) == Day(year: 2023, month: 6, day: 8))
        #expect(us.day(order: .dayMonthYear) == Day(year: 2023, month: 8, day: 6))
        let short = try #require(DateReader.read("22-01-19"))
        #expect(short.form == .threeWays)
        #expect(short.day(order: .dayMonthYear) == Day(year: 2019, month: 1, day: 22))
        #expect(short.day(order: .yearMonthDay) == Day(year: 2022, month: 1, day: 19))
        let google = try #require(DateReader.read("5/11/2018 16:00:00"))
        #expect(google.day(order: .monthDayYear) == Day(year: 2018, month: 5, day: 11))
    }

    @Test(arguments: ["", "yesterday", "2023-13", "12:30", "Foo 8, 2023", "1/2", "123/4/2023", "60", "1686144600"])
    func notDates(text: String) {
        #expect(DateReader.read(text) == nil)
    }

    /// Numeric dates, each worked out by hand: Excel's 1900 system counts the 1900-02-29 that never
    /// was, so serial n ≥ 61 is 1899-12-30 + n days (45085: 1899-12-30 + 45085 days = 2023-06-08,
    /// 45085 − 25569 = 19516 days after 1970-01-01); epoch stamps at 00:00 UTC are that UTC date
    /// (1686182400 = 19516 × 86400; the milliseconds are 1000 times that).
    @Test(arguments: [
        ("45085", 2023, 6, 8), ("61", 0, 0, 0), ("2958465", 9999, 12, 31), ("1686182400", 2023, 6, 8),
        ("1686182400000", 2023, 6, 8), ("0000946684800", 2000, 1, 1), ("126230400000", 1974, 1, 1),
    ])
    func numericDates(text: String, year: Int, month: Int, day: Int) throws {
        guard year > 0 else {
            #expect(DateReader.read(text) == nil, "\(text): serials below 61 are not read")
            return
        }
        let raw = try #require(DateReader.read(text), "\(text)")
        #expect(raw.day(order: nil) == Day(year: year, month: month, day: day), "\(text)")
    }

    @Test func numericDatesPastTheYear9999AreRefusedWithWhatTheyWouldBe() throws {
        var serial = Array("2958466".utf8)
        let excel = serial.withUnsafeMutableBufferPointer { NumericDate.decode(UnsafeBufferPointer($0))?.reading }
        #expect(excel == .outOfRange("10000-01-01 as an Excel serial"))
        var epoch = Array("253402300800".utf8)
        let seconds = epoch.withUnsafeMutableBufferPointer { NumericDate.decode(UnsafeBufferPointer($0))?.reading }
        #expect(seconds == .outOfRange("10000-01-01T00:00:00Z"))
    }

    @Test(arguments: [("16:00", true), ("4:00 PM", true), ("16:00:00 ET", true), ("16", false), ("2023-06-08", false), ("1:2", false)])
    func timesOfDay(text: String, isTime: Bool) {
        var bytes = Array(text.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { DateReader.isTimeOfDay(UnsafeBufferPointer($0)) } == isTime, "\(text)")
    }

    @Test func resolverDecidesFromTheWholeColumn() throws {
        // Day 13 on the second row rules out month-first.
        let dmy = ["12/06/2023", "13/06/2023", "14/06/2023"].compactMap { DateReader.read($0) }
        let decision = try DateColumnResolver.decide(dmy, lineOf: { $0 + 2 }, override: nil).get()
        #expect(decision.order == .dayMonthYear)
        // 22-01-19, 23-01-19, 24-01-19: valid as DMY (Jan 22–24, 2019) and YMD (2022-01-19, 2023, 2024);
        // only DMY gives consecutive days.
        let ddmmyy = ["22-01-19", "23-01-19", "24-01-19", "25-01-19"].compactMap { DateReader.read($0) }
        let short = try DateColumnResolver.decide(ddmmyy, lineOf: { $0 + 2 }, override: nil).get()
        #expect(short.order == .dayMonthYear)
        // 01/02/2023 alone could be January 2 or February 1: the file cannot tell.
        let alone = [DateReader.read("01/02/2023")].compactMap { $0 }
        guard case .failure(let detail) = DateColumnResolver.decide(alone, lineOf: { $0 + 2 }, override: nil) else {
            Issue.record("one ambiguous date was resolved")
            return
        }
        #expect(detail.problem == .ambiguous([.monthDayYear, .dayMonthYear]))
        let forced = try DateColumnResolver.decide(alone, lineOf: { $0 + 2 }, override: .dayMonthYear).get()
        #expect(forced.order == .dayMonthYear)
    }
}
