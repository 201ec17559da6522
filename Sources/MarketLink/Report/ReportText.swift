// MARK: - Report text

/// A run of text in a report, in spans that each say how they are set. Every span is escaped
/// when the report is written: a report holds no markup from its data.
public struct ReportText: Sendable, Equatable, ExpressibleByStringLiteral {
    /// A run of text and how it is set.
    public enum Span: Sendable, Equatable {
        /// Plain text.
        case plain(String)
        /// Bold.
        case strong(String)
        /// A name or value as typed: a file, a window, a status (monospace).
        case code(String)
        /// Secondary text, set in grey.
        case muted(String)
    }

    /// The spans, in order; empty for no text.
    public var spans: [Span]

    /// Text made of `spans`.
    public init(_ spans: [Span]) {
        self.spans = spans
    }

    /// Plain text.
    public init(_ text: String) {
        self.spans = [.plain(text)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text without its styling.
    public var plainText: String {
        spans.map { span in
            switch span {
            case .plain(let text), .strong(let text), .code(let text), .muted(let text): return text
            }
        }.joined()
    }

    /// The spans of `lhs` followed by those of `rhs`.
    public static func + (lhs: ReportText, rhs: ReportText) -> ReportText {
        ReportText(lhs.spans + rhs.spans)
    }
}
