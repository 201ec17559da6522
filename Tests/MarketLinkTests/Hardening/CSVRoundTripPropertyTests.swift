import Foundation
import Testing

@testable import MarketLink

/// What `CSVWriter` writes, `CSVTokenizer` reads back as the same cells — over generated rows
/// (fixed seed) of text full of the characters that make CSV hard: delimiters, quotes, line
/// breaks, padding, formula starters, a byte-order mark, NUL, non-ASCII text.
///
/// - `appendEscaped` cells read back unchanged.
/// - `appendText` cells read back as the neutralised text: a leading `'` where the text starts
///   with `=`, `+`, `-`, `@`, tab or CR (DESIGN §3), else unchanged.
/// - `appendNumber` cells read back as the number at the requested decimals, never prefixed.
///
/// Rows have at least two cells: a row of one empty cell is an empty line, which CSV readers
/// (this one included) skip; MarketLink's CSV outputs all have many columns.
@Suite struct CSVRoundTripPropertyTests {
    static let pieces: [String] = [
        "a", "Z", "7", "0.5", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "  ", "=", "+", "-", "@", "'", "\u{FEFF}",
        "\u{0}", "é", "中文", "😀", "\u{301}", "SUM(A1)", "=HYPERLINK(\"http://x\")", "-2+3", "@cmd",
    ]

    static func cell(_ random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<random.int(0...6) { text += random.pick(pieces) }
        return text
    }

    static func read(_ bytes: [UInt8]) throws -> [[String]] {
        try bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: 44, file: "out.csv")
            var fields: [CSVField] = []
            var rows: [[String]] = []
            while try tokenizer.nextRow(into: &fields) { rows.append(fields.map { tokenizer.text($0) }) }
            return rows
        }
    }

    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    @Test func escapedAndTextCellsReadBack() throws {
        var random = SeededGenerator(seed: 20_230_608)
        for _ in 0..<3000 {
            var buffer: [UInt8] = []
            var expected: [[String]] = []
            for _ in 0..<random.int(1...4) {
                var row: [String] = []
                for k in 0..<random.int(2...6) {
                    if k > 0 { buffer.append(44) }
                    let text = Self.cell(&random)
                    if random.chance(0.5) {
                        CSVWriter.appendText(text, to: &buffer)
                        row.append(Self.neutralised(text))
                    } else {
                        CSVWriter.appendEscaped(Array(text.utf8), to: &buffer)
                        row.append(text)
                    }
                }
                buffer.append(10)
                expected.append(row)
            }
            let back = try Self.read(buffer)
            #expect(back == expected, "\(String(decoding: buffer, as: UTF8.self).debugDescription)")
            if back != expected { break }
        }
    }

    /// Numbers are never neutralised: `-260.33` stays `-260.33`, and reads back as the value
    /// rounded to the decimals asked for (ties away from zero, as NumberFormat documents).
    @Test func numberCellsReadBackUnprefixed() throws {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<3000 {
            let decimals = random.int(0...6)
            let value = Double(random.int(-10_000_000...10_000_000)) / Double(random.pick([1, 10, 100, 1000, 7]))
            var buffer: [UInt8] = []
            CSVWriter.appendText("=x", to: &buffer)
            buffer.append(44)
            CSVWriter.appendNumber(value, decimals: decimals, to: &buffer)
            buffer.append(10)
            let row = try #require(try Self.read(buffer).first)
            #expect(row[0] == "'=x")
            let written = row[1]
            #expect(!written.hasPrefix("'"))
            let scale = pow(10.0, Double(decimals))
            let expected = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
            if expected < 0 { #expect(written.hasPrefix("-"), "\(value) wrote \(written)") }
            guard case .value(let back) = NumberReader.read(written) else {
                Issue.record("\(written) does not read as a number")
                continue
            }
            #expect(abs(back - expected) <= 1e-9 * max(1, abs(expected)), "\(value) at \(decimals) decimals wrote \(written)")
        }
    }

    /// The case the fuzzer found: a cell that starts with U+FEFF, written first in a file, was read
    /// back without it (a reader drops a byte-order mark at the start of a file). It is now quoted.
    @Test func aLeadingByteOrderMarkCellSurvives() throws {
        var buffer: [UInt8] = []
        CSVWriter.appendEscaped(Array("\u{FEFF}`\u{0}".utf8), to: &buffer)
        buffer.append(44)
        CSVWriter.appendText("\u{FEFF}title", to: &buffer)
        buffer.append(10)
        #expect(buffer.first == 34)
        #expect(try Self.read(buffer) == [["\u{FEFF}`\u{0}", "\u{FEFF}title"]])
    }
}
