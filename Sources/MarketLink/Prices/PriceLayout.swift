// MARK: - Layout

/// The price-file layouts MarketLink recognises (DESIGN §1), named as `inspect` reports them.
///
/// The layout is recognised from the header and the date form; it documents what was seen; the
/// reading itself is driven by column roles, so an unlisted layout with a date and a close column
/// still loads (as "date and close").
public enum PriceLayout: String, Sendable, CaseIterable {
    /// A Yahoo Finance download: `Date,Open,High,Low,Close,Adj Close,Volume`.
    case yahooDownload = "Yahoo download"
    /// A Yahoo Finance web table pasted as CSV (`Close*`, `Adj Close**`, quoted numbers).
    case yahooWebTable = "Yahoo web table"
    /// A Yahoo download re-saved by Excel (US or day-first numeric dates).
    case yahooExcel = "Yahoo re-saved in Excel"
    /// A yfinance `to_csv` file, with its three header rows (the ticker from the second).
    case yfinance = "yfinance"
    /// A Stooq download: `Date,Open,High,Low,Close,Volume`.
    case stooq = "Stooq"
    /// A FRED file of the old form: `DATE,DJIA`, `.` on holidays.
    case fredOld = "FRED (old)"
    /// A FRED file of the current form: `observation_date` and one or more series.
    case fred = "FRED"
    /// An Investing.com download (`Price` is the close; newest first).
    case investing = "Investing.com"
    /// A download from Investing.com's Chinese site (`日期,收盘,...`).
    case investingChinese = "Investing.com (Chinese)"
    /// A Nasdaq.com download (`Close/Last`, `$` prices).
    case nasdaq = "Nasdaq.com"
    /// A Wall Street Journal download (`Date, Open, High, Low, Close`).
    case wsj = "WSJ"
    /// A MarketWatch download.
    case marketWatch = "MarketWatch"
    /// A Google Sheets `GOOGLEFINANCE` export: a ticker cell, then `Date,Close`.
    case googleSheets = "Google Sheets"
    /// An Eastmoney export (`序号,时间,开盘价,收盘价,...`).
    case eastmoney = "Eastmoney"
    /// An akshare or Sina file (`date,open,high,low,close,volume`).
    case akshare = "akshare/Sina"
    /// A baostock file (`date,open,close,high,low,...`).
    case baostock = "baostock"
    /// A Bloomberg-style export: preamble lines, then `Date,PX_LAST`.
    case bloomberg = "Bloomberg"
    /// A panel: a symbol column beside date and close, one series per symbol.
    case panel = "panel"
    /// A wide file: a date column and several value columns, one series each.
    case wide = "wide"
    /// Any other file with a date and a close column.
    case generic = "date and close"
    /// Intraday bars with a header (`Datetime`, `Date,Time`, `timestamp` in epoch seconds or ms).
    case intradayBars = "intraday bars"
    /// MetaTrader's export: `<DATE>\t<TIME>\t<OPEN>...`.
    case metaTrader = "MetaTrader"
    /// Intraday bars with no header: time, open, high, low, close.
    case headerlessBars = "intraday bars, no header"
}
