// MARK: - Index

/// A known index: its name, the tickers and names a price file may give it, the names news
/// text writes it by, the name a sentence uses, and its market.
public struct IndexInfo: Sendable, Hashable {
    /// The index's own name, the one reports and messages use: "Dow Jones Industrial Average",
    /// "SSE Composite", "Hang Seng".
    public var name: String
    /// Name in sentences: "The Dow Jones Industrial Average rose ...".
    public var displayName: String
    /// Tickers and names that name a series of it (`^DJI`, `DJIA`, `SHCOMP`, `上证指数`), matched
    /// ignoring case and spaces.
    public var aliases: [String]
    /// How news text names it, longest first where one contains another: "Dow Jones Industrial
    /// Average", "Dow Jones", "blue-chip Dow", "Dow", "上证指数". `IndexNameMatcher` finds these
    /// as whole words (ignoring case, but a name written with a capital needs one), each
    /// optionally followed by "index" ("the Shanghai Composite index").
    public var writtenNames: [String]
    /// The market whose sessions and close time the index follows.
    public var market: Market

    /// An index with its names; `writtenNames` empty when news text is not searched for it.
    public init(name: String, displayName: String, aliases: [String], writtenNames: [String] = [], market: Market) {
        self.name = name
        self.displayName = displayName
        self.aliases = aliases
        self.writtenNames = writtenNames
        self.market = market
    }

    /// The same index: the same name.
    public func isSameIndex(as other: IndexInfo) -> Bool { name == other.name }
}
