// MARK: - Readable text

/// Where a piece of readable text came from in the article file: Unicode scalars (characters)
/// and UTF-8 bytes, each `[start, end)`.
public struct SourceSpan: Sendable, Hashable {
    /// The span in Unicode scalars of the file's text.
    public var characters: Range<Int>
    /// The span in UTF-8 bytes of the file.
    public var utf8: Range<Int>

    /// A span in scalars and in bytes.
    public init(characters: Range<Int>, utf8: Range<Int>) {
        self.characters = characters
        self.utf8 = utf8
    }
}

/// The text of an article as a person reads it: markup removed, entities decoded, paragraphs
/// kept, with every character mapped back to the place in the file it came from (a decoded
/// `&amp;` maps to the five characters of the entity).
public struct ArticleText: Sendable {
    /// The format the article was read as: text, Markdown or HTML.
    public let format: ArticleFormat
    /// The readable text, Unicode scalar by scalar.
    let scalars: [Unicode.Scalar]
    /// For each readable scalar, the file's scalars it came from; empty for plain text, whose
    /// readable text is the file itself.
    let sourceStart: [Int32]
    let sourceEnd: [Int32]
    let isIdentity: Bool
    /// The UTF-8 offset of each of the file's scalars, and of its end.
    let sourceUTF8: [Int32]
    /// Paragraphs, as ranges of readable scalars, trimmed of white space, never empty.
    public let paragraphs: [Range<Int>]
    /// Dates in the page's markup (HTML `article:published_time`, `datePublished`, `<time datetime>`).
    public let markupDates: [MarkupDate]

    init(format: ArticleFormat, built: ReadableTextBuilder, sourceUTF8: [Int32], markupDates: [MarkupDate]) {
        self.format = format
        self.scalars = built.scalars
        self.sourceStart = built.sourceStart
        self.sourceEnd = built.sourceEnd
        self.isIdentity = built.identity
        self.sourceUTF8 = sourceUTF8
        self.markupDates = markupDates
        self.paragraphs = Self.paragraphs(of: built.scalars)
    }

    /// The whole readable text.
    public var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The readable text of `range`, each run of white space one space.
    public func text(_ range: Range<Int>) -> String {
        DatePhraseReader.collapsedText(scalars[range])
    }

    /// Where readable `range` came from in the file.
    public func sourceSpan(_ range: Range<Int>) -> SourceSpan {
        if isIdentity {
            let start = max(0, min(range.lowerBound, scalars.count))
            let end = max(start, min(range.upperBound, scalars.count))
            return SourceSpan(characters: start..<end, utf8: Int(sourceUTF8[start])..<Int(sourceUTF8[end]))
        }
        guard !range.isEmpty, range.upperBound <= scalars.count else {
            let at = range.lowerBound < sourceStart.count ? Int(sourceStart[range.lowerBound]) : sourceUTF8.count - 1
            let utf8 = Int(sourceUTF8[max(0, min(at, sourceUTF8.count - 1))])
            return SourceSpan(characters: at..<at, utf8: utf8..<utf8)
        }
        let start = Int(sourceStart[range.lowerBound])
        let end = Int(sourceEnd[range.upperBound - 1])
        return SourceSpan(characters: start..<end, utf8: Int(sourceUTF8[start])..<Int(sourceUTF8[end]))
    }

    /// Paragraphs: runs of lines holding something other than white space, split at blank lines.
    static func paragraphs(of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var first: Int?
        var last = 0
        var lineHasText = false
        var blankLines = 0
        for (k, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" {
                if scalar == "\r", k + 1 < scalars.count, scalars[k + 1] == "\n" { continue }
                if lineHasText { blankLines = 0 } else { blankLines += 1 }
                lineHasText = false
                if blankLines >= 1, let start = first {
                    found.append(start..<last)
                    first = nil
                }
                continue
            }
            if TextToken.isSpace(scalar) { continue }
            if first == nil { first = k }
            if !lineHasText { blankLines = 0 }
            lineHasText = true
            last = k + 1
        }
        if let start = first { found.append(start..<last) }
        return found
    }
}

// MARK: - Markup dates

/// A date written in an HTML page's markup rather than its text.
public struct MarkupDate: Sendable, Hashable {
    /// Where in the markup the date was written.
    public enum Kind: String, Sendable, Hashable {
        /// `<meta property="article:published_time" content="...">` and its kin.
        case meta
        /// `"datePublished": "..."` in a `<script type="application/ld+json">`.
        case jsonLD = "json-ld"
        /// `<time datetime="...">`.
        case timeElement = "time element"
    }

    /// Where in the markup it was written.
    public var kind: Kind
    /// The value as written: `2023-06-23T17:45:00-04:00`.
    public var value: String
    /// The markup it was read from, as written in the file.
    public var markup: String
    /// Where the markup is in the file, in Unicode scalars.
    public var sourceStart: Int
}

// MARK: - Builder

/// Collects readable scalars with the file scalars each came from.
struct ReadableTextBuilder {
    var scalars: [Unicode.Scalar] = []
    var sourceStart: [Int32] = []
    var sourceEnd: [Int32] = []
    /// The text is the file's own scalars, one for one (plain text).
    var identity = false

    init(identity source: [Unicode.Scalar]) {
        scalars = source
        identity = true
    }

    init(capacity: Int) {
        scalars.reserveCapacity(capacity)
        sourceStart.reserveCapacity(capacity)
        sourceEnd.reserveCapacity(capacity)
    }

    mutating func append(_ scalar: Unicode.Scalar, from source: Range<Int>) {
        scalars.append(scalar)
        sourceStart.append(Int32(source.lowerBound))
        sourceEnd.append(Int32(source.upperBound))
    }

    /// Appends `source[range]`, each scalar from its own place.
    mutating func append(run source: [Unicode.Scalar], _ range: Range<Int>) {
        scalars.append(contentsOf: source[range])
        Self.appendCounting(&sourceStart, from: range.lowerBound, count: range.count)
        Self.appendCounting(&sourceEnd, from: range.lowerBound + 1, count: range.count)
    }

    /// Appends `first`, `first + 1`, ... (`count` of them) to `offsets`, in place.
    private static func appendCounting(_ offsets: inout [Int32], from first: Int, count: Int) {
        let old = offsets.count
        offsets.append(contentsOf: repeatElement(0, count: count))
        offsets.withUnsafeMutableBufferPointer { buffer in
            for k in 0..<count { buffer[old + k] = Int32(truncatingIfNeeded: first + k) }
        }
    }

    /// Ends a paragraph (a blank line), unless the text already ends with one.
    mutating func paragraphBreak(at source: Int) {
        let count = scalars.count
        if count >= 2, scalars[count - 1] == "\n", scalars[count - 2] == "\n" { return }
        if count == 0 { return }
        append("\n", from: source..<source)
        append("\n", from: source..<source)
    }
}
