// MARK: - Report block

/// A piece of a section's content.
public indirect enum ReportBlock: Sendable, Equatable {
    /// A third-level heading.
    case heading(ReportText)
    /// A paragraph.
    case paragraph(ReportText)
    /// A bulleted list, one item per text.
    case list([ReportText])
    /// Terms and their explanations (a `<dl>`).
    case definitions([ReportDefinition])
    /// A table.
    case table(ReportTable)
    /// A line chart, inline SVG: drawn twice, wide for screens and print and narrow for phones.
    case lineChart(LineChart)
    /// A band chart (a CAAR with its confidence band), drawn as `lineChart` is.
    case bandChart(BandChart)
    /// Blocks kept together: a framed card on screen, not split across printed pages.
    case group(id: String?, [ReportBlock])
}
