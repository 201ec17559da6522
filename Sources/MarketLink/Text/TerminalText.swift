// MARK: - Terminal text

/// Text from inputs — event titles, series names, column headers, claims — made safe to print on
/// a terminal: no character in the result can move the cursor, recolour the screen, retitle the
/// window or start an escape sequence, and what was there stays visible.
///
/// - C0 controls (U+0000–U+001F) become their Unicode control pictures (U+2400–U+241F), DEL
///   becomes `␡` (U+2421): ESC is `␛`, BEL `␇`, NUL `␀`. An ANSI colour sequence `ESC [ 31 m`
///   reads `␛[31m`; an OSC title sequence `ESC ] 0 ; x BEL` reads `␛]0;x␇`.
/// - C1 controls (U+0080–U+009F), which terminals may act on like ESC and a letter (U+009B is
///   CSI, U+009D is OSC), are shown as that 7-bit pair: `␛[` for U+009B, `␛]` for U+009D
///   (ECMA-48 §5.3: C1 control = ESC followed by the code minus 0x40).
/// - In `escaped(_:)`, which is for one table cell or one line, tab, line feed, carriage return,
///   NEL, and the line and paragraph separators (U+2028, U+2029) become one space each, so that
///   a title stays on its row. `escapedLines(_:)` keeps line feeds for text of several lines.
/// - Everything else is unchanged: letters of any script, emoji, combining marks.
///
/// The empty string gives the empty string; text without controls is returned as it is.
public enum TerminalText {
    /// `text` for one line of a terminal: controls shown, line breaks and tabs as spaces.
    public static func escaped(_ text: String) -> String {
        escape(text, keepingLineFeeds: false)
    }

    /// `text` of several lines for a terminal: as `escaped(_:)`, but line feeds stay.
    public static func escapedLines(_ text: String) -> String {
        escape(text, keepingLineFeeds: true)
    }

    private static func escape(_ text: String, keepingLineFeeds: Bool) -> String {
        guard containsEscapable(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0A where keepingLineFeeds:
                result.append(scalar)
            case 0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                result.append(" ")
            case 0x00..<0x20:
                result.append(picture(value))
            case 0x7F:
                result.append("\u{2421}")
            case 0x80..<0xA0:
                result.append("\u{241B}")
                result.append(Unicode.Scalar(UInt8(value - 0x40)))
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The control picture of a C0 control: U+2400 + its code.
    private static func picture(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}"
    }

    /// Whether `text` has a scalar that is changed: below U+0020, U+007F–U+009F, U+2028 or U+2029,
    /// read from the UTF-8 (C1 controls are `C2 80`–`C2 9F`, the separators `E2 80 A8` and
    /// `E2 80 A9`; `C2` and `E2` only ever start a scalar).
    private static func containsEscapable(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable(containsEscapable) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(containsEscapable)
    }

    private static func containsEscapable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == 0xC2, byte >= 0x80, byte < 0xA0 { return true }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
