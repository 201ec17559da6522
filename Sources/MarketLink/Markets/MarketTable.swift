// MARK: - Table

/// The built-in markets and the index names and tickers that map to them.
///
/// Close times are the exchanges' published regular closes. A bare `000001` is a stock (Ping An
/// Bank on Shenzhen), not the Shanghai Composite, so it is deliberately not an alias.
public enum MarketTable {
    /// New York (NYSE and Nasdaq): `America/New_York`, close 16:00.
    public static let nyse = Market(id: "NYSE", name: "New York Stock Exchange", timeZone: "America/New_York", hour: 16, minute: 0)
    /// Shanghai: `Asia/Shanghai`, close 15:00.
    public static let sse = Market(id: "SSE", name: "Shanghai Stock Exchange", timeZone: "Asia/Shanghai", hour: 15, minute: 0)
    /// Hong Kong: `Asia/Hong_Kong`, close 16:00.
    public static let hkex = Market(id: "HKEX", name: "Hong Kong Exchanges", timeZone: "Asia/Hong_Kong", hour: 16, minute: 0)
    /// Tokyo: `Asia/Tokyo`, close 15:00, and 15:30 from 2024-11-05.
    public static let tse = Market(
        id: "TSE", name: "Tokyo Stock Exchange", timeZone: "Asia/Tokyo",
        closeTimes: [
            Market.CloseTime(hour: 15, minute: 0),
            Market.CloseTime(since: Day(ordinal: Int32(Day.ordinal(year: 2024, month: 11, day: 5))), hour: 15, minute: 30),
        ])
    /// London: `Europe/London`, close 16:30.
    public static let lse = Market(id: "LSE", name: "London Stock Exchange", timeZone: "Europe/London", hour: 16, minute: 30)
    /// Xetra (Frankfurt): `Europe/Berlin`, close 17:30.
    public static let xetra = Market(id: "XETRA", name: "Xetra", timeZone: "Europe/Berlin", hour: 17, minute: 30)
    /// Euronext Paris: `Europe/Paris`, close 17:30.
    public static let euronextParis = Market(id: "EPA", name: "Euronext Paris", timeZone: "Europe/Paris", hour: 17, minute: 30)
    /// Korea Exchange (Seoul): `Asia/Seoul`, close 15:30.
    public static let krx = Market(id: "KRX", name: "Korea Exchange", timeZone: "Asia/Seoul", hour: 15, minute: 30)
    /// Mumbai (NSE and BSE): `Asia/Kolkata`, close 15:30.
    public static let nse = Market(id: "NSE", name: "National Stock Exchange of India / BSE", timeZone: "Asia/Kolkata", hour: 15, minute: 30)
    /// Sydney: `Australia/Sydney`, close 16:00.
    public static let asx = Market(id: "ASX", name: "Australian Securities Exchange", timeZone: "Australia/Sydney", hour: 16, minute: 0)
    /// Toronto: `America/Toronto`, close 16:00.
    public static let tsx = Market(id: "TSX", name: "Toronto Stock Exchange", timeZone: "America/Toronto", hour: 16, minute: 0)
    /// Taipei: `Asia/Taipei`, close 13:30.
    public static let twse = Market(id: "TWSE", name: "Taiwan Stock Exchange", timeZone: "Asia/Taipei", hour: 13, minute: 30)

    /// Shenzhen: `Asia/Shanghai`, close 15:00.
    public static let szse = Market(id: "SZSE", name: "Shenzhen Stock Exchange", timeZone: "Asia/Shanghai", hour: 15, minute: 0)

    /// Every built-in market, the ones `Market` names can be looked up in.
    public static let markets: [Market] = [nyse, sse, szse, hkex, tse, lse, xetra, euronextParis, krx, nse, asx, tsx, twse]

