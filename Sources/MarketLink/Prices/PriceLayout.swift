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
    /// Intraday bars with a header (`Datetime`, `Date,Time`, `timestamp` in epoch seconds or ms).
    case intradayBars = "intraday bars"
    /// MetaTrader's export: `<DATE>\t<TIME>\t<OPEN>...`.
    case metaTrader = "MetaTrader"
    /// Intraday bars with no header: time, open, high, low, close.
    case headerlessBars = "intraday bars, no header"
}
