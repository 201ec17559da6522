import Foundation

// MARK: - Roff

/// Text made safe for roff, the language of manual pages (man(7)), as groff and mandoc read it.
///
/// A backslash is roff's escape character and becomes `\e`; every hyphen-minus becomes `\-`, so
/// that `--window` and `-1:1` print as the characters a reader types rather than as hyphens a
/// typesetter may change or break at; a double quote becomes `\(dq`, which also holds inside a
/// macro's argument; every character beyond ASCII becomes a roff character escape (a named one
/// where roff has a name that every device knows, `\[uXXXX]` otherwise; Greek letters are spelled
/// out), so the page reads the same in every encoding.
/// A line of text that would start with `.` or `'` (roff's request characters) starts with `\&`.
enum Roff {
    /// Characters roff names, for the devices (ASCII terminals included) that know them by name.
    static let named: [Unicode.Scalar: String] = [
        "\u{2212}": #"\-"#,  // minus sign
        "\u{2013}": #"\(en"#,
        "\u{2014}": #"\(em"#,
        "\u{2026}": #".\|.\|."#,
        "\u{2192}": #"\(->"#,
        "\u{00D7}": #"\(mu"#,
        "\u{2264}": #"\(<="#,
        "\u{2265}": #"\(>="#,
        // Greek has no glyph on an ASCII terminal (groff -T ascii): spelled out.
        "\u{03C3}": "sigma",
        "\u{03C1}": "rho",
        "\u{2018}": #"\(oq"#,
        "\u{2019}": #"\(cq"#,
        "\u{201C}": #"\(lq"#,
        "\u{201D}": #"\(rq"#,
    ]

    /// Text escaped for a text line or a macro argument (not yet safe at the start of a line:
    /// see `line`).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += #"\e"#
            case "-": out += #"\-"#
            case "\"": out += #"\(dq"#
            case "\t", "\n": out += " "
            default:
                if scalar.isASCII {
                    if scalar.value >= 0x20, scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
                } else if let name = named[scalar] {
                    out += name
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += #"\[u"# + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
                }
            }
        }
        return out
    }

    /// Already escaped text as a line of its own: `\&` before a leading `.` or `'`.
    static func line(_ escaped: String) -> String {
        escaped.hasPrefix(".") || escaped.hasPrefix("'") ? #"\&"# + escaped : escaped
    }

    /// `\fBtext\fR`.
    static func bold(_ text: String) -> String {
        #"\fB"# + escape(text) + #"\fR"#
    }

    /// `\fItext\fR`.
    static func italic(_ text: String) -> String {
        #"\fI"# + escape(text) + #"\fR"#
    }

    /// The widest input line, as `mandoc -T lint` likes them.
    static let width = 80

    /// Escaped words filled into input lines of at most `width` bytes where the words allow it,
    /// each safe as a text line. A word that ends in `\c` (the next input line continues it
    /// without a space) ends its line.
    static func fill(_ words: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words {
            if !line.isEmpty, line.utf8.count + 1 + word.utf8.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
            if word.hasSuffix(#"\c"#) {
                lines.append(line)
                line = ""
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map(self.line)
    }

    /// A paragraph of plain text (its hand-wrapped lines joined), escaped and filled. A word too
    /// long for a line (a list of CSV columns) is cut after its commas, with a break point
    /// (`\:`) where it was cut and `\c` to join the pieces again.
    static func paragraph(_ text: String) -> [String] {
        var words: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) {
            guard escape(word).utf8.count > width / 2, word.contains(",") else {
                words.append(escape(word))
                continue
            }
            let pieces = word.split(separator: ",", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                words.append(escape(String(piece)) + (index < pieces.count - 1 ? #",\:\c"# : ""))
            }
        }
        return fill(words)
    }

    /// A line shown as it is, in a no-fill block, escaped. A command line (one that starts with
    /// `mlink`) too long for `columns` goes on over several, each but the last ending in ` \`
    /// as a shell reads it, cut only between words (a quoted string is one), never between an
    /// option and its value.
    static func verbatim(_ text: String, columns: Int = 66) -> [String] {
        guard text.hasPrefix("mlink "), text.count > columns else { return [line(escape(text))] }
        // An option and its value stay together: the units to fill lines with.
        var units: [String] = []
        for word in shellWords(text) {
            if let last = units.last, last.hasPrefix("-"), !last.contains(" "), !isOption(word) {
                units[units.count - 1] += " " + word
            } else {
                units.append(word)
            }
        }
        var lines: [String] = []
        var current: [String] = []
        for unit in units {
            let candidate = (current + [unit]).joined(separator: " ")
            let fits = candidate.count + 2 <= columns && escape(candidate).utf8.count + 6 <= width
            if !fits, !current.isEmpty {
                lines.append(escape(current.joined(separator: " ")) + #" \e"#)
                current = []
            }
            current.append(unit)
        }
        lines.append(escape(current.joined(separator: " ")))
        return lines.enumerated().map { $0.offset == 0 ? line($0.element) : "    " + $0.element }
    }

    /// A command line's words, a quoted string ("...") kept as one.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        for character in text {
            if character == "\"" || character == "'" {
                if quote == nil { quote = character } else if quote == character { quote = nil }
            }
            if character == " ", quote == nil {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// Whether a word of a command line is an option (`--window`, `-o`) rather than a value
    /// (`-120:-6`).
    static func isOption(_ word: String) -> Bool {
        word.hasPrefix("--") || (word.count == 2 && word.hasPrefix("-") && word.last?.isLetter == true)
    }

    /// Paragraphs separated by blank lines, each after a `.PP`.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            .flatMap { [".PP"] + paragraph($0) }
    }
}
