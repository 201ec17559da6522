// MARK: - Loading many

/// Several price files loaded together, with every series named uniquely and given its market.
///
/// Each file comes with the name its one series should take (`nil`: the name from the file or
/// the market table); `markets` then gives series their market, in order, so a later assignment
/// wins. How a user spells these on a command line is the tool's business, not this type's.
public struct SeriesCollection: Sendable {
    /// The files as loaded, in the order given.
    public var files: [PriceFile]
    /// Every series of every file, in file order.
    public var series: [Series]

    /// Loads `files` in order.
    ///
    /// - Parameters:
    ///   - files: each file's path, and the name its one series should take (`nil` to keep the
    ///     name the file gives it).
    ///   - dateOrder: the day/month order of numeric dates, for files that cannot tell; `nil` to
    ///     decide from each file's own dates.
    ///   - adjustedClose: take the adjusted close (`Adj Close`) where a file has one.
    ///   - markets: market assignments applied after loading, in order: a series name and its
    ///     market, or `nil` for every series.
    ///   - options: how to read the file whose series is to be named so (the name given, or
    ///     `nil`); by default `dateOrder` and `adjustedClose` only. Its name is replaced by the given one.
    /// - Throws: a located `MarketLinkError` when a file cannot be read; `.duplicateSeriesName`
    ///   when two series have the same name, `.unknownSeriesForMarket` when an assignment names no series.
    public init(
        files: [(name: String?, path: String)], dateOrder: DateOrder? = nil, adjustedClose: Bool = false,
        markets: [(series: String?, market: Market)] = [], options: ((String?) -> PriceLoadOptions)? = nil
    ) throws(MarketLinkError) {
        var loaded: [PriceFile] = []
        var series: [Series] = []
        var seen: [String: String] = [:]
        for source in files {
            var loadOptions = options?(source.name) ?? PriceLoadOptions(dateOrder: dateOrder, adjustedClose: adjustedClose)
            loadOptions.name = source.name
            let file = try PriceFile.load(path: source.path, options: loadOptions)
            for item in file.series {
                if let other = seen[item.name] {
                    throw MarketLinkError(.duplicateSeriesName(item.name, firstFile: other, secondFile: file.path))
                }
                seen[item.name] = file.path
                series.append(item)
            }
            loaded.append(file)
        }
        for assignment in markets {
            guard let name = assignment.series else {
                for index in series.indices { series[index].market = assignment.market }
                continue
            }
            guard let index = series.firstIndex(where: { $0.name == name }) else {
                throw MarketLinkError(.unknownSeriesForMarket(name, known: series.map(\.name)))
            }
            series[index].market = assignment.market
        }
        self.files = loaded
        self.series = series
    }

    /// The paths of the files, in order.
    public var paths: [String] { files.map(\.path) }
}
