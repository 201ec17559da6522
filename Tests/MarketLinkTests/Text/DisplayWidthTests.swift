import Testing

@testable import MarketLink

// Widths by hand from UAX #11 and UTS #51, as `DisplayWidth` documents them: CJK, kana, Hangul
// and fullwidth forms are East Asian Wide or Fullwidth (2); emoji with default emoji
// presentation, emoji made so by U+FE0F, ZWJ sequences and flags are one character of 2;
// combining marks and zero-width characters add 0.

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("empty", "", 0),
        ("ASCII", "Blinken meets Xi", 16),
        ("CJK ideographs", "上证指数", 8),
        ("mixed CJK", "Timed 北京 event", 16),
        ("kana", "テスト", 6),
        ("Hangul syllables", "한국", 4),
        ("Hangul from jamo", "\u{1100}\u{1161}", 2),
        ("fullwidth letters", "ＡＢＣ", 6),
        ("fullwidth comma and ideographic full stop", "，。", 4),
        ("emoji", "📈", 2),
        ("emoji with skin tone", "👍🏽", 2),
        ("ZWJ family", "👨‍👩‍👧‍👦", 2),
        ("heart made emoji by VS16", "❤️", 2),
        ("heart as text", "❤", 1),
        ("emoji as text by VS15", "☺︎", 1),
        ("keycap", "1️⃣", 2),
        ("two flags", "🇨🇳🇺🇸", 4),
        ("combining acute", "e\u{301}", 1),
        ("decomposed café", "cafe\u{301}", 4),
        ("zero-width space", "a\u{200B}b", 2),
        ("soft hyphen", "co\u{AD}op", 4),
        ("en dash and accents", "Zürich–Genève", 13),
        ("Thai with a combining tone mark", "ก้า", 2),
    ])
    func columns(name: String, text: String, expected: Int) {
        #expect(DisplayWidth.columns(text) == expected, "\(name)")
    }

    @Test(arguments: [
        ("fits", "Blinken", 7, "Blinken"),
        ("cut with an ellipsis", "Blinken meets Xi", 8, "Blinken…"),
        // 6 columns of "Timed " fit in 7; 北 would make 8.
        ("wide character not split", "Timed 北京 event", 8, "Timed …"),
        ("wide character kept when it fits", "Timed 北京 event", 9, "Timed 北…"),
        ("ZWJ family kept whole", "ab👨‍👩‍👧‍👦cd", 5, "ab👨‍👩‍👧‍👦…"),
        ("ZWJ family dropped whole", "ab👨‍👩‍👧‍👦cd", 4, "ab…"),
        ("flag kept whole", "🇨🇳🇺🇸", 3, "🇨🇳…"),
        ("combining mark stays with its letter", "cafe\u{301}s", 5, "cafe\u{301}s"),
        ("combining mark stays with its letter when cut", "cafe\u{301}s!", 5, "cafe\u{301}…"),
        ("limit one", "abc", 1, "…"),
        ("limit zero", "abc", 0, ""),
    ])
    func truncation(name: String, text: String, limit: Int, expected: String) {
        let cut = DisplayWidth.truncated(text, toColumns: limit)
        #expect(cut == expected, "\(name)")
        #expect(DisplayWidth.columns(cut) <= max(limit, 0))
    }
}
