// MARK: - Layout

/// The price-file layouts MarketLink recognises (DESIGN §1), named as `inspect` reports them.
///
/// The layout is recognised from the header and the date form; it documents what was seen; the
/// reading itself is driven by column roles, so an unlisted layout with a date and a close column
/// still loads (as "date and close").
public enum PriceLayout: String, Sendable, CaseIterable {
    case yahooDownload = "Yahoo download"
    case yahooWebTable = "Yahoo web table"
    case yahooExcel = "Yahoo re-saved in Excel"
    case yfinance = "yfinance"
    case stooq = "Stooq"
    case fredOld = "FRED (old)"
    case fred = "FRED"
    case investing = "Investing.com"
    case investingChinese = "Investing.com (Chinese)"
    case nasdaq = "Nasdaq.com"
    case wsj = "WSJ"
    case marketWatch = "MarketWatch"
    case googleSheets = "Google Sheets"
    case eastmoney = "Eastmoney"
    case akshare = "akshare/Sina"
    case baostock = "baostock"
    case bloomberg = "Bloomberg"
    case panel = "panel"
    case wide = "wide"
    case generic = "date and close"

    /// Recognises a layout from the header cells as written (trimmed), the preamble and the dates.
    static func recognise(
        header: [String], rawHeader: [String], preamble: [[String]], isYFinance: Bool, hasSymbol: Bool,
        isWide: Bool, isoDates: Bool
    ) -> PriceLayout {
        if isYFinance { return .yfinance }
        if preamble.contains(where: { ($0.first ?? "").lowercased() == "security" }) { return .bloomberg }
        let joined = header.joined(separator: ",")
        let spaced = rawHeader.dropFirst().allSatisfy { $0.hasPrefix(" ") } && rawHeader.count > 1
        if hasSymbol { return .panel }
        switch joined {
        case "Date,Open,High,Low,Close*,Adj Close**,Volume": return .yahooWebTable
        case "Date,Open,High,Low,Close,Adj Close,Volume": return isoDates ? .yahooDownload : .yahooExcel
        case "Date,Open,High,Low,Close,Volume": return .stooq
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
