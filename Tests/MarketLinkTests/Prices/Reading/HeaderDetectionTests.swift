import Testing

@testable import MarketLink

// Where the expectations come from: the bytes of each fixture (`cat -A fixtures/layouts/...`)
// and its row in fixtures/README.md. Line numbers are physical lines counted from 1; a blank
// line is never a preamble row (the tokenizer skips it) but still counts as a line.

@Suite struct HeaderDetectionTests {
    @Test func bloombergPreambleIsSkippedAndKept() throws {
        // Lines 1–3 `Security,SPX Index` / `Start Date,2023-06-01` / `End Date,2023-06-30`, line 4
        // blank, line 5 `Date,PX_LAST`, data from line 6 (CRLF throughout).
        let found = try ReadingSteps.header(try ReadingSteps.bytes(ofFixture: "fixtures/layouts/bloomberg.csv"))
        #expect(found.header.cells == ["Date", "PX_LAST"])
        #expect(found.header.line == 5)
        #expect(found.header.preamble.rows == [["Security", "SPX Index"], ["Start Date", "2023-06-01"], ["End Date", "2023-06-30"]])
        #expect(found.header.preamble.lines == [1, 2, 3])
        #expect(found.header.preamble.note == "skipped 3 lines before the header (1, 2, 3)")
        #expect(!found.header.isYFinance)
        #expect(found.nextLine == 6)
    }

    @Test func googleSheetsTickerCellLosesItsPadding() throws {
        // Line 1 is `INDEXDJX:.DJI,` (the sheet's second column empty), line 2 `Date,Close`.
        let found = try ReadingSteps.header(try ReadingSteps.bytes(ofFixture: "fixtures/layouts/google-sheets.csv"))
        #expect(found.header.cells == ["Date", "Close"])
        #expect(found.header.line == 2)
        #expect(found.header.preamble.rows == [["INDEXDJX:.DJI"]])
        #expect(found.header.preamble.note == "skipped 1 line before the header (1)")
        #expect(found.nextLine == 3)
    }

    @Test func yfinanceThreeHeaderRowsBecomeOne() throws {
        // `Price,Close,High,Low,Open,Volume` / `Ticker,^DJI,^DJI,^DJI,^DJI,^DJI` / `Date,,,,,`; data from line 4.
        let found = try ReadingSteps.header(try ReadingSteps.bytes(ofFixture: "fixtures/layouts/yfinance.csv"))
        #expect(found.header.isYFinance)
        #expect(found.header.cells == ["Date", "Close", "High", "Low", "Open", "Volume"])
        #expect(found.header.rawCells.first == "Price")
        #expect(found.header.line == 1)
        #expect(found.header.ticker == "^DJI")
        #expect(found.header.preamble.isEmpty)
        #expect(found.nextLine == 4)
    }

    @Test func yfinanceWithoutTheDateRowStartsDataOnLineThree() throws {
        let found = try ReadingSteps.header("Price,Open,Close\nTicker,^GSPC,^N225\n2023-06-01,1,2\n")
        #expect(found.header.isYFinance)
        // The ticker is the one above the close column, not the first.
        #expect(found.header.ticker == "^N225")
        #expect(found.nextLine == 3)
    }

    @Test func aPriceRowWithoutATickerRowIsNoYFinanceHeader() throws {
        // `Price,Close` has no date column, so it is preamble; `Date,Close` below is the header.
        let found = try ReadingSteps.header("Price,Close\nDate,Close\n2023-06-01,1\n")
        #expect(!found.header.isYFinance)
        #expect(found.header.line == 2)
        #expect(found.header.preamble.rows == [["Price", "Close"]])
    }

    @Test func quotedHeaderWithByteOrderMark() throws {
        // Yahoo's pasted web table: BOM, every cell quoted, `Close*` and `Adj Close**`.
        let found = try ReadingSteps.header(try ReadingSteps.bytes(ofFixture: "fixtures/layouts/yahoo-web-table.csv"))
        #expect(found.header.cells == ["Date", "Open", "High", "Low", "Close*", "Adj Close**", "Volume"])
        #expect(found.header.line == 1)
        #expect(found.header.preamble.isEmpty)
        #expect(found.header.preamble.note == nil)
    }

    @Test func spacesAreTrimmedButKeptInTheRawCells() throws {
        // WSJ: `Date, Open, High, Low, Close`.
        let found = try ReadingSteps.header(try ReadingSteps.bytes(ofFixture: "fixtures/layouts/wsj.csv"))
        #expect(found.header.cells == ["Date", "Open", "High", "Low", "Close"])
        #expect(found.header.rawCells == ["Date", " Open", " High", " Low", " Close"])
    }

    @Test func aLoneDateColumnIsNoHeader() throws {
        // `Date` alone is one non-empty cell: not a header, so the search goes on to line 2.
        let found = try ReadingSteps.header("Date\nDate,Close\n2023-06-01,1\n")
        #expect(found.header.line == 2)
    }

    @Test func sixtyThreePreambleLinesAreReadPast() throws {
        let text = (1...63).map { "note \($0)\n" }.joined() + "Date,Close\n2023-06-01,1\n"
        let found = try ReadingSteps.header(text)
        #expect(found.header.line == 64)
        #expect(found.header.preamble.lines == Array(1...63))
    }

    @Test func theSearchGivesUpAfterSixtyFourPreambleLines() {
        // The 64th row that is not a header ends the search, before line 65's header is read.
        let text = (1...64).map { "note \($0)\n" }.joined() + "Date,Close\n2023-06-01,1\n"
        expectError("long.csv:1:1: error: no header row found") {
            _ = try ReadingSteps.header(text, file: "long.csv")
        }
    }

    @Test func noHeaderPointsAtTheFirstLine() throws {
        // fixtures/bad/no-header.csv holds closes only, one a line.
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/bad/no-header.csv")
        expectError("no-header.csv:1:1: error: no header row found") {
            _ = try ReadingSteps.header(bytes, file: "no-header.csv")
        }
    }
}
