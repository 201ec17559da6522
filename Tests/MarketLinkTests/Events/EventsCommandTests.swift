import Foundation
import Testing

@testable import MarketLink

/// `mlink events add|list|edit|remove` end to end, through the built binary: output, files, exit
/// codes (0 success, 1 bad data, 64 bad usage).
@Suite struct EventsCommandTests {
    typealias Support = EventsTestSupport

    static let small = #"""
        id,date,time,timezone,title,tags,score
        1,2023-06-08T10:00+08:00,,,Timed 北京 event,diplomacy,0.5
        2,2023-05-20,,,"G7 ""de-risking""",g7;trade,-0.4
        3,2023-06-07,17:00,America/New_York,After the close,,

        """#

    func smallFile() throws -> (folder: URL, path: String) {
        let folder = try Support.scratchFolder()
        let url = folder.appendingPathComponent("events.csv")
        try Support.write(Self.small, to: url)
        return (folder, url.path)
    }

    // MARK: Help

    @Test(arguments: ["add", "list", "edit", "remove"])
    func everySubcommandHasHelp(_ name: String) throws {
        let outcome = try Support.run(["events", name, "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("usage: mlink events \(name) EVENTS"))
        #expect(outcome.stdout.contains("Exit codes:"))
    }

    /// `mlink events` alone is the group's help, as `mlink events --help` is (issue 10: it was exit 64).
    @Test func eventsAloneNamesItsSubcommands() throws {
        let outcome = try Support.run(["events"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        for name in ["add", "list", "edit", "remove"] { #expect(outcome.stdout.contains("\n  \(name) ")) }
    }

    // MARK: list

    /// Widths by hand: time is "17:00 America/New_York" (22), weekday "Wednesday" (9), title 16
    /// ("Timed 北京 event": each of 北京 takes two columns), tags "diplomacy" (9), score "score" (5,
    /// right-aligned). Rows in date order: 2 (05-20), 3 (06-07), 1 (06-08).
    @Test func listTable() throws {
        let (folder, path) = try smallFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Support.run(["events", "list", path, "--format", "table"])
        #expect(outcome.status == 0)
        #expect(
            outcome.stdout == #"""
                id  date        time                    weekday    title             tags       score
                ──  ──────────  ──────────────────────  ─────────  ────────────────  ─────────  ─────
                2   2023-05-20                          Saturday   G7 "de-risking"   g7;trade    -0.4
                3   2023-06-07  17:00 America/New_York  Wednesday  After the close
                1   2023-06-08  10:00 +08:00            Thursday   Timed 北京 event  diplomacy   +0.5

                """#)
    }

    /// instant_utc by hand: 17:00 EDT (UTC−4) = 21:00Z; 10:00 at +08:00 = 02:00Z. "+08:00" starts with
    /// "+", so it is neutralised with a leading "'".
    @Test func listCSV() throws {
        let (folder, path) = try smallFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Support.run(["events", "list", path, "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(
            outcome.stdout == #"""
                id,date,time,timezone,instant_utc,weekday,title,tags,score,source
                2,2023-05-20,,,,Saturday,"G7 ""de-risking""",g7;trade,-0.4,
                3,2023-06-07,17:00,America/New_York,2023-06-07T21:00:00Z,Wednesday,After the close,,,
                1,2023-06-08,10:00,'+08:00,2023-06-08T02:00:00Z,Thursday,Timed 北京 event,diplomacy,0.5,

                """#)
    }

    @Test func listMarkdown() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        try Support.write("date,title,score\n2023-06-06,\"a | b\nc\",1\n", to: url)
        let outcome = try Support.run(["events", "list", url.path, "--format", "md"])
        #expect(
            outcome.stdout == #"""
                | id | date | weekday | title | score |
                | --- | --- | --- | --- | ---: |
                | 1 | 2023-06-06 | Tuesday | a \| b c | +1 |

                """#)
    }

    @Test func listJSON() throws {
        let (folder, path) = try smallFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Support.run(["events", "list", path, "--format", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["2", "3", "1"])
        let timed = items[2]
        #expect(timed["date"] as? String == "2023-06-08")
        #expect(timed["weekday"] as? String == "Thursday")
        #expect(timed["time"] as? String == "10:00")
        #expect(timed["timezone"] as? String == "+08:00")
        #expect(timed["instant_utc"] as? String == "2023-06-08T02:00:00Z")
        #expect(timed["tags"] as? [String] == ["diplomacy"])
        #expect(timed["score"] as? Double == 0.5)
        #expect(timed["source"] is NSNull)
        #expect(items[0]["title"] as? String == "G7 \"de-risking\"")
    }

    @Test(arguments: [
        (["--tag", "G7"], ["2"]),
        (["--tag", "diplomacy", "--tag", "g7"], ["2", "1"]),
        (["--tag", "diplomacy;g7"], ["2", "1"]),
        (["--from", "2023-06-01", "--to", "2023-06-07"], ["3"]),
        (["--from", "2023-06-08"], ["1"]),
        (["--to", "2023-05-20"], ["2"]),
        (["--tag", "sanctions"], []),
    ])
    func listFilters(_ options: [String], ids: [String]) throws {
        let (folder, path) = try smallFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Support.run(["events", "list", path, "--format", "csv"] + options)
        #expect(outcome.status == 0)
        let rows = outcome.stdout.split(separator: "\n").dropFirst()
        #expect(rows.map { String($0.prefix { $0 != "," }) } == ids)
    }

    @Test func csvCellsAreNeutralisedAgainstFormulas() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        try Support.write("date,title,source,score\n2023-06-06,\"=HYPERLINK(\"\"x\"\")\",@feed,-1\n2023-06-07,-5% day,+ wire,\n", to: url)
        let outcome = try Support.run(["events", "list", url.path, "--format", "csv"])
        #expect(
            outcome.stdout == #"""
                id,date,time,timezone,instant_utc,weekday,title,tags,score,source
                1,2023-06-06,,,,Tuesday,"'=HYPERLINK(""x"")",,-1,'@feed
                2,2023-06-07,,,,Wednesday,'-5% day,,,'+ wire

