// MARK: - Column roles

/// What a column of a price file holds, decided from its header text.
public enum ColumnRole: String, Sendable {
    /// The session date (`Date`, `observation_date`, `日期`, ...).
    case date
    /// The close (`Close`, `Price`, `Close/Last`, `PX_LAST`, `收盘`, ...).
    case close
    /// The adjusted close (`Adj Close`), taken only when asked for.
    case adjustedClose
    /// The symbol of a panel's row (`Symbol`, `Ticker`, `permno`, `代码`, ...).
    case symbol
    /// Open, high, low, volume, change and the like: read past, never a series of its own.
    case other
    /// Not recognised: in a file with no close column, each such column is a series (wide layout).
    case unknown

    /// Header text as compared: lower case, without spaces, underscores, BOM, quotes and trailing `*`.
    ///
    /// A header written in ASCII is normalised byte by byte (`normalizedASCII`), a wide file's
    /// 60,000 names in milliseconds; any other goes through `normalizedText`, the same rule on
    /// characters.
    public static func normalize(_ header: String) -> String {
        normalizedASCII(header) ?? normalizedText(header)
    }

    /// `normalizedText(header)` for a header all in ASCII, read from its bytes; `nil` for any other.
    /// For ASCII the two agree: lower-casing maps `A`–`Z` alone, the BOM cannot occur, and each
    /// character is one byte except CR LF, which no rule removes or strips.
    static func normalizedASCII(_ header: String) -> String? {
        ASCIIFolding.folded(header, removing: { $0 == 32 || $0 == 95 || $0 == 34 || $0 == 9 }, stripping: UInt8(ascii: "*"))
    }

    /// The rule on characters, for any text: lower case, then spaces, underscores, BOMs, quotes
    /// and tabs removed, then trailing `*` stripped.
    static func normalizedText(_ header: String) -> String {
        var text = header.lowercased()
        text.removeAll { $0 == " " || $0 == "_" || $0 == "\u{FEFF}" || $0 == "\"" || $0 == "\t" }
        while text.hasSuffix("*") { text.removeLast() }
        return text
    }

    static let names: [String: ColumnRole] = {
        var table: [String: ColumnRole] = [:]
        for name in [
            "date", "dates", "day", "time", "datetime", "timestamp", "observationdate", "tradedate", "tradingday",
            "日期", "时间", "交易日期", "日期时间", "日付", "fecha", "datum", "data",
        ] { table[name] = .date }
        for name in [
            "close", "close/last", "closelast", "price", "pxlast", "last", "closeprice", "closingprice", "收盘", "收盘价",
            "收盘点位", "今收盘", "收盘价(元)",
            // Nasdaq's official closing price, vendors' last price, futures settlements, a bare value.
            "nocp", "officialclose", "officialclosingprice", "lastprice", "lasttrade", "settle", "settlement", "settlementprice",
            "value", "終値", "schluss", "schlusskurs", "cierre", "clôture", "cloture", "chiusura", "fechamento", "fecho",
        ] { table[name] = .close }
        for name in ["adjclose", "adjustedclose", "adj.close", "adjcls", "复权收盘价"] { table[name] = .adjustedClose }
        for name in ["symbol", "ticker", "permno", "code", "tscode", "secid", "sym", "代码", "股票代码", "证券代码", "指数代码"] {
            table[name] = .symbol
        }
        for name in [
            "open", "high", "low", "volume", "vol", "vol.", "change", "change%", "chg", "chg%", "amount", "turn", "turnover",
            "pctchg", "pct_chg", "preclose", "adjustflag", "tradestatus", "isst", "dividends", "stocksplits", "openinterest",
            "openint", "name", "序号", "开盘", "开盘价", "今开", "高", "低", "最高", "最低", "最高价", "最低价", "当日最高", "当日最低", "交易量",
            "成交量", "成交额", "成交金额", "涨跌幅", "涨跌额", "振幅", "换手率", "名称", "前收盘", "昨收",
        ] { table[name] = .other }
        return table
    }()

    /// The date-role names written in ASCII, as bytes (for `isDateName(ascii:)`).
    static let asciiDateNames: [[UInt8]] = names.filter { $0.value == .date && $0.key.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.key.utf8) }

    /// Whether a header cell written in ASCII has the date role, read from its bytes: the same
    /// answer as `ColumnRole(header:)` on its trimmed text (for ASCII, lower-casing and
    /// comparing are byte by byte), without making a String — so that a header search can look
    /// at a row of millions of cells in milliseconds. `nil` when the cell is not all ASCII.
    /// `scratch` is reused between calls.
    static func isDateName(ascii bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> Bool? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        scratch.removeAll(keepingCapacity: true)
        for k in start..<end {
            let byte = bytes[k]
            if byte >= 0x80 { return nil }
            if byte == 32 || byte == 95 || byte == 34 || byte == 9 { continue }
            scratch.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
        }
        guard end - start <= 256 else { return false }
        while scratch.last == 42 { scratch.removeLast() }
        return asciiDateNames.contains(scratch)
    }

    /// Whether a close column holds futures settlements (`Settle`, `Settlement Price`): a contract's
    /// price, not an index level, so it may be at or below 0.
    static func isSettlement(_ header: String) -> Bool {
        ["settle", "settlement", "settlementprice"].contains(normalize(header))
    }

    /// The role of a header cell, matched ignoring case, spaces and trailing `*`; `other` for any name not known.
    public init(header: String) {
        // No name is near this long; a huge cell (a 5 MB line) is not normalised character by character.
        guard header.utf8.count <= 256 else {
            self = .unknown
            return
        }
        self = ColumnRole.names[ColumnRole.normalize(header)] ?? .unknown
    }
}
