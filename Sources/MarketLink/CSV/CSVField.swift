// MARK: - Field

/// One field of a CSV row, as a byte range into the tokenized buffer.
///
/// For a quoted field the range is what lies between the quotes; `hasEscapes` says it contains
/// doubled quotes (`""`) that `CSVTokenizer.text(_:)` and `CSVTokenizer.unescaped(_:)` turn back into one.
public struct CSVField: Sendable, Equatable {
    /// Byte offset of the field's first byte (after an opening quote).
    public var start: Int
    /// Byte offset just past the field's last byte (before a closing quote).
    public var end: Int
    /// True when the field was written in quotes.
    public var isQuoted: Bool
    /// True when the quoted field holds doubled quotes (`""`) to undo.
    public var hasEscapes: Bool

    /// True for an empty field (`,,` or `""`).
    public var isEmpty: Bool { start == end }
}
