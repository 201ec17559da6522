// MARK: - CSV writing

/// Writes RFC 4180 CSV cells into a byte buffer.
///
/// Text cells are neutralised against spreadsheet formula injection: a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so that Excel, LibreOffice and
/// Google Sheets show it as text instead of running it (OWASP "CSV Injection"). Numbers are
/// written with `appendNumber` and never altered. A cell is quoted when it holds a comma, a quote,
/// a line break, or leading or trailing spaces, or starts with U+FEFF; quotes inside are doubled.
public enum CSVWriter {
    /// Appends a text cell, neutralised and quoted as needed.
    public static func appendText(_ text: String, to buffer: inout [UInt8]) {
        var utf8 = Array(text.utf8)
        if let first = utf8.first,
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
                || first == 9 || first == 13
        {
            utf8.insert(UInt8(ascii: "'"), at: 0)
        }
        appendEscaped(utf8, to: &buffer)
    }

    /// Appends bytes as one cell, quoting when needed (no neutralisation: for dates, numbers, codes).
    /// A cell that starts with U+FEFF is quoted too: at the very start of a file, a reader would take
    /// it for a byte-order mark and drop it.
    public static func appendEscaped(_ utf8: [UInt8], to buffer: inout [UInt8]) {
        var needsQuotes = utf8.first == 32 || utf8.last == 32
        if utf8.first == 0xEF, utf8.starts(with: [0xEF, 0xBB, 0xBF]) { needsQuotes = true }
        if !needsQuotes {
            for byte in utf8 where byte == 44 || byte == 34 || byte == 10 || byte == 13 {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            buffer.append(contentsOf: utf8)
            return
        }
        buffer.append(34)
        for byte in utf8 {
            if byte == 34 { buffer.append(34) }
            buffer.append(byte)
        }
        buffer.append(34)
    }

    /// Appends a header row.
    public static func appendHeader(_ names: [String], to buffer: inout [UInt8]) {
        for (k, name) in names.enumerated() {
            if k > 0 { buffer.append(44) }
            appendEscaped(Array(name.utf8), to: &buffer)
        }
        buffer.append(10)
    }

    /// Appends a number with a fixed count of decimals, trailing zeros trimmed (`260.33`, `0.7754032830` → `0.775403283`).
    @inline(__always)
    public static func appendNumber(_ value: Double?, decimals: Int, to buffer: inout [UInt8]) {
        guard let value else { return }
        NumberFormat.append(value, decimals: decimals, trimZeros: true, to: &buffer)
    }
}
