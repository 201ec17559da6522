import Foundation
import Testing

@testable import MarketLink

/// Malformed events files in `fixtures/bad/events-*.csv`: one located error and exit code 1,
/// both through `mlink events list` and through `mlink changes` (which reads the events before
/// computing anything). Locations counted by hand from each file's bytes.
@Suite struct BadEventInputTests {
    typealias Case = LocatedErrorCase

    static let cases: [Case] = [
        // Line 3 is `2,2023-06-08,10:00,Asia/Beijing,...`: id 1–2, date 3–13, time 14–19, zone at 20.
        // (China's zone is Asia/Shanghai; there is no Asia/Beijing.)
        Case(
            file: "events-unknown-zone.csv", location: "3:20",
            message: "unknown time zone \"Asia/Beijing\"; use an IANA name such as America/New_York, or an offset such as +08:00"),
        // Line 3 is `2,2023-02-30,No such day`: the date starts at byte 3.
        Case(file: "events-february-30.csv", location: "3:3", message: "\"2023-02-30\" is not a real date (February 2023 has 28 days)"),
        // Line 2 is `1,2023-06-07,"Talks resume` and no quote follows: the quote is byte 14.
        Case(file: "events-unterminated-quote.csv", location: "2:14", message: "unterminated quoted field (the quote opened here is never closed)"),
        Case(
            file: "events-no-title-column.csv", location: "1:1",
            message: "the header has no \"title\" column (found \"id\", \"date\", \"headline\"); the first line of an events file names its columns, with at least \"date\" and \"title\""),
        // Id 1 on lines 2 and 3.
        Case(file: "events-duplicate-id.csv", location: "3:1", message: "duplicate id \"1\": the event on line 2 has it too; ids must be unique"),
        // US clocks went from 02:00 to 03:00 on 2023-03-12. The time cell starts at byte 14.
        Case(
            file: "events-skipped-time.csv", location: "2:14",
            message: "02:30 on 2023-03-12 does not exist in America/New_York: the clocks jumped forward over it that day"),
        Case(
            file: "events-time-without-zone.csv", location: "2:14",
            message: "the time \"17:00\" has no time zone: add a \"timezone\" column (an IANA name such as America/New_York, or an offset such as +08:00)"),
        // Line 2 is `1,2023-06-07,Talks resume, cautiously`: the 4th field starts at byte 27.
        Case(
            file: "events-unquoted-comma.csv", location: "2:27",
            message: "row has 4 fields but the header has 3 (a comma in a title? put the title in double quotes)"),
        Case(
            file: "events-unreadable-score.csv", location: "2:27",
            message: "cannot read \"high\" as a number in column \"score\" (write e.g. -0.5 or 1)"),
        Case(
            file: "events-us-date.csv", location: "2:3",
            message: "cannot read \"06/07/2023\" as a date; write YYYY-MM-DD, or an ISO 8601 instant such as 2023-06-06T15:30-04:00"),
    ]

    @Test(arguments: cases)
    func eventsListPrintsOneLocatedErrorAndExitsOne(_ item: Case) throws {
        let path = "fixtures/bad/\(item.file)"
        let outcome = try CLIRunner.run(["events", "list", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "\(path):\(item.location): error: \(item.message)\n")
    }

    @Test(arguments: cases)
    func changesPrintsTheSameError(_ item: Case) throws {
        let path = "fixtures/bad/\(item.file)"
        let outcome = try CLIRunner.run(["changes", "--events", path, "fixtures/djia.csv"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "\(path):\(item.location): error: \(item.message)\n")
    }

    /// An edit refuses a file that does not load, and leaves it as it was.
    @Test func editsRefuseABadFileAndChangeNothing() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = CLIRunner.fixture("fixtures/bad/events-unknown-zone.csv")
        let path = folder.appendingPathComponent("events.csv").path
        try FileManager.default.copyItem(atPath: source, toPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let outcome = try CLIRunner.run(["events", "add", path, "--date", "2023-06-09", "--title", "x"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "\(path):3:20: error: unknown time zone \"Asia/Beijing\"; use an IANA name such as America/New_York, or an offset such as +08:00\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["events.csv"])
    }
}
