import Foundation

// MARK: - Event drafts

/// A sentence of an article that reports a past action on a day or in a month: a draft for an
/// events file.
public struct ArticleEvent: Sendable, Hashable {
    /// The day or month; `nil` when the phrase needs a publication date the article does not give.
    public var dates: ResolvedDates?
    /// `day` or `month`.
    public var precision: DatePrecision
    /// The date phrase as written: "On May 8", "Last December", "6月7日".
    public var dateText: String
    /// The tense of the sentence, which placed the date (past, or future for plans).
    public var tense: Tense
    /// A short title made from the sentence (`EventTitle`).
    public var title: String
    /// The sentence the event was drafted from, as readable text.
    public var sentenceText: String
    /// The sentence (an index into `Article.sentences`), and where it starts in the file.
    public var sentence: Int
    /// Where the sentence is in the article file.
    public var offset: SourceSpan
    /// The article's path, or what the caller names as the source.
    public var source: String

    /// The date as an events file writes it: `2023-05-08`, or `2022-12` for a month.
    public var eventDate: String? {
        guard let dates else { return nil }
        return precision == .month ? String(dates.first.iso.prefix(7)) : dates.first.iso
    }

    /// The draft for `mlink events add`, or `nil` when the date is not known.
    public var draft: EventDraft? {
        guard let date = eventDate else { return nil }
        return EventDraft(date: date, title: title, source: source)
    }
}

/// A sentence with a date phrase that is not an event, and why.
public struct ArticleNonEvent: Sendable, Hashable {
    /// The sentence (an index into `Article.sentences`).
    public var sentence: Int
    /// The sentence, as readable text.
    public var sentenceText: String
    /// The date phrase as written.
    public var dateText: String
    /// The sentence's tense, when one was read.
    public var tense: Tense?
    /// The phrase on the calendar, for a day, a week or a month.
    public var resolved: ResolvedDates?
    /// Why the sentence is not an event: a future plan, a date too vague, a market report, ...
    public var reason: String
}

/// A sentence that names an index and a number but was not read as a claim.
public struct CoverageEntry: Sendable, Hashable {
    /// The sentence (an index into `Article.sentences`).
    public var sentence: Int
    /// The sentence, as readable text.
    public var sentenceText: String
    /// The index it names.
    public var index: IndexInfo
    /// Why no claim was read from it.
    public var why: String
    /// Where the sentence is in the article file.
    public var offset: SourceSpan
}

// MARK: - Titles

/// A short, readable title for an event drafted from a sentence.
///
/// The date phrase is taken out when it leads the sentence ("On May 8, …", with its comma and an
/// "Earlier"/"Later" before it) or ends it ("… on Thursday."); the final stop goes; a lowercase
/// first letter is raised. A title longer than 90 columns is cut at the last clause boundary (a
/// comma, a dash, "that", "which", "after", "as", "while") that leaves at least 30, else at the
/// last word boundary, and "…" marks the cut. Chinese is cut at ，or the column limit.
enum EventTitle {
    static let limit = 90
    static let stops: Set<Unicode.Scalar> = [".", "。", "!", "！", "?", "？"]
    /// Words that may stand before a leading date phrase ("Earlier on Monday, ...").
    static let leadWords: Set<String> = ["earlier", "later", "also", "then"]

    static func make(sentence: ArticleSentence, phrase: DatePhrase, scalars: [Unicode.Scalar]) -> String {
        var start = sentence.range.lowerBound
        var end = sentence.range.upperBound
        // Final stop.
        while end > start, stops.contains(scalars[end - 1]) { end -= 1 }
        let prefixTokens = TextToken.tokenize(scalars[start..<phrase.range.lowerBound])
        if prefixTokens.allSatisfy({ leadWords.contains($0.word ?? "-") }) {
            // Leading phrase: drop it and what follows it up to the next word.
            var k = phrase.range.upperBound
            while k < end, TextToken.isSpace(scalars[k]) || scalars[k] == "," || scalars[k] == "，" || scalars[k] == "、" { k += 1 }
            start = k
        } else {
            var tail = phrase.range.upperBound
            while tail < end, TextToken.isSpace(scalars[tail]) { tail += 1 }
            if tail == end {
                var k = phrase.range.lowerBound
                while k > start, TextToken.isSpace(scalars[k - 1]) || scalars[k - 1] == "," { k -= 1 }
                end = k
            }
        }
        guard start < end else { return sentence.text }
        var title = Array(DatePhraseReader.collapsedText(scalars[start..<end]).unicodeScalars)
        if let first = title.first, first.properties.isLowercase, let upper = String(first).uppercased().unicodeScalars.first, String(first).uppercased().unicodeScalars.count == 1 {
            title[0] = upper
        }
        return shorten(title)
    }

    static let boundaries: [[Unicode.Scalar]] = [", ", " — ", " – ", " that ", " which ", " after ", " as ", " while ", "，", "；"].map {
        Array($0.unicodeScalars)
    }

    static func shorten(_ title: [Unicode.Scalar]) -> String {
        func text(_ slice: ArraySlice<Unicode.Scalar>) -> String { DatePhraseReader.collapsedText(slice) }
        var columns = 0
        var cut = title.count
        for (k, scalar) in title.enumerated() {
            columns += TextToken.isIdeograph(scalar) || (scalar.value >= 0xFF00 && scalar.value <= 0xFFEF) ? 2 : 1
            if columns > limit {
                cut = k
                break
            }
        }
        guard cut < title.count else { return text(title[...]) }
        // The last clause boundary in the part that fits, at least 30 characters in.
        var best: Int?
        for start in stride(from: cut - 1, through: 30, by: -1) {
            // Every boundary starts with one of these: most places are passed over at one look.
            let lead = title[start]
            guard lead == " " || lead == "," || lead == "，" || lead == "；" else { continue }
            if boundaries.contains(where: { start + $0.count <= cut && title[start..<start + $0.count].elementsEqual($0) }) {
                best = start
                break
            }
        }
        if let best { return text(title[0..<best]) + "…" }
        if let space = title[0..<cut].lastIndex(of: " "), space >= 30 { return text(title[0..<space]) + "…" }
        return text(title[0..<cut]) + "…"
    }
}
