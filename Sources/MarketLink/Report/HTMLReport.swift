// MARK: - HTML report

/// A self-contained report: a title, a lede, sections, and a colophon naming what made it.
///
/// `html()` writes it as one HTML file that needs nothing else: CSS and SVG inline, no scripts,
/// no fonts or images to fetch. The same report always gives the same bytes (nothing in it
/// depends on the clock, the locale or the machine).
public struct HTMLReport: Sendable, Equatable {
    /// The report's title, its `<title>` and first heading.
    public var title: String
    /// The line under the title.
    public var lede: ReportText?
    /// The sections, in order; empty gives a report of its title alone.
    public var sections: [ReportSection]
    /// Who made the report, e.g. `MarketLink 0.1.0`; printed at the end.
    public var generator: String

    /// A report of `sections` under `title`.
    public init(title: String, lede: ReportText? = nil, sections: [ReportSection] = [], generator: String) {
        self.title = title
        self.lede = lede
        self.sections = sections
        self.generator = generator
    }

    /// Inserts `section` after the section with id `id`, or at the end when there is none.
    public mutating func insert(_ section: ReportSection, after id: String) {
        guard let index = sections.firstIndex(where: { $0.id == id }) else {
            sections.append(section)
            return
        }
        sections.insert(section, at: index + 1)
    }

    /// The section with id `id`.
    public func section(_ id: String) -> ReportSection? {
        sections.first { $0.id == id }
    }
}
