// MARK: - Field

/// One field of a CSV row, as a byte range into the tokenized buffer.
///
/// For a quoted field the range is what lies between the quotes; `hasEscapes` says it contains
/// doubled quotes (`""`) that `CSVTokenizer.text(_:)` and `CSVTokenizer.unescaped(_:)` turn back into one.
public struct CSVField: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var isQuoted: Bool
    public var hasEscapes: Bool

    public var isEmpty: Bool { start == end }
}
