// MARK: - CSV cells

/// The one CSV cell encoder: every CSV MarketLink writes — exports (`changes`, `study`,
/// `correlate`, `events list`) and the cells an events-file edit rewrites — quotes by the same
/// rule, and every exported text cell passes the same formula guard.
///
/// **Quoting** (RFC 4180): a cell is written in double quotes, each `"` inside doubled, when it
/// holds the delimiter, a quote, a line feed or a carriage return; when it starts or ends with a
/// space or a tab (which a reader would take for padding); or when it starts with U+FEFF (at the
/// very start of a file a reader would take it for a byte-order mark and drop it). Otherwise it is
/// written as it is.
///
/// **Formula guard** (exports only, OWASP "CSV Injection"): a text cell that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'`, so that Excel, LibreOffice and Google
/// Sheets show it as text instead of running it (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). Numbers are
/// written with `appendNumber` and never altered; an events file keeps the user's text exactly,
/// so `encode(_:delimiter:quote:)` quotes but never guards.
enum CSVWriter {
    // MARK: - Exports

    /// Appends a text cell, guarded against formulas and quoted as needed.
    static func appendText(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendText(utf8: $0, to: &buffer) }
    }

    /// `appendText` for text given as UTF-8 bytes (cells read straight from a file).
    static func appendText(utf8 text: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        if let first = text.first, startsFormula(first) {
            appendEscaped([UInt8(ascii: "'")] + Array(text), to: &buffer)
        } else {
            append(text, delimiter: UInt8(ascii: ","), quote: false, to: &buffer)
        }
    }

    /// Appends bytes as one comma-separated cell, quoting when needed, with no formula guard
    /// (for dates, numbers and codes MarketLink made).
    static func appendEscaped(_ utf8: [UInt8], to buffer: inout [UInt8]) {
        append(utf8, delimiter: UInt8(ascii: ","), quote: false, to: &buffer)
    }

    /// Appends a header row.
    static func appendHeader(_ names: [String], to buffer: inout [UInt8]) {
        for (k, name) in names.enumerated() {
            if k > 0 { buffer.append(44) }
            appendEscaped(Array(name.utf8), to: &buffer)
        }
        buffer.append(10)
    }

    /// Appends a number with a fixed count of decimals, trailing zeros trimmed (`260.33`,
    /// `0.7754032830` → `0.775403283`); nothing for `nil`.
    @inline(__always)
    static func appendNumber(_ value: Double?, decimals: Int, to buffer: inout [UInt8]) {
        guard let value else { return }
        NumberFormat.append(value, decimals: decimals, trimZeros: true, to: &buffer)
    }

    /// `text` as a spreadsheet will show it rather than run it: with a leading `'` when it starts
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return; otherwise unchanged.
    static func neutralised(_ text: String) -> String {
        startsFormula(text) ? "'" + text : text
    }

    /// The formula guard's test: the first byte is `=`, `+`, `-`, `@`, tab or carriage return.
    static func startsFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return startsFormula(first)
    }

    /// `startsFormula` for a text's first byte.
    static func startsFormula(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return true
        default: return false
        }
    }

    // MARK: - Events files

    /// The bytes of one cell of an events file with `delimiter`: the text as it is, or in quotes
    /// when the quoting rule asks or `quote` is set (a rewritten cell that was quoted before).
    static func encode(_ text: String, delimiter: UInt8, quote: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        append(Array(text.utf8), delimiter: delimiter, quote: quote, to: &out)
        return out
    }

    /// `encode`, appended to `buffer` without an intermediate array.
    static func appendEncoded(_ text: String, delimiter: UInt8, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            if needsQuotes(utf8, delimiter: delimiter) {
                append(Array(utf8), delimiter: delimiter, quote: true, to: &buffer)
            } else {
                buffer.append(contentsOf: utf8)
            }
        }
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

    // MARK: - The quoting rule

    private static func append<Bytes: RandomAccessCollection>(
        _ bytes: Bytes, delimiter: UInt8, quote: Bool, to buffer: inout [UInt8]
    ) where Bytes.Element == UInt8 {
        let quoteMark = UInt8(ascii: "\"")
        guard quote || needsQuotes(bytes, delimiter: delimiter) else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.reserveCapacity(buffer.count + bytes.count + 2)
        buffer.append(quoteMark)
        for byte in bytes {
            buffer.append(byte)
            if byte == quoteMark { buffer.append(quoteMark) }
        }
        buffer.append(quoteMark)
    }

    private static func needsQuotes<Bytes: RandomAccessCollection>(_ bytes: Bytes, delimiter: UInt8) -> Bool where Bytes.Element == UInt8 {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 32 || first == 9 || last == 32 || last == 9 { return true }
        if first == 0xEF, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
        for byte in bytes where byte == delimiter || byte == 34 || byte == 10 || byte == 13 { return true }
        return false
    }
}
