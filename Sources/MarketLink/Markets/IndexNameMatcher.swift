// MARK: - Index mentions

/// An index named in news text: which index, and where its name is.
struct IndexMention: Sendable, Hashable {
    var index: IndexInfo
    /// The name as written, with a following "index" when there is one: "Shanghai Composite index".
    var text: String
    /// Where the name is, in Unicode scalars of the text read.
    var range: Range<Int>
    /// The tokens of the name (internal: for the claim reader).
    var tokens: Range<Int>
}

// MARK: - Matcher

/// Finds the indices news text names, through the market table's written names
/// (`IndexInfo.writtenNames`): "the Dow", "Dow Jones index", "the blue-chip Dow", "the benchmark
/// S&P 500", "Shanghai Composite Index", "Hang Seng", "上证指数", "恒生指数", ...
///
/// Names match whole tokens, ignoring case, except that a name the table writes with a capital
/// needs a capital in the text ("Nifty" is the index, "nifty" is not). The longest name at a
/// place wins ("Hang Seng China Enterprises" over "Hang Seng"), and "index" after a name joins it.
/// A name followed by "Bank", "University", "Group", "Holdings" or "Foundation" is a company, not
/// the index ("Hang Seng Bank"). An index alone ("index", 指数) is never a market index: "the index
/// of consumer sentiment", "purchasing managers' index" and 居民消费价格指数 name none.
enum IndexNameMatcher {
    /// Every index named in `text`, in order.
    static func mentions(in text: String) -> [IndexMention] {
        let scalars = Array(text.unicodeScalars)
        return mentions(in: TextToken.tokenize(scalars), scalars: scalars)
    }

    /// The index `text` names first, if any.
    static func firstIndex(in text: String) -> IndexInfo? {
        mentions(in: text).first?.index
    }

    struct Name {
        var tokens: [TextToken.Kind]
        var capitalized: Bool
        var index: IndexInfo
        var endsWithIndexWord: Bool
    }

    /// Names by the key of their first token, longest first.
    static let table: [String: [Name]] = {
        var table: [String: [Name]] = [:]
        for info in MarketTable.indexes {
            for written in info.writtenNames {
                let tokens = TextToken.tokenize(written).map(\.kind)
                guard let first = tokens.first, let key = key(first) else { continue }
                let capitalized = written.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
                let last = tokens.last.flatMap { kind -> String? in
                    if case .word(let text) = kind { return text }
                    return nil
                }
                let endsWithIndexWord = last == "index" || last == "average" || TextToken.isIdeograph(written.unicodeScalars.last ?? " ")
                table[key, default: []].append(Name(tokens: tokens, capitalized: capitalized, index: info, endsWithIndexWord: endsWithIndexWord))
            }
        }
        for key in table.keys { table[key]?.sort { $0.tokens.count > $1.tokens.count } }
        return table
    }()

    /// The keys of `table`, for a test that passes over most tokens without a lookup.
    static let keys = WordFilter(table.keys)

    static let companyWords: Set<String> = ["bank", "university", "group", "holdings", "foundation", "corp", "corporation", "company"]

    static func key(_ kind: TextToken.Kind) -> String? {
        switch kind {
        case .word(let text), .ideograph(let text): return text
        case .number(let number): return number.text
        default: return nil
        }
    }

    static func mentions(in tokens: [TextToken], scalars: [Unicode.Scalar], in range: Range<Int>? = nil) -> [IndexMention] {
        let bounds = range ?? 0..<tokens.count
        var found: [IndexMention] = []
        var k = bounds.lowerBound
        while k < bounds.upperBound {
            guard let key = key(tokens[k].kind), keys.mayContain(key), let names = table[key] else {
                k += 1
                continue
            }
            var matched: (Name, Int)?
            for name in names where k + name.tokens.count <= bounds.upperBound {
                if name.capitalized, !scalars[tokens[k].range.lowerBound].properties.isUppercase { continue }
                if zip(name.tokens, tokens[k..<k + name.tokens.count]).allSatisfy({ $0 == $1.kind }) {
                    matched = (name, k + name.tokens.count)
                    break
                }
            }
            guard let (name, afterName) = matched else {
                k += 1
                continue
            }
            var end = afterName
            if !name.endsWithIndexWord, end < bounds.upperBound, tokens[end].word == "index", !tokens[end].isIdeograph { end += 1 }
            if end < bounds.upperBound, let next = tokens[end].word, !tokens[end].isIdeograph, companyWords.contains(next) {
                k = end
                continue
            }
            let scalarRange = tokens[k].range.lowerBound..<tokens[end - 1].range.upperBound
            found.append(
                IndexMention(
                    index: name.index, text: DatePhraseReader.collapsedText(scalars[scalarRange]), range: scalarRange, tokens: k..<end))
            k = end
        }
        return found
    }
}
