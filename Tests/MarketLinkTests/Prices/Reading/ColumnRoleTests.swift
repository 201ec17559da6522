import Foundation
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

// The byte-by-byte normalisation of ASCII headers (a wide file's 60,000 names) against the rule
// on characters, over every name of the role table in several spellings, every ASCII byte,
// CR LF pairs, quotes, stars and random ASCII text; other text is never taken by it.
@Suite struct HeaderNormalisationTests {
    /// Spellings of `name` a file may use, each normalised to `name`: as it is, upper case,
    /// capitalised, spaced, underscored, quoted, starred, with a tab.
    static func spellings(_ name: String) -> [String] {
        [
            name, name.uppercased(), name.capitalized, " \(name) ", "_\(name)_", "\"\(name)\"", "\(name)*", "\(name)**", "\(name) * *",
            "\t\(name)", name.map { "\($0) " }.joined(), name.map { "\($0)_" }.joined(),
        ]
    }

    /// ASCII text only: every ASCII name of the role table in its spellings and in some that
    /// are not the name (a leading star, CR LF before or after the stars), every byte, random text.
    static var asciiSamples: [String] {
        var samples: [String] = []
        for name in ColumnRole.names.keys.sorted() where name.utf8.allSatisfy({ $0 < 0x80 }) {
            samples += spellings(name) + ["*\(name)", "\(name)\r\n*", "\(name)*\r\n", "\r\n\(name)"]
        }
        for byte in UInt8(0)..<0x80 {
            let c = String(decoding: [byte], as: UTF8.self)
            samples += [c, "A\(c)b", "\(c)*", "*\(c)", "Close\(c)", "\(c)Date\(c)"]
        }
        samples += ["", "*", "**", " ", "\r\n", "\r\n\r\n", "x\r\n*", "S000001", "Adj Close", "ADJ_CLOSE", "Close/Last", "PX_LAST", "Vol.", "Change %"]
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let alphabet: [UInt8] = Array(0..<0x80) + Array(repeating: UInt8(ascii: "*"), count: 20) + Array(repeating: 32, count: 20)
            samples.append(String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 65 }, as: UTF8.self))
        }
        return samples
    }

    @Test func asciiHeadersNormaliseAsTheRuleOnCharacters() {
        for sample in Self.asciiSamples {
            let fast = ColumnRole.normalizedASCII(sample)
            #expect(fast != nil, "\(Array(sample.utf8))")
            #expect(fast == ColumnRole.normalizedText(sample), "\(Array(sample.utf8))")
            // Byte for byte too, not only equal as Strings.
            #expect(fast.map { Array($0.utf8) } == Array(ColumnRole.normalizedText(sample).utf8), "\(Array(sample.utf8))")
            #expect(ColumnRole.normalize(sample) == ColumnRole.normalizedText(sample))
        }
    }

    @Test func theFastPathFindsTheRolesOfTheTable() {
        for (name, role) in ColumnRole.names where name.utf8.allSatisfy({ $0 < 0x80 }) {
            for spelling in Self.spellings(name) { #expect(ColumnRole(header: spelling) == role, "\(spelling)") }
        }
        #expect(ColumnRole(header: "S000001") == .unknown)
        #expect(ColumnRole(header: "Adj Close") == .adjustedClose)
        #expect(ColumnRole.normalize("  Adj_Close** ") == "adjclose")
    }

    @Test(arguments: [
        "收盘", "Clôture", "CLÔTURE", "Close\u{FEFF}", "\u{FEFF}Date", "Date\u{00A0}", "Ｃｌｏｓｅ", "\u{212A}", "İstanbul", "ß", "Straße*",
        "Cloture\u{0301}", "e\u{0301}*", "\u{0130}", "Σ", "ΑΣ", "Close*\u{0301}", "日期 ", "Prix de clôture",
    ])
    func otherTextIsLeftToTheRuleOnCharacters(header: String) {
        #expect(ColumnRole.normalizedASCII(header) == nil)
        #expect(ColumnRole.normalize(header) == ColumnRole.normalizedText(header))
    }

    @Test func marketNamesNormaliseAsTheRuleOnCharacters() {
        for sample in Self.asciiSamples + ["S&P 500 Historical Data", "^GSPC", ".SPX", "000001.SH", "Hang_Seng"] {
            #expect(MarketTable.normalizedASCII(sample) != nil)
            #expect(MarketTable.normalizedASCII(sample).map { Array($0.utf8) } == Array(MarketTable.normalizedText(sample).utf8), "\(Array(sample.utf8))")
        }
        for other in ["恒生指数", "Nikkei 225 — Historical", "\u{212A}SPI", "Ｓ＆Ｐ"] {
            #expect(MarketTable.normalizedASCII(other) == nil)
            #expect(MarketTable.normalize(other) == MarketTable.normalizedText(other))
        }
    }
}

@Suite struct TallyNameTests {
    @Test func asciiTallyNamesAgreeWithTheRuleOnCharacters() {
        var samples = HeaderNormalisationTests.asciiSamples
        for name in ["count", "sum", "x_count", "x_sum", "x count", "x sum", "xcount", "xsum", "counts", "summary", "_count", "_sum", " count", " sum"] {
            samples += [name, name.uppercased(), name.capitalized, " \(name)\t", "\t\(name) ", "\(name)\r\n", "\r\n\(name)", "a\r\n\(name)"]
        }
        samples += ["Score_Sum", "DIPLOMACY_COUNT", "Total Count", "  count  ", "count*", String(repeating: "a", count: 300) + "_count"]
        var tallies = 0
        for sample in samples {
            let fast = PriceColumns.isTallyASCII(sample)
            #expect(fast != nil)
            #expect(fast == PriceColumns.isTallyText(sample), "\(Array(sample.utf8))")
            if fast == true { tallies += 1 }
        }
        #expect(tallies > 40)
        #expect(PriceColumns.isTally("event_count"))
        #expect(PriceColumns.isTally(" Score Sum "))
        #expect(!PriceColumns.isTally("discount"))
        #expect(PriceColumns.isTallyASCII("Anzahl_count\u{00E9}") == nil)
        #expect(PriceColumns.isTally("Événements_count"))
    }
}
