// MARK: - Chart text

/// Text in a chart: how wide it will be set, estimated without a font engine, and how it is made
/// one line and shortened to fit.
enum ChartText {
    /// An estimate of the width of `text` set in `size`-pixel sans-serif, in pixels.
    ///
    /// Advance widths per character, in ems, chosen on the wide side of DejaVu Sans and
    /// Helvetica so that labels laid out with them do not touch: narrow punctuation and
    /// `i j l t f I` 0.32, space 0.32, digits 0.64, other lowercase 0.6, `m w` 0.9, uppercase
    /// 0.72, `M W` 0.95; for other characters, by their terminal width (`DisplayWidth`): 1.0 for
    /// a wide one (CJK, emoji, a ZWJ sequence or a flag, each one character), 0 for combining
    /// marks and zero-width characters, 0.65 for anything else.
    static func width(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for character in text { ems += advance(character) }
        return ems * size
    }

    private static func advance(_ character: Character) -> Double {
        if let ascii = character.asciiValue {
            switch UInt8(ascii) {
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"),
                UInt8(ascii: "'"), UInt8(ascii: "|"), UInt8(ascii: "!"), UInt8(ascii: "i"), UInt8(ascii: "j"),
                UInt8(ascii: "l"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "I"), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
                return 0.32
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return 0.64
            case UInt8(ascii: "m"), UInt8(ascii: "w"): return 0.9
            case UInt8(ascii: "M"), UInt8(ascii: "W"): return 0.95
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return 0.6
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return 0.72
            default: break
            }
        }
        switch DisplayWidth.columns(character) {
        case 0: return 0
        case 2: return 1.0
        default: return 0.65
        }
    }

    /// `text` on one line: tabs and line breaks become spaces, runs of spaces one space, and the
    /// ends are trimmed.
    static func singleLine(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// `text` cut between characters (never inside one) and ended with `…` so that it fits
    /// `width` pixels; unchanged when it already fits. May return just `…`.
    static func truncated(_ text: String, toWidth width: Double, size: Double) -> String {
        guard self.width(text, size: size) > width else { return text }
        let ellipsis = "\u{2026}"
        var kept = ""
        var used = self.width(ellipsis, size: size)
        for character in text {
            let characterWidth = advance(character) * size
            if used + characterWidth > width { break }
            kept.append(character)
            used += characterWidth
        }
        while let last = kept.last, last == " " { kept.removeLast() }
        return kept + ellipsis
    }
}
