// MARK: - Text tokens

/// One token of news text: a lowercased word, a Chinese or Japanese character, a number as
/// written, or a punctuation mark, with the range of Unicode scalars it came from.
///
/// The claim reader (`ClaimReader`), the date-phrase reader (`DatePhraseReader`), the index-name
/// matcher (`IndexNameMatcher`) and the article reader all read the same tokens, so that a word,
/// a number and a date mean the same thing to each of them.
struct TextToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Letters (and inner apostrophes), lowercased: `dow`, `percent`, `didn't`.
        case word(String)
        /// One Han or kana character (`上`, `涨`): Chinese and Japanese are read a character at a
        /// time, since they put no spaces between words.
        case ideograph(String)
        /// Digits with optional `,` thousands groups and a `.` decimal part: `33,833.61`, `0.8`.
        case number(ClaimedNumber)
        /// `'s` or `’s` after a word: `Dow's`, `Hong Kong's`.
        case possessive
        /// `%` or `％`.
        case percentSign
        /// `,`, `，` or `、`.
        case comma
        case period
        /// `;` or `；`.
        case semicolon
        /// `:` or `：`.
        case colon
        /// `-`, `–` (en dash), `—` (em dash), `−` (minus).
        case dash
        /// `(`, `[`, `（`, `【`.
        case open
        /// `)`, `]`, `）`, `】`.
        case close
        /// `。`, `！`, `？`, `!`, `?`: the end of a sentence.
        case stop
        /// Quotation marks: `"`, `“`, `”`, `「`, `」`, `'`, `‘`, `’`.
        case quote
        /// Anything else (`$`, `&`, `+`, `|`, ...).
        case other(String)
    }

    var kind: Kind
    /// The scalars it came from, as offsets into the scalars that were tokenized.
    var range: Range<Int>

    /// The word or character, for matching against vocabulary (lowercased words, ideographs as written).
    var word: String? {
        switch kind {
        case .word(let text), .ideograph(let text): return text
        default: return nil
        }
    }

    var number: ClaimedNumber? {
        if case .number(let value) = kind { return value }
        return nil
    }

    var isIdeograph: Bool {
        if case .ideograph = kind { return true }
        return false
    }
}

// MARK: - Character classes

extension TextToken {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// Han ideographs (CJK Unified Ideographs and extensions, compatibility ideographs) and kana:
    /// the scripts read one character at a time.
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF, 0x3005, 0x3007: return true
        default: return false
        }
    }

    /// Letters of the scripts that write words with spaces between them.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        return !isIdeograph(scalar) && scalar.properties.isAlphabetic
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: return true
        default: return scalar.value > 0x7F && scalar.properties.isWhitespace
        }
    }
}

// MARK: - Tokenizer

extension TextToken {
    /// Splits `text` into tokens. White space separates; nothing is rejected (a stray `$` is
    /// `.other`, and a reader names it if it stands where a part is expected).
    ///
    /// A `,` belongs to a number only when exactly three digits follow it (`33,833.61` is one
    /// number, `June 8, 2023` is `8`, `,`, `2023`); a `.` only when a digit follows (`2023.` at
    /// the end of a sentence is a number and a period). An apostrophe inside a word stays in it
    /// (`didn't`), except a final `'s`, which is a possessive of its own (`Dow's` is `dow`, `'s`).
    static func tokenize(_ text: String) -> [TextToken] {
        tokenize(Array(text.unicodeScalars))
    }

    static func tokenize(_ scalars: [Unicode.Scalar]) -> [TextToken] {
        tokenize(scalars[...])
    }

    /// Tokens of a slice; ranges are offsets into the whole array the slice is cut from.
    static func tokenize(_ scalars: ArraySlice<Unicode.Scalar>) -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(scalars.count / 4)
        let end = scalars.endIndex
        var index = scalars.startIndex

        func digit(_ i: Int) -> Bool { i < end && isDigit(scalars[i]) }
        // One buffer for the bytes of every number.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(32)

