import Foundation
import Testing

@testable import MarketLink

/// `mlink events import` end to end, through the built binary: the file it writes, the report it
/// prints, re-imports, the bytes of an existing file, refusals (exit 64) and unreadable files
/// (exit 1). Expected events come from `fixtures/events/expected-imports.json` (ExpectedImport).
@Suite struct EventsImportCommandTests {
    static func scratch() throws -> URL { try CLI.temporaryDirectory() }

    static func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    static var unfiltered: [ExpectedImport] { ExpectedImport.imports.filter(\.arguments.isEmpty) }

    /// Into a new file: the header of the import columns, one row per expected event, in order,
    /// ids from 1; the report's counts; exit 0.
    @Test(arguments: unfiltered)
    func importIntoANewFile(_ expected: ExpectedImport) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = folder.appendingPathComponent("events.csv").path
        let outcome = try CLI.run(["events", "import", expected.dataset.rawValue, expected.path, events])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.contains("\n  rows read   \(expected.counts["rows_read"] ?? -1)\n"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("\n  kept        \(expected.counts["kept"] ?? -1)\n"))
        #expect(outcome.stdout.contains("events.csv: \(expected.events.count) new events (ids 1–\(expected.events.count)); the file was created\n"))
        let log = try EventLog.load(path: events)
        #expect(log.columns == EventImport.newFileColumns(for: expected.dataset))
        try #require(log.events.count == expected.events.count)
        for (k, (event, want)) in zip(log.events, expected.events).enumerated() {
            #expect(event.id == String(k + 1))
            #expect(event.date.iso == want.date)
            #expect(event.title == want.title)
            #expect(event.tags.joined(separator: ";") == want.tags)
            #expect(event.score == (want.scoreText.isEmpty ? nil : Double(want.scoreText)), "\(want.key)")
            #expect(event.source == (want.source.isEmpty ? nil : want.source), "\(want.key)")
            var extra = [String(want.count), String(want.sources)]
            if expected.dataset == .acled { extra.append(String(want.fatalities ?? -1)) }
            #expect(event.extraFields.map(\.value) == extra + [want.key], "\(want.key)")
        }
        // The score cells as written: the expected score_text, character for character.
        if expected.dataset != .acled {
            let text = String(decoding: try Self.read(events), as: UTF8.self)
            let written = text.split(separator: "\n").dropFirst().map { line in
                // id,date,title,tags,score,...: the title may be quoted, so count from the end.
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return String(cells[cells.count - 5])
            }
            #expect(written == expected.events.map(\.scoreText))
        }
    }

    /// Importing a file again adds nothing and leaves every byte; so does the 2.0 file after the
    /// 1.0 file (the same logical rows, the same keys).
    @Test func reimportingAddsNothing() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = folder.appendingPathComponent("events.csv").path
        let first = try CLI.run(["events", "import", "gdelt", CLI.fixture("fixtures/events/gdelt-1.0-58.tsv"), events])
        #expect(first.status == 0)
        let before = try Self.read(events)
        for name in ["gdelt-1.0-58.tsv", "gdelt-1.0-58-header.tsv", "gdelt-2.0.tsv"] {
            let again = try CLI.run(["events", "import", "gdelt", CLI.fixture("fixtures/events/" + name), events])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.hasSuffix("events.csv: 0 new events, 31 already present\n"), "\(again.stdout)")
            #expect(try Self.read(events) == before)
        }
        // A filter that keeps fewer rows finds them all present too.
        let subset = try CLI.run(["events", "import", "gdelt", CLI.fixture("fixtures/events/gdelt-2.0.tsv"), events, "--actor", "USA", "--actor", "CHN"])
        #expect(subset.stdout.hasSuffix("events.csv: 0 new events, 18 already present\n"), "\(subset.stdout)")
        #expect(try Self.read(events) == before)
    }

    /// An events file without the import columns: only its header line changes (the columns at
    /// its end), every byte of every existing row stays, and the new rows follow. Checked on the
    /// bytes of fixtures/events-2023.csv.
    @Test func existingRowsKeepTheirBytes() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Self.read(CLI.fixture("fixtures/events-2023.csv"))
        let events = folder.appendingPathComponent("events.csv")
        try Data(original).write(to: events)
        let outcome = try CLI.run(["events", "import", "icews", CLI.fixture("fixtures/events/icews.tab"), events.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("events.csv: 26 new events (ids 16–41)\n"), "\(outcome.stdout)")
        #expect(
            outcome.stdout.hasSuffix(
                "events.csv: added the columns count, sources, import_key to the header; existing rows are unchanged (their new cells are empty)\n"))
        let after = try Self.read(events.path)
        let headerEnd = try #require(original.firstIndex(of: 10))
        #expect(Array(after[0..<headerEnd]) == Array(original[0..<headerEnd]))
        let added = Array(",count,sources,import_key".utf8)
        #expect(Array(after[headerEnd..<(headerEnd + added.count)]) == added)
        #expect(Array(after[(headerEnd + added.count)..<(original.count + added.count)]) == Array(original[headerEnd...]))
        let log = try EventLog.load(path: events.path)
        #expect(log.events.count == 15 + 26)
        #expect(log.events[15].title == "Japan – United States: Consult")
        #expect(log.events[15].extraFields.map(\.value) == ["1", "1", "icews|2023-01-13|Japan|United States|04"])
        // The old rows read as before, their new cells empty.
        let old = try EventLog.load(path: CLI.fixture("fixtures/events-2023.csv"))
        #expect(Array(log.events.prefix(15)).map(\.title) == old.events.map(\.title))
        #expect(log.events[0].extraFields.map(\.value) == ["", "", ""])
    }

    /// A `;`-delimited file with CRLF endings and no final line ending: the new rows follow its
    /// delimiter and line ending (the tags cell, holding `;`, in quotes), and the file ends as it did.
    @Test func newRowsFollowTheFilesDialect() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = "date;title\r\n2023-01-01;typed by hand"
        let events = try CLI.write(original, named: "events.csv", in: folder)
        let outcome = try CLI.run([
            "events", "import", "acled", CLI.fixture("fixtures/events/acled.csv"), events, "--country", "TWN", "--from", "2023-06-01",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = String(decoding: try Self.read(events), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "date;title;tags;source;count;sources;fatalities;import_key")
        #expect(lines[1] == "2023-01-01;typed by hand")
        #expect(!text.hasSuffix("\r\n"))
        let expected = try #require(
            ExpectedImport.imports.first { $0.file == "acled.csv" && $0.arguments == ["--country", "TWN"] })
        let june = expected.events.filter { $0.date >= "2023-06-01" }
        #expect(lines.count == 2 + june.count)
        let first = try #require(june.first)
        #expect(
            lines[2]
                == [first.date, first.title, "\"" + first.tags + "\"", first.source, String(first.count), String(first.sources), String(first.fatalities ?? -1), first.key]
                .joined(separator: ";"))
    }

    /// The refused combinations of the expectations: exit 64, the reason in the option's words.
    @Test(arguments: ExpectedImport.refusals)
    func refusedFiltersExit64(_ expected: ExpectedImport) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = folder.appendingPathComponent("events.csv").path
        let outcome = try CLI.run(["events", "import", expected.dataset.rawValue, expected.path, events] + expected.arguments)
        #expect(outcome.status == 64)
        let option = try #require(expected.arguments.first)
        #expect(
            outcome.stderr.hasPrefix(
                "mlink events import: error: \(option) is not for \(expected.dataset.rawValue) files: \(expected.refusal ?? "")\n"),
            "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: events))
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refusals = [
        Refusal(arguments: ["--actor", "CNH"], message: "--actor: \"CNH\" is not an ISO 3166-1 alpha-3 country code (USA, CHN, RUS, ...)"),
        Refusal(arguments: ["--actor", "USA", "--actor", "CHN", "--actor", "RUS"], message: "--actor is given 3 times; give it once (either side) or twice (the pair)"),
        Refusal(arguments: ["--root-code", "4"], message: "--root-code: \"4\" is not a CAMEO event code: 2 to 4 digits, starting with a root code 01 to 20 (04, 042, 0431)"),
        Refusal(arguments: ["--root-code", "21"], message: "--root-code: \"21\" is not a CAMEO event code: 2 to 4 digits, starting with a root code 01 to 20 (04, 042, 0431)"),
        Refusal(arguments: ["--quad", "5"], message: "--quad takes 1, 2, 3 or 4, not \"5\""),
        Refusal(arguments: ["--min-mentions", "-1"], message: "--min-mentions takes a whole number of 0 or more, not \"-1\""),
        Refusal(arguments: ["--from", "2023-06-10", "--to", "2023-06-01"], message: "--to 2023-06-01 is before --from 2023-06-10"),
    ]

    @Test(arguments: refusals)
    func badFiltersExit64(_ refusal: Refusal) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLI.run(
            ["events", "import", "gdelt", CLI.fixture("fixtures/events/gdelt-1.0-58.tsv"), folder.appendingPathComponent("e.csv").path] + refusal.arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("mlink events import: error: \(refusal.message)\n"), "\(outcome.stderr)")
    }

    @Test func theDatasetFileIsNotTheEventsFile() throws {
        let path = CLI.fixture("fixtures/events/acled.csv")
        let outcome = try CLI.run(["events", "import", "acled", path, path])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("is the dataset file itself"))
    }

    /// Files not in the dataset's layout, and rows it cannot read: exit 1, located, nothing written.
    @Test func unreadableFilesExit1() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = folder.appendingPathComponent("events.csv").path
        let notGDELT = try CLI.run(["events", "import", "gdelt", CLI.fixture("fixtures/events-2023.csv"), events])
        #expect(notGDELT.status == 1)
        #expect(
            notGDELT.stderr.hasSuffix(
                "events-2023.csv:2:1: error: the first data row (line 2, after the header) has 1 tab-separated field; GDELT event files have 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0): is this a GDELT events file?\n"
            ),
            "\(notGDELT.stderr)")
        // A row one field short, on line 3 (the first row has 58).
        let lines = String(decoding: try Self.read(CLI.fixture("fixtures/events/gdelt-1.0-58.tsv")), as: UTF8.self).split(separator: "\n")
        let short = lines[2].split(separator: "\t", omittingEmptySubsequences: false).dropLast().joined(separator: "\t")
        let broken = try CLI.write([lines[0], lines[1], Substring(short)].joined(separator: "\n") + "\n", named: "broken.tsv", in: folder)
        let outcome = try CLI.run(["events", "import", "gdelt", broken, events])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr == broken + ":3:1: error: row has 57 tab-separated fields, but the first row (line 1) has 58, as GDELT 1.0 (58 fields, no header) does\n")
        // A date that is not one, at its column (SQLDATE is field 2, after the 10-digit id and a tab).
        let badDate = lines[0].replacingOccurrences(of: "\t20230605\t", with: "\t20230631\t")
        let dated = try CLI.write(String(badDate) + "\n", named: "dated.tsv", in: folder)
        let date = try CLI.run(["events", "import", "gdelt", dated, events])
        #expect(date.status == 1)
        #expect(date.stderr == dated + ":1:12: error: cannot read \"20230631\" as a date in SQLDATE (YYYYMMDD)\n")
        // ICEWS without its header.
        let icews = try CLI.run(["events", "import", "icews", CLI.fixture("fixtures/events/gdelt-1.0-58.tsv"), events])
        #expect(icews.status == 1)
        #expect(icews.stderr.contains("gdelt-1.0-58.tsv:1:1: error: the first line is not an ICEWS header: it has no \"Event Date\""))
        #expect(!FileManager.default.fileExists(atPath: events))
    }
}
