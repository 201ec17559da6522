import Testing

@testable import MarketLink

// Expectations from the fixtures' rows (fixtures/README.md, and `cat` of each file):
// - layouts/panel.csv: `Date,Symbol,Close`, DJIA on lines 2–10 (9 sessions), HSI on lines 11–18
//   (8 rows, line 14's close empty: 7 sessions), SPX on lines 19–27 (9 sessions), 2023-04-03 to
//   2023-04-14; closes are the real ones of fixtures/source/closes-2022-2023.txt.
// - layouts/investing.csv: newest first, the SSE Composite's 20 sessions from 2023-05-04 to
//   2023-05-31, `"3,204.56"` on 2023-05-31.

@Suite struct SeriesAssemblyTests {
    static func assemble(_ bytes: [UInt8], splitBefore: [Int] = []) throws(MarketLinkError) -> AssembledSeries {
        try ReadingSteps.withRows(bytes, splitBefore: splitBefore) { (rows: inout ReadingSteps.Rows) throws(MarketLinkError) in
            let dates = try DateColumnReading(rows.assembly, column: rows.header.cells[rows.columns.dateIndex], override: nil)
            try dates.checkReal(rows.assembly)
            return try rows.assembly.finish(order: dates.decision.order)
        }
    }

    static func assemble(_ text: String, splitBefore: [Int] = []) throws(MarketLinkError) -> AssembledSeries {
        try assemble(Array(text.utf8), splitBefore: splitBefore)
    }

    @Test func panelSeriesJoinAcrossChunksInFirstAppearanceOrder() throws {
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/layouts/panel.csv")
        // Chunks split inside HSI's rows and inside SPX's.
        let split = try Self.assemble(bytes, splitBefore: [15, 23])
        #expect(split.series.map(\.name) == ["DJIA", "HSI", "SPX"])
        #expect(split.series.map(\.count) == [9, 7, 9])
        #expect(split.series.map { $0.firstDay?.iso } == ["2023-04-03", "2023-04-03", "2023-04-03"])
        #expect(split.series.map { $0.lastDay?.iso } == ["2023-04-14", "2023-04-14", "2023-04-14"])
        let hsi = split.series[1]
        #expect(hsi.close(on: try day("2023-04-06")) == 20331.20)
        #expect(hsi.close(on: try day("2023-04-10")) == nil)
        #expect(hsi.close(on: try day("2023-04-11")) == 20485.24)
        #expect(!split.newestFirst)
        #expect(split.notes.isEmpty)
        // The same series as from one chunk.
        #expect(try Self.assemble(bytes).series == split.series)
    }

    @Test func newestFirstIsReversed() throws {
        let assembled = try Self.assemble(try ReadingSteps.bytes(ofFixture: "fixtures/layouts/investing.csv"))
        #expect(assembled.newestFirst)
        let series = try #require(assembled.series.first)
        #expect(series.count == 20)
        #expect(series.firstDay?.iso == "2023-05-04")
        #expect(series.lastDay?.iso == "2023-05-31")
        #expect(series.close(at: series.count - 1) == 3204.56)
        #expect(series.decimals == 2)
    }

    @Test func duplicateDateAcrossChunksNamesBothLines() {
        expectError("t.csv:4:1: error: duplicate date 2023-06-02 (also on line 3)") {
            _ = try Self.assemble("Date,Close\n2023-06-01,1\n2023-06-02,2\n2023-06-02,3\n", splitBefore: [4])
        }
    }

    @Test func panelDuplicateNamesTheSymbol() {
        expectError("t.csv:4:1: error: duplicate date 2023-06-01 for A (also on line 2)") {
            _ = try Self.assemble("Date,Symbol,Close\n2023-06-01,A,1\n2023-06-01,B,1\n2023-06-01,A,2\n")
        }
    }

    @Test func aStepBackInANewestFirstFileIsOutOfOrder() {
        // 06-03, 06-01, 06-02: newest first by its ends, but line 4 steps back up after line 3.
        expectError("t.csv:4:1: error: date 2023-06-02 is out of order: line 3 has 2023-06-01") {
            _ = try Self.assemble("Date,Close\n2023-06-03,1\n2023-06-01,2\n2023-06-02,3\n")
        }
    }

    @Test func aColumnWithNoCloseIsNoSeries() throws {
        let assembled = try Self.assemble("Date,A,B\n2023-06-01,1,\n2023-06-02,2,\n")
        #expect(assembled.series.map(\.name) == ["A"])
        #expect(assembled.notes == ["B: no closes at all; no series"])
    }

    @Test func decimalsAreTheMostWrittenAtMostTen() throws {
        let assembled = try Self.assemble("Date,A,B\n2023-06-01,1.5,1.123456789012\n2023-06-02,2.125,2\n")
        #expect(assembled.series.map(\.decimals) == [3, 10])
    }
}
