// MARK: - Dropped row

/// A row that was read but is not a session, and why.
public struct DroppedRow: Sendable, Equatable {
    /// 1-based physical line in the file.
    public var line: Int
    /// The series it belonged to (for panel and wide files).
    public var series: String?
    /// Why it is not a session (`no close`, `not a date`, ...), as `inspect` shows it.
    public var reason: String
}
