// MARK: - What an import read

/// The rows an import read and the events it made, before anything is written
/// (`EventImport.read`).
public struct EventImportResult: Sendable {
    /// How many rows went where: `matched = kept + implausible`, `kept = events + merged`.
    public struct Counts: Sendable, Equatable {
        /// Data rows (a header row not counted; empty lines skipped).
        public var rowsRead = 0
        /// Rows that pass every filter.
        public var matched = 0
        /// Matched GDELT rows dated more than 365 days before they were added, left out.
        public var implausible = 0
        /// Matched rows imported: `matched − implausible`.
        public var kept = 0
        /// Events made from the kept rows.
        public var events = 0
        /// Rows folded into an earlier row's event: `kept − events`.
        public var merged = 0

        /// All zero.
        public init() {}
    }

    /// The dataset file read (the path as given).
    public var file: String
    /// The dataset it was read as.
    public var dataset: EventDataset
    /// The layout seen: "GDELT 1.0 (58 fields, no header)", "ICEWS (tab-separated, 20 columns)".
    public var layout: String
    /// Whether the implausible-date rule was applied (GDELT 58- and 61-field layouts only).
    public var checksDateAdded: Bool
    /// Rows read, matched, implausible, kept; events made, rows merged.
    public var counts: Counts
    /// The lines of the first `implausibleLinesKept` implausible rows, in file order.
    public var implausibleLines: [Int]
    /// The events, by date and then by the file position of their first row.
    public var events: [ImportedEvent]

    /// How many implausible rows have their lines listed (the count covers them all).
    public static let implausibleLinesKept = 1000
}
