// MARK: - Benchmark file

/// The benchmark of a market-model or market-adjusted study: one series from one price file.
public struct BenchmarkFile: Sendable {
    /// The file as loaded.
    public var file: PriceFile
    /// Its one series.
    public var series: Series

    /// Loads the file at `path`, its series named `name` when given, as `SeriesCollection` does;
    /// the file must hold exactly one series (a panel or wide file with several is refused).
    public init(path: String, name: String? = nil, dateOrder: DateOrder? = nil, adjustedClose: Bool = false) throws(MarketLinkError) {
        let file = try PriceFile.load(path: path, options: PriceLoadOptions(name: name, dateOrder: dateOrder, adjustedClose: adjustedClose))
        guard file.series.count == 1, let series = file.series.first else {
            throw MarketLinkError(.benchmarkNotOneSeries(file: file.path, series: file.series.map(\.name)))
        }
        self.file = file
        self.series = series
    }
}