        while index < end {
            let scalar = scalars[index]
            let start = index
            if isSpace(scalar) {
                index += 1
                continue
            }
            if digit(index) || (scalar == "." && digit(index + 1) && !(index > scalars.startIndex && isLetter(scalars[index - 1]))) {
                var stop = index
                while digit(stop) { stop += 1 }
                // Thousands groups: `,` and exactly three digits, not a fourth.
                while stop < end, scalars[stop] == "," {
                    var probe = stop + 1
                    var digits = 0
                    while digit(probe), digits < 4 {
                        probe += 1
                        digits += 1
                    }
                    guard digits == 3 else { break }
                    stop = probe
                }
                if stop < end, scalars[stop] == ".", digit(stop + 1) {
                    stop += 1
                    while digit(stop) { stop += 1 }
                }
                // Digits, `,` and `.`: ASCII, a byte a scalar.
                ascii.removeAll(keepingCapacity: true)
                for k in start..<stop { ascii.append(UInt8(truncatingIfNeeded: scalars[k].value)) }
                let text = String(decoding: ascii, as: UTF8.self)
                if let number = ascii.withUnsafeBufferPointer({ ClaimedNumber(asciiBytes: $0, text: text) }) {
                    tokens.append(TextToken(kind: .number(number), range: start..<stop))
                } else {
                    tokens.append(TextToken(kind: .other(text), range: start..<stop))
                }
                index = stop
                continue
            }
            if isIdeograph(scalar) {
                tokens.append(TextToken(kind: .ideograph(String(Character(scalar))), range: start..<start + 1))
                index += 1
                continue
            }
            if isLetter(scalar) {
                var stop = index
                var isASCII = true
                while stop < end {
                    let next = scalars[stop]
                    if isLetter(next) {
                        if next.value >= 0x80 { isASCII = false }
                        stop += 1
                    } else if next == "'" || next == "’", stop + 1 < end, isLetter(scalars[stop + 1]) {
                        // `'s` ending the word is a possessive; `didn't`, `O'Neil` keep theirs.
                        let afterS = stop + 2
                        if scalars[stop + 1] == "s" || scalars[stop + 1] == "S", afterS >= end || !isLetter(scalars[afterS]) { break }
                        if next != "'" { isASCII = false }
                        stop += 1
                    } else {
                        break
                    }
                }
                let text: String
                if isASCII {
                    // ASCII words (nearly all of English) are lowercased byte by byte, straight
                    // into the string (most fit a small string, which costs no allocation).
                    text = String(unsafeUninitializedCapacity: stop - start) { buffer in
                        for k in start..<stop {
                            let byte = UInt8(truncatingIfNeeded: scalars[k].value)
                            buffer[k - start] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                        }
                        return stop - start
                    }
                } else {
                    var word = String.UnicodeScalarView()
                    word.append(contentsOf: scalars[start..<stop])
                    text = String(word).lowercased()
                }
                tokens.append(TextToken(kind: .word(text), range: start..<stop))
                index = stop
                if index + 1 < end, scalars[index] == "'" || scalars[index] == "’", scalars[index + 1] == "s" || scalars[index + 1] == "S",
                    index + 2 >= end || !isLetter(scalars[index + 2])
                {
                    tokens.append(TextToken(kind: .possessive, range: index..<index + 2))
                    index += 2
                }
                continue
            }
            let kind: Kind
            switch scalar {
            case "%", "％": kind = .percentSign
            case ",", "，", "、": kind = .comma
            case ".": kind = .period
            case ";", "；": kind = .semicolon
            case ":", "：": kind = .colon
            case "-", "–", "—", "‒", "−", "‐", "―": kind = .dash
            case "(", "[", "（", "【", "〔": kind = .open
            case ")", "]", "）", "】", "〕": kind = .close
            case "。", "！", "？", "!", "?", "．": kind = .stop
            case "\"", "“", "”", "「", "」", "『", "』", "'", "‘", "’", "«", "»": kind = .quote
            default: kind = .other(String(Character(scalar)))
            }
            index += 1
            tokens.append(TextToken(kind: kind, range: start..<index))
        }
        return tokens
    }
}
