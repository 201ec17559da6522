import Foundation
import Testing

/// `report`, `chart` and `man` never pour markup onto a terminal: without `-o`, on a terminal
/// (a pseudo-terminal here, as when a person types the command), they write nothing to standard
/// output and say on standard error where to write instead, exit code 64; to a pipe they write
/// the markup; `-o -` writes it to standard output even on a terminal, as asked.
@Suite struct MarkupOnTerminalTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let message: String
        /// How the markup starts, to a pipe.
        let start: String
        var testDescription: String { "mlink " + (arguments.first ?? "") }
    }

    static let cases = [
        Case(
            arguments: ["report"] + inputs + ["--estimation", "-120:-6"],
            message: "mlink report: error: the report is HTML; write it to a file with -o report.html (or pipe it)\n",
            start: "<!DOCTYPE html>"),
        Case(
            arguments: ["chart"] + inputs + ["--event", "11"],
            message: "mlink chart: error: the charts are SVG; write them to a file with -o charts.svg (or pipe them)\n",
            start: "<?xml"),
        Case(
            arguments: ["man"],
            message: "mlink man: error: the manual page is roff; write it to a file with -o mlink.1 and read it with man ./mlink.1 (or pipe it)\n",
            start: ".\\\""),
    ]

    @Test(arguments: cases)
    func onATerminalNothingIsWrittenButWhereToWrite(_ example: Case) throws {
        let apart = try PseudoTerminal.run(example.arguments)
        #expect(apart.status == 64)
        #expect(apart.terminal.isEmpty, "written to the terminal: \(apart.terminal.prefix(200))")
        #expect(apart.stderr == example.message)
        // With standard error on the terminal too, the message is all the terminal shows.
        let together = try PseudoTerminal.run(example.arguments, stderrOnTerminal: true)
        #expect(together.status == 64)
        #expect(together.terminal == example.message)
    }

    @Test(arguments: cases)
    func toAPipeTheMarkupIsWritten(_ example: Case) throws {
        let outcome = try CLI.run(example.arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix(example.start))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func dashOWithADashWritesToTheTerminalAsAsked() throws {
        let outcome = try PseudoTerminal.run(["chart"] + Self.inputs + ["--event", "11", "-o", "-"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.terminal.hasPrefix("<?xml"))
        #expect(outcome.terminal.hasSuffix("</svg>\n"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func withDashOTheFileIsWrittenAndTheTerminalStaysQuiet() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.html").path
        let outcome = try PseudoTerminal.run(["report"] + Self.inputs + ["--estimation", "-120:-6", "-o", path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.terminal.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }
}
