import MarketLink

// MARK: - Price-file options

/// `--date-format`, `--adjusted` and `--market`: how every command that reads price files reads
/// them, and the loading of `SERIES` arguments (a path, or `NAME=path`) with them.
struct PriceFileOptions {
    static let dateFormat = OptionSpec.value(
        "--date-format", "ORDER", .choice(["MDY", "DMY", "YMD"]),
        help: "day/month order for price files whose dates cannot tell: MDY, DMY or YMD (or %m/%d/%Y style)")
    static let adjusted = OptionSpec.flag("--adjusted", help: "take Adj Close instead of Close where a price file has both")
    static let market = OptionSpec.value(
        "--market", "S=M", .marketAssignment, repeatable: true,
        help: "the market of series S: one of the built-in table (NYSE, SSE, HKEX, ...) or ZONE@HH:MM such as Asia/Tokyo@15:00;"
            + " M alone (or *=M) for every series")
    static let timeZone = OptionSpec.value(
        "--tz", "ZONE", .timeZone,
        help: "intraday bars: the zone of bar times written without an offset (IANA name or +08:00), e.g. a broker's MetaTrader export")
    static let barLabel = OptionSpec.value(
        "--bar-label", "WHICH", .choice(["start", "end"]),
        help: "intraday bars: whether each bar's time is its start (default) or its end")
    static let group = OptionGroup(title: "price-file options", options: [dateFormat, adjusted, market, timeZone, barLabel])

    /// The `SERIES` argument of every command that takes price files.
    static func series(_ count: PositionalSpec.Count, missing: String = "name at least one price file (SERIES)") -> PositionalSpec {
        PositionalSpec(
            name: "SERIES", kind: .series, count: count,
            help: "a price file (CSV from Yahoo, FRED, Investing.com, Stooq, ...), or NAME=path to name its series", missing: missing)
    }

    var dateOrder: DateOrder?
    var adjusted: Bool
    var markets: [MarketAssignment]
    var timeZone: String?
    var barLabel: BarLabel

    init(_ arguments: inout Arguments) throws(UsageError) {
        dateOrder = nil
        if let text = try arguments.value(Self.dateFormat) {
            guard let order = DateOrder(argument: text) else {
                throw UsageError(message: "--date-format takes MDY, DMY or YMD (or %m/%d/%Y style), not \(quoted(text))")
            }
            dateOrder = order
        }
        adjusted = arguments.flag(Self.adjusted)
        markets = []
        for text in arguments.values(Self.market) { markets.append(try MarketAssignment(text, option: Self.market.name)) }
        timeZone = try arguments.value(Self.timeZone)
        if let timeZone, Market.timeZone(named: timeZone) == nil {
            throw UsageError(message: "\(Self.timeZone.name) takes an IANA zone (America/New_York) or an offset (+08:00), not \(quoted(timeZone))")
        }
        let label = try arguments.value(Self.barLabel)
        guard let parsed = BarLabel(rawValue: label ?? "start") else {
            throw UsageError(message: "\(Self.barLabel.name) takes start or end, not \(quoted(label ?? ""))")
        }
        barLabel = parsed
    }

    /// How each file is read, for a file whose series is named `name` (nil: by the file).
    func loadOptions(name: String?) -> PriceLoadOptions {
        // The market a `--market` names for this series (or for every series) also gives the zone of intraday bar times.
        let market = markets.last { $0.series == nil || $0.series == name }?.market
        return PriceLoadOptions(name: name, dateOrder: dateOrder, adjustedClose: adjusted, timeZone: timeZone, barLabel: barLabel, market: market)
    }

    /// Loads every `SERIES` argument, names unique, markets assigned (a duplicate name or a
    /// market for no series is a usage error, worded by `ErrorHints`).
    func load(_ arguments: [String]) throws(MarketLinkError) -> SeriesCollection {
        let files = arguments.map { text -> (name: String?, path: String) in
            let source = SeriesArgument(text)
            return (source.name, source.path)
        }
        let collection = try SeriesCollection(
            files: files, dateOrder: dateOrder, adjustedClose: adjusted, markets: markets.map { ($0.series, $0.market) },
            options: { loadOptions(name: $0) })
        // Daily measures on intraday bars take the last bar of each session: say so, once per series.
        for item in collection.series where item.intraday != nil {
            Terminal.error("mlink: note: \(item.name): \(IntradayBars.dailyViewNote)\n")
        }
        return collection
    }

    /// Loads one `SERIES` argument as a file on its own, with the markets that name its series
    /// (for `inspect`, which reports each file apart).
    func loadFile(_ argument: String) throws -> PriceFile {
        let source = SeriesArgument(argument)
        var file = try PriceFile.load(path: source.path, options: loadOptions(name: source.name))
        for assignment in markets {
            for index in file.series.indices where assignment.series == nil || assignment.series == file.series[index].name {
                file.series[index].market = assignment.market
            }
        }
        return file
    }

    /// Loads a benchmark `SERIES` (one series) read the same way.
    func loadBenchmark(_ argument: String) throws -> BenchmarkFile {
        let source = SeriesArgument(argument)
        return try BenchmarkFile(path: source.path, name: source.name, dateOrder: dateOrder, adjustedClose: adjusted)
    }
}
