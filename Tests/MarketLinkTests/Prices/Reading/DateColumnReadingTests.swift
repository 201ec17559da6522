import Testing

@testable import MarketLink

// Expectations from the fixtures' dates (fixtures/README.md and the files themselves):
// - yahoo-excel-us.csv: `1/3/2023` ... `1/31/2023`, the S&P 500's 20 sessions of January 2023;
//   the first date with a day above 12 is `1/13/2023` on line 10, which rules out day-first.
// - yahoo-excel-ddmmyy.csv: `12-12-22` ... `20-01-23`, the Hang Seng's 27 sessions from
//   2022-12-12 to 2023-01-20. Month-first fails (`13-12-22`); year-first gives 2012-12-22,
//   2013-12-22, ... (a year apart, so no pair of rows 1–7 days apart), day-first gives the 26
//   consecutive pairs of a daily series, none more than 5 days apart.

@Suite struct DateColumnReadingTests {
    static func reading(
        _ bytes: [UInt8], file: String = "t.csv", override: DateOrder? = nil
    ) throws(MarketLinkError) -> DateColumnReading {
        try ReadingSteps.withRows(bytes, file: file) { (rows: inout ReadingSteps.Rows) throws(MarketLinkError) in
            try DateColumnReading(rows.assembly, column: rows.header.cells[rows.columns.dateIndex], override: override)
        }
    }

    @Test func isoDatesNeedNoOrder() throws {
        let reading = try Self.reading(try ReadingSteps.bytes(ofFixture: "fixtures/sp500.csv"))
        #expect(reading.decision.order == nil)
        #expect(reading.description == "dates like \"2022-06-01\"")
        #expect(reading.firstDateResolved)
    }

    @Test func usDatesAreMonthFirstBecauseDayFirstFailsOnLineTen() throws {
        let reading = try Self.reading(try ReadingSteps.bytes(ofFixture: "fixtures/layouts/yahoo-excel-us.csv"))
        #expect(reading.decision.order == .monthDayYear)
        #expect(reading.description == "numeric dates like \"1/3/2023\", month/day/year: the only order valid for every row (DMY fails on line 10)")
        #expect(!reading.firstDateResolved)
    }

    @Test func twoDigitYearsAreDayFirstBecauseRowsLieDaysApart() throws {
        let reading = try Self.reading(try ReadingSteps.bytes(ofFixture: "fixtures/layouts/yahoo-excel-ddmmyy.csv"))
        #expect(reading.decision.order == .dayMonthYear)
        #expect(reading.description == "numeric dates like \"12-12-22\", day/month/year: rows 1–7 days apart under each order — DMY: 26, YMD: 0")
    }

    @Test func aColumnThatCannotTellIsRefusedAtItsFirstRow() throws {
        // fixtures/bad/ambiguous-day-month.csv: `01/02/2023` and `02/03/2023` are a month apart
        // either way, so neither order wins.
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/bad/ambiguous-day-month.csv")
        expectError("t.csv:2:1: error: date \"01/02/2023\" in column \"Date\" could be MDY or DMY") {
            _ = try Self.reading(bytes)
        }
        let forced = try Self.reading(bytes, override: .dayMonthYear)
        #expect(forced.decision.order == .dayMonthYear)
    }

    @Test func daysFollowTheOrderAcrossChunks() throws {
        // Split before line 10 (`1/13/2023`): rows 0–7 in the first chunk, 8–19 in the second.
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/layouts/yahoo-excel-us.csv")
        let (days, emptied) = try ReadingSteps.withRows(bytes, splitBefore: [10]) { (rows: inout ReadingSteps.Rows) throws(MarketLinkError) in
            let assembled = try rows.assembly.finish(order: .monthDayYear)
            return (assembled.series.first?.dayOrdinals ?? [], rows.assembly.stores.isEmpty)
        }
        #expect(days.count == 20)
        #expect(days.first == Day(year: 2023, month: 1, day: 3)?.ordinal)
        #expect(days[8] == Day(year: 2023, month: 1, day: 13)?.ordinal)
        #expect(days.last == Day(year: 2023, month: 1, day: 31)?.ordinal)
        #expect(emptied, "the storage moves into the series")
    }

    @Test func aDateThatIsNoDayIsRefusedWhereItIs() throws {
        // fixtures/bad/february-30.csv: line 3 is `2023-02-30,...`.
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/bad/february-30.csv")
        expectError("t.csv:3:1: error: \"2023-02-30\" is not a real date (") {
            try ReadingSteps.withRows(bytes) { (rows: inout ReadingSteps.Rows) throws(MarketLinkError) in
                let reading = try DateColumnReading(rows.assembly, column: "Date", override: nil)
                try reading.checkReal(rows.assembly)
            }
        }
    }
}
