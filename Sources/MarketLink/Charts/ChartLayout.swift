// MARK: - Chart layout

/// How charts of several series are laid out.
public enum ChartLayout: String, Sendable, Equatable, CaseIterable {
    /// Every series in one chart on one y axis: rebased to 100, so that markets of different
    /// levels can be compared, or in closes when asked (series of similar levels).
    case overlay
    /// One chart per series, each on its own y axis and all on the same dates, one above the
    /// other ("small multiples"): every series' own shape, in its own closes (or rebased).
    case multiples
}
