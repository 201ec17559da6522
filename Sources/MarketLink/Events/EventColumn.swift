import Foundation

// MARK: - Event columns

/// The columns of an events file that MarketLink reads (DESIGN §1 "Events"). Header names are
/// matched ignoring case and surrounding spaces; any other column is kept verbatim.
public enum EventColumn: String, Sendable, CaseIterable {
    /// A column MarketLink reads: `id`, `date`, `title`, `time`, `timezone`, `tags`, `score`, `source`.
    case id, date, title, time, timezone, tags, score, source

    /// The role of a header cell, or nil for a column MarketLink does not interpret.
    public init?(header: String) {
        // No name is near this long; a huge cell (a 5 MB line) is rejected without reading it.
        guard header.utf8.count <= 256 else { return nil }
        self.init(rawValue: header.trimmingWhitespace.lowercased())
    }
}
