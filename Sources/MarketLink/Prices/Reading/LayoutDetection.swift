import Foundation

// MARK: - Layout detection

/// Which of the layouts of DESIGN §1 a price file is, decided from what reading it found: the
/// header as written, the preamble, yfinance's header rows, the columns taken and the form of
/// the first date. It changes nothing in how the file is read; `inspect` shows it.
extension PriceLayout {
    /// Recognises the layout of a file whose header and columns have been found.
    /// `firstDateISO` says whether the first date is written `yyyy-MM-dd`; `closeDecimals` is the
    /// most digits after the decimal mark in any close.
    static func recognise(
        header: DetectedHeader, columns: PriceColumns, firstDateResolved: Bool, firstDateISO: Bool = true, closeDecimals: Int = 2
    ) -> PriceLayout {
        recognise(
            header: header.cells, rawHeader: header.rawCells.map { $0.unicodeScalars.contains("\u{FEFF}") ? $0.replacingOccurrences(of: "\u{FEFF}", with: "") : $0 },
            preamble: header.preamble.rows, isYFinance: header.isYFinance, hasSymbol: columns.symbolIndex != nil,
            isWide: columns.isWide, firstDateResolved: firstDateResolved, firstDateISO: firstDateISO, closeDecimals: closeDecimals)
    }

    /// Digits after the decimal mark from which closes are a float written in full (yfinance's
    /// `3231.409912109375`, `33833.609375`), not a price as a vendor rounds it (Stooq's `4101.23`).
    static let fullFloatDecimals = 6

    /// Recognises a layout from the header cells as written (trimmed), the preamble and the dates.
    static func recognise(
        header: [String], rawHeader: [String], preamble: [[String]], isYFinance: Bool, hasSymbol: Bool,
        isWide: Bool, firstDateResolved: Bool, firstDateISO: Bool = true, closeDecimals: Int = 2
    ) -> PriceLayout {
        if isYFinance { return .yfinance }
        if preamble.contains(where: { ($0.first ?? "").lowercased() == "security" }) { return .bloomberg }
        let joined = header.joined(separator: ",")
        let spaced = rawHeader.dropFirst().allSatisfy { $0.hasPrefix(" ") } && rawHeader.count > 1
        if hasSymbol { return .panel }
        switch joined {
        case "Date,Open,High,Low,Close*,Adj Close**,Volume": return .yahooWebTable
        case "Date,Open,High,Low,Close,Adj Close,Volume": return firstDateResolved ? .yahooDownload : .yahooExcel
        // The same header from Stooq (ISO dates, rounded prices) and from yfinance without its
        // extra header rows (floats in full); with other dates it is neither.
        case "Date,Open,High,Low,Close,Volume":
            if closeDecimals >= fullFloatDecimals { return .yfinance }
            return firstDateISO ? .stooq : .generic
        // yfinance's one-row header (`multi_level_index=False`: columns in alphabetical order) and
        // `Ticker.history()` (with dividends and splits).
        case "Date,Close,High,Low,Open,Volume", "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits",
            "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits,Capital Gains":
            return .yfinance
        case "date,open,high,low,close,volume": return .akshare
        case "date,open,close,high,low,volume,amount,turn,pctChg": return .baostock
        case "Date,Price,Open,High,Low,Vol.,Change %": return .investing
        case "日期,收盘,开盘,高,低,交易量,涨跌幅": return .investingChinese
        case "Date,Close/Last,Volume,Open,High,Low": return .nasdaq
        case "Date,Open,High,Low,Close": return spaced ? .wsj : .marketWatch
        case "Date,PX_LAST": return .bloomberg
        default: break
        }
        if header.first == "序号", header.contains("时间") { return .eastmoney }
        if header.first == "DATE", header.count == 2 { return .fredOld }
        if header.first == "observation_date" { return .fred }
        if preamble.count == 1, preamble[0].count == 1, header.count == 2 { return .googleSheets }
        if isWide { return .wide }
        return .generic
    }
}
