// MARK: - Field

/// One field of a CSV row, as a byte range into the tokenized buffer.
///
/// For a quoted field the range is what lies between the quotes; `hasEscapes` says it contains
/// doubled quotes (`""`) that `CSVRow.text(_:)` and `CSVRow.withBytes(_:_:)` turn back into one.
public struct CSVField: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var isQuoted: Bool
    public var hasEscapes: Bool

    public var isEmpty: Bool { start == end }
}

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
    public let bytes: UnsafeBufferPointer<UInt8>
    public let delimiter: UInt8
    public let file: String

    /// Byte offset of the next row.
    public private(set) var position: Int
    /// Line number (1-based) at `position`.
    public private(set) var line: Int
    /// Line number where the row returned last starts.
    public private(set) var rowLine: Int = 0
    /// Byte offset where the row returned last starts.
    public private(set) var rowStart: Int = 0

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
                    throw MarketLinkError(
                        "unterminated quoted field (the quote opened here is never closed)",
                        at: locate(offset: openAt, line: openLine))
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
                throw MarketLinkError(
                    "unexpected \(quoted(bytes: [after])) after the closing quote of a quoted field",
                    at: locate(offset: j, line: line))
            }
            // Unquoted field: runs to the delimiter or the end of the line.
            j = fieldStart
            while j < count {
                let byte = bytes[j]
                if byte == delimiter || byte == lf || byte == cr { break }
                if byte == quote {
                    throw MarketLinkError(
                        "quote character inside an unquoted field; a field with quotes must be quoted whole, with each quote doubled",
                        at: locate(offset: j, line: line))
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

    /// Consumes a line end at `offset` and counts it; returns the offset after it.
    private mutating func endOfLine(_ offset: Int) -> Int {
        line += 1
        if bytes[offset] == 13, offset + 1 < bytes.count, bytes[offset + 1] == 10 { return offset + 2 }
        return offset + 1
    }

    /// The location of a byte offset on a known line: the column counts bytes from the line start.
    public func locate(offset: Int, line: Int) -> SourceLocation {
        var start = offset
        while start > 0, bytes[start - 1] != 10, bytes[start - 1] != 13 { start -= 1 }
        var column = offset - start + 1
        if line == 1, start == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            column -= 3
        }
        return SourceLocation(file: file, line: line, column: max(column, 1))
    }

    /// The location of a field of the row returned last.
    public func locate(_ field: CSVField) -> SourceLocation {
        // Count line breaks between the row start and the field (only quoted fields span lines).
        var line = rowLine
        var k = rowStart
        while k < field.start {
            if bytes[k] == 10 || (bytes[k] == 13 && !(k + 1 < bytes.count && bytes[k + 1] == 10)) { line += 1 }
            k += 1
        }
        let offset = field.isQuoted ? field.start - 1 : field.start
        return locate(offset: offset, line: line)
    }

    // MARK: Reading fields

    /// The text of a field, with doubled quotes undone.
    public func text(_ field: CSVField) -> String {
        String(decoding: unescaped(field), as: UTF8.self)
    }

    /// The bytes of a field, with doubled quotes undone.
    public func unescaped(_ field: CSVField) -> [UInt8] {
        let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasEscapes else { return Array(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = 0
        while k < slice.count {
            out.append(slice[k])
            k += slice[k] == UInt8(ascii: "\"") ? 2 : 1
        }
        return out
    }

    /// The raw bytes of a field (doubled quotes left as they are), without copying.
    @inline(__always)
    public func slice(_ field: CSVField) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }
}

// MARK: - Dialect

/// How a file is delimited, decided from its first lines.
public enum CSVDialect {
    /// The delimiter (`,`, `;` or tab) that splits the first lines most consistently, counting only
    /// delimiters outside quotes. Ties prefer `,`, then `;`, then tab.
    public static func sniffDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, lines maximum: Int = 40) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9]
        var counts: [[Int]] = [[], [], []]
        var current = [0, 0, 0]
        var inQuotes = false
        var lineHasText = false
        var i = 0
        var scanned = 0
        while i < bytes.count, counts[0].count < maximum, scanned < 1 << 20 {
            let byte = bytes[i]
            scanned += 1
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, byte == 10 || byte == 13 {
                if lineHasText {
                    for k in 0..<3 { counts[k].append(current[k]) }
                }
                current = [0, 0, 0]
                lineHasText = false
            } else if !inQuotes {
                lineHasText = true
                for k in 0..<3 where byte == candidates[k] { current[k] += 1 }
            }
            i += 1
        }
        if lineHasText { for k in 0..<3 { counts[k].append(current[k]) } }
        var best = 0
        var bestScore = -1
        for k in 0..<3 {
            // The most common non-zero count, and how many lines have it.
            var frequency: [Int: Int] = [:]
            for c in counts[k] where c > 0 { frequency[c, default: 0] += 1 }
            guard let (mode, lines) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            // Prefer consistency, then more columns.
            let score = lines * 1000 + min(mode, 999)
            if score > bestScore {
                bestScore = score
                best = k
            }
        }
        return candidates[best]
    }
}
