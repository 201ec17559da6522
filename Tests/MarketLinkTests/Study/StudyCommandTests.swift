import Foundation
import Testing
@testable import MarketLink

/// `mlink study` end to end on the bundled fixtures. Expected numbers come from
/// `Derivations/derive_study.py`, which parses the fixture CSVs itself and recomputes returns,
/// windows and statistics with numpy and scipy (matrix forms of the variances); its output is
/// `Derivations/expected.txt`. CSV carries 12 significant digits, so comparisons allow 1e-10
/// relative (1e-9 for values that are themselves small differences).
@Suite struct StudyCommandTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    /// The CSV rows as dictionaries keyed by column name.
    static func records(_ text: String) throws -> [[String: String]] {
        let rows = try ChangesCommandTests.cells(text)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: zip(header, row))
        }
    }

    static func number(_ record: [String: String]?, _ key: String) throws -> Double {
        let text = try #require(record?[key], "no \(key)")
        return try #require(Double(text), "\(key) is not a number: \(text)")
    }

    // MARK: - Per event, mean model

    @Test func meanModelMatchesTheIndependentDerivation() throws {
        let run = try CLIRunner.run(["study"] + Self.inputs + ["--estimation", "-120:-6", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try Self.records(run.stdout)
        #expect(records.count == 30)
        #expect(records.allSatisfy { $0["status"] == "ok" && $0["estimation_returns"] == "115" })

        // DJIA, event 11 (2023-06-07): estimation 2022-12-13 … 2023-05-30, expected.txt "DJIA.11.*".
        let djia = records.first { $0["event_id"] == "11" && $0["series"] == "DJIA" }
        #expect(djia?["event_session"] == "2023-06-07")
        #expect(djia?["estimation_first"] == "2022-12-13" && djia?["estimation_last"] == "2023-05-30")
        expectClose(try Self.number(djia, "alpha_percent"), 100 * -0.00021412027768292569, relative: 1e-10)
        expectClose(try Self.number(djia, "ar_percent_t0-1"), 100 * 0.00052458249693361015, relative: 1e-9)
        expectClose(try Self.number(djia, "ar_percent_t0"), 100 * 0.0029466504326155032, relative: 1e-10)
        expectClose(try Self.number(djia, "ar_percent_t0+1"), 100 * 0.0052219889793799308, relative: 1e-10)
        expectClose(try Self.number(djia, "car_percent"), 100 * 0.0086932219089290441, relative: 1e-10)
        expectClose(try Self.number(djia, "sigma_percent"), 100 * 0.0084544237333150224, relative: 1e-10)
        expectClose(try Self.number(djia, "se_percent"), 100 * 0.01483326383929446, relative: 1e-10)
        expectClose(try Self.number(djia, "t"), 0.58606264967120913, relative: 1e-10)
        #expect(djia?["df"] == "114")
        expectClose(try Self.number(djia, "p"), 0.55899197520620858, relative: 1e-10)
        expectClose(try Self.number(djia, "sigma_units"), 0.59365773085959905, relative: 1e-10)

        // SSE, event 5 (2023-05-11), the one significant single event: "SSE.5.*".
        let sse = records.first { $0["event_id"] == "5" && $0["series"] == "SSE" }
        expectClose(try Self.number(sse, "car_percent"), 100 * -0.02793727818393496, relative: 1e-10)
        expectClose(try Self.number(sse, "se_percent"), 100 * 0.01292345205097627, relative: 1e-10)
        expectClose(try Self.number(sse, "t"), -2.1617504420441986, relative: 1e-10)
        expectClose(try Self.number(sse, "p"), 0.032728105526440732, relative: 1e-10)

        // SSE, event 15 (Monday 2023-06-19, a New York holiday): t0 differs between the markets.
        let sse15 = records.first { $0["event_id"] == "15" && $0["series"] == "SSE" }
        let djia15 = records.first { $0["event_id"] == "15" && $0["series"] == "DJIA" }
        #expect(sse15?["event_session"] == "2023-06-19" && djia15?["event_session"] == "2023-06-20")
        expectClose(try Self.number(sse15, "car_percent"), 100 * -0.0044419876651260303, relative: 1e-10)
        expectClose(try Self.number(sse15, "t"), -0.34123405500475673, relative: 1e-10)
    }

    /// The table the issue asks for: a per-event table and a per-tag summary, with stars.
    @Test func tablePrintsEventsAndATagSummary() throws {
        let run = try CLIRunner.run(["study"] + Self.inputs + ["--estimation", "-120:-6", "--group-by", "tag", "--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Event study: constant-mean model (AR = R − mean estimation-window return), simple returns; 15 events × 2 series.")
        // Event 5 in SSE: CAR −2.79% with p = 0.0327 (**), t −2.16, σ units −2.19.
        let event5 = try #require(lines.first { $0.hasPrefix("5 ") && $0.contains(" SSE ") })
        #expect(event5.contains("-2.79%**"))
        #expect(event5.contains("-2.16  0.033  -2.2  ok"))
        // The summary of all SSE events: CAAR −0.64%, cross-sectional t −2.20 (p 0.045), Patell
        // −1.78 (0.075), BMP −2.10 (0.054), Corrado −1.47 (0.141), sign −1.39 (0.164).
        let all = try #require(lines.first { $0.hasPrefix("SSE ") && $0.contains(" all ") })
        for text in ["-0.64%", "-2.20** (0.045)", "-1.78* (0.075)", "-2.10* (0.054)", "-1.47 (0.141)", "-1.39 (0.164)"] {
            #expect(all.contains(text), "\(text) in \(all)")
        }
        // Events tagged "meeting" (4, 5, 8, 15) in SSE: Corrado −2.17 (0.030).
        let meeting = try #require(lines.first { $0.hasPrefix("SSE ") && $0.contains(" meeting ") })
        #expect(meeting.contains("-1.75 (0.179)") && meeting.contains("-2.17** (0.030)"))
        #expect(lines.contains("* p < 0.10, ** p < 0.05, *** p < 0.01 (two-sided). Formulas: docs/STATISTICS.md."))
        // Events 6/7, 9/10 and 12/13 share a session (Derivations/kolari_pynnonen.json, "clustering").
        #expect(lines.contains { $0.hasPrefix("  DJIA: 15 events on 12 event sessions; sharing a session: #6 and #7 (2023-05-22), #9 and #10 (2023-06-06), #12 and #13 (2023-06-08);") })
    }

    // MARK: - Across events

    @Test func summaryMatchesTheIndependentDerivation() throws {
        let run = try CLIRunner.run(["study"] + Self.inputs + ["--estimation", "-120:-6", "--group-by", "tag", "--summary", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try Self.records(run.stdout)
        // 2 series × (all + 10 tags).
        #expect(records.count == 22)
        // expected.txt "SSE.all.*", "SSE.meeting.*", "DJIA.all.*", "DJIA.meeting.*".
        let cases: [(series: String, group: String, values: [String: Double])] = [
            (
                "SSE", "",
                [
                    "caar_percent": -0.63626695335650772, "cross_sectional_t": -2.2046417861153413, "cross_sectional_p": 0.044709486340259376,
                    "patell_z": -1.7805236620880065, "patell_p": 0.074990300421849954, "bmp_t": -2.1012496815881918,
                    "bmp_p": 0.054207663433743065, "corrado_z": -1.4717070347742995, "corrado_p": 0.14110000710991552,
                    "sign_z": -1.3914248878005619, "sign_p": 0.16409662199360775,
                ]
            ),
            (
                "SSE", "meeting",
                [
                    "caar_percent": -1.09124365718971, "cross_sectional_t": -1.7476969057623413, "cross_sectional_p": 0.17884055004237939,
                    "patell_z": -1.6593940109592522, "patell_p": 0.097036422336791037, "bmp_t": -1.732756543448283,
                    "bmp_p": 0.1815604691203786, "corrado_z": -2.1674971304025679, "corrado_p": 0.030196968263958391,
                    "sign_z": -0.73716123651172205, "sign_p": 0.46102430333873112,
                ]
            ),
            (
                "DJIA", "",
                [
                    "caar_percent": -0.30178691757316361, "cross_sectional_t": -0.92644186956355035, "cross_sectional_p": 0.36991232568599658,
                    "patell_z": -0.53807275165706181, "patell_p": 0.5905268232982176, "bmp_t": -0.72385234429869072,
                    "bmp_p": 0.48107767615565739, "corrado_z": -0.6541469440921619, "corrado_p": 0.51301713962621198,
                    "sign_z": -0.7723515912842881, "sign_p": 0.43990621685159137,
                ]
            ),
            (
                "DJIA", "meeting",
                [
                    "caar_percent": -0.17737873615892926, "cross_sectional_t": -0.3024849132187547, "cross_sectional_p": 0.78204231058587426,
                    "patell_z": -0.2555923270384301, "patell_p": 0.79826564379160003, "bmp_t": -0.32836282410620365,
                    "bmp_p": 0.76422149865743039, "corrado_z": -0.823685901377473, "corrado_p": 0.41011805233178611,
                    "sign_z": -0.078320854627131231, "sign_p": 0.93757282882256066,
                ]
            ),
        ]
        for item in cases {
            let record = try #require(records.first { $0["series"] == item.series && $0["group"] == item.group })
            #expect(record["grouping"] == (item.group.isEmpty ? "all" : "tag"))
            #expect(record["n"] == (item.group.isEmpty ? "15" : "4"))
            for (key, value) in item.values {
                expectClose(try Self.number(record, key), value, relative: 1e-9)
            }
        }
    }

    // MARK: - Market model

    /// DJIA on the S&P 500 (Yahoo layout, six-decimal float32 closes as written): event 11,
    /// expected.txt "DJIA.mm.11.*" (OLS by numpy's lstsq, checked against scipy's linregress).
    @Test func marketModelOnTheSP500() throws {
        let run = try CLIRunner.run(
            [
                "study", "--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "--benchmark", "SP500=fixtures/sp500.csv",
                "--estimation", "-120:-6", "--format", "csv",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try Self.records(run.stdout)
        #expect(records.allSatisfy { $0["model"] == "market-model" && $0["dropped_benchmark"] == "0" })
        let djia = records.first { $0["event_id"] == "11" }
        expectClose(try Self.number(djia, "alpha_percent"), 100 * -0.00061324984242193783, relative: 1e-9)
        expectClose(try Self.number(djia, "beta"), 0.79101186138818724, relative: 1e-10)
        expectClose(try Self.number(djia, "ar_percent_t0"), 100 * 0.0063611248623452292, relative: 1e-10)
        expectClose(try Self.number(djia, "car_percent"), 100 * 0.0061487058260003584, relative: 1e-10)
        expectClose(try Self.number(djia, "sigma_percent"), 100 * 0.0032615655509319213, relative: 1e-10)
        expectClose(try Self.number(djia, "se_percent"), 100 * 0.0057232743336194337, relative: 1e-10)
        expectClose(try Self.number(djia, "t"), 1.0743335838161507, relative: 1e-10)
        #expect(djia?["df"] == "113")
        expectClose(try Self.number(djia, "p"), 0.28496190948375594, relative: 1e-10)
        expectClose(try Self.number(djia, "sigma_units"), 1.0884211610570893, relative: 1e-10)
    }

    // MARK: - Statuses through the command

    /// With the default estimation window -250:-11 the fixtures (from 2022-06-01) are too short for
    /// the early events: event 1 (t0 2022-12-07, 131 DJIA sessions before it) has 120 of the 240
    /// returns; nothing is shortened, and the hint names the windows that fit.
    @Test func defaultEstimationWindowRunsOffTheFixtures() throws {
        let run = try CLIRunner.run(["study"] + Self.inputs + ["--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains(
                "#1 DJIA: estimation-off-data — the estimation window asks for 240 returns but only 120 of them are in the data, which start 2022-06-01; it is never shortened to fit"
            ))
        #expect(
            run.stdout.contains(
                "The longest estimation windows ending at -11 that fit every event: DJIA -130:-11 (120 sessions); SSE -127:-11 (117 sessions, below the minimum of 120: add --min-estimation 117)."
            ))
        // The windows it suggests work: every DJIA event is measured with -130:-11.
        let suggested = try CLIRunner.run(["study", "--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "--estimation", "-130:-11", "--format", "csv"])
        #expect(try Self.records(suggested.stdout).allSatisfy { $0["status"] == "ok" && $0["estimation_returns"] == "120" })
    }

    /// The S&P 500 file without its 2023-06-07 row. Event 11 (t0 2023-06-07) and every event whose
    /// window -1:1 has a return from or to that date (9 and 10 at t0 06-06, 12 and 13 at 06-08, 14
    /// at 06-09) get `benchmark-missing`. Event 15 (DJIA t0 2023-06-20, estimation t0−120 … t0−6 =
    /// … 2023-06-09) loses the returns of 06-07 and 06-08: 113 of 115, shown in "left out".
    @Test func aBenchmarkMissingASessionGivesStatusesAndCounts() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try String(contentsOfFile: CLIRunner.fixture("fixtures/sp500.csv"), encoding: .utf8)
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("2023-06-07,") }
        #expect(lines.count == full.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        let benchmark = try CLI.write(lines.joined(separator: "\n"), named: "sp500.csv", in: folder)
        let arguments = [
            "study", "--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "--benchmark", benchmark, "--estimation", "-120:-6",
            "--min-estimation", "100",
        ]
        let csv = try CLIRunner.run(arguments + ["--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let records = try Self.records(csv.stdout)
        let missing = records.filter { $0["status"] == "benchmark-missing" }.compactMap { $0["event_id"] }
        #expect(missing == ["9", "10", "11", "12", "13", "14"])
        let event11 = records.first { $0["event_id"] == "11" }
        #expect(event11?["explanation"] == "the benchmark has no close on 2023-06-07, which the event window needs")
        #expect(event11?["car_percent"] == "")
        let event15 = records.first { $0["event_id"] == "15" }
        #expect(event15?["status"] == "ok" && event15?["dropped_benchmark"] == "2" && event15?["estimation_returns"] == "113")
        let table = try CLIRunner.run(arguments + ["--format", "table"])
        let header = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("event ") })
        #expect(header.contains("left out"))
        #expect(table.stdout.contains("#11 DJIA: benchmark-missing — the benchmark has no close on 2023-06-07, which the event window needs"))
    }

    /// --clean on the DJIA: event 15 (t0 2023-06-20, estimation sessions 2022-12-23 … 2023-06-09)
    /// loses the sessions inside the other events' -1:1 windows, counted by hand from the fixture's
    /// sessions: 02-02, 02-03, 02-06 (event 2); 03-09, 03-10, 03-13 (3); 05-05, 05-08, 05-09 (4);
    /// 05-10, 05-11, 05-12 (5); 05-19, 05-22, 05-23 (6, 7); 05-24, 05-25, 05-26 (8); 06-05 … 06-09,
    /// five sessions (9 to 14): 23 in all, leaving 115 − 23 = 92.
    @Test func cleanEstimationWindowsThroughTheCommand() throws {
        let run = try CLIRunner.run(
            ["study", "--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "--estimation", "-120:-6", "--clean", "--min-estimation", "80", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let event15 = try Self.records(run.stdout).first { $0["event_id"] == "15" }
        #expect(event15?["estimation_first"] == "2022-12-23" && event15?["estimation_last"] == "2023-06-09")
        #expect(event15?["dropped_clean"] == "23" && event15?["estimation_returns"] == "92" && event15?["status"] == "ok")
    }

    @Test func jsonHasTheDesignResultsAndSummary() throws {
        let run = try CLIRunner.run(["study"] + Self.inputs + ["--estimation", "-120:-6", "--bhar", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let design = try #require(object["design"] as? [String: Any])
        #expect(design["model"] as? String == "mean" && design["estimation"] as? String == "-120:-6")
        #expect(design["min_estimation_returns"] as? Double == 115)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 30)
        let first = try #require(results.first { $0["event_id"] as? String == "11" && $0["series"] as? String == "DJIA" })
        expectClose(first["car_percent"] as? Double, 0.86932219089290441, relative: 1e-12)
        let sessions = try #require(first["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["date"] as? String } == ["2023-06-06", "2023-06-07", "2023-06-08"])
        expectClose(sessions.compactMap { $0["se_cumulative_percent"] as? Double }, [0.84911025334415829, 1.2059880911882655, 1.483326383929446], relative: 1e-12)
        #expect(first["bhar_percent"] is Double)
        let summary = try #require(object["summary"] as? [[String: Any]])
        #expect(summary.count == 2)
    }

    // MARK: - Usage

    @Test(arguments: [
        (["--model", "market-model"], "needs a benchmark series"),
        (["--benchmark", "fixtures/sp500.csv", "--model", "mean"], "does not use a benchmark"),
        (["--estimation", "-5:0"], "must end before the event window"),
        (["--model", "capm"], "--model takes raw, mean, market or market-model"),
        (["--returns", "pct"], "--returns takes simple or log"),
        (["--group-by", "title"], "--group-by takes tag or all"),
        (["--window", "0:0", "--window", "0:1"], "--window is given more than once"),
        (["--min-estimation", "many"], "--min-estimation takes a whole number"),
        (["--bhar", "--returns", "log"], "--bhar compounds simple returns"),
    ])
    func usageErrors(extra: [String], message: String) throws {
        let run = try CLIRunner.run(["study"] + Self.inputs + extra)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func refusesToWriteOverAnInputAndWritesAtomically() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prices = try CLI.write(String(contentsOfFile: CLIRunner.fixture("fixtures/djia.csv"), encoding: .utf8), named: "djia.csv", in: folder)
        let refused = try CLIRunner.run(["study", "--events", "fixtures/events-2023.csv", prices, "-o", prices])
        #expect(refused.status == 1 && refused.stderr.contains("refusing to write over the input file"))
        let out = folder.appendingPathComponent("study.md").path
        let written = try CLIRunner.run(["study", "--events", "fixtures/events-2023.csv", prices, "--estimation", "-120:-6", "-o", out])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        #expect(markdown.contains("| event | date | title |"))
        #expect(markdown.contains("Across events:"))
    }
}
