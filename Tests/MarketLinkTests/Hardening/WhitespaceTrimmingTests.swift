import Foundation
import Testing

@testable import MarketLink

/// `trimmingWhitespace` (the events loader's trim, which does not read a 5 MB cell through
/// UTF-16) gives exactly Foundation's `trimmingCharacters(in: .whitespaces)`, over generated text
/// (fixed seed) mixing ASCII, tab, line breaks, and the Unicode space separators.
@Suite struct WhitespaceTrimmingTests {
    static let pieces: [String] = [
        " ", "\t", "\n", "\r", "\u{A0}", "\u{2003}", "\u{3000}", "\u{202F}", "\u{200B}", "\u{FEFF}", "\u{1680}", "a", "中", "é",
        "e\u{301}", "😀", "\u{0}", "x y",
    ]

    @Test func sameAsFoundation() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<random.int(0...8) { text += random.pick(Self.pieces) }
            #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
