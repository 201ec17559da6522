// MARK: - HTML, SVG and XML text

/// The escaper for the markup MarketLink writes — the HTML report and SVG charts, both written by
/// `MarkupWriter` in a syntax that is HTML5 and well-formed XML at once — so one function serves
/// both targets: text reads as text, never as markup, in HTML element content, in HTML
/// attribute values (double- or single-quoted), and in XML and SVG text and attributes.
///
/// - `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` (`&#39;` rather than
///   `&apos;`, which HTML 4 does not define).
/// - Characters that XML 1.0 does not allow at all (§2.2 `Char`: the C0 controls other than tab,
///   line feed and carriage return, and U+FFFE, U+FFFF) become U+FFFD REPLACEMENT CHARACTER, so
///   the document stays well-formed and the reader sees that something was there. DEL (U+007F)
///   and the C1 controls (U+0080–U+009F), which XML discourages and HTML reports as parse errors,
///   are replaced the same way.
/// - Everything else passes through unchanged: tab, line feed and carriage return, and all
///   printable text in any script (`上证指数` stays readable in the source).
///
/// The result contains no `<`, `>`, `"`, `'` and no `&` other than the start of one of the
/// five references above. The empty string gives the empty string.
enum MarkupText {
    /// `text` escaped for HTML, SVG or XML content and attribute values.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(isAllowedInXML(scalar) ? scalar : replacementCharacter)
            }
        }
        return String(result)
    }

    // MARK: - Character classes

    private static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        default: return !isAllowedInXML(scalar)
        }
    }

    /// XML 1.0 §2.2 `Char`, less DEL and the C1 controls. Swift strings hold no lone surrogates, so
    /// the surrogate block needs no test here.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
