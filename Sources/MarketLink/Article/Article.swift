// MARK: - Article

/// A news article as read: its readable text, paragraphs and sentences, with each sentence's
/// place in the file.
///
/// The file must be UTF-8 (a byte-order mark is allowed); anything else — Latin-1 or GBK bytes,
/// UTF-16, a PDF or a zip — is refused with its place and the likely fix (`TextEncodingCheck`).
public struct Article: Sendable {
    /// The name used in messages and as the events' source (the path, for a file).
    public let file: String
    /// The readable text: tags, scripts and navigation dropped, entities decoded.
    public let text: ArticleText
    /// The readable text's sentences, in order; empty for an empty article.
    public let sentences: [ArticleSentence]
    /// The file's bytes, for locating messages.
    let bytes: [UInt8]

    /// The most an article may hold: far more than any article (a long feature is 100 KB).
    public static let sizeLimit = 64 << 20

    /// Reads the article at `path`; the format from its name or its first bytes unless given.
    public static func load(path: String, format: ArticleFormat? = nil) throws(MarketLinkError) -> Article {
        let bytes = try InputFile.readAll(path, limit: sizeLimit)
        return try Article(bytes: bytes, file: path, format: format ?? ArticleFormat.detect(path: path, bytes: bytes))
    }

    /// Reads article bytes; `file` names them in messages.
    public init(bytes: [UInt8], file: String, format: ArticleFormat) throws(MarketLinkError) {
        try bytes.withUnsafeBufferPointer { buffer throws(MarketLinkError) in try TextEncodingCheck.validate(buffer, file: file) }
        self.file = file
        self.bytes = bytes
        let (source, utf8) = Self.decode(bytes)
        let built: ReadableTextBuilder
        var dates: [MarkupDate] = []
        switch format {
        case .text:
            built = ReadableTextBuilder(identity: source)
        case .markdown:
            built = MarkdownTextReader.read(source)
        case .html:
            (built, dates) = HTMLTextReader.read(source)
        }
        let text = ArticleText(format: format, built: built, sourceUTF8: utf8, markupDates: dates)
        self.text = text
        self.sentences = SentenceSplitter.sentences(of: text.scalars, paragraphs: text.paragraphs)
    }

    /// The scalars of UTF-8 bytes already checked as valid (`TextEncodingCheck`), and the byte
    /// offset of each scalar and of the end.
    static func decode(_ bytes: [UInt8]) -> ([Unicode.Scalar], [Int32]) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var offsets: [Int32] = []
        offsets.reserveCapacity(bytes.count + 1)
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = UInt32(bytes[i])
            var value = lead
            var width = 1
            if lead >= 0xF0, i + 3 < count {
                value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                width = 4
            } else if lead >= 0xE0, i + 2 < count {
                value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                width = 3
            } else if lead >= 0xC0, i + 1 < count {
                value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                width = 2
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            offsets.append(Int32(i))
            i += width
        }
        offsets.append(Int32(count))
        return (scalars, offsets)
    }

    /// `file:line:column` of a place in the file given in Unicode scalars.
    func location(ofSource character: Int) -> SourceLocation {
        let index = max(0, min(character, text.sourceUTF8.count - 1))
        let byte = Int(text.sourceUTF8[index])
        return bytes.withUnsafeBufferPointer { SourceLocation(offset: byte, in: $0, file: file) }
    }

    /// `file:line:column` of a place in the readable text.
    func location(ofReadable index: Int) -> SourceLocation {
        location(ofSource: text.sourceSpan(index..<index + 1).characters.lowerBound)
    }
}
