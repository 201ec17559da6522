// MARK: - Bar label

/// Which instant of a bar its timestamp names (DESIGN §8).
public enum BarLabel: String, Sendable, Hashable, CaseIterable {
    /// The timestamp is the bar's start (yfinance, most vendors): the bar spans [t, t + L).
    case start
    /// The timestamp is the bar's end (common for Chinese minute data): the bar spans [t − L, t).
    case end
}
