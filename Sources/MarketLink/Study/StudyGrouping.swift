// MARK: - Grouping

/// How events are grouped for the tests across events.
public enum StudyGrouping: String, Sendable, Equatable, CaseIterable {
    /// All events together.
    case all
    /// All events, then one group per tag; an event with several tags counts in each of its groups.
    case tag
}
