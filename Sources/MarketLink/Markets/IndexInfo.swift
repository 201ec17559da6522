// MARK: - Index

/// A known index: the names and tickers it goes by, the name a sentence uses, and its market.
public struct IndexInfo: Sendable, Hashable {
    /// Name in sentences: "The Dow Jones Industrial Average rose ...".
    public var displayName: String
    public var aliases: [String]
    public var market: Market

    public init(displayName: String, aliases: [String], market: Market) {
        self.displayName = displayName
        self.aliases = aliases
        self.market = market
    }
}
