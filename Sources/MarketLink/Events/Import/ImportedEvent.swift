// MARK: - Imported events

/// One event an import makes from the rows of a dataset that share a day, an unordered pair of
/// sides and a group (`fixtures/events/README.md`, "Each event").
public struct ImportedEvent: Sendable, Equatable {
    /// The event date.
    public var date: Day
    /// "United States – China: Consult (3 reports)": the first row's sides in its order (blank
    /// sides left out), the group's name, and the number of rows when more than one.
    public var title: String
    /// The number of rows merged (at least 1).
    public var count: Int
    /// GDELT: the sum of the rows' `NumSources` (an upper bound on the distinct sources); ICEWS:
    /// distinct `Publisher` values; ACLED: distinct names in the `source` cells.
    public var sources: Int
    /// The mean GoldsteinScale (GDELT) or Intensity (ICEWS) of the rows; nil for ACLED.
    public var score: Double?
    /// `score` as written to the events file: rounded half away from zero to 4 decimals, trailing
    /// zeros dropped (`3.3`, `-2`, `1.675`); empty for ACLED.
    public var scoreText: String
    /// The first row's SOURCEURL (GDELT; empty in the 57-field layout), Publisher (ICEWS) or
    /// `source` cell (ACLED).
    public var source: String
    /// `gdelt` and `cameo-04`, `icews` and `cameo-11`, `acled` and the event type (`protests`).
    public var tags: [String]
    /// `dataset|date|side|side|group`, the sides in code-point order (a blank side first): one key
    /// is one event, and an import adds no event whose key an events file already holds.
    public var key: String
    /// The first row's two sides as written (a blank side is `""`): country codes (GDELT), names
    /// (ICEWS), actors (ACLED).
    public var actors: [String]
    /// The CAMEO root code of the group (`04`); nil for ACLED.
    public var rootCode: String?
    /// ACLED's event type (the group); nil for GDELT and ICEWS.
    public var eventType: String?
    /// ACLED: the sum of the rows' fatalities; nil for GDELT and ICEWS.
    public var fatalities: Int?
    /// The physical lines (from 1, a header counted) of the merged rows, in file order.
    public var lines: [Int]
}
