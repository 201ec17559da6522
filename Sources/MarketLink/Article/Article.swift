// MARK: - Article

/// A news article as read: its readable text, paragraphs and sentences, with each sentence's
/// place in the file.
///
/// The file must be UTF-8 (a byte-order mark is allowed); anything else — Latin-1 or GBK bytes,
/// UTF-16, a PDF or a zip — is refused with its place and the likely fix (`TextEncodingCheck`).
public struct Article: Sendable {
    /// The name used in messages and as the events' source (the path, for a file).
    public let file: String
    public let text: ArticleText
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
        var source: [Unicode.Scalar] = []
        source.reserveCapacity(bytes.count)
        var utf8: [Int32] = []
        utf8.reserveCapacity(bytes.count + 1)
        var offset: Int32 = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            source.append(scalar)
            utf8.append(offset)
            offset += Int32(UTF8.width(scalar))
        }
        utf8.append(offset)
        let built: ReadableTextBuilder
        var dates: [MarkupDate] = []
        switch format {
        case .text:
            var builder = ReadableTextBuilder(capacity: source.count)
            for (k, scalar) in source.enumerated() { builder.append(scalar, from: k..<k + 1) }
            built = builder
        case .markdown:
            built = MarkdownTextReader.read(source)
        case .html:
            (built, dates) = HTMLTextReader.read(source)
        }
        let text = ArticleText(format: format, built: built, sourceUTF8: utf8, markupDates: dates)
        self.text = text
        self.sentences = SentenceSplitter.sentences(of: text.scalars, paragraphs: text.paragraphs)
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
