// MARK: - Event datasets

/// The event datasets `EventImport` reads (DESIGN §9).
public enum EventDataset: String, Sendable, CaseIterable {
    /// GDELT 1.0 daily and historical event files (58 or 57 tab-separated fields) and GDELT 2.0
    /// event exports (61 fields), headerless or with a header row.
    case gdelt
    /// ICEWS coded event data: tab-separated, with a header row naming its 20 columns.
    case icews
    /// ACLED exports: CSV with a header row (`event_id_cnty`, `event_date`, …).
    case acled

    /// How the dataset names itself: "GDELT", "ICEWS", "ACLED".
    public var displayName: String { rawValue.uppercased() }

    /// What an event of several merged rows calls them in its title: "reports" (GDELT, ICEWS:
    /// each row is a report of the event), "events" (ACLED: each row is an event of its own).
    var mergedRowsNoun: String { self == .acled ? "events" : "reports" }
}
