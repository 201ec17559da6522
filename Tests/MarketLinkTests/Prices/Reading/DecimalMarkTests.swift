import Foundation
import Testing

@testable import MarketLink

// The rule (DESIGN §1): a `,` is a decimal mark only where the delimiter is `;`, and only when
// the file's values say so: a comma in a value column within the first 50 data rows.

@Suite struct DecimalMarkTests {
    /// The decision for `text`, with the tokenizer at the first data row as the reader has it.
    static func decide(_ text: String) throws(MarketLinkError) -> Bool {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { mutable throws(MarketLinkError) in
            let buffer = UnsafeBufferPointer(mutable)
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: CSVDialect.sniffDelimiter(buffer), file: "t.csv")
            let header = try HeaderDetection.detect(&tokenizer, file: "t.csv")
            let columns = try PriceColumns(header: header.cells, adjustedClose: false, file: "t.csv", headerLine: header.line)
            return try DecimalMark.isComma(rowsFrom: tokenizer, valueIndexes: columns.valueIndexes)
        }
    }

    @Test func semicolonFileWithCommas() throws {
        // fixtures/layouts/semicolon-decimal-comma.csv: `Date;Close`, `01.06.2023;33061,57`.
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/layouts/semicolon-decimal-comma.csv")
        #expect(try Self.decide(String(decoding: bytes, as: UTF8.self)))
    }

    @Test func semicolonFileWithPoints() throws {
        #expect(try !Self.decide("Date;Close\n2023-06-01;33061.57\n2023-06-02;33762.76\n"))
    }

    @Test func commaFileWithQuotedThousands() throws {
        // fixtures/layouts/investing.csv: `"3,204.56"` is a thousands separator in a `,` file.
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/layouts/investing.csv")
        #expect(try !Self.decide(String(decoding: bytes, as: UTF8.self)))
    }

    @Test func onlyValueColumnsCount() throws {
        // The comma is in the Volume column, which is read past.
        #expect(try !Self.decide("Date;Close;Volume\n2023-06-01;33061;1,5\n"))
    }

    @Test func theFiftiethRowIsLookedAtTheFiftyFirstIsNot() throws {
        let plain = (1...49).map { "2023-01-\(String(format: "%02d", $0 % 28 + 1));100\n" }.joined()
        #expect(try Self.decide("Date;Close\n" + plain + "2023-03-01;100,5\n"))
        #expect(try !Self.decide("Date;Close\n" + plain + "2023-03-01;100\n" + "2023-03-02;100,5\n"))
    }
}
