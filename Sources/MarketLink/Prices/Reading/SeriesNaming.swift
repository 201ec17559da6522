import Foundation

// MARK: - Series naming

/// Names the series of a price file.
///
/// A panel's series are named by their symbols and a wide file's by their column headers, as
/// they were assembled. The one series of a date-and-close file is named, first match wins:
/// by the name the caller gave (`NAME=path`), else yfinance's ticker row, else a Bloomberg
/// `Security` line (without ` Index`), else a lone ticker cell above the header (Google Sheets),
/// else the file name without its extension. A given name also renames a lone series named by
/// its column or symbol (FRED's `DATE,DJIA`, a one-symbol panel); for several series it is a
/// usage error. A renamed series takes the index and market its new name has in `MarketTable`.
enum SeriesNaming {
    /// Renames `series` in place, and returns the note saying where the name came from (`nil`
    /// when no name was decided here).
    static func name(
        _ series: inout [Series], file: String, header: DetectedHeader, namedByColumns: Bool, given: String?
    ) throws(MarketLinkError) -> String? {
        if !namedByColumns, series.count == 1 {
            var (name, source) = nameFromFile(file: file, header: header)
            if let given { (name, source) = (given, "the name given with the file") }
            series[0] = renamed(series[0], to: name)
            return "series name \(quoted(name)) from \(source)"
        } else if let given, series.count == 1 {
            // One series from a column or symbol name (FRED's `DATE,DJIA`, a one-symbol panel).
            series[0] = renamed(series[0], to: given)
            return "series name \(quoted(given)) from the name given with the file"
        } else if let given {
            throw MarketLinkError(.nameForSeveralSeries(given, series: series.map(\.name)))
        }
        return nil
    }

    /// The name the file itself gives its one series, and where it was found.
    static func nameFromFile(file: String, header: DetectedHeader) -> (name: String, source: String) {
        let preamble = header.preamble.rows
        if let ticker = header.ticker, !ticker.isEmpty {
            return (ticker, "the yfinance ticker row")
        } else if let security = preamble.first(where: { ($0.first ?? "").lowercased() == "security" }), security.count > 1 {
            var text = security[1]
            if text.hasSuffix(" Index") { text.removeLast(6) }
            return (text, "the Security line")
        } else if preamble.count == 1, preamble[0].count == 1, !preamble[0][0].isEmpty {
            return (preamble[0][0], "the ticker cell above the header")
        }
        return (fileStem(file), "the file name")
    }

    /// The series under another name, with the index and market that name has.
    static func renamed(_ series: Series, to name: String) -> Series {
        var copy = series
        copy.name = name
        copy.index = MarketTable.index(named: name)
        copy.market = copy.index?.market
        return copy
    }

    /// The last path component without its extension (the whole component when that is empty).
    static func fileStem(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }
}
