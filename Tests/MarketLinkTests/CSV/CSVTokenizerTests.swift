import Testing
@testable import MarketLink

@Suite struct CSVTokenizerTests {
    func rows(_ text: String, delimiter: UInt8 = 44) throws -> [[String]] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: delimiter, file: "t.csv")
            var fields: [CSVField] = []
            var out: [[String]] = []
            while try tokenizer.nextRow(into: &fields) { out.append(fields.map { tokenizer.text($0) }) }
            return out
        }
    }

    @Test func quotingLineEndsAndBOM() throws {
        let text = "\u{FEFF}Date,Title\r\n2023-06-08,\"Talks resume, \"\"cautiously\"\"\"\r\n\r\n2023-06-09,\"two\nlines\"\r2023-06-10, spaced"
        #expect(
            try rows(text) == [
                ["Date", "Title"], ["2023-06-08", "Talks resume, \"cautiously\""], ["2023-06-09", "two\nlines"],
                ["2023-06-10", " spaced"],
            ])
    }

    @Test func raggedRowsAndEmptyFields() throws {
        #expect(try rows("a,b,c\n1,,\n2\n") == [["a", "b", "c"], ["1", "", ""], ["2"]])
    }

    @Test func errorsAreLocated() {
        #expect(throws: MarketLinkError(.malformedCSV(.quoteInUnquotedField), at: SourceLocation(file: "t.csv", line: 2, column: 4))) {
            try rows("a,b\n1,x\"y\n")
        }
        #expect(throws: MarketLinkError(.malformedCSV(.textAfterClosingQuote(UInt8(ascii: "x"))), at: SourceLocation(file: "t.csv", line: 1, column: 6))) {
            try rows("a,\"b\"x\n")
        }
    }

    @Test func sniffsDelimiters() {
        func sniff(_ text: String) -> UInt8 {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { CSVDialect.sniffDelimiter($0) }
        }
        #expect(sniff("Date;Close\n2023-06-08;33833,61\n2023-06-09;33876,78\n") == UInt8(ascii: ";"))
        #expect(sniff("Date\tClose\n2023-06-08\t33833.61\n") == 9)
        #expect(sniff("\"Date\",\"Price\"\n\"06/08/2023\",\"3,279.03\"\n") == UInt8(ascii: ","))
    }
}
