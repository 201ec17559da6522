import Testing

@testable import MarketLink

/// Cell quoting for edits: quotes only when a reader would otherwise misread the cell.
@Suite struct CSVCellCodingTests {
    @Test(arguments: [
        ("plain", "Blinken meets Xi", UInt8(ascii: ","), "Blinken meets Xi"),
        ("delimiter", "a, b", UInt8(ascii: ","), "\"a, b\""),
        ("other delimiter is fine", "a, b", UInt8(ascii: ";"), "a, b"),
        ("semicolon delimiter", "x;y", UInt8(ascii: ";"), "\"x;y\""),
        ("tab delimiter", "a\tb", UInt8(9), "\"a\tb\""),
        ("quote", "say \"hi\"", UInt8(ascii: ","), "\"say \"\"hi\"\"\""),
        ("LF", "a\nb", UInt8(ascii: ","), "\"a\nb\""),
        ("CR", "a\rb", UInt8(ascii: ","), "\"a\rb\""),
        ("leading space", " a", UInt8(ascii: ","), "\" a\""),
        ("trailing space", "a ", UInt8(ascii: ","), "\"a \""),
        ("empty", "", UInt8(ascii: ","), ""),
    ])
    func encode(name: String, text: String, delimiter: UInt8, written: String) {
        #expect(String(decoding: CSVCellCoding.encode(text, delimiter: delimiter), as: UTF8.self) == written)
    }

    @Test func forcedQuotes() {
        #expect(String(decoding: CSVCellCoding.encode("a", delimiter: 44, quote: true), as: UTF8.self) == "\"a\"")
    }

    @Test(arguments: [
        ("a", "a", false), ("  \"a \"\"b\"\" \"  ", "a \"b\" ", true), ("\"\"", "", true), (" padded ", " padded ", false),
    ])
    func decode(raw: String, text: String, isQuoted: Bool) {
        let bytes = ArraySlice(Array(raw.utf8))
        #expect(CSVCellCoding.decode(bytes) == text)
        #expect(CSVCellCoding.isQuoted(bytes) == isQuoted)
    }
}
