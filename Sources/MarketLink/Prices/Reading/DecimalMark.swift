// MARK: - Decimal mark

/// Whether a price file writes its closes with a decimal comma (`3279,03`).
///
/// Only a `;`-delimited file can (in a `,` or tab file a comma is a thousands separator). The
/// whole of its value columns decides, value by value (`role(of:)`):
///
/// - a value with both marks says which is which: the last is the decimal mark (`4.221,02`);
/// - a mark written twice is a thousands separator (`1.234.567`), so the other is the decimal mark;
/// - one mark followed by 1, 2 or 4+ digits, or after more than three digits, is a decimal mark
///   (`19299,18`, `12345,678`);
/// - one mark followed by exactly three digits after 1 to 3 digits (`19,252`) may be either, and
///   decides nothing.
///
/// The first value that decides sets the mark; a later value that decides the other way refuses
/// the file there (`19299,18` on line 2, `19404.31` on line 4), since one of them would be read
/// a thousand times wrong. When no value decides, a comma is the decimal mark (the `;` files'
/// convention) and a point a thousands separator. `NumberReader` then reads the other mark as
/// the thousands separator.
enum DecimalMark {
    /// What `inspect` says when the file uses decimal commas.
    static let note = "`;`-delimited with decimal commas: \"3279,03\" read as 3279.03"

    /// What one value says about the decimal mark.
    enum Role: Equatable {
        /// `,` is the decimal mark.
        case comma
        /// `.` is the decimal mark.
        case point
        /// A comma or a point that may be a decimal mark or a thousands separator.
        case eitherComma, eitherPoint
        /// No mark at all.
        case none
    }

    /// Decides from every row after `tokenizer`'s position (a copy reads them; the caller's
    /// tokenizer stays at the first data row) in the columns `valueIndexes` (`header` names them
    /// in messages). Throws `.mixedDecimalMarks` at the first value that disagrees.
    static func isComma(rowsFrom tokenizer: CSVTokenizer, valueIndexes: [Int], header: [String] = []) throws(MarketLinkError) -> Bool {
        guard tokenizer.delimiter == UInt8(ascii: ";") else { return false }
        var probe = tokenizer
        var decider = Decider()
        try decider.scan(&probe, valueIndexes: valueIndexes, header: header)
        return decider.isComma
    }

    /// The decision over rows read piece by piece (a file read in blocks): `scan` each piece in
    /// file order, then `isComma`. The same decision, and the same error, as one scan of the whole.
    struct Decider {
        /// The first value that decided, its text and line.
        private var decided: (comma: Bool, text: String, line: Int)?
        private var sawEitherComma = false

        /// Whether `,` is the decimal mark, from every value scanned.
        var isComma: Bool { decided?.comma ?? sawEitherComma }

        /// Reads every row from `probe`'s position to its end.
        mutating func scan(_ probe: inout CSVTokenizer, valueIndexes: [Int], header: [String]) throws(MarketLinkError) {
            var fields: [CSVField] = []
            while try probe.nextRow(into: &fields) {
                for index in valueIndexes where index < fields.count {
                    let role = DecimalMark.role(of: probe.slice(fields[index]))
                    switch role {
                    case .none, .eitherPoint: continue
                    case .eitherComma:
                        sawEitherComma = true
                        continue
                    case .comma, .point:
                        let comma = role == .comma
                        guard let first = decided else {
                            decided = (comma, probe.text(fields[index]).trimmingWhitespace, probe.rowLine)
                            continue
                        }
                        if first.comma != comma {
                            let column = index < header.count ? header[index] : "column \(index + 1)"
                            throw MarketLinkError(
                                .mixedDecimalMarks(
                                    column: column, first: first.text, firstLine: first.line, disagreeing: probe.text(fields[index]).trimmingWhitespace),
                                at: probe.locate(fields[index]))
                        }
                    }
                }
            }
        }
    }

    /// What a value says about its decimal mark (see the type's rules).
    static func role(of bytes: UnsafeBufferPointer<UInt8>) -> Role {
        var commas = 0
        var points = 0
        var last: UInt8 = 0
        var lastAt = -1
        var firstDigitAt = -1
        for (k, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                if byte == UInt8(ascii: ",") { commas += 1 } else { points += 1 }
                last = byte
                lastAt = k
            } else if byte >= 48, byte <= 57, firstDigitAt < 0 {
                firstDigitAt = k
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                break
            }
        }
        if commas == 0, points == 0 { return .none }
        if commas > 0, points > 0 { return last == UInt8(ascii: ",") ? .comma : .point }
        let isComma = commas > 0
        if commas + points > 1 { return isComma ? .point : .comma }  // the mark written twice groups thousands
        var after = 0
        var k = lastAt + 1
        while k < bytes.count, bytes[k] >= 48, bytes[k] <= 57 {
            after += 1
            k += 1
        }
        let before = firstDigitAt >= 0 && firstDigitAt < lastAt ? lastAt - firstDigitAt : 0
        if after == 3, (1...3).contains(before) { return isComma ? .eitherComma : .eitherPoint }
        if after == 0 { return .none }  // `.` alone (a missing marker) or a trailing mark: NumberReader decides
        return isComma ? .comma : .point
    }
}
