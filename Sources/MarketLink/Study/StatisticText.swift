// MARK: - Number text for statistics

/// How statistics are written for people (tables, Markdown, the report). Files (CSV, JSON) carry
/// full precision instead.
enum StatisticText {
    /// A return as a signed percent with two decimals: 0.012345 → `+1.23%`.
    static func percent(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberFormat.string(100 * value, decimals: decimals, plus: true) + "%"
    }

    /// A return in percent without sign or `%` (a standard error): 0.012345 → `1.23`.
    static func unsignedPercent(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberFormat.string(100 * value, decimals: decimals)
    }

    /// A statistic with a sign and two decimals: `+2.41`, `−0.37`; `±inf` as `+inf`.
    static func statistic(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return "" }
        if value.isInfinite { return value > 0 ? "+inf" : "-inf" }
        return NumberFormat.string(value, decimals: 2, plus: true)
    }

    /// A correlation coefficient with a sign and three decimals: `+0.030`; `—` for none.
    static func correlation(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return NumberFormat.string(value, decimals: 3, plus: true)
    }

    /// A p-value with three decimals, or `<0.001`.
    static func pValue(_ p: Double?) -> String {
        guard let p, !p.isNaN else { return "" }
        return p < 0.0005 ? "<0.001" : NumberFormat.string(p, decimals: 3)
    }

    /// `+2.41** (0.018)`, or `—` for a test that was not computed.
    static func test(_ test: SignificanceTest?) -> String {
        guard let test else { return "—" }
        return statistic(test.statistic) + Significance.stars(test.pValue) + " (" + pValue(test.pValue) + ")"
    }

    /// Appends a number to 12 significant digits for CSV; nothing for `nil` or a non-finite value.
    static func appendCSV(_ value: Double?, to buffer: inout [UInt8]) {
        guard let value, value.isFinite else { return }
        NumberFormat.appendSignificant(value, digits: 12, to: &buffer)
    }
}