    /// Every built-in index with its aliases (tickers, file names) and the names news text uses.
    public static let indexes: [IndexInfo] = [
        IndexInfo(
            name: "Dow Jones Industrial Average", displayName: "The Dow Jones Industrial Average",
            aliases: ["^DJI", "DJIA", "DJI", ".DJI", "INDEXDJX:.DJI", "DJIA Index", "INDU", "Dow Jones", "^DJIA"],
            writtenNames: [
                "Dow Jones Industrial Average", "Dow Jones industrials", "Dow Jones", "blue-chip Dow", "Dow industrials", "Dow",
                "道琼斯工业平均指数", "道琼斯指数", "道琼斯", "道指",
            ], market: nyse),
        IndexInfo(
            name: "S&P 500", displayName: "The S&P 500",
            aliases: ["^GSPC", "SPX", "SP500", "S&P 500", "S&P500", "GSPC", ".INX", "INDEXSP:.INX", "SPX Index", "^SPX", ".SPX"],
            writtenNames: ["Standard & Poor's 500", "S&P 500", "S&P500", "标普500指数", "标普500"], market: nyse),
        IndexInfo(
            name: "Nasdaq Composite", displayName: "The Nasdaq Composite",
            aliases: ["^IXIC", "IXIC", "COMP", "NASDAQCOM", ".IXIC", "CCMP", "Nasdaq Composite"],
            writtenNames: ["Nasdaq Composite", "tech-heavy Nasdaq", "Nasdaq", "纳斯达克综合指数", "纳斯达克指数", "纳指"], market: nyse),
        IndexInfo(
            name: "Nasdaq-100", displayName: "The Nasdaq-100", aliases: ["^NDX", "NDX", "Nasdaq-100", "Nasdaq 100"],
            writtenNames: ["Nasdaq-100", "Nasdaq 100"], market: nyse),
        IndexInfo(
            name: "SSE Composite", displayName: "The Shanghai Composite",
            aliases: ["000001.SS", "sh000001", "000001.SH", "SHCOMP", "上证指数", "SSE", "SSE Composite", "SHCOMP Index", "^SHCOMP"],
            writtenNames: [
                "Shanghai Stock Exchange Composite", "Shanghai Composite", "SSE Composite", "上证综合指数", "上证指数", "上证综指", "沪指",
            ], market: sse),
        IndexInfo(
            name: "Shenzhen Component", displayName: "The Shenzhen Component",
            aliases: ["399001.SZ", "sz399001", "SZCOMP", "SZSE Component", "深证成指"],
            writtenNames: ["Shenzhen Component", "SZSE Component", "深证成份指数", "深证成指", "深成指"], market: szse),
        IndexInfo(
            name: "ChiNext", displayName: "The ChiNext Index", aliases: ["399006.SZ", "sz399006", "ChiNext", "创业板指"],
            writtenNames: ["ChiNext", "创业板指数", "创业板指"], market: szse),
        IndexInfo(
            name: "CSI 300", displayName: "The CSI 300", aliases: ["000300.SS", "sh000300", "CSI300", "CSI 300", "沪深300"],
            writtenNames: ["CSI 300", "CSI300", "沪深300指数", "沪深300"], market: sse),
        IndexInfo(
            name: "Hang Seng", displayName: "The Hang Seng Index", aliases: ["^HSI", "HSI", "HSI Index", "Hang Seng"],
            writtenNames: ["Hang Seng", "恒生指数", "恒指"], market: hkex),
        IndexInfo(
            name: "Hang Seng China Enterprises", displayName: "The Hang Seng China Enterprises Index",
            aliases: ["^HSCE", "HSCE", "HSCEI"], writtenNames: ["Hang Seng China Enterprises", "国企指数"], market: hkex),
        IndexInfo(
            name: "Hang Seng Tech", displayName: "The Hang Seng Tech Index", aliases: ["^HSTECH", "HSTECH"],
            writtenNames: ["Hang Seng Tech", "恒生科技指数"], market: hkex),
        IndexInfo(
            name: "Nikkei 225", displayName: "The Nikkei 225", aliases: ["^N225", "N225", "NKY", "NIKKEI225", "Nikkei 225"],
            writtenNames: ["Nikkei Stock Average", "Nikkei 225", "Nikkei average", "Nikkei", "日经225指数", "日经225", "日经指数", "日経平均"],
            market: tse),
        IndexInfo(
            name: "Topix", displayName: "The Topix", aliases: ["^TOPX", "TOPX", "TPX", "TOPIX"],
            writtenNames: ["Topix", "東証株価指数"], market: tse),
        IndexInfo(
            name: "FTSE 100", displayName: "The FTSE 100", aliases: ["^FTSE", "FTSE", "UKX", "FTSE 100"],
            writtenNames: ["FTSE 100", "FTSE", "Footsie", "富时100指数", "富时100"], market: lse),
        IndexInfo(name: "DAX", displayName: "The DAX", aliases: ["^GDAXI", "GDAXI", "DAX"], writtenNames: ["DAX", "Dax"], market: xetra),
        IndexInfo(
            name: "CAC 40", displayName: "The CAC 40", aliases: ["^FCHI", "FCHI", "CAC", "CAC 40"], writtenNames: ["CAC 40", "CAC-40", "CAC"],
            market: euronextParis),
        IndexInfo(
            name: "KOSPI", displayName: "The KOSPI", aliases: ["^KS11", "KS11", "KOSPI"],
            writtenNames: ["Korea Composite Stock Price Index", "Kospi", "KOSPI"], market: krx),
        IndexInfo(
            name: "BSE Sensex", displayName: "The BSE Sensex", aliases: ["^BSESN", "BSESN", "SENSEX"],
            writtenNames: ["S&P BSE Sensex", "BSE Sensex", "Sensex"], market: nse),
        IndexInfo(
            name: "Nifty 50", displayName: "The Nifty 50", aliases: ["^NSEI", "NSEI", "NIFTY", "NIFTY 50", "NIFTY50"],
            writtenNames: ["NSE Nifty", "Nifty 50", "Nifty"], market: nse),
        IndexInfo(
            name: "S&P/ASX 200", displayName: "The S&P/ASX 200", aliases: ["^AXJO", "AXJO", "AS51", "ASX200"],
            writtenNames: ["S&P/ASX 200", "ASX 200", "ASX200"], market: asx),
        IndexInfo(
            name: "S&P/TSX Composite", displayName: "The S&P/TSX Composite", aliases: ["^GSPTSE", "GSPTSE", "SPTSX", "TSX"],
            writtenNames: ["S&P/TSX Composite", "TSX Composite", "TSX"], market: tsx),
        IndexInfo(
            name: "Taiwan Weighted", displayName: "The Taiwan Weighted Index", aliases: ["^TWII", "TWII", "TAIEX"],
            writtenNames: ["Taiwan Weighted", "Taiex", "TAIEX", "台湾加权指数"], market: twse),
    ]

