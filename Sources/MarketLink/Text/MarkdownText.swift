// MARK: - Markdown text

/// Text from inputs made inert in Markdown (CommonMark and GitHub-flavoured): whatever a title or
/// a name holds is shown as the characters it is — never as live HTML, a link, an image,
/// emphasis, code, a heading, a list, or the end of a table cell or row.
///
/// - Control characters, tabs and line breaks first go through `TerminalText.escaped(_:)`
///   (controls shown as `␛`-style pictures, line breaks and tabs as spaces), because Markdown is
///   often read on a terminal and a line break would end a table row or a paragraph.
/// - Every character that can start inline markup gets a backslash, which CommonMark defines to
///   show the character itself (§2.4): `\`, the backtick, `*` `_` `[` `]` `<` `>` `|` `~` `&` `$`
///   (`!` needs none: an image needs `![`, and `[` is escaped).
///   So `<img src=x onerror=alert(1)>` becomes `\<img src=x onerror=alert(1)\>` (text, not an
///   element), `[x](javascript:alert(1))` becomes `\[x\](javascript:alert(1))` (text, not a link),
///   `a | b` becomes `a \| b` (one cell), `&lt;` stays four characters, and `$x$` is no formula.
/// - For a paragraph or a list item (`escaped(_:)`), where the text may start a line, the
///   characters that open a block at its start get a backslash too: `#` (heading), `-` `+` `=`
///   (list item, setext underline), and the `.` or `)` after leading digits (ordered list):
///   `\- 5%`, `1\. item`. A table cell (`cell(_:)`) holds inline content only and needs none,
///   so a number such as `-260.33` stays as it is there.
///
/// Everything else — letters of any script, digits, `.` `,` `:` `;` `(` `)` `'` `"` `%` `/` — is
/// unchanged, so that titles stay readable in the Markdown source. A bare web address may still
/// be made a link by renderers that auto-link `https://` text (GitHub does); no `javascript:`
/// link can be formed.
enum MarkdownText {
    /// `text` as inert Markdown for a paragraph or a list item.
    static func escaped(_ text: String) -> String {
        escape(text, blockStart: true)
    }

    /// `text` as inert Markdown for one cell of a table.
    static func cell(_ text: String) -> String {
        escape(text, blockStart: false)
    }

    private static func escape(_ text: String, blockStart: Bool) -> String {
        let visible = TerminalText.escaped(text)
        var result = ""
        result.unicodeScalars.reserveCapacity(visible.unicodeScalars.count)
        var atStart = true
        var leadingDigits = true
        for scalar in visible.unicodeScalars {
            if isInlineMarkup(scalar) {
                result.unicodeScalars.append("\\")
            } else if blockStart, atStart, scalar == "#" || scalar == "-" || scalar == "+" || scalar == "=" {
                result.unicodeScalars.append("\\")
            } else if blockStart, leadingDigits, !atStart, scalar == "." || scalar == ")" {
                result.unicodeScalars.append("\\")
            }
            leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
            atStart = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    private static func isInlineMarkup(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$": return true
        default: return false
        }
    }
}
