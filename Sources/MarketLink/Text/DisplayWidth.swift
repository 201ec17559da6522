// MARK: - Display width

/// How many terminal columns text takes — the one width table behind terminal tables, event
/// listings and the chart label estimate — and how to shorten text to a width without cutting
/// a character in two.
///
/// Width is counted per grapheme cluster (a `Character`: what a reader sees as one character):
///
/// - **2** for East Asian wide and fullwidth characters (Unicode `East_Asian_Width` W and F: CJK
///   ideographs, kana, Hangul syllables and leading jamo, fullwidth forms, CJK punctuation such
///   as `，` and `。`) and for emoji: a character with default emoji presentation (`😀`), one
///   made emoji by U+FE0F (`❤️`, keycaps `1️⃣`), a skin-tone or ZWJ sequence (`👍🏽`,
///   `👨‍👩‍👧‍👦` — one character, two columns), and a flag (a pair of regional indicators, `🇨🇳`).
/// - **0** for a cluster of only combining marks, format characters (zero-width space and
///   joiners, U+200B–U+200F, soft hyphen, bidi controls) or control characters; marks that
///   combine with a base character (`é` written e + U+0301) add nothing to its width.
/// - **1** for everything else, including U+FE0E text presentation of an emoji (`☺︎`).
///
/// Control characters count 0 because the terminal escaper (`TerminalText`) replaces them with
/// visible pictures of width 1 before text is measured for a table.
public enum DisplayWidth {
    /// The columns `text` takes on a terminal.
    public static func columns(_ text: String) -> Int {
        // Fast path: printable ASCII is one column a byte.
        if isPrintableASCII(text) { return text.utf8.count }
        // Text of scalars that are each a character of their own (Latin, general punctuation
        // such as ’ “ ” — …): counted a scalar at a time, without finding character boundaries.
        if text.unicodeScalars.allSatisfy(isAlone) {
            var total = 0
            for scalar in text.unicodeScalars { total += columns(alone: scalar) }
            return total
        }
        var total = 0
        for character in text { total += columns(character) }
        return total
    }

    /// Whether every byte of `text` is printable ASCII (U+0020–U+007E).
    static func isPrintableASCII(_ text: String) -> Bool {
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        return text.utf8.withContiguousStorageIfAvailable(check) ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Whether `scalar` is always a character (grapheme cluster) of its own, whatever is beside
    /// it, when every scalar beside it is one of these too: no combining mark, joiner, variation
    /// selector, regional indicator, Hangul jamo or prepended letter is among them. (CR LF is
    /// one character, and 0 columns either way.)
    static func isAlone(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x300 || (value >= 0x2010 && value <= 0x2027) || (value >= 0x2030 && value <= 0x205E)
    }

    /// `columns(_:)` of the character that is `scalar` alone.
    static func columns(alone scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(scalar) ? 2 : 1
    }

    /// The columns one character (grapheme cluster) takes.
    public static func columns(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        // Fast path: printable ASCII alone.
        if base.value >= 0x20, base.value < 0x7F, scalars.count == 1 { return 1 }
        if isRegionalIndicator(base) { return 2 }
        var emoji = false
        var text = false
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F: emoji = true
            case 0xFE0E: text = true
            case 0x200D: emoji = emoji || base.properties.isEmoji
            case 0x1F3FB...0x1F3FF: emoji = true  // skin-tone modifiers
            default: break
            }
        }
        if text { return isWide(base) && !base.properties.isEmojiPresentation ? 2 : 1 }
        if emoji, base.properties.isEmoji { return 2 }
        if base.properties.isEmojiPresentation { return 2 }
        // The cluster's width is its first spacing scalar's: a lone combining mark, format or
        // control character is 0 wide.
        for scalar in scalars where !isZeroWidth(scalar) { return isWide(scalar) ? 2 : 1 }
        return 0
    }

    /// `text` shortened to at most `limit` columns, ending in `…` (one column) when anything
    /// was cut; cut between characters, never inside one (a ZWJ family or a flag stays whole or
    /// goes whole). Unchanged when it fits; `…` alone for a limit of 1, empty for 0 or less.
    public static func truncated(_ text: String, toColumns limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard columns(text) > limit else { return text }
        if isPrintableASCII(text) { return String(decoding: text.utf8.prefix(limit - 1), as: UTF8.self) + "\u{2026}" }
        if text.unicodeScalars.allSatisfy(isAlone) {
            // A character a scalar (see `columns(_:)`): cut between scalars.
            var used = 0
            let scalars = text.unicodeScalars
            var end = scalars.startIndex
            while end < scalars.endIndex {
                let width = columns(alone: scalars[end])
                if used + width > limit - 1 { break }
                used += width
                end = scalars.index(after: end)
            }
            return String(scalars[..<end]) + "\u{2026}"
        }
        var kept = ""
        var used = 0
        for character in text {
            let width = columns(character)
            if used + width > limit - 1 { break }
            kept.append(character)
            used += width
        }
        return kept + "\u{2026}"
    }

    // MARK: - Character classes

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Combining marks, format characters and controls: no column of their own.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return true }
        // Hangul medial vowels and final consonants join the leading jamo before them.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Width W or F (Unicode 15, UAX #11), for the characters that are not emoji.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }
        switch value {
        case 0x1100...0x115F,  // Hangul leading jamo
            0x2329...0x232A,  // angle brackets
            0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
            0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility jamo, Kanbun, enclosed CJK, CJK compatibility
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA000...0xA4CF,  // Yi
            0xA960...0xA97F,  // Hangul jamo extended A
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE10...0xFE19,  // vertical forms
            0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
            0xFF00...0xFF60,  // fullwidth forms
            0xFFE0...0xFFE6,  // fullwidth signs
            0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,  // Tangut, Khitan, kana supplements
            0x1F200...0x1F2FF,  // enclosed ideographic supplement
            0x20000...0x2FFFD, 0x30000...0x3FFFD:  // CJK extensions B–H
            return true
        default:
            return false
        }
    }
}
