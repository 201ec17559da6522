import Foundation
import Testing

/// Progress as a person sees it: `mlink changes` with standard error on a pseudo-terminal draws
/// its progress line in place (`\r`, the text, `ESC [ K`) and clears it before the "wrote" line;
/// with standard error in a file there is no progress, only the "wrote" line; with `--quiet`
/// nothing at all. The delay before the line appears is set to 0 (`MLINK_PROGRESS_DELAY_MS`) so
/// that a short run shows it.
///
/// The workload is synthetic, made here: 10 symbols × 1,000 weekdays of closes (a saw-tooth
/// pattern, 10,000 rows) and 100 events 10 days apart; the change table has 100 × 10 × 2
/// (the default windows −1:1 and 0:0) = 2,000 rows. The progress line is redrawn every 2 ms
/// (`MLINK_PROGRESS_INTERVAL_MS`), so this short run draws it several times.
@Suite(.serialized) struct ProgressTerminalTests {
    static let rows = 100 * 10 * 2

    struct Workload {
        let folder: URL
        let arguments: [String]
        let output: String
    }

    static func workload() throws -> Workload {
        let folder = try CLI.temporaryDirectory()
        var panel = "Date,Symbol,Close\n"
        var days: [String] = []
        var day = Date(timeIntervalSince1970: 946_857_600)  // 2000-01-03, a Monday
        let calendar = Calendar(identifier: .gregorian)
        var utc = calendar
        utc.timeZone = TimeZone(identifier: "UTC") ?? .current
        let format = DateFormatter()
        format.calendar = utc
        format.timeZone = utc.timeZone
        format.dateFormat = "yyyy-MM-dd"
        while days.count < 1_000 {
            let weekday = utc.component(.weekday, from: day)
            if weekday != 1, weekday != 7 { days.append(format.string(from: day)) }
            day += 86_400
        }
        for symbol in 0..<10 {
            for (k, date) in days.enumerated() {
                panel += "\(date),S\(symbol),\(100 + (k * 7 + symbol * 13) % 50).25\n"
            }
        }
        var events = "id,date,title\n"
        for e in 0..<100 { events += "\(e + 1),\(format.string(from: Date(timeIntervalSince1970: 946_857_600 + Double(10 + e * 10) * 86_400))),event \(e + 1)\n" }
        let panelPath = try CLI.write(panel, named: "panel.csv", in: folder)
        let eventsPath = try CLI.write(events, named: "events.csv", in: folder)
        let output = folder.appendingPathComponent("out.csv").path
        return Workload(folder: folder, arguments: ["changes", "--events", eventsPath, panelPath, "-o", output], output: output)
    }

    static let environment = ["NO_COLOR": "1", "MLINK_PROGRESS_DELAY_MS": "0", "MLINK_PROGRESS_INTERVAL_MS": "2"]

    @Test func onATerminalProgressIsDrawnInPlaceAndClearedBeforeTheLastLine() throws {
        let work = try Self.workload()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        let run = try PseudoTerminal.run(work.arguments, stderrOnTerminal: true, environment: Self.environment)
        #expect(run.status == 0, "\(run.terminal)")
        let wrote = "wrote 2,000 rows to \(work.output)\n"
        #expect(run.terminal.hasSuffix("\r\u{1B}[K" + wrote), "\(run.terminal.debugDescription)")
        // Every draw returns to the start of the line and erases what a longer text left.
        let draws = run.terminal.dropLast(wrote.count).components(separatedBy: "\r").filter { !$0.isEmpty }
        #expect(!draws.isEmpty)
        for draw in draws { #expect(draw.hasSuffix("\u{1B}[K"), "\(draw.debugDescription)") }
        let texts = draws.map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }.filter { !$0.isEmpty }
        #expect(texts.contains { $0.hasPrefix("reading ") || $0.hasPrefix("changes: ") }, "\(texts)")
        // Nothing but progress and the last line: no line break before it.
        #expect(!run.terminal.dropLast(wrote.count).contains("\n"))
        #expect(try String(contentsOfFile: work.output, encoding: .utf8).split(separator: "\n").count == Self.rows + 1)
    }

    @Test func withStandardErrorInAFileOnlyTheLastLine() throws {
        let work = try Self.workload()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        let run = try PseudoTerminal.run(work.arguments, stderrOnTerminal: false, environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "wrote 2,000 rows to \(work.output)\n")
        #expect(run.terminal.isEmpty)
    }

    @Test(arguments: ["--quiet", "-q"]) func quietSaysNothing(_ flag: String) throws {
        let work = try Self.workload()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        let run = try PseudoTerminal.run(work.arguments + [flag], stderrOnTerminal: true, environment: Self.environment)
        #expect(run.status == 0)
        #expect(run.terminal.isEmpty, "\(run.terminal.debugDescription)")
        #expect(FileManager.default.fileExists(atPath: work.output))
    }

    @Test func aTableOnTheTerminalEndsTheProgressLine() throws {
        let work = try Self.workload()
        defer { try? FileManager.default.removeItem(at: work.folder) }
        let run = try PseudoTerminal.run(Array(work.arguments.dropLast(2)), stderrOnTerminal: true, environment: Self.environment)
        #expect(run.status == 0)
        // The table starts on a clean line: anything drawn before it was cleared, and nothing is drawn after.
        // The header line, "event  date  title ...": progress lines have "events" but no "date".
        let date = try #require(run.terminal.range(of: "date"))
        let header = try #require(run.terminal.range(of: "event", options: .backwards, range: run.terminal.startIndex..<date.lowerBound))
        let before = run.terminal[..<header.lowerBound]
        #expect(before.isEmpty || before.hasSuffix("\r\u{1B}[K"), "\(before.debugDescription)")
        #expect(!run.terminal[header.lowerBound...].contains("\r"))
        #expect(!run.terminal.contains("wrote"))
    }
}
