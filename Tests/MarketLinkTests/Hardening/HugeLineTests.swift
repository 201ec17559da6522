import Foundation
import Testing

@testable import MarketLink

/// Files with one 5 MB line, made in a temporary folder (not committed). Each gives its located
/// error on one short line: input text in a message is cut to 60 characters, so the terminal never
/// receives megabytes. (Measured on a 2-core machine, release build: each error comes in under
/// 0.6 s — 5 MB of commas as an events header is the slowest — where it took up to 16 s before the
/// header search skipped rows over 1 MiB or 100,000 fields and trimming stopped reading whole cells
/// through UTF-16. No test here times anything.)
@Suite struct HugeLineTests {
    static let size = 5 * 1024 * 1024

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var command: [String]
        var contents: @Sendable () -> String
        var location: String
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a 5 MB close", command: ["inspect"], contents: { "Date,Close\n2023-06-08," + String(repeating: "1", count: size) + "\n" },
            location: "2:12", message: "cannot read \"\(String(repeating: "1", count: 60))…\" as a number in column \"Close\""),
        Case(
            name: "5 MB of text and no line ending", command: ["inspect"], contents: { String(repeating: "x", count: size) },
            location: "1:1",
            message: "no header row found: expected a date column (Date, DATE, observation_date, 日期, 时间, ...) beside a close or value column in the first lines"),
        Case(
            name: "5 MB of commas", command: ["inspect"], contents: { String(repeating: "a,", count: size / 2) },
            location: "1:1",
            message: "no header row found: expected a date column (Date, DATE, observation_date, 日期, 时间, ...) beside a close or value column in the first lines"),
        Case(
            name: "a quote opened and never closed", command: ["inspect"],
            contents: { "Date,Close\n2023-06-08,\"" + String(repeating: "1", count: size) }, location: "2:12",
            message: "unterminated quoted field (the quote opened here is never closed)"),
        Case(
            name: "a 5 MB date", command: ["inspect"], contents: { "Date,Close\n" + String(repeating: "2", count: size) + ",1\n" },
            location: "2:1", message: "cannot read \"\(String(repeating: "2", count: 60))…\" as a date in column \"Date\""),
        Case(
            name: "a row of 2.6 million fields", command: ["inspect"],
            contents: { "Date,Close\n2023-06-08,1" + String(repeating: ",1", count: size / 2) + "\n" }, location: "2:14",
            message: "row has 2621442 fields but the header has 2 (an unquoted comma inside a number?)"),
        Case(
            name: "an events file of one 5 MB line", command: ["events", "list"], contents: { String(repeating: "x", count: size) },
            location: "1:1",
            message: "the header has no \"date\" or \"title\" column (found \"\(String(repeating: "x", count: 30))…\"); the first line of an events file names its columns, with at least \"date\" and \"title\""
        ),
        Case(
            name: "an events title never closed", command: ["events", "list"],
            contents: { "id,date,title\n1,2023-06-08,\"" + String(repeating: "x", count: size) }, location: "2:14",
            message: "unterminated quoted field (the quote opened here is never closed)"),
    ]

    @Test(arguments: cases)
    func aHugeLineGivesOneShortLocatedError(_ item: Case) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try CLI.write(item.contents(), named: "huge.csv", in: folder)
        let outcome = try CLIRunner.run(item.command + [path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "\(path):\(item.location): error: \(item.message)\n")
        #expect(outcome.stderr.utf8.count < 400)
    }

    /// A 5 MB line before a real header is skipped as a preamble line, and the file loads.
    @Test func aHugePreambleLineIsSkipped() throws {
        let text = String(repeating: "x", count: Self.size) + "\nDate,Close\n2023-06-07,33665.02\n2023-06-08,33833.61\n"
        let loaded = try PriceFile.load(bytes: Array(text.utf8), file: "p.csv")
        #expect(loaded.headerLine == 2)
        #expect(try #require(loaded.series.first).closes == [33665.02, 33833.61])
        #expect(loaded.notes.contains("skipped 1 line before the header (1)"))
    }
}
