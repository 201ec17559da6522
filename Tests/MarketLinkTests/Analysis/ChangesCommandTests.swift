import Foundation
import Testing
@testable import MarketLink

/// `mlink changes` end to end on the bundled fixtures.
@Suite struct ChangesCommandTests {
    static let fixtures = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    /// Reads CSV with the project's own tokenizer.
    static func cells(_ text: String) throws -> [[String]] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, delimiter: 44, file: "out.csv")
            var fields: [CSVField] = []
            var rows: [[String]] = []
            while try tokenizer.nextRow(into: &fields) { rows.append(fields.map { tokenizer.text($0) }) }
            return rows
        }
    }

    @Test func csvHasTheDesignColumnsAndTheIssueNumbers() throws {
        let outcome = try CLIRunner.run(["changes"] + Self.fixtures + ["--window", "0:1", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try Self.cells(outcome.stdout)
        #expect(
            Array(rows[0].prefix(13)) == [
                "event_id", "event_date", "event_title", "tags", "series", "window", "base_date", "base_close", "end_date",
                "end_close", "points", "percent", "status",
            ])
        // 15 events × 2 series × 1 window.
        #expect(rows.count == 1 + 30)
        // Event 11 (2023-06-07, Xie Feng) on DJIA: 33573.28 → 33833.61, +260.33 points,
        // 100·260.33/33573.28 = 0.775408300886895769... (Python decimal, 30 digits), written to 12 significant digits.
        let djia = try #require(rows.first { $0[0] == "11" && $0[4] == "DJIA" })
        #expect(Array(djia[6...12]) == ["2023-06-06", "33573.28", "2023-06-08", "33833.61", "260.33", "0.775408300887", "ok"])
        // Event 12 (2023-06-08, Politico) on SSE: 3197.76 → 3231.41, +33.65, 100·33.65/3197.76 = 1.052299109376563...%.
        let sse = try #require(rows.first { $0[0] == "12" && $0[4] == "SSE" })
        #expect(Array(sse[6...11]) == ["2023-06-07", "3197.76", "2023-06-09", "3231.41", "33.65", "1.05229910938"])
        // Weekend events (G7 on Saturday 2023-05-20, Micron on Sunday 05-21) open on Monday 05-22.
        for id in ["6", "7"] {
            let row = try #require(rows.first { $0[0] == id && $0[4] == "DJIA" })
            #expect(row[13] == "2023-05-22")
        }
    }

    /// Timed events align to each market's own close (fixtures/events-timed.csv). Expected t0, worked
    /// out from the exchanges' closes: NYSE 16:00 New York time (EST −5 until 2023-03-12, EDT −4
    /// after), SSE 15:00 Beijing time (+8, no daylight saving).
    @Test(arguments: [
        ("1", "2023-06-08", "2023-06-08"),  // Thu 10:00 Beijing = 02:00 UTC: before both Thursday closes.
        ("2", "2023-06-08", "2023-06-08"),  // Wed 17:00 New York = 21:00 UTC Wed: after both Wednesday closes.
        ("3", "2023-03-13", "2023-03-13"),  // Fri 16:30 EST = 21:30 UTC: after both Friday closes.
        ("4", "2023-03-13", "2023-03-14"),  // Mon 15:30 EDT = 19:30 UTC: before NYSE's 20:00 UTC close, after SSE's 07:00.
        ("5", "2023-06-06", "2023-06-07"),  // Tue 07:30 UTC: before NYSE's 20:00 UTC, after SSE's 07:00 UTC.
        ("6", "2023-06-09", "2023-06-09"),  // Fri 09:30 +08:00 = 01:30 UTC: before both Friday closes.
    ])
    func timedEventsAlignToEachMarketsClose(id: String, djia: String, sse: String) throws {
        let outcome = try CLIRunner.run(
            ["changes", "--events", "fixtures/events-timed.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv", "--window", "0:0", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try Self.cells(outcome.stdout)
        #expect(rows.first { $0[0] == id && $0[4] == "DJIA" }?[13] == djia)
        #expect(rows.first { $0[0] == id && $0[4] == "SSE" }?[13] == sse)
    }

    @Test func exactAlignmentGivesWeekendEventsNoSession() throws {
        let outcome = try CLIRunner.run(["changes"] + Self.fixtures + ["--align", "exact", "--format", "csv", "--window", "0:0"])
        let rows = try Self.cells(outcome.stdout)
        let weekend = rows.filter { $0[0] == "6" || $0[0] == "7" }
        #expect(weekend.count == 4)
        #expect(weekend.allSatisfy { $0[12] == "no-session" && $0[10].isEmpty && $0[11].isEmpty })
    }

    @Test func roundTripsThroughPythonCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlink-changes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.csv").path
        let run = try CLIRunner.run(["changes"] + Self.fixtures + ["-o", out])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let ours = try Self.cells(text)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        python.arguments = ["python3", "-c", script, out]
        let pipe = Pipe()
        python.standardOutput = pipe
        python.standardError = FileHandle.nullDevice
        do { try python.run() } catch { return }  // no Python here: our own reader's check above stands
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        guard python.terminationStatus == 0 else { return }
        let theirs = try JSONDecoder().decode([[String]].self, from: data)
        #expect(theirs == ours)
        // Titles with commas and quotes survive: event 3 is "Saudi Arabia and Iran agree, in Beijing, ...".
        #expect(ours.contains { $0[2].hasPrefix("Saudi Arabia and Iran agree, in Beijing,") })
    }

    @Test func refusesToWriteOverAnInput() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("fixtures/djia.csv")))
        let outcome = try CLIRunner.run(["changes"] + Self.fixtures + ["-o", "fixtures/djia.csv", "--format", "csv"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("refusing to write over the input file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: CLIRunner.fixture("fixtures/djia.csv"))) == before)
    }

    @Test func formulaTextIsNeutralisedAndNumbersAreNot() throws {
        var buffer: [UInt8] = []
        for text in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tTab", "plain"] {
            CSVWriter.appendText(text, to: &buffer)
            buffer.append(10)
        }
        CSVWriter.appendNumber(-260.33, decimals: 2, to: &buffer)
        #expect(
            String(decoding: buffer, as: UTF8.self)
                == "\"'=HYPERLINK(\"\"x\"\")\"\n'+1\n'-2\n'@SUM(A1)\n'\tTab\nplain\n-260.33")
    }

    @Test func streamedCSVEqualsTheWholeTable() throws {
        let djia = try #require(try PriceFile.load(path: CLIRunner.fixture("fixtures/djia.csv")).series.first)
        let log = try EventLog.load(path: CLIRunner.fixture("fixtures/events-2023.csv"))
        let windows = [try EventWindow(parsing: "-5:5"), try EventWindow(parsing: "0:0")]
        var streamed: [UInt8] = []
        try ChangeTable.streamCSV(events: log.events, series: [djia], windows: windows) { streamed += $0 }
        #expect(streamed == ChangeTable(events: log.events, series: [djia], windows: windows).csv())
    }

    @Test func usageErrors() throws {
        let backwards = try CLIRunner.run(["changes"] + Self.fixtures + ["--window", "5:1"])
        #expect(backwards.status == 64)
        #expect(backwards.stderr.contains("window \"5:1\" runs backwards"))
        let noEvents = try CLIRunner.run(["changes", "fixtures/djia.csv"])
        #expect(noEvents.status == 64)
        let badAlign = try CLIRunner.run(["changes"] + Self.fixtures + ["--align", "sideways"])
        #expect(badAlign.status == 64)
    }
}

