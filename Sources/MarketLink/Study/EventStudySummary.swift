// MARK: - Summary of one group in one series

/// The tests across the events of one group in one series (`CrossSectionTests`), how those
/// events cluster, and the CAAR path for a band chart.
///
/// Only events whose status is `ok` enter the tests (a `zero-variance` event has no standard
/// error to standardize by); `eventCount` counts every event of the group, `tests.n` those used.
/// With `EventStudyDesign.mergeSharedSessions`, events that share an event session with an
/// earlier event of the group are left out of the tests too (`merged`).
public struct EventStudySummary: Sendable, Equatable {
    /// An event left out of the tests because an earlier event of the group has the same event
    /// session, and so the same abnormal returns.
    public struct Merge: Sendable, Equatable {
        /// The event left out (index into `EventStudy.events`).
        public var event: Int
        /// The event that stands for the session in the tests: the first of the group's events
        /// on that session in the events file (index into `EventStudy.events`).
        public var representative: Int
        /// The shared event session's date.
        public var day: Day
    }

    /// Index into `EventStudy.series`.
    public var series: Int
    /// `nil` for all events; otherwise the tag, as first written in the events file.
    public var group: String?
    /// Events in the group, measured or not.
    public var eventCount: Int
    /// Indexes (into `EventStudy.events`) of the events the tests use: status `ok`, and with
    /// merging, not sharing a session with an earlier one.
    public var measuredEvents: [Int]
    /// How the group's events with status `ok` cluster (before any merging).
    public var clustering: StudyClustering
    /// The events merged into an earlier event of the same session, in the order of the events
    /// file; empty unless `EventStudyDesign.mergeSharedSessions`.
    public var merged: [Merge]
    /// CAAR and the tests; `nil` when no event of the group has status `ok`.
    public var tests: CrossSectionTests?
    /// CAAR(τ) over the event window, one point per session.
    public var path: [CAARPoint]

    /// `all events` or `tag "diplomacy"`, for text.
    public var groupLabel: String { group ?? "all events" }
}
