// MARK: - Chart titles in bold

extension LineChart {
    /// The chart with its title shortened (ending in `…`) to fit a chart `width` pixels wide when
    /// set in bold. `ChartFrame` fits titles with the regular-weight width estimate, and bold
    /// sans-serif runs up to about 12% wider (DejaVu Sans Bold against DejaVu Sans), so a title
    /// near the limit could otherwise run off the right edge.
    func fittingBoldTitle(width: Double) -> LineChart {
        var chart = self
        chart.title = ChartText.truncated(
            ChartText.singleLine(title), toWidth: (width - 2 * ChartFrame.margin) / 1.12, size: ChartStyle.titleSize)
        return chart
    }
}

extension BandChart {
    /// The chart with its title shortened to fit when set in bold (see `LineChart`'s).
    func fittingBoldTitle(width: Double) -> BandChart {
        var chart = self
        chart.title = ChartText.truncated(
            ChartText.singleLine(title), toWidth: (width - 2 * ChartFrame.margin) / 1.12, size: ChartStyle.titleSize)
        return chart
    }
}
