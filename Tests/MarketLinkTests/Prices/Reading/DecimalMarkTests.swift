import Foundation
import Testing

@testable import MarketLink

// The rule (DESIGN §1, §6): a `,` is a decimal mark only where the delimiter is `;`, and only when
// the whole value column says so; a column that uses both marks as decimal marks is refused.

@Suite struct DecimalMarkTests {
    /// The decision for `text`, with the tokenizer at the first data row as the reader has it.
    static func decide(_ text: String) throws(MarketLinkError) -> Bool {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { mutable throws(MarketLinkError) in
            let buffer = UnsafeBufferPointer(mutable)
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: CSVDialect.sniffDelimiter(buffer), file: "t.csv")
            let header = try HeaderDetection.detect(&tokenizer, file: "t.csv")
            let columns = try PriceColumns(header: header.cells, adjustedClose: false, file: "t.csv", headerLine: header.line)
            return try DecimalMark.isComma(rowsFrom: tokenizer, valueIndexes: columns.valueIndexes, header: header.cells)
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

    @Test func everyRowDecidesNotOnlyTheFirstFifty() throws {
        // On main, only the first 50 rows were looked at: a decimal comma on row 51 went unseen.
        let plain = (1...60).map { "2023-01-\(String(format: "%02d", $0 % 28 + 1));100\n" }.joined()
        #expect(try Self.decide("Date;Close\n" + plain + "2023-03-01;100,5\n"))
    }

    @Test(arguments: [
        ("one grouped thousand among decimal points", "Date;Close\n2023-06-07;19,252\n2023-06-08;19299.18\n", false),
        ("one grouped thousand among decimal commas", "Date;Close\n2023-06-07;19.252\n2023-06-08;19299,18\n", true),
        ("both marks: the last is the decimal mark", "Date;Close\n2023-06-07;4.221,02\n", true),
        ("a mark written twice groups thousands", "Date;Close\n2023-06-07;1,234,567\n", false),
        ("nothing decides: the `;` convention", "Date;Close\n2023-06-07;1,251\n", true),
    ])
    func theWholeColumnDecides(_ name: String, _ text: String, _ comma: Bool) throws {
        #expect(try Self.decide(text) == comma, "\(name)")
    }

    @Test func aColumnWithBothDecimalMarksIsRefused() throws {
        // fixtures/daily-edge/numbers/semicolon-mixed-decimal-marks.csv, by hand: line 2 `19299,18`
        // settles a decimal comma; line 4 `19404.31` (column 12) has a decimal point.
        let bytes = try ReadingSteps.bytes(ofFixture: "fixtures/daily-edge/numbers/semicolon-mixed-decimal-marks.csv")
        let error = #expect(throws: MarketLinkError.self) { try Self.decide(String(decoding: bytes, as: UTF8.self)) }
        #expect(error?.location?.line == 4)
        #expect(error?.location?.column == 12)
        #expect(error?.reason == .mixedDecimalMarks(column: "Close", first: "19299,18", firstLine: 2, disagreeing: "19404.31"))
    }
}
