import Testing

@testable import MarketLink

// Expectations from fixtures/README.md ("Series names follow the loader's rules") and DESIGN §1:
// yfinance's ticker row, Bloomberg's `Security` line without ` Index`, Google Sheets' ticker cell,
// panels by symbol, FRED and wide files by column header, everything else by the file name.

@Suite struct SeriesNamingTests {
    static func header(ofFixture path: String) throws -> DetectedHeader {
        try ReadingSteps.header(try ReadingSteps.bytes(ofFixture: path)).header
    }

    static func series(_ names: [String]) throws -> [Series] {
        let first = try day("2023-06-01")
        return names.compactMap { Series(name: $0, days: [first], closes: [1]) }
    }

    @Test(arguments: [
        ("fixtures/layouts/bloomberg.csv", "SPX", "the Security line"),
        ("fixtures/layouts/google-sheets.csv", "INDEXDJX:.DJI", "the ticker cell above the header"),
        ("fixtures/layouts/yfinance.csv", "^DJI", "the yfinance ticker row"),
        ("fixtures/layouts/yahoo-download.csv", "yahoo-download", "the file name"),
    ])
    func nameFromTheFile(path: String, name: String, source: String) throws {
        let found = SeriesNaming.nameFromFile(file: path, header: try Self.header(ofFixture: path))
        #expect(found.name == name)
        #expect(found.source == source)
    }

    @Test func fileNamesSayWhichIndex() {
        // DESIGN §1: `^SPX.csv`, `S&P 500 Historical Data.csv`.
        #expect(SeriesNaming.fileStem("/data/^SPX.csv") == "^SPX")
        #expect(SeriesNaming.fileStem("S&P 500 Historical Data.csv") == "S&P 500 Historical Data")
        #expect(SeriesNaming.fileStem("prices") == "prices")
    }

    @Test func theOneSeriesTakesTheFilesNameAndItsIndex() throws {
        var series = try Self.series(["close"])
        let note = try SeriesNaming.name(
            &series, file: "fixtures/layouts/bloomberg.csv", header: try Self.header(ofFixture: "fixtures/layouts/bloomberg.csv"),
            namedByColumns: false, given: nil)
        #expect(note == "series name \"SPX\" from the Security line")
        #expect(series.map(\.name) == ["SPX"])
        #expect(series.first?.index?.displayName == "The S&P 500")
        #expect(series.first?.market?.id == "NYSE")
    }

    @Test func aGivenNameWins() throws {
        var series = try Self.series(["close"])
        let note = try SeriesNaming.name(
            &series, file: "yf.csv", header: try Self.header(ofFixture: "fixtures/layouts/yfinance.csv"), namedByColumns: false,
            given: "Prices")
        #expect(note == "series name \"Prices\" from the name given with the file")
        #expect(series.map(\.name) == ["Prices"])
        // "Prices" names no index ("Dow" now does: the market table knows the names news text uses).
        #expect(series.first?.index == nil)
    }

    @Test func aLoneColumnSeriesIsRenamedOnlyWhenAsked() throws {
        let header = try ReadingSteps.header("DATE,DJIA\n2023-06-01,1\n").header
        var kept = try Self.series(["DJIA"])
        #expect(try SeriesNaming.name(&kept, file: "x.csv", header: header, namedByColumns: true, given: nil) == nil)
        #expect(kept.map(\.name) == ["DJIA"])
        var renamed = try Self.series(["DJIA"])
        #expect(try SeriesNaming.name(&renamed, file: "x.csv", header: header, namedByColumns: true, given: "SP500") == "series name \"SP500\" from the name given with the file")
        #expect(renamed.first?.market?.id == "NYSE")
    }

    @Test func aNameForSeveralSeriesIsAUsageError() throws {
        let header = try ReadingSteps.header("Date,Symbol,Close\n").header
        var series = try Self.series(["DJIA", "HSI", "SPX"])
        do {
            _ = try SeriesNaming.name(&series, file: "panel.csv", header: header, namedByColumns: true, given: "X")
            Issue.record("a name for three series was taken")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message == "the name \"X\" is for one series, but the file has 3 (DJIA, HSI, SPX)")
        }
    }
}

@Suite struct LayoutDetectionTests {
    static func layout(
        _ header: String, raw: String? = nil, preamble: [[String]] = [], yfinance: Bool = false, symbol: Bool = false,
        wide: Bool = false, resolved: Bool = true
    ) -> PriceLayout {
        let cells = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rawCells = (raw ?? header).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return PriceLayout.recognise(
            header: cells, rawHeader: rawCells, preamble: preamble, isYFinance: yfinance, hasSymbol: symbol, isWide: wide,
            firstDateResolved: resolved)
    }

    // DESIGN §1's table: the same header can be two layouts, told apart by what else was seen.
    @Test func yahooDownloadOrExcelByTheDateForm() {
        #expect(Self.layout("Date,Open,High,Low,Close,Adj Close,Volume", resolved: true) == .yahooDownload)
        #expect(Self.layout("Date,Open,High,Low,Close,Adj Close,Volume", resolved: false) == .yahooExcel)
    }

    @Test func wsjOrMarketWatchByTheSpaces() {
        #expect(Self.layout("Date,Open,High,Low,Close", raw: "Date, Open, High, Low, Close") == .wsj)
        #expect(Self.layout("Date,Open,High,Low,Close") == .marketWatch)
    }

    @Test func whatWasSeenBeforeTheHeaderDecidesFirst() {
        #expect(Self.layout("Date,Close,High,Low,Open,Volume", yfinance: true) == .yfinance)
        #expect(Self.layout("Date,Close", preamble: [["Security", "SPX Index"], ["Start Date", "2023-06-01"]]) == .bloomberg)
        #expect(Self.layout("Date,Close", preamble: [["INDEXDJX:.DJI"]]) == .googleSheets)
        // A one-cell preamble above a wider header is no Google Sheets export.
        #expect(Self.layout("Date,Open,Close", preamble: [["INDEXDJX:.DJI"]]) == .generic)
    }

    @Test func panelsFredAndWideFiles() {
        #expect(Self.layout("Date,Symbol,Open,High,Low,Close,Volume", symbol: true) == .panel)
        #expect(Self.layout("DATE,DJIA", wide: true) == .fredOld)
        #expect(Self.layout("observation_date,DJIA,SP500", wide: true) == .fred)
        #expect(Self.layout("Date,DJIA,SPX,HSI", wide: true) == .wide)
        #expect(Self.layout("Date,Close") == .generic)
    }
}