    private static let byAlias: [String: IndexInfo] = {
        var table: [String: IndexInfo] = [:]
        // Tickers first; then the names news text uses, where no ticker took the name.
        for info in indexes {
            for alias in info.aliases { table[normalize(alias)] = info }
        }
        for info in indexes {
            for name in info.writtenNames where table[normalize(name)] == nil { table[normalize(name)] = info }
        }
        return table
    }()

    /// A name as looked up: lower case, without spaces and underscores. A name all in ASCII is
    /// normalised byte by byte (a wide file names 60,000 series), with the same result.
    static func normalize(_ name: String) -> String {
        normalizedASCII(name) ?? normalizedText(name)
    }

    /// `normalizedText(name)` for a name all in ASCII, read from its bytes; `nil` for any other.
    static func normalizedASCII(_ name: String) -> String? {
        ASCIIFolding.folded(name, removing: { $0 == 32 || $0 == 95 })
    }

    /// The rule on characters, for any name.
    static func normalizedText(_ name: String) -> String {
        String(name.lowercased().filter { $0 != " " && $0 != "_" })
    }

    /// The index a series name or ticker refers to (any case, spaces ignored), if known.
    ///
    /// Names as files carry them match too: a ticker with a vendor's mark around it (WSJ's `^SPX`,
    /// Refinitiv's `.SPX`, EODHD's `SPX.INDX`) and Investing.com's download names
    /// (`S&P 500 Historical Data`, also as a browser's second copy `... Historical Data (1)`). A
    /// bare `000001` stays unknown: it is a stock.
    public static func index(named name: String) -> IndexInfo? {
        let normalized = normalize(name)
        if let known = byAlias[normalized] { return known }
        var text = name.trimmingWhitespace
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), text[text.index(after: open)...].dropLast().allSatisfy(\.isNumber) {
            text = String(text[..<open]).trimmingWhitespace
        }
        for suffix in [" historical data", ".indx"] where text.lowercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count)).trimmingWhitespace
        }
        // The name itself was looked up above (most names, a wide file's columns, end here).
        let trimmed = normalize(text)
        if trimmed != normalized, let known = byAlias[trimmed] { return known }
        if let first = text.first, first == "^" || first == "." { return byAlias[normalize(String(text.dropFirst()))] }
        return nil
    }

    /// A market by its identifier (`NYSE`, `sse`, ...).
    public static func market(id: String) -> Market? {
        markets.first { $0.id.lowercased() == id.lowercased() }
    }
}
