import Testing

@testable import MarketLink

// Expectations from DESIGN §1: column roles go by name, ignoring case, spaces, underscores,
// quotes, a BOM and trailing `*`; close columns go by many names. Headers are the fixtures'
// header rows (fixtures/README.md) verbatim.

@Suite struct ColumnRoleTests {
    @Test(arguments: [
        ("Close*", ColumnRole.close),
        ("Adj Close**", .adjustedClose),
        ("Adj Close", .adjustedClose),
        ("Adj. Close", .adjustedClose),
        ("收盘", .close),
        ("收盘价", .close),
        ("Close/Last", .close),
        (" Close/Last", .close),
        ("Price", .close),
        ("PX_LAST", .close),
        ("CLOSE", .close),
        ("\u{FEFF}Date", .date),
        ("\"Date\"", .date),
        ("observation_date", .date),
        ("DATE", .date),
        ("日期", .date),
        ("时间", .date),
        ("代码", .symbol),
        ("permno", .symbol),
        ("Ticker", .symbol),
        ("Vol.", .other),
        ("Change %", .other),
        ("涨跌幅", .other),
        ("开盘价", .other),
        ("DJIA", .unknown),
        ("", .unknown),
    ])
    func roleByName(header: String, role: ColumnRole) {
        #expect(ColumnRole(header: header) == role)
    }

    @Test func aHugeCellIsNotNormalised() {
        // Longer than any name (256 bytes): unknown, whatever it ends with.
        #expect(ColumnRole(header: String(repeating: " ", count: 300) + "Close") == .unknown)
    }
}

@Suite struct PriceColumnsTests {
    static func columns(_ header: String, adjusted: Bool = false) throws(MarketLinkError) -> PriceColumns {
        try PriceColumns(header: header.split(separator: ",", omittingEmptySubsequences: false).map(String.init), adjustedClose: adjusted, file: "t.csv", headerLine: 3)
    }

    @Test func yahooWebTableTakesCloseStarAndSaysAdjustedIsThere() throws {
        let columns = try Self.columns("Date,Open,High,Low,Close*,Adj Close**,Volume")
        #expect(columns.dateIndex == 0)
        #expect(columns.valueIndexes == [4])
        #expect(columns.symbolIndex == nil)
        #expect(!columns.isWide)
        #expect(columns.notes.count == 1)
        #expect(columns.notes.first?.hasPrefix("\"Close*\" taken as the close") == true)
    }

    @Test func adjustedCloseWhenAskedFor() throws {
        let columns = try Self.columns("Date,Open,High,Low,Close*,Adj Close**,Volume", adjusted: true)
        #expect(columns.valueIndexes == [5])
        #expect(columns.notes.isEmpty)
    }

    @Test func adjustedCloseWhenThereIsNoOther() throws {
        let columns = try Self.columns("Date,Adj Close")
        #expect(columns.valueIndexes == [1])
        #expect(!columns.isWide)
        #expect(columns.notes == ["no plain close column: \"Adj Close\" taken as the close"])
    }

    @Test(arguments: [
        // Investing.com: `Price` is the close.
        ("Date,Price,Open,High,Low,Vol.,Change %", 0, 1),
        // baostock: the close is third.
        ("date,open,close,high,low,volume,amount,turn,pctChg", 0, 2),
        // Eastmoney: a row number first, the date second.
        ("序号,时间,开盘价,收盘价,当日最高,当日最低,成交量,成交额,涨跌幅", 1, 3),
        // Investing.com (Chinese site).
        ("日期,收盘,开盘,高,低,交易量,涨跌幅", 0, 1),
        // Nasdaq.com, trimmed.
        ("Date,Close/Last,Volume,Open,High,Low", 0, 1),
    ])
    func closeColumnByName(header: String, date: Int, close: Int) throws {
        let columns = try Self.columns(header)
        #expect(columns.dateIndex == date)
        #expect(columns.valueIndexes == [close])
        #expect(!columns.isWide)
        #expect(!columns.namesSeries)
    }

    @Test func panelWithAChineseSymbolColumn() throws {
        let columns = try Self.columns("代码,日期,收盘")
        #expect(columns.symbolIndex == 0)
        #expect(columns.dateIndex == 1)
        #expect(columns.valueIndexes == [2])
        #expect(!columns.isWide)
        #expect(columns.namesSeries)
    }

    @Test func wideFileTakesEveryUnknownColumn() throws {
        let columns = try Self.columns("Date,DJIA,SPX,HSI")
        #expect(columns.valueIndexes == [1, 2, 3])
        #expect(columns.isWide)
    }

    @Test func oneUnknownColumnIsASeriesNamedByIt() throws {
        // FRED (old): `DATE,DJIA`. One value column, but named by its header, as a wide file's are.
        let columns = try Self.columns("DATE,DJIA")
        #expect(columns.valueIndexes == [1])
        #expect(columns.isWide)
        #expect(columns.namesSeries)
    }

    @Test func unnamedColumnsAreNoSeries() throws {
        // A trailing empty header cell (a trailing comma) is not a value column.
        let columns = try Self.columns("Date,DJIA,")
        #expect(columns.valueIndexes == [1])
    }

    @Test(arguments: [
        ("Date,Open,High,Low", false, "t.csv:3:1: error: no close column"),
        ("Date,Symbol,A,B", false, "t.csv:3:1: error: the file has a symbol column but no close column"),
        ("Date,Close", true, "t.csv:3:1: error: an adjusted close was asked for, but the header has none (columns: Date, Close)"),
        ("Open,Close", false, "t.csv:3:1: error: no date column in the header"),
    ])
    func refusals(header: String, adjusted: Bool, message: String) {
        expectError(message) {
            _ = try Self.columns(header, adjusted: adjusted)
        }
    }
}
