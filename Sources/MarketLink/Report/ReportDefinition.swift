// MARK: - Report definition

/// A term and what it means, for `ReportBlock.definitions`.
public struct ReportDefinition: Sendable, Equatable {
    /// The term defined.
    public var term: ReportText
    /// What it means.
    public var detail: ReportText

    /// A term and its meaning.
    public init(_ term: ReportText, _ detail: ReportText) {
        self.term = term
        self.detail = detail
    }
}
