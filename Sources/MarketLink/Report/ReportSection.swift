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
    /// The section's heading (escaped when written).
    public var heading: String
    /// The content, in order.
    public var blocks: [ReportBlock]

    /// A section with anchor `id`.
    public init(id: String, heading: String, blocks: [ReportBlock]) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
    }
}
