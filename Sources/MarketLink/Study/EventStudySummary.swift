// MARK: - Summary of one group in one series

/// The tests across the events of one group in one series (`CrossSectionTests`), and the CAAR
/// path for a band chart.
///
/// Only events whose status is `ok` enter the tests (a `zero-variance` event has no standard
/// error to standardize by); `eventCount` counts every event of the group, `tests.n` those used.
public struct EventStudySummary: Sendable, Equatable {
    /// Index into `EventStudy.series`.
    public var series: Int
    /// `nil` for all events; otherwise the tag, as first written in the events file.
    public var group: String?
    /// Events in the group, measured or not.
    public var eventCount: Int
    /// Indexes (into `EventStudy.events`) of the events whose status is `ok`, which the tests use.
    public var measuredEvents: [Int]
    /// CAAR and the tests; `nil` when no event of the group has status `ok`.
    public var tests: CrossSectionTests?
    /// CAAR(τ) over the event window, one point per session.
    public var path: [CAARPoint]

    /// `all events` or `tag "diplomacy"`, for text.
    public var groupLabel: String { group ?? "all events" }
}
