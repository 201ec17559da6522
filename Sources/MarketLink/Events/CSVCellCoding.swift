// MARK: - CSV cells

/// Writes and reads single CSV cells for byte-preserving edits of events files.
enum CSVCellCoding {
    /// The bytes of one cell: the text as is, or in double quotes with each `"` doubled when it must
    /// be (`quote`), or when it holds the delimiter, a quote, a CR or LF, or starts or ends with a
    /// space or tab (which a reader would otherwise take as padding).
    static func encode(_ text: String, delimiter: UInt8, quote: Bool = false) -> [UInt8] {
        let bytes = Array(text.utf8)
        let quoteMark = UInt8(ascii: "\"")
        let needsQuotes =
            quote
            || bytes.contains { $0 == delimiter || $0 == quoteMark || $0 == 10 || $0 == 13 }
            || bytes.first.map { $0 == 32 || $0 == 9 } == true
            || bytes.last.map { $0 == 32 || $0 == 9 } == true
        guard needsQuotes else { return bytes }
        var out: [UInt8] = [quoteMark]
        out.reserveCapacity(bytes.count + 2)
        for byte in bytes {
            out.append(byte)
            if byte == quoteMark { out.append(quoteMark) }
        }
        out.append(quoteMark)
        return out
    }

    /// True when a cell as written (padding included) is in quotes.
    static func isQuoted(_ raw: ArraySlice<UInt8>) -> Bool {
        raw.first { $0 != 32 } == UInt8(ascii: "\"")
    }

    /// The text of a cell as written (padding included), with its quotes and doubled quotes undone.
    static func decode(_ raw: ArraySlice<UInt8>) -> String {
        let quoteMark = UInt8(ascii: "\"")
        guard let open = raw.firstIndex(where: { $0 != 32 }), raw[open] == quoteMark,
            let close = raw.lastIndex(of: quoteMark), close > open
        else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        var k = open + 1
        while k < close {
            out.append(raw[k])
            k += raw[k] == quoteMark ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
