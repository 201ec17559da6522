// MARK: - Locations

extension CSVTokenizer {
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
}

// MARK: - Reading fields

extension CSVTokenizer {
    /// The text of a field, with doubled quotes undone.
    public func text(_ field: CSVField) -> String {
        if !field.hasEscapes { return String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self) }
        return String(decoding: unescaped(field), as: UTF8.self)
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