/// `mlink changes` with minute windows mixed with a session window, end to end (issue 13, item 2):
/// one CSV run with sentences, one JSON run. The prices were read off
/// fixtures/intraday/spx-1m-date-time.csv by hand (see ChangeTableMinuteTests for each bar).
@Suite struct ChangesMinuteWindowCommandTests {
    static let arguments = [
        "changes", "--events", "fixtures/intraday/events-intraday.csv", "SPX=fixtures/intraday/spx-1m-date-time.csv", "fixtures/sp500.csv",
        "--window", "-30m:30m", "--window", "0m:30m", "--window", "-1h:2h", "--window", "0:0",
    ]

    @Test func csvMixesMinuteAndSessionWindowsWithInstantsAndSentences() throws {
        let outcome = try CLIRunner.run(Self.arguments + ["--format", "csv", "--sentences"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try ChangesCommandTests.cells(outcome.stdout)
        #expect(rows[0] == ChangeTable.csvColumns + ["base_at", "end_at", "measured_from", "moved", "sentence"])
        #expect(rows.count == 1 + 9 * 2 * 4)
        func row(_ event: String, _ series: String, _ window: String) throws -> [String] {
            try #require(rows.first { $0[0] == event && $0[4] == series && $0[5] == window })
        }
        // Event 1, 10:14 on 2023-06-08: 10:14 → bar 10:13 (4273.81), 10:44 → bar 10:43 (4260.89);
        // −12.92 points, 100·(4260.89/4273.81 − 1) = −0.302306373002...%.
        #expect(
            Array(try row("1", "SPX", "0m:30m")[6...]) == [
                "2023-06-08", "4273.81", "2023-06-08", "4260.89", "-12.92", "-0.302306373002", "ok", "2023-06-08",
                "2023-06-08T10:14:00-04:00", "2023-06-08T10:44:00-04:00", "2023-06-08T10:14:00-04:00", "",
                "The S&P 500 fell 0.30% in the 30 minutes after the 10:14 a.m. announcement, to 4,260.89.",
            ])
        // Event 1 -1h:2h: 09:14 is before the open → the 2023-06-07 close 4267.52 (bar 15:59);
        // 12:14 → bar 12:13.
        let hours = try row("1", "SPX", "-1h:2h")
        #expect(hours[6...7] == ["2023-06-07", "4267.52"])
        #expect(hours[14...15] == ["2023-06-08T09:14:00-04:00", "2023-06-08T12:14:00-04:00"])
        // Event 4, 17:05 on 2023-06-07, after the close: measured from 09:30 on 2023-06-08;
        // 09:00 → the 2023-06-07 close 4267.52, 10:00 → bar 09:59 (4272.67).
        #expect(
            Array(try row("4", "SPX", "-30m:30m")[6...]) == [
                "2023-06-07", "4267.52", "2023-06-08", "4272.67", "5.15", "0.120678989202", "ok", "2023-06-08",
                "2023-06-08T09:00:00-04:00", "2023-06-08T10:00:00-04:00", "2023-06-08T09:30:00-04:00", "after the close",
                "The S&P 500 rose 0.12% from 30 minutes before to 30 minutes after the 5:05 p.m. announcement"
                    + " (measured from 9:30 a.m., after the close), to 4,272.67.",
            ])
        // The session window in the same run: the daily view, 4267.52 → 4293.93 (+26.41), minute cells empty.
        #expect(
            Array(try row("1", "SPX", "0:0")[6...17]) == [
                "2023-06-07", "4267.52", "2023-06-08", "4293.93", "26.41", "0.618860602879", "ok", "2023-06-08", "", "", "", "",
            ])
        #expect(try row("1", "sp500", "0m:30m")[12] == "no-bars")
        #expect(try row("5", "SPX", "0m:30m")[12] == "after-data")
        #expect(try row("7", "SPX", "-30m:30m")[12] == "no-end")
    }

    @Test func jsonCarriesTheInstants() throws {
        let outcome = try CLIRunner.run(Self.arguments + ["--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let moved = try #require(rows.first { $0["event_id"] as? String == "4" && $0["series"] as? String == "SPX" && $0["window"] as? String == "0m:30m" })
        #expect(moved["base_at"] as? String == "2023-06-08T09:30:00-04:00")
        #expect(moved["end_at"] as? String == "2023-06-08T10:00:00-04:00")
        #expect(moved["measured_from"] as? String == "2023-06-08T09:30:00-04:00")
        #expect(moved["moved"] as? String == "after the close")
        #expect(moved["base_close"] as? Double == 4267.52)
        #expect(moved["end_close"] as? Double == 4272.67)
        let session = try #require(rows.first { $0["event_id"] as? String == "4" && $0["series"] as? String == "SPX" && $0["window"] as? String == "0:0" })
        #expect(session["base_at"] is NSNull && session["moved"] is NSNull)
    }
}
