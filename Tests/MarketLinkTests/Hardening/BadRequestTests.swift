import Foundation
import Testing

@testable import MarketLink

/// Bad requests on good data: window specifications and output paths.
///
/// A window is an argument, not data: a malformed one is a usage error (exit code 64, with the
/// command's name), as DESIGN §4 says for bad usage. A window larger than the data is not an error:
/// every event × series × window still gets a row, whose status says which end is missing
/// (`no-base`, `no-end`), and no number is printed for it.
///
/// An output that would replace an input, or that cannot be written, is refused before anything is
/// written, with exit code 1 and a message located at the output path.
@Suite struct BadRequestTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv"]

    // MARK: Windows

    struct WindowCase: CustomTestStringConvertible, Sendable {
        var window: String
        var message: String
        var testDescription: String { window }
    }

    static let windowCases: [WindowCase] = [
        WindowCase(window: "5:1", message: "window \"5:1\" runs backwards: its start 5 is after its end 1 (did you mean 1:5?)"),
        WindowCase(window: "a:b", message: "cannot read \"a:b\" as a window: expected A:B in sessions around the event, e.g. -1:1 or 0:5"),
        WindowCase(window: "1", message: "cannot read \"1\" as a window: expected A:B in sessions around the event, e.g. -1:1 or 0:5"),
        WindowCase(window: "0:1:2", message: "cannot read \"0:1:2\" as a window: expected A:B in sessions around the event, e.g. -1:1 or 0:5"),
        WindowCase(
            window: "0:99999999999999999999",
            message: "cannot read \"0:99999999999999999999\" as a window: expected A:B in sessions around the event, e.g. -1:1 or 0:5"),
        WindowCase(
            window: "-100001:0", message: "window \"-100001:0\" is larger than any price history (at most 100000 sessions either side)"),
    ]

    @Test(arguments: windowCases)
    func malformedWindowsAreUsageErrors(_ item: WindowCase) throws {
        let outcome = try CLIRunner.run(["changes"] + Self.inputs + ["--window", item.window])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "mlink changes: error: \(item.message)\n")
    }

    /// `fixtures/djia.csv` runs from 2022-06-01 to 2023-06-30 (271 sessions, fewer than 300).
    /// Every event of `events-2023.csv` inside the data has t0 there, so [-300,0] needs a base
    /// before the first session (`no-base`) and [0,300] an end after the last (`no-end`). Event 1
    /// (2022-12-07) and the others keep their rows; none is dropped, none has a number.
    @Test func windowsLargerThanTheDataGiveStatusesNotErrors() throws {
        let outcome = try CLIRunner.run(["changes"] + Self.inputs + ["--window", "-300:0", "--window", "0:300", "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        let rows = try Self.csvRows(outcome.stdout)
        let header = try #require(rows.first)
        let status = try #require(header.firstIndex(of: "status"))
        let window = try #require(header.firstIndex(of: "window"))
        let points = try #require(header.firstIndex(of: "points"))
        let log = try EventLog.load(path: CLIRunner.fixture("fixtures/events-2023.csv"))
        let body = rows.dropFirst()
        #expect(body.count == log.events.count * 2)
        let djia = try #require(try PriceFile.load(path: CLIRunner.fixture("fixtures/djia.csv")).series.first)
        #expect(djia.count < 300)
        for row in body {
            #expect(row[points].isEmpty)
            let expected = row[window] == "-300:0" ? "no-base" : "no-end"
            // Events outside the data keep the status that says so.
            #expect(row[status] == expected || row[status] == "before-data" || row[status] == "after-data", "\(row)")
        }
        #expect(body.contains { $0[status] == "no-base" })
        #expect(body.contains { $0[status] == "no-end" })
    }

    // MARK: Outputs that would replace an input

    struct OutputCase: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        /// The output path as given, the input as given, and the input file's path from the package root.
        var output: String
        var input: String
        var protected: String
        var testDescription: String { name }
    }

    static let outputCases: [OutputCase] = [
        OutputCase(
            name: "the price file", arguments: ["changes"] + inputs, output: "fixtures/djia.csv", input: "fixtures/djia.csv",
            protected: "fixtures/djia.csv"),
        OutputCase(
            name: "the price file by a path through ..", arguments: ["changes"] + inputs, output: "./fixtures/../fixtures/djia.csv",
            input: "fixtures/djia.csv", protected: "fixtures/djia.csv"),
        OutputCase(
            name: "the price file named NAME=path", arguments: ["changes", "--events", "fixtures/events-2023.csv", "DOW=fixtures/djia.csv"],
            output: "fixtures/djia.csv", input: "fixtures/djia.csv", protected: "fixtures/djia.csv"),
        OutputCase(
            name: "the events file", arguments: ["changes"] + inputs, output: "fixtures/events-2023.csv",
            input: "fixtures/events-2023.csv", protected: "fixtures/events-2023.csv"),
        OutputCase(
            name: "the events file, streamed CSV", arguments: ["changes", "--format", "csv"] + inputs, output: "fixtures/./events-2023.csv",
            input: "fixtures/events-2023.csv", protected: "fixtures/events-2023.csv"),
        OutputCase(
            name: "events list over its own file", arguments: ["events", "list", "fixtures/events-2023.csv", "--format", "csv"],
            output: "./fixtures/events-2023.csv", input: "fixtures/events-2023.csv", protected: "fixtures/events-2023.csv"),
    ]

    @Test(arguments: outputCases)
    func anOutputNeverReplacesAnInput(_ item: OutputCase) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture(item.protected)))
        let outcome = try CLIRunner.run(item.arguments + ["-o", item.output])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(
            outcome.stderr == "\(item.output): error: refusing to write over the input file \"\(item.input)\"; choose another output path\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture(item.protected))) == before)
        #expect(try Self.temporaryFiles(in: "fixtures").isEmpty)
    }

    /// Through a symbolic link to the input, and through a second hard link to it: the same file
    /// (device and inode) is refused whatever its name.
    @Test func linksToAnInputAreRefused() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prices = folder.appendingPathComponent("djia.csv").path
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("fixtures/djia.csv"), toPath: prices)
        let before = try Data(contentsOf: URL(fileURLWithPath: prices))
        let symbolic = folder.appendingPathComponent("symbolic.csv").path
        try FileManager.default.createSymbolicLink(atPath: symbolic, withDestinationPath: prices)
        let hard = folder.appendingPathComponent("hard.csv").path
        try FileManager.default.linkItem(atPath: prices, toPath: hard)
        for output in [symbolic, hard] {
            let outcome = try CLIRunner.run(["changes", "--events", "fixtures/events-2023.csv", prices, "-o", output])
            #expect(outcome.status == 1)
            #expect(outcome.stderr == "\(output): error: refusing to write over the input file \"\(prices)\"; choose another output path\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: prices)) == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: symbolic) == prices)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["djia.csv", "hard.csv", "symbolic.csv"])
    }

    // MARK: Outputs that cannot be written

    /// CI runs as root, for whom permission bits do not stop a write; a path whose parent is a
    /// regular file cannot be created by anyone (ENOTDIR), so that is the unwritable folder here.
    @Test func anUnwritableOutputFolderIsALocatedError() throws {
        let notAFolder = try CLIRunner.run(["changes"] + Self.inputs + ["-o", "fixtures/djia.csv/changes.csv"])
        #expect(notAFolder.status == 1)
        #expect(notAFolder.stdout.isEmpty)
        #expect(notAFolder.stderr == "fixtures/djia.csv/changes.csv: error: cannot write: the folder \"fixtures/djia.csv\" is a file, not a folder\n")

        let missing = try CLIRunner.run(["changes", "--format", "csv"] + Self.inputs + ["-o", "no-such-folder/changes.csv"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "no-such-folder/changes.csv: error: cannot write: the folder \"no-such-folder\" does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: CLIRunner.fixture("no-such-folder")))

        let list = try CLIRunner.run(["events", "list", "fixtures/events-2023.csv", "-o", "fixtures/djia.csv/events.md"])
        #expect(list.status == 1)
        #expect(list.stderr == "fixtures/djia.csv/events.md: error: cannot write: the folder \"fixtures/djia.csv\" is a file, not a folder\n")
    }

    // MARK: Helpers

    static func csvRows(_ text: String) throws -> [[String]] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: 44, file: "out.csv")
            var fields: [CSVField] = []
            var rows: [[String]] = []
            while try tokenizer.nextRow(into: &fields) { rows.append(fields.map { tokenizer.text($0) }) }
            return rows
        }
    }

    /// Temporary files an atomic writer would leave (`.NAME.PID.RANDOM.tmp`).
    static func temporaryFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: CLIRunner.fixture(folder)).filter { $0.hasSuffix(".tmp") }
    }
}
