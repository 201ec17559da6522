// MARK: - Report section

/// One section of a report: a heading and blocks of content, all plain data (text, tables,
/// charts), so that whoever adds a section never writes markup and never has to escape.
///
/// The change report is made of the sections `summary`, `events`, `changes` and `data`
/// (`ChangeReport`); other analyses add theirs with `HTMLReport.insert(_:after:)` — an event study,
/// say, as a table per event, a summary per tag and its CAAR as a `BandChart`.
public struct ReportSection: Sendable, Equatable {
    /// The anchor (`<section id>`), unique in a report: letters, digits and `-`.
    public var id: String
    public var heading: String
    public var blocks: [ReportBlock]

    public init(id: String, heading: String, blocks: [ReportBlock]) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
    }
}

// MARK: - Block

/// A piece of a section's content.
public indirect enum ReportBlock: Sendable, Equatable {
    /// A third-level heading.
    case heading(ReportText)
    case paragraph(ReportText)
    case list([ReportText])
    /// Terms and their explanations (a `<dl>`).
    case definitions([ReportDefinition])
    case table(ReportTable)
    /// A line chart, inline SVG: drawn twice, wide for screens and print and narrow for phones.
    case lineChart(LineChart)
    /// A band chart (a CAAR with its confidence band), drawn as `lineChart` is.
    case bandChart(BandChart)
    /// Blocks kept together: a framed card on screen, not split across printed pages.
    case group(id: String?, [ReportBlock])
}

/// A term and what it means, for `ReportBlock.definitions`.
public struct ReportDefinition: Sendable, Equatable {
    public var term: ReportText
    public var detail: ReportText

    public init(_ term: ReportText, _ detail: ReportText) {
        self.term = term
        self.detail = detail
    }
}
