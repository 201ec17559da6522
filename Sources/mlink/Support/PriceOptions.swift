import MarketLink

/// The options of every command that reads price files: `--date-format`, `--adjusted` and
/// `--market SERIES=MARKET`, and the loading of the `SERIES` arguments with them.
struct PriceOptions {
    var dateOrder: DateOrder?
    var adjusted: Bool
    var markets: [MarketOverride]

    init(_ arguments: inout Arguments) throws {
        dateOrder = try readDateOrder(&arguments)
        adjusted = arguments.flag("--adjusted")
        markets = try arguments.values("--market").map { text throws(MarketLinkError) in try MarketOverride(argument: text) }
    }

    /// Loads every `SERIES` argument (a path or `NAME=path`).
    func load(_ sources: [String]) throws -> SeriesCollection {
        try SeriesCollection(arguments: sources, dateOrder: dateOrder, adjustedClose: adjusted, markets: markets)
    }
}
