import Foundation
import Testing

@testable import MarketLink

/// What issue 10 changed in what the commands print: the default format follows standard
/// output, identical windows count once, `--sentences` reaches every format, JSON keys are
/// snake_case everywhere, tiny moves never read as none, and `--market` takes every series.
@Suite struct OutputBehaviourTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    static func run(_ arguments: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 0, "\(arguments.joined(separator: " ")): \(outcome.stderr)", sourceLocation: sourceLocation)
        return outcome.stdout
    }

    // MARK: Default format

    /// The test runner's standard output is a file, not a terminal: commands that write CSV write
    /// CSV; the others their table.
    @Test(arguments: [
        (["changes"] + inputs, "csv"),
        (["study"] + inputs + ["--estimation", "-120:-6"], "csv"),
        (["correlate"] + inputs, "csv"),
        (["events", "list", "fixtures/events-2023.csv"], "csv"),
        (["move", "fixtures/djia.csv", "--from", "2023-06-07", "--to", "2023-06-08"], "table"),
        (["check", "fixtures/djia.csv", "--claim", "rose 0.78% to 33,833.61"], "table"),
        (["inspect", "fixtures/djia.csv"], "table"),
    ])
    func notATerminalGetsCSVWhereThereIsCSV(_ arguments: [String], expected: String) throws {
        let plain = try Self.run(arguments)
        #expect(plain == (try Self.run(arguments + ["--format", expected])))
        #expect(!plain.isEmpty)
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`), `changes` prints the table.
    @Test func aTerminalGetsTheTable() throws {
        let script = try #require(["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let mlink = try CLI.executable().path
        let line = ([mlink, "changes"] + Self.inputs + ["--window", "0:1"]).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", line, "/dev/null"]
        process.currentDirectoryURL = CLI.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "TERM": "xterm"]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("event  date "), "\(text.prefix(200))")
        #expect(!text.contains("event_id,"))
    }

    // MARK: Units in headers, tiny moves

    @Test func theTableHeaderCarriesTheUnits() throws {
        let text = try Self.run(["changes"] + Self.inputs + ["--window", "0:1", "--format", "table"])
        let header = try #require(text.split(separator: "\n").first)
        #expect(header.hasSuffix("points      %"))
        // Event 11 on DJIA: 33,573.28 → 33,833.61, +260.33 points, 100·260.33/33573.28 = 0.7754…%.
        #expect(text.contains("33,573.28  2023-06-08  33,833.61  +260.33  +0.78\n"))
    }

    /// A synthetic series at 100,000 (made up for this test): 100,000.00 → 100,001.58 is 1.58
    /// points and 100·1.58/100000 = 0.00158%, which rounds to 0.00; 1.000 → 1.004, written with
    /// 3 decimals, is 0.004 points at the data's own precision (`Series.display`) and 0.40%.
    @Test(arguments: [
        ("100000.00", "100001.58", "X rose 1.58 points, or less than 0.01%, to 100,001.58 on Thursday (June 8, 2023).", "+<0.01"),
        ("100001.58", "100000.00", "X fell 1.58 points, or less than 0.01%, to 100,000.00 on Thursday (June 8, 2023).", "-<0.01"),
        ("1.000", "1.004", "X rose 0.004 points, or 0.40%, to 1.004 on Thursday (June 8, 2023).", "+0.40"),
    ])
    func aTinyMoveIsNeverShownAsNone(base: String, end: String, sentence: String, cell: String) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prices = try CLI.write("DATE,X\n2023-06-07,\(base)\n2023-06-08,\(end)\n", named: "x.csv", in: folder)
        let events = try CLI.write("date,title\n2023-06-08,a\n", named: "events.csv", in: folder)
        let move = try Self.run(["move", prices, "--from", "2023-06-08", "--to", "2023-06-08"])
        #expect(move.hasPrefix(sentence + "\n"))
        let table = try Self.run(["changes", "--events", events, prices, "--window", "0:0", "--format", "table"])
        let row = try #require(table.split(separator: "\n").last)
        #expect(row.hasSuffix("  " + cell))
    }

    // MARK: Identical windows count once

    @Test(arguments: [
        (["changes"] + inputs, ["--window", "0:1", "-w", "-1:1", "--window", "0:1", "--window=-1:1"], ["--window", "0:1", "--window", "-1:1"]),
        (["study"] + inputs + ["--estimation", "-120:-6"], ["--window", "0:1", "-w", "0:1"], ["--window", "0:1"]),
        (["correlate"] + inputs, ["--window", "0:1", "--window", "0:1"], ["--window", "0:1"]),
        (["chart"] + inputs + ["--event", "11"], ["--window", "-2:2", "--window", "-2:2"], ["--window", "-2:2"]),
        (["report"] + inputs + ["--no-study"], ["--window", "0:1", "--window", "0:1"], ["--window", "0:1"]),
    ])
    func aWindowGivenTwiceCountsOnce(_ command: [String], repeated: [String], once: [String]) throws {
        let twice = try Self.run(command + repeated)
        #expect(twice == (try Self.run(command + once)))
    }

    @Test func theChangeTableHasOneRowPerDistinctWindow() throws {
        let text = try Self.run(["changes"] + Self.inputs + ["--window", "0:1", "--window", "0:1", "--format", "csv"])
        // 15 events × 2 series × 1 window, and the header.
        #expect(text.split(separator: "\n").count == 1 + 30)
    }

    // MARK: Sentences in every format

    /// Event 11 (2023-06-07) on DJIA over 0:1, worked out in DESIGN §2: 33,573.28 → 33,833.61.
    static let sentence11 = "The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023)."

    @Test func sentencesInCSVStreamedToStandardOutputAndToAFile() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("changes.csv").path
        let piped = try Self.run(["changes"] + Self.inputs + ["--window", "0:1", "--sentences", "--format", "csv"])
        _ = try Self.run(["changes"] + Self.inputs + ["--window", "0:1", "--sentences", "-o", out])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == piped)
        let rows = try ChangesCommandTests.cells(piped)
        #expect(rows[0] == ChangeTable.csvColumns + ["sentence"])
        let row = try #require(rows.first { $0[0] == "11" && $0[4] == "DJIA" })
        #expect(row[14] == Self.sentence11)
        // Without --sentences the columns are DESIGN §3's, as before.
        let plain = try ChangesCommandTests.cells(try Self.run(["changes"] + Self.inputs + ["--window", "0:1", "--format", "csv"]))
        #expect(plain[0] == ChangeTable.csvColumns)
    }

    @Test func aRowWithoutAMoveHasNoSentence() throws {
        let rows = try ChangesCommandTests.cells(try Self.run(["changes"] + Self.inputs + ["--window", "-300:0", "--sentences", "--format", "csv"]))
        #expect(rows.count == 31)
        #expect(rows.dropFirst().allSatisfy { $0[12] == "no-base" && $0[14].isEmpty })
    }

    @Test func sentencesInJSONAndMarkdown() throws {
        let json = try Self.run(["changes"] + Self.inputs + ["--window", "0:1", "--sentences", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { $0["event_id"] as? String == "11" && $0["series"] as? String == "DJIA" })
        #expect(row["sentence"] as? String == Self.sentence11)
        let markdown = try Self.run(["changes"] + Self.inputs + ["--window", "0:1", "--sentences", "--format", "md"])
        let lines = markdown.split(separator: "\n")
        #expect(lines.first?.hasSuffix("| points | % | sentence |") == true)
        #expect(lines.contains { $0.hasPrefix("| 11 |") && $0.contains("| DJIA |") && $0.hasSuffix("| \(Self.sentence11) |") })
    }

    @Test func theStreamedCSVWithSentencesEqualsTheWholeTable() throws {
        let djia = try #require(try PriceFile.load(path: CLI.fixture("fixtures/djia.csv")).series.first)
        let log = try EventLog.load(path: CLI.fixture("fixtures/events-2023.csv"))
        let windows = [try EventWindow(parsing: "-5:5"), try EventWindow(parsing: "0:0"), try EventWindow(parsing: "-300:0")]
        var streamed: [UInt8] = []
        try ChangeTable.streamCSV(events: log.events, series: [djia], windows: windows, sentences: true) { streamed += $0 }
        #expect(streamed == ChangeTable(events: log.events, series: [djia], windows: windows).csv(sentences: true))
    }

    // MARK: JSON keys

    /// Every key of every object, except inside `extra` (an events file's own column names).
    static func keys(_ value: Any) -> Set<String> {
        var found: Set<String> = []
        if let object = value as? [String: Any] {
            for (key, child) in object {
                found.insert(key)
                if key != "extra" { found.formUnion(keys(child)) }
            }
        } else if let array = value as? [Any] {
            for child in array { found.formUnion(keys(child)) }
        }
        return found
    }

    @Test(arguments: [
        ["move", "fixtures/djia.csv", "--from", "2023-06-07", "--to", "2023-06-08"],
        ["check", "fixtures/djia.csv", "--claim", "increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday"],
        ["inspect", "fixtures/djia.csv", "fixtures/sse.csv"],
        ["changes"] + inputs,
        ["study"] + inputs + ["--estimation", "-120:-6"],
        ["correlate"] + inputs,
        ["events", "list", "fixtures/events-2023.csv"],
    ])
    func jsonKeysAreSnakeCase(_ arguments: [String]) throws {
        let text = try Self.run(arguments + ["--format", "json"])
        let keys = Self.keys(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        #expect(!keys.isEmpty)
        let bad = keys.filter { key in !key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" } }
        #expect(bad.isEmpty, "\(bad.sorted())")
    }

    @Test func moveCheckAndInspectNameTheirFieldsInSnakeCase() throws {
        // A claim with no days named is a one-session move: 2023-06-07 (33,665.02) to 2023-06-08 (33,833.61).
        let check = try Self.run(["check", "fixtures/djia.csv", "--claim", "rose 0.5% to 33,833.61", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [String: Any])
        let move = try #require(object["move"] as? [String: Any])
        #expect(move["base_date"] as? String == "2023-06-07")
        #expect(move["base_close"] as? Double == 33665.02)
        #expect(move["end_close"] as? Double == 33833.61)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first { $0["part"] as? String == "percent" }?["claimed_value"] as? Double == 0.5)
        let inspect = try Self.run(["inspect", "fixtures/djia.csv", "--format", "json"])
        let files = try #require(try JSONSerialization.jsonObject(with: Data(inspect.utf8)) as? [[String: Any]])
        #expect(files.first?["date_column"] as? String == "DATE")
        #expect(files.first?["header_line"] as? Double == 1)
    }

    // MARK: --market for every series

    @Test(arguments: [
        (["--market", "NYSE"], "NYSE", "America/New_York"),
        (["--market", "*=SSE"], "SSE", "Asia/Shanghai"),
        (["--market", "X=Asia/Tokyo@15:00"], "Asia/Tokyo", "Asia/Tokyo"),
        (["--market", "NYSE", "--market", "X=hkex"], "HKEX", "Asia/Hong_Kong"),
    ])
    func marketAssignments(_ extra: [String], market: String, zone: String) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prices = try CLI.write("DATE,X\n2023-06-07,10\n2023-06-08,11\n", named: "x.csv", in: folder)
        let text = try Self.run(["inspect", prices, "--format", "json"] + extra)
        let files = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let series = try #require((files.first?["series"] as? [[String: Any]])?.first)
        #expect(series["market"] as? String == market)
        #expect(series["time_zone"] as? String == zone)
    }

    @Test func aMarketForAnUnknownSeriesIsAUsageError() throws {
        let outcome = try CLI.run(["changes"] + Self.inputs + ["--market", "DOW=NYSE"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "mlink changes: error: --market names \"DOW\", but no series has that name (DJIA, SSE)\n")
        let duplicate = try CLI.run(["changes", "--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "fixtures/djia.csv"])
        #expect(duplicate.status == 64)
        #expect(duplicate.stderr.contains("two series are named \"DJIA\""))
        #expect(duplicate.stderr.hasSuffix("; name one with NAME=path\n"))
    }
}
