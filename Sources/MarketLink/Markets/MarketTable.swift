// MARK: - Table

/// The built-in markets and the index names and tickers that map to them.
///
/// Close times are the exchanges' published regular closes. A bare `000001` is a stock (Ping An
/// Bank on Shenzhen), not the Shanghai Composite, so it is deliberately not an alias.
public enum MarketTable {
    public static let nyse = Market(id: "NYSE", name: "New York Stock Exchange", timeZone: "America/New_York", hour: 16, minute: 0)
    public static let sse = Market(id: "SSE", name: "Shanghai Stock Exchange", timeZone: "Asia/Shanghai", hour: 15, minute: 0)
    public static let hkex = Market(id: "HKEX", name: "Hong Kong Exchanges", timeZone: "Asia/Hong_Kong", hour: 16, minute: 0)
    public static let tse = Market(
        id: "TSE", name: "Tokyo Stock Exchange", timeZone: "Asia/Tokyo",
        closeTimes: [
            Market.CloseTime(hour: 15, minute: 0),
            Market.CloseTime(since: Day(ordinal: Int32(Day.ordinal(year: 2024, month: 11, day: 5))), hour: 15, minute: 30),
        ])
    public static let lse = Market(id: "LSE", name: "London Stock Exchange", timeZone: "Europe/London", hour: 16, minute: 30)
    public static let xetra = Market(id: "XETRA", name: "Xetra", timeZone: "Europe/Berlin", hour: 17, minute: 30)
    public static let euronextParis = Market(id: "EPA", name: "Euronext Paris", timeZone: "Europe/Paris", hour: 17, minute: 30)
    public static let krx = Market(id: "KRX", name: "Korea Exchange", timeZone: "Asia/Seoul", hour: 15, minute: 30)
    public static let nse = Market(id: "NSE", name: "National Stock Exchange of India / BSE", timeZone: "Asia/Kolkata", hour: 15, minute: 30)
    public static let asx = Market(id: "ASX", name: "Australian Securities Exchange", timeZone: "Australia/Sydney", hour: 16, minute: 0)
    public static let tsx = Market(id: "TSX", name: "Toronto Stock Exchange", timeZone: "America/Toronto", hour: 16, minute: 0)
    public static let twse = Market(id: "TWSE", name: "Taiwan Stock Exchange", timeZone: "Asia/Taipei", hour: 13, minute: 30)

    public static let markets: [Market] = [nyse, sse, hkex, tse, lse, xetra, euronextParis, krx, nse, asx, tsx, twse]

    public static let indexes: [IndexInfo] = [
        IndexInfo(displayName: "The Dow Jones Industrial Average", aliases: ["^DJI", "DJIA", "DJI", ".DJI", "INDEXDJX:.DJI", "DJIA Index", "INDU", "Dow Jones"], market: nyse),
        IndexInfo(displayName: "The S&P 500", aliases: ["^GSPC", "SPX", "SP500", "S&P 500", "S&P500", "GSPC", ".INX", "INDEXSP:.INX", "SPX Index"], market: nyse),
        IndexInfo(displayName: "The Nasdaq Composite", aliases: ["^IXIC", "IXIC", "COMP", "NASDAQCOM", ".IXIC", "CCMP", "Nasdaq Composite"], market: nyse),
        IndexInfo(displayName: "The Shanghai Composite", aliases: ["000001.SS", "sh000001", "000001.SH", "SHCOMP", "上证指数", "SSE", "SSE Composite", "SHCOMP Index"], market: sse),
        IndexInfo(displayName: "The Hang Seng Index", aliases: ["^HSI", "HSI", "HSI Index", "Hang Seng"], market: hkex),
        IndexInfo(displayName: "The Nikkei 225", aliases: ["^N225", "N225", "NKY", "NIKKEI225", "Nikkei 225"], market: tse),
        IndexInfo(displayName: "The FTSE 100", aliases: ["^FTSE", "FTSE", "UKX", "FTSE 100"], market: lse),
        IndexInfo(displayName: "The DAX", aliases: ["^GDAXI", "GDAXI", "DAX"], market: xetra),
        IndexInfo(displayName: "The CAC 40", aliases: ["^FCHI", "FCHI", "CAC", "CAC 40"], market: euronextParis),
        IndexInfo(displayName: "The KOSPI", aliases: ["^KS11", "KS11", "KOSPI"], market: krx),
        IndexInfo(displayName: "The BSE Sensex", aliases: ["^BSESN", "BSESN", "SENSEX"], market: nse),
        IndexInfo(displayName: "The Nifty 50", aliases: ["^NSEI", "NSEI", "NIFTY", "NIFTY 50", "NIFTY50"], market: nse),
        IndexInfo(displayName: "The S&P/ASX 200", aliases: ["^AXJO", "AXJO", "AS51", "ASX200"], market: asx),
        IndexInfo(displayName: "The S&P/TSX Composite", aliases: ["^GSPTSE", "GSPTSE", "SPTSX", "TSX"], market: tsx),
        IndexInfo(displayName: "The Taiwan Weighted Index", aliases: ["^TWII", "TWII", "TAIEX"], market: twse),
    ]

    private static let byAlias: [String: IndexInfo] = {
        var table: [String: IndexInfo] = [:]
        for info in indexes {
            for alias in info.aliases { table[normalize(alias)] = info }
        }
        return table
    }()

    static func normalize(_ name: String) -> String {
        String(name.lowercased().filter { $0 != " " && $0 != "_" })
    }

    /// The index a series name or ticker refers to (any case, spaces ignored), if known.
    public static func index(named name: String) -> IndexInfo? {
        byAlias[normalize(name)]
    }

    /// A market by its identifier (`NYSE`, `sse`, ...).
    public static func market(id: String) -> Market? {
        markets.first { $0.id.lowercased() == id.lowercased() }
    }
}
