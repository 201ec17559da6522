// MARK: - Tokenizer

/// An RFC 4180 CSV tokenizer over UTF-8 bytes.
///
/// It reads `,`, `;` or tab delimited text with LF, CRLF or CR line ends, quoted fields (which may
/// hold delimiters, line breaks and doubled quotes), spaces before a field, and rows of different
/// lengths (the caller decides what a short row means). Empty lines are skipped. It allocates
/// nothing per field: a row is a list of byte ranges that the caller reads in place.
///
/// Errors: an unterminated quote, a quote inside an unquoted field, and text after a closing quote,
/// each with the line and column where it happens.
public struct CSVTokenizer {
    /// The bytes tokenized; they must outlive the tokenizer.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The field delimiter: `,`, `;` or tab.
    public let delimiter: UInt8
    /// The name used in error locations.
    public let file: String

    /// Byte offset of the next row.
    public private(set) var position: Int
    /// Line number (1-based) at `position`.
    public private(set) var line: Int
    /// Line number where the row returned last starts.
    public private(set) var rowLine: Int = 0
    /// Byte offset where the row returned last starts.
    public private(set) var rowStart: Int = 0

    /// A tokenizer of `bytes` from byte `start`, which is on line `line`.
    public init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, file: String, start: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.file = file
        self.position = start
        self.line = line
        if start == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            self.position = 3
        }
    }

    /// Reads the next non-empty row into `fields` (cleared first). Returns `false` at the end.
    public mutating func nextRow(into fields: inout [CSVField]) throws(MarketLinkError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10, space: UInt8 = 32
        var i = position
        // Skip empty lines.
        while i < count, bytes[i] == lf || bytes[i] == cr {
            if bytes[i] == cr, i + 1 < count, bytes[i + 1] == lf { i += 1 }
            i += 1
            line += 1
        }
        if i >= count {
            position = count
            return false
        }
        rowStart = i
        rowLine = line
        while true {
            // One field starts at i.
            var fieldStart = i
            var j = i
            while j < count, bytes[j] == space { j += 1 }
            if j < count, bytes[j] == quote {
                let openAt = j
                let openLine = line
                j += 1
                fieldStart = j
                var escapes = false
                var closed = false
                while j < count {
                    let byte = bytes[j]
                    if byte == quote {
                        if j + 1 < count, bytes[j + 1] == quote {
                            escapes = true
                            j += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == lf || (byte == cr && !(j + 1 < count && bytes[j + 1] == lf)) { line += 1 }
                    j += 1
                }
                guard closed else {
                    throw MarketLinkError(.malformedCSV(.unterminatedQuote), at: locate(offset: openAt, line: openLine))
                }
                let fieldEnd = j
                j += 1
                while j < count, bytes[j] == space { j += 1 }
                fields.append(CSVField(start: fieldStart, end: fieldEnd, isQuoted: true, hasEscapes: escapes))
                if j >= count {
                    position = count
                    return true
                }
                let after = bytes[j]
                if after == delimiter {
                    i = j + 1
                    continue
                }
                if after == lf || after == cr {
                    position = endOfLine(j)
                    return true
                }
                throw MarketLinkError(.malformedCSV(.textAfterClosingQuote(after)), at: locate(offset: j, line: line))
            }
            // Unquoted field: runs to the delimiter or the end of the line.
            j = fieldStart
            while j < count {
                let byte = bytes[j]
                if byte == delimiter || byte == lf || byte == cr { break }
                if byte == quote {
                    throw MarketLinkError(.malformedCSV(.quoteInUnquotedField), at: locate(offset: j, line: line))
                }
                j += 1
            }
            fields.append(CSVField(start: fieldStart, end: j, isQuoted: false, hasEscapes: false))
            if j >= count {
                position = count
                return true
            }
            if bytes[j] == delimiter {
                i = j + 1
                continue
            }
            position = endOfLine(j)
            return true
        }
    }

    /// The fast path for text known to hold no quote character: a field ends at the delimiter or
    /// the line end. Same rows as `nextRow(into:)` for such text. Fields go into `fields` as far as
    /// it holds them; the count returned is the row's true number of fields (which may be more).
    /// Returns `nil` at the end.
    public mutating func nextUnquotedRow(into fields: UnsafeMutableBufferPointer<CSVField>) -> Int? {
        let count = bytes.count
        var i = position
        while i < count, bytes[i] == 10 || bytes[i] == 13 {
            if bytes[i] == 13, i + 1 < count, bytes[i + 1] == 10 { i += 1 }
            i += 1
            line += 1
        }
        if i >= count {
            position = count
            return nil
        }
        rowStart = i
        rowLine = line
        var fieldStart = i
        var filled = 0
        let limit = fields.count
        let delimiter = self.delimiter
        #if _endian(little)
        // Eight bytes at a time (`separatorMask`, exact per byte): every delimiter of a word is
        // taken from its mask, lowest first, clearing one bit each, and the next word is at a
        // fixed eight bytes on. So the loads do not wait for the field ends found in the word
        // before (a chain of load, mask and bit count per field, the tokenizer's cost on short
        // fields), and every field and the row end are found exactly where the loop below finds
        // them byte by byte. At the first line end the row ends there.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let spread = CSVTokenizer.spread(delimiter)
            words: while i + 8 <= count {
                var mask = CSVTokenizer.separatorMask(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), delimiter: spread)
                while mask != 0 {
                    let at = i &+ mask.trailingZeroBitCount >> 3
                    guard base[at] == delimiter else {
                        i = at
                        break words
                    }
                    if filled < limit { fields[filled] = CSVField(start: fieldStart, end: at, isQuoted: false, hasEscapes: false) }
                    filled += 1
                    fieldStart = at &+ 1
                    mask &= mask &- 1
                }
                i += 8
            }
        }
        #endif
        while i < count {
            let byte = bytes[i]
            if byte == delimiter {
                if filled < limit { fields[filled] = CSVField(start: fieldStart, end: i, isQuoted: false, hasEscapes: false) }
                filled += 1
                fieldStart = i + 1
            } else if byte == 10 || byte == 13 {
                break
            }
            i += 1
        }
        if filled < limit { fields[filled] = CSVField(start: fieldStart, end: i, isQuoted: false, hasEscapes: false) }
        filled += 1
        position = i < count ? endOfLine(i) : count
        return filled
    }

    /// `byte` in each of a word's eight bytes.
    @inline(__always)
    static func spread(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each byte of `word` that is the delimiter (`delimiter`, spread over the
    /// word), LF or CR; no other bit. Exact per byte: (x & 0x7F…) + 0x7F… sets a byte's high bit
    /// when its low seven bits are not all zero and never carries into the next byte, so a byte
    /// of x is zero exactly when neither that nor its own high bit is set.
    @inline(__always)
    static func separatorMask(_ word: UInt64, delimiter: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func nonZero(_ x: UInt64) -> UInt64 { ((x & low) &+ low) | x }
        let kept = nonZero(word ^ delimiter) & nonZero(word ^ 0x0A0A_0A0A_0A0A_0A0A) & nonZero(word ^ 0x0D0D_0D0D_0D0D_0D0D)
        return ~kept & 0x8080_8080_8080_8080
    }

    /// Consumes a line end at `offset` and counts it; returns the offset after it.
    private mutating func endOfLine(_ offset: Int) -> Int {
        line += 1
        if bytes[offset] == 13, offset + 1 < bytes.count, bytes[offset + 1] == 10 { return offset + 2 }
        return offset + 1
    }
}
