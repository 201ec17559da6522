// MARK: - Report definition

/// A term and what it means, for `ReportBlock.definitions`.
public struct ReportDefinition: Sendable, Equatable {
    public var term: ReportText
    public var detail: ReportText

    public init(_ term: ReportText, _ detail: ReportText) {
        self.term = term
        self.detail = detail
    }
}
