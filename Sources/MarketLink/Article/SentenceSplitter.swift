// MARK: - Sentences

/// One sentence of an article's readable text.
public struct ArticleSentence: Sendable, Hashable {
    /// The sentence, each run of white space one space.
    public var text: String
    /// Where it is in the readable text (Unicode scalars).
    public var range: Range<Int>
    /// The paragraph it belongs to (0-based).
    public var paragraph: Int
}

/// Splits paragraphs into sentences.
///
/// A sentence never crosses a paragraph break. It ends at `.`, `!` or `?` (and any closing
/// quotes or brackets after it) followed by white space and then a capital letter, a digit,
/// `(`, `=`, an opening quote or a Chinese or Japanese character — except after an abbreviation:
/// `U.S.`, `U.K.`, `Mr.`, `Mrs.`, `Ms.`, `Dr.`, `St.`, `No.`, `Co.`, `Inc.`, `Corp.`, `Ltd.`,
/// `Gov.`, `Sen.`, `Rep.`, `Gen.`, `Jr.`, `vs.`, `a.m.`, `p.m.`, `e.g.`, `i.e.`, abbreviated months
/// (`Jan.`, `Sept.`, `Dec.`) and any single letter with a period (an initial, `W.`). It always ends
/// at `。`, `！`, `？`. A decimal point or a thousands separator is never an end (no space follows
/// it: `3,231.41`, `0.8%`), and neither are `；` and `，`.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "U.S.", "U.K.", "U.N.", "E.U.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Ave.", "No.", "Nos.", "Co.", "Inc.", "Corp.",
        "Ltd.", "Bros.", "Gov.", "Sen.", "Rep.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Jr.", "Sr.", "vs.", "v.", "a.m.", "p.m.",
        "e.g.", "i.e.", "etc.", "approx.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
        "Dec.", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thurs.", "Fri.", "Sat.", "Sun.", "Mt.", "Ft.", "Pt.", "fig.", "Fig.",
    ]

    /// The abbreviations as `asciiKey`s: a word is looked up without building a `String` of it.
    static let abbreviationKeys: Set<UInt64> = Set(abbreviations.compactMap { asciiKey(Array($0.unicodeScalars)[...]) })

    /// Up to eight ASCII scalars packed into one number (every abbreviation is ASCII and at most
    /// eight long; no NUL, so that keys of different lengths differ); `nil` for a longer or
    /// non-ASCII word, which is no abbreviation.
    static func asciiKey(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64? {
        guard scalars.count <= 8 else { return nil }
        var key: UInt64 = 0
        for scalar in scalars {
            guard scalar.value < 0x80, scalar.value != 0 else { return nil }
            key = key << 8 | UInt64(scalar.value)
        }
        return key
    }

    static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]", "」", "』", "）", "》"]
    static let openers: Set<Unicode.Scalar> = ["(", "=", "\"", "“", "‘", "'", "[", "「", "『", "（", "《"]

    /// The sentences of `paragraphs` (ranges of `scalars`), in order: for a long article, groups
    /// of paragraphs on worker threads (a sentence never crosses a paragraph break, so each
    /// paragraph is split on its own and the result is the same).
    static func sentences(of scalars: [Unicode.Scalar], paragraphs: [Range<Int>]) -> [ArticleSentence] {
        OrderedWork.inParts(count: paragraphs.count, minimum: 256) { sentences(of: scalars, paragraphs: paragraphs, $0) }.flatMap { $0 }
    }

    /// The sentences of paragraphs `chosen` (indices into `paragraphs`).
    private static func sentences(of scalars: [Unicode.Scalar], paragraphs: [Range<Int>], _ chosen: Range<Int>) -> [ArticleSentence] {
        var found: [ArticleSentence] = []
        for index in chosen {
            let paragraph = paragraphs[index]
            var start = paragraph.lowerBound
            var k = paragraph.lowerBound
            func emit(_ end: Int) {
                var first = start
                var last = end
                while first < last, TextToken.isSpace(scalars[first]) { first += 1 }
                while last > first, TextToken.isSpace(scalars[last - 1]) { last -= 1 }
                if first < last {
                    found.append(ArticleSentence(text: DatePhraseReader.collapsedText(scalars[first..<last]), range: first..<last, paragraph: index))
                }
            }
            while k < paragraph.upperBound {
                let scalar = scalars[k]
                if scalar == "。" || scalar == "！" || scalar == "？" {
                    var end = k + 1
                    while end < paragraph.upperBound, closers.contains(scalars[end]) { end += 1 }
                    emit(end)
                    start = end
                    k = end
                    continue
                }
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" {
                    var end = k + 1
                    while end < paragraph.upperBound, closers.contains(scalars[end]) || scalars[end] == "." { end += 1 }
                    var next = end
                    while next < paragraph.upperBound, TextToken.isSpace(scalars[next]) { next += 1 }
                    if next > end, next < paragraph.upperBound, startsSentence(scalars[next]), !isAbbreviation(scalars, before: k + 1, from: start) || scalar != "." {
                        emit(end)
                        start = end
                        k = next
                        continue
                    }
                    k = end
                    continue
                }
                k += 1
            }
            emit(paragraph.upperBound)
        }
        return found
    }

    static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUppercase || TextToken.isDigit(scalar) || openers.contains(scalar) || TextToken.isIdeograph(scalar)
    }

    /// Whether the word that ends at `end` (with its period) is an abbreviation or an initial.
    static func isAbbreviation(_ scalars: [Unicode.Scalar], before end: Int, from start: Int) -> Bool {
        var first = end - 1
        while first > start, end - first <= 9, !TextToken.isSpace(scalars[first - 1]), !openers.contains(scalars[first - 1]) { first -= 1 }
        // Every abbreviation is short: a longer word ends a sentence without building its text.
        if end - first > 8 { return false }
        if let key = asciiKey(scalars[first..<end]), abbreviationKeys.contains(key) { return true }
        // An initial: one letter and its period ("H.", "W.").
        return end - first == 2 && TextToken.isLetter(scalars[first]) && scalars[first].properties.isUppercase
    }
}
