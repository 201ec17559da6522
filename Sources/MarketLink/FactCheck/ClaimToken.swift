// MARK: - Claim tokens

/// One token of a claim's text: a lowercased word, a number as written, or a punctuation mark,
/// with the range it came from so that messages can quote the claim as the user wrote it.
struct ClaimToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Letters (and inner apostrophes), lowercased.
        case word(String)
        /// Digits with optional `,` thousands groups and a `.` decimal part: `33,833.61`, `0.8`.
        case number(ClaimedNumber)
        case percentSign
        case comma
        case period
        case semicolon
        /// `-`, `–` (en dash), `—` (em dash).
        case dash
        case open
        case close
        /// Anything else (`$`, `&`, `+`, ...).
        case other(String)
    }

    var kind: Kind
    var range: Range<String.Index>

    var word: String? {
        if case .word(let text) = kind { return text }
        return nil
    }

    var number: ClaimedNumber? {
        if case .number(let value) = kind { return value }
        return nil
    }
}

// MARK: - Tokenizer

extension ClaimToken {
    /// Splits a claim into tokens. Whitespace separates; nothing is rejected here (a stray `$`
    /// becomes `.other` and the reader names it if it stands where a part is expected).
    ///
    /// A `,` belongs to a number only when exactly three digits follow it (`33,833.61` is one
    /// number, `June 8, 2023` is `8`, `,`, `2023`); a `.` only when a digit follows (`2023.` at
    /// the end of a sentence is a number and a period).
    static func tokenize(_ text: String) -> [ClaimToken] {
        var tokens: [ClaimToken] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex

        func isDigit(_ i: String.UnicodeScalarView.Index) -> Bool {
            i < scalars.endIndex && ("0"..."9").contains(scalars[i])
        }
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            let start = index
            if scalar.properties.isWhitespace {
                index = scalars.index(after: index)
                continue
            }
            if isDigit(index) || (scalar == "." && isDigit(scalars.index(after: index))) {
                var end = index
                while isDigit(end) { end = scalars.index(after: end) }
                // Thousands groups: `,` and exactly three digits, not a fourth.
                while end < scalars.endIndex, scalars[end] == "," {
                    var probe = scalars.index(after: end)
                    var digits = 0
                    while isDigit(probe), digits < 4 {
                        probe = scalars.index(after: probe)
                        digits += 1
                    }
                    guard digits == 3 else { break }
                    end = probe
                }
                if end < scalars.endIndex, scalars[end] == ".", isDigit(scalars.index(after: end)) {
                    end = scalars.index(after: end)
                    while isDigit(end) { end = scalars.index(after: end) }
                }
                let written = String(text[start..<end])
                if let number = ClaimedNumber(written: written) {
                    tokens.append(ClaimToken(kind: .number(number), range: start..<end))
                } else {
                    tokens.append(ClaimToken(kind: .other(written), range: start..<end))
                }
                index = end
                continue
            }
            if isLetter(scalar) {
                var end = index
                while end < scalars.endIndex {
                    let next = scalars[end]
                    if isLetter(next) {
                        end = scalars.index(after: end)
                    } else if next == "'" || next == "’", scalars.index(after: end) < scalars.endIndex,
                        isLetter(scalars[scalars.index(after: end)])
                    {
                        end = scalars.index(after: end)
                    } else {
                        break
                    }
                }
                tokens.append(ClaimToken(kind: .word(String(text[start..<end]).lowercased()), range: start..<end))
                index = end
                continue
            }
            let kind: Kind
            switch scalar {
            case "%", "％": kind = .percentSign
            case ",", "，": kind = .comma
            case ".": kind = .period
            case ";": kind = .semicolon
            case "-", "–", "—", "‒", "−": kind = .dash
            case "(", "[": kind = .open
            case ")", "]": kind = .close
            default: kind = .other(String(scalar))
            }
            index = scalars.index(after: index)
            tokens.append(ClaimToken(kind: kind, range: start..<index))
        }
        return tokens
    }
}
