// MARK: - Significance marks

/// Stars beside a statistic, from its two-sided p-value: `***` for p < 0.01, `**` for p < 0.05,
/// `*` for p < 0.10, nothing otherwise (and nothing for a NaN p).
public enum Significance {
    /// The stars for `p`: `***`, `**`, `*` or empty (also for `nil` or NaN).
    public static func stars(_ p: Double?) -> String {
        guard let p, !p.isNaN else { return "" }
        if p < 0.01 { return "***" }
        if p < 0.05 { return "**" }
        if p < 0.10 { return "*" }
        return ""
    }

    /// The one-line legend printed under tables that carry stars.
    public static let legend = "* p < 0.10, ** p < 0.05, *** p < 0.01 (two-sided)"
}
