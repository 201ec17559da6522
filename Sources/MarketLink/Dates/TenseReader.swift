// MARK: - Tense

/// The tense a sentence's date phrases are read in, as HeidelTime's news mode reads it: a
/// sentence is future when it says so, and past otherwise (the present and the present perfect,
/// "has gained", count as past: news reports what happened).
///
/// Future: "will", "shall", "won't", "'ll", "is going to", "is/are (due, scheduled, set, expected,
/// slated, poised) to", "plans to", a phrase of the next week, month or year or a next weekday
/// ("next week", "next Wednesday"), "tomorrow"; in Chinese 将 (not 将近, "nearly"), 即将, 下周,
/// 下月, 明天, 明日. "would" is not future: in "China said it would build ..." the saying is past.
///
/// The tense is the sentence's, not each phrase's: "X said on Monday it will ..." reads "on
/// Monday" as future. News sentences seldom mix the two; `mlink article` reports each phrase's
/// tense so a reader can see it.
enum TenseReader {
    static func tense(of tokens: [TextToken], phrases: [DatePhrase] = []) -> Tense {
        for phrase in phrases {
            switch phrase.kind {
            case .weekdays(_, .next), .weekdays(_, .nextWeek), .month(_, _, .next), .week(1), .relativeDay(1), .relativeMonth(1), .relativeYear(1):
                return .future
            default:
                continue
            }
        }
        for (k, token) in tokens.enumerated() {
            switch token.kind {
            case .word(let text) where mayTrigger(text):
                switch text {
                case "will", "shall", "won't", "wont", "tomorrow": return .future
                case "going":
                    if let previous = word(tokens, k - 1), ["is", "are", "am"].contains(previous), word(tokens, k + 1) == "to" { return .future }
                case "due", "scheduled", "set", "expected", "slated", "poised":
                    if let previous = word(tokens, k - 1), ["is", "are"].contains(previous), word(tokens, k + 1) == "to" { return .future }
                case "plans", "plan":
                    if word(tokens, k + 1) == "to", let previous = word(tokens, k - 1), previous != "the", previous != "a" { return .future }
                default:
                    if text.hasSuffix("'ll") || text.hasSuffix("’ll") { return .future }
                }
            case .ideograph(let text) where triggers.contains(text):
                let next = ideograph(tokens, k + 1)
                switch text {
                case "将": if next != "近" { return .future }
                case "即": if next == "将" { return .future }
                case "下": if next == "周" || next == "月" || next == "星" { return .future }
                case "明": if next == "天" || next == "日" || next == "年" { return .future }
                default: break
                }
            default:
                continue
            }
        }
        return .past
    }

    /// The words and characters that can make a sentence future (checked before anything else).
    static let triggers: Set<String> = [
        "will", "shall", "won't", "wont", "tomorrow", "going", "due", "scheduled", "set", "expected", "slated", "poised", "plans", "plan",
        "将", "即", "下", "明",
    ]

    /// `triggers.contains(text) || text.hasSuffix("ll")`, with most words passed over at a look
    /// at their first and last bytes: every English trigger starts with one of d, e, g, p, s, t, w.
    static func mayTrigger(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        if last == 0x6C, utf8.count >= 2, utf8[utf8.index(utf8.endIndex, offsetBy: -2)] == 0x6C, text.hasSuffix("ll") { return true }
        switch first {
        case 0x64, 0x65, 0x67, 0x70, 0x73, 0x74, 0x77: return triggers.contains(text)
        default: return false
        }
    }

    private static func word(_ tokens: [TextToken], _ k: Int) -> String? {
        tokens.indices.contains(k) && !tokens[k].isIdeograph ? tokens[k].word : nil
    }

    private static func ideograph(_ tokens: [TextToken], _ k: Int) -> String? {
        guard tokens.indices.contains(k), case .ideograph(let text) = tokens[k].kind else { return nil }
        return text
    }
}
