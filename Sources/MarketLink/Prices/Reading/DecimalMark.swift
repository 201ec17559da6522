// MARK: - Decimal mark

/// Whether a price file writes its closes with a decimal comma (`3279,03`).
///
/// Only a `;`-delimited file can (in a `,` or tab file a comma is a thousands separator), and it
/// does when any value column holds a comma in one of the first `probedRows` data rows. The
/// decision holds for the whole file; `NumberReader` then reads `.` as the thousands separator.
enum DecimalMark {
    /// How many data rows are looked at.
    static let probedRows = 50

    /// What `inspect` says when the file uses decimal commas.
    static let note = "`;`-delimited with decimal commas: \"3279,03\" read as 3279.03"

    /// Decides from the rows after `tokenizer`'s position (a copy reads them; the caller's
    /// tokenizer stays at the first data row) in the columns `valueIndexes`.
    static func isComma(rowsFrom tokenizer: CSVTokenizer, valueIndexes: [Int]) throws(MarketLinkError) -> Bool {
        guard tokenizer.delimiter == UInt8(ascii: ";") else { return false }
        var probe = tokenizer
        var probeFields: [CSVField] = []
        var looked = 0
        var decimalComma = false
        while looked < probedRows, try probe.nextRow(into: &probeFields) {
            looked += 1
            for index in valueIndexes where index < probeFields.count {
                if probe.slice(probeFields[index]).contains(UInt8(ascii: ",")) { decimalComma = true }
            }
        }
        return decimalComma
    }
}
