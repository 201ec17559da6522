import Foundation

// MARK: - Series arguments

/// A `SERIES` argument: a path, or `NAME=path` to name the series it holds.
public struct SeriesSource: Sendable, Equatable {
    public var name: String?
    public var path: String

    /// `NAME=path` splits at the first `=`, unless the whole text is an existing file.
    public init(argument: String) {
        if !FileManager.default.fileExists(atPath: argument), let equals = argument.firstIndex(of: "="),
            equals != argument.startIndex
        {
            name = String(argument[..<equals])
            path = String(argument[argument.index(after: equals)...])
        } else {
            name = nil
            path = argument
        }
    }

    public init(name: String?, path: String) {
        self.name = name
        self.path = path
    }
}

// MARK: - Market overrides

/// `--market SERIES=MARKET`: a market id from the table (`NYSE`, `SSE`), or `ZONE@HH:MM`
/// (`Asia/Tokyo@15:00`, `+08:00@15:00`).
public struct MarketOverride: Sendable, Equatable {
    public var series: String
    public var market: Market

    public init(argument: String) throws(MarketLinkError) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw .usage("--market takes SERIES=MARKET (e.g. DJIA=NYSE or DJIA=America/New_York@16:00), not \(quoted(argument))")
        }
        series = String(argument[..<equals])
        let spec = String(argument[argument.index(after: equals)...])
        if let known = MarketTable.market(id: spec) {
            market = known
            return
        }
        let parts = spec.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, Market.timeZone(named: parts[0]) != nil else {
            throw .usage(
                "--market \(quoted(spec)): not a known market (\(MarketTable.markets.map(\.id).joined(separator: ", "))) nor ZONE@HH:MM with an IANA zone")
        }
        let clock = parts[1].split(separator: ":").map { Int($0) }
        guard clock.count == 2, let hour = clock[0], let minute = clock[1], (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw .usage("--market \(quoted(spec)): the close time must be HH:MM")
        }
        market = Market(id: parts[0], name: parts[0], timeZone: parts[0], hour: hour, minute: minute)
    }
}

// MARK: - Loading many

/// Loads every `SERIES` argument and applies market overrides; names must be unique.
public struct SeriesCollection: Sendable {
    public var files: [PriceFile]
    public var series: [Series]

    public init(
        arguments: [String], dateOrder: DateOrder? = nil, adjustedClose: Bool = false, markets: [MarketOverride] = []
    ) throws(MarketLinkError) {
        var files: [PriceFile] = []
        var series: [Series] = []
        var seen: [String: String] = [:]
        for argument in arguments {
            let source = SeriesSource(argument: argument)
            let file = try PriceFile.load(
                path: source.path, options: PriceLoadOptions(name: source.name, dateOrder: dateOrder, adjustedClose: adjustedClose))
            for item in file.series {
                if let other = seen[item.name] {
                    throw MarketLinkError(
                        "two series are named \(quoted(item.name)) (in \(other) and \(file.path)); name one with NAME=path",
                        kind: .usage)
                }
                seen[item.name] = file.path
                series.append(item)
            }
            files.append(file)
        }
        for override in markets {
            guard let index = series.firstIndex(where: { $0.name == override.series }) else {
                throw .usage("--market names \(quoted(override.series)), but no series has that name (\(series.map(\.name).joined(separator: ", ")))")
            }
            series[index].market = override.market
        }
        self.files = files
        self.series = series
    }

    public var paths: [String] { files.map(\.path) }
}
