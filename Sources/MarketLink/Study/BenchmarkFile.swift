// MARK: - Benchmark file

/// The benchmark of a market-model or market-adjusted study: one series from one price file.
public struct BenchmarkFile: Sendable {
    /// The file as loaded.
    public var file: PriceFile
    /// Its one series.
    public var series: Series

    /// Loads `argument` (a path, or `NAME=path`) as `SeriesCollection` does; the file must hold
    /// exactly one series (a panel or wide file with several is refused: name a one-series file).
    public init(argument: String, dateOrder: DateOrder? = nil, adjustedClose: Bool = false) throws(MarketLinkError) {
        let source = SeriesSource(argument: argument)
        let file = try PriceFile.load(
            path: source.path, options: PriceLoadOptions(name: source.name, dateOrder: dateOrder, adjustedClose: adjustedClose))
        guard file.series.count == 1, let series = file.series.first else {
            let names = file.series.prefix(6).map(\.name).joined(separator: ", ")
            throw MarketLinkError(
                "--benchmark needs a file with one series, but \(quoted(file.path)) holds \(file.series.count)"
                    + (file.series.isEmpty ? "" : " (\(names)\(file.series.count > 6 ? ", …" : ""))"),
                kind: .usage)
        }
        self.file = file
        self.series = series
    }
}