                """#)
    }

    @Test func listToAFileTakesTheFormatFromItsExtension() throws {
        let (folder, path) = try smallFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.csv")
        let outcome = try Support.run(["events", "list", path, "-o", out.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        #expect(try Support.read(out).hasPrefix("id,date,time,timezone,instant_utc,weekday,title,tags,score,source\n2,2023-05-20,"))
    }

    @Test func listRefusesToWriteOverTheEventsFile() throws {
        let (folder, path) = try smallFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Support.run(["events", "list", path, "-o", path, "--format", "csv"])
        // Refusing to overwrite an input is a data-safety error: exit 1, like every file error (issue 7).
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("refusing to write over the input file"))
        #expect(try Support.read(URL(fileURLWithPath: path)) == Self.small)
    }

    // MARK: add, edit, remove

    @Test func addEditRemoveThroughTheCommandLine() throws {
        let (folder, path) = try smallFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = URL(fileURLWithPath: path)
        let added = try Support.run([
            "events", "add", path, "--date", "2023-06-19", "--title", "Blinken meets Xi Jinping in Beijing", "--tag", "diplomacy",
            "--tag", "visit", "--score", "0.8",
        ])
        #expect(added.status == 0)
        #expect(added.stdout == "\(path): added event 4 (2023-06-19 Monday: \"Blinken meets Xi Jinping in Beijing\")\n")
        #expect(try Support.read(url) == Self.small + "4,2023-06-19,,,Blinken meets Xi Jinping in Beijing,diplomacy;visit,0.8\n")

        let edited = try Support.run(["events", "edit", path, "4", "--time", "10:00", "--timezone", "Asia/Shanghai"])
        #expect(edited.status == 0)
        #expect(
            edited.stdout
                == "\(path): changed time, timezone of event 4 (2023-06-19 Monday 10:00 Asia/Shanghai: \"Blinken meets Xi Jinping in Beijing\")\n")
        #expect(
            try Support.read(url) == Self.small + "4,2023-06-19,10:00,Asia/Shanghai,Blinken meets Xi Jinping in Beijing,diplomacy;visit,0.8\n")

        let removed = try Support.run(["events", "remove", path, "4"])
        #expect(removed.status == 0)
        #expect(removed.stdout.hasPrefix("\(path): removed event 4 (2023-06-19 Monday 10:00 Asia/Shanghai:"))
        #expect(try Support.read(url) == Self.small)
    }

    @Test func addCreatesANewFileWithTimeColumnsWhenTimed() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.csv").path
        let outcome = try Support.run([
            "events", "add", path, "--date", "2023-06-07", "--title", "after the close", "--time", "17:00", "--timezone", "America/New_York",
        ])
        #expect(outcome.status == 0)
        #expect(
            try Support.read(URL(fileURLWithPath: path))
                == "id,date,time,timezone,title,tags,score,source\n1,2023-06-07,17:00,America/New_York,after the close,,,\n")
    }

    // MARK: Exit codes

    @Test(arguments: [
        (["events", "add", "F", "--title", "x"], "--date is required"),
        (["events", "add", "F", "--date", "2023-06-07"], "--title is required"),
        (["events", "add", "F", "--date", "2023-06-07", "--title", "x", "--time", "17:00"], "--time needs --timezone"),
        (["events", "add", "F", "--date", "2023-06-31", "--title", "x"], "--date: \"2023-06-31\" is not a real date (June 2023 has 30 days)"),
        (["events", "add", "F", "--date", "2023-06-07", "--title", "x", "--colour", "red"], "unknown option --colour"),
        (["events", "list", "F", "--from", "June 1"], "--from takes a date YYYY-MM-DD, not \"June 1\""),
        (["events", "list", "F", "--from", "2023-06-09", "--to", "2023-06-01"], "--to 2023-06-01 is before --from 2023-06-09"),
        (["events", "list", "F", "--format", "xml"], "--format takes table, csv, json or md, not \"xml\""),
        (["events", "edit", "F", "2"], "nothing to change"),
        (["events", "edit", "F", "9", "--title", "x"], "no event with id \"9\""),
        (["events", "remove", "F"], "name the event id"),
        (["events", "remove", "F", "9"], "no event with id \"9\""),
        (["events", "edit", "F", "2", "--source", "CNN"], "the events file has no \"source\" column"),
    ])
    func badUsageExits64AndChangesNothing(_ arguments: [String], message: String) throws {
        let (folder, path) = try smallFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Support.run(arguments.map { $0 == "F" ? path : $0 })
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message))
        #expect(outcome.stdout.isEmpty)
        #expect(try Support.read(URL(fileURLWithPath: path)) == Self.small)
    }

    @Test(arguments: ["list", "add", "edit", "remove"])
    func badDataExits1WithItsPlace(_ command: String) throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.csv")
        let text = "id,date,title\n1,2023-06-06,a\n2,2023-02-30,b\n"
        try Support.write(text, to: url)
        let extra: [String] =
            switch command {
            case "add": ["--date", "2023-06-07", "--title", "x"]
            case "edit": ["1", "--title", "x"]
            case "remove": ["1"]
            default: []
            }
        let outcome = try Support.run(["events", command, url.path] + extra)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "\(url.path):3:3: error: \"2023-02-30\" is not a real date (February 2023 has 28 days)\n")
        #expect(try Support.read(url) == text)
    }
}
