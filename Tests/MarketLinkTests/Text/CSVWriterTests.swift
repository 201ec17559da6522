import Testing

@testable import MarketLink

// Expected cells written out by hand from `CSVWriter`'s two rules: quote (doubling quotes inside)
// when a cell holds the delimiter, `"`, LF or CR, starts or ends with a space or tab, or starts
// with U+FEFF; in exports, put `'` before a text cell that starts with = + - @ tab or CR.

@Suite struct CSVWriterTests {
    // MARK: - Quoting (events files and exports alike)

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
        ("trailing tab", "a\t", UInt8(ascii: ","), "\"a\t\""),
        ("byte-order mark first", "\u{FEFF}a", UInt8(ascii: ","), "\"\u{FEFF}a\""),
        ("formula kept in an events file", "=1+2", UInt8(ascii: ","), "=1+2"),
        ("empty", "", UInt8(ascii: ","), ""),
    ])
    func encode(name: String, text: String, delimiter: UInt8, written: String) {
        #expect(String(decoding: CSVWriter.encode(text, delimiter: delimiter), as: UTF8.self) == written, "\(name)")
    }

    @Test func forcedQuotes() {
        #expect(String(decoding: CSVWriter.encode("a", delimiter: 44, quote: true), as: UTF8.self) == "\"a\"")
    }

    @Test(arguments: [
        ("a", "a", false), ("  \"a \"\"b\"\" \"  ", "a \"b\" ", true), ("\"\"", "", true), (" padded ", " padded ", false),
    ])
    func decode(raw: String, text: String, isQuoted: Bool) {
        let bytes = ArraySlice(Array(raw.utf8))
        #expect(CSVWriter.decode(bytes) == text)
        #expect(CSVWriter.isQuoted(bytes) == isQuoted)
    }

    // MARK: - Exports: the formula guard

    @Test(arguments: [
        ("formula", "=1+2", "'=1+2"),
        ("hyperlink with quotes", "=HYPERLINK(\"http://x.example\",\"x\")", "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"x\"\")\""),
        ("plus", "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("minus", "-5% day", "'-5% day"),
        ("at", "@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("tab first", "\t=1", "'\t=1"),
        ("carriage return first", "\r=1", "\"'\r=1\""),
        ("formula after a space is text already", " =1", "\" =1\""),
        ("digits are not a formula", "1.5", "1.5"),
        ("comma", "Beijing, China", "\"Beijing, China\""),
        ("empty", "", ""),
    ])
    func exportedText(name: String, text: String, written: String) {
        var buffer: [UInt8] = []
        CSVWriter.appendText(text, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == written, "\(name)")
    }

    @Test func neutralisedIsTheSameGuard() {
        #expect(CSVWriter.neutralised("=x") == "'=x")
        #expect(CSVWriter.neutralised("+08:00") == "'+08:00")
        #expect(CSVWriter.neutralised("Reuters") == "Reuters")
    }

    @Test func numbersAreNeverGuarded() {
        var buffer: [UInt8] = []
        CSVWriter.appendNumber(-260.33, decimals: 2, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "-260.33")
    }
}
