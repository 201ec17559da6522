import Foundation
import Testing
@testable import MarketLink

/// `mlink correlate` end to end on the fixtures. Expected numbers: `Derivations/derive_study.py`
/// (scipy.stats.pearsonr and spearmanr on moves computed from the fixture CSVs), kept in
/// `Derivations/expected.txt` under "correlate".
@Suite struct CorrelateCommandTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    @Test func csvMatchesTheIndependentDerivation() throws {
        let run = try CLIRunner.run(["correlate"] + Self.inputs + ["--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try StudyCommandTests.records(run.stdout)
        #expect(records.map { [$0["x"], $0["y"]] } == [["DJIA", "SSE"], ["score", "DJIA"], ["score", "SSE"]])
        #expect(records.allSatisfy { $0["window"] == "-1:1" && $0["n"] == "15" })
        let expected: [(x: String, y: String, r: Double, rp: Double, rho: Double, rhop: Double)] = [
            ("DJIA", "SSE", 0.57251881429939022, 0.025715153432084005, 0.61579892280071802, 0.014521165241661829),
            ("score", "DJIA", 0.34379271731871414, 0.20959923743305067, 0.31683283825712361, 0.24990288735887045),
            ("score", "SSE", 0.31074996067556027, 0.25960980131233319, 0.33843507722920019, 0.21725627696738792),
        ]
        for item in expected {
            let record = records.first { $0["x"] == item.x && $0["y"] == item.y }
            expectClose(try StudyCommandTests.number(record, "pearson_r"), item.r, relative: 1e-10)
            expectClose(try StudyCommandTests.number(record, "pearson_p"), item.rp, relative: 1e-10)
            expectClose(try StudyCommandTests.number(record, "spearman_rho"), item.rho, relative: 1e-10)
            expectClose(try StudyCommandTests.number(record, "spearman_p"), item.rhop, relative: 1e-10)
        }
        // The daily baseline: 126 returns on common dates from the first base date (2022-12-05,
        // event 1's t0−2) to the last end date (2023-06-21, event 15's t0+1 in New York).
        let pair = records[0]
        #expect(pair["daily_n"] == "126" && pair["daily_from"] == "2022-12-05" && pair["daily_to"] == "2023-06-21")
        expectClose(try StudyCommandTests.number(pair, "daily_pearson_r"), 0.010389953812148425, relative: 1e-9)
        expectClose(try StudyCommandTests.number(pair, "daily_pearson_p"), 0.9080744020752729, relative: 1e-10)
        expectClose(try StudyCommandTests.number(pair, "daily_spearman_rho"), 0.054158230221222355, relative: 1e-10)
        expectClose(try StudyCommandTests.number(pair, "daily_spearman_p"), 0.54696899386083186, relative: 1e-10)
        #expect(records[1]["daily_n"] == "")
    }

    @Test func tablePrintsRRhoPAndN() throws {
        let run = try CLIRunner.run(["correlate"] + Self.inputs + ["--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("x ") })
        for column in ["n", "r", "p", "ρ", "daily n", "daily r", "daily ρ", "period"] {
            #expect(header.contains(column))
        }
        // r = 0.5725 (p 0.0257, **), ρ = 0.6158 (p 0.0145, **), n 15; daily r 0.0104 over 126 days.
        let pair = try #require(lines.first { $0.hasPrefix("DJIA ") })
        #expect(pair.contains("15  +0.573**  0.026  +0.616**  0.015      126   +0.010  0.908   +0.054  0.547  2022-12-05 – 2023-06-21"))
        let score = try #require(lines.first { $0.hasPrefix("score  DJIA") })
        #expect(score.contains("15    +0.344  0.210    +0.317  0.250"))
        #expect(lines.contains("* p < 0.10, ** p < 0.05, *** p < 0.01 (two-sided). Formulas: docs/STATISTICS.md."))
    }

    @Test func jsonAndMarkdown() throws {
        let json = try CLIRunner.run(["correlate"] + Self.inputs + ["--window", "0:0", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["window"] as? String == "0:0")
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        let moves = try #require(pairs.first?["moves"] as? [String: Any])
        #expect(moves["n"] as? Double == 15)
        #expect((moves["pearson"] as? [String: Any])?["df"] as? Double == 13)
        let markdown = try CLIRunner.run(["correlate"] + Self.inputs + ["--format", "md"])
        #expect(markdown.stdout.contains("| x | y | n | r | p | ρ | p |"))
    }

    /// Fewer than three events with a move: no coefficient, shown as —, and n says why.
    @Test func tooFewEventsGiveNoCoefficient() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try CLI.write("date,title,score\n2023-06-07,a,0.5\n2023-06-08,b,-0.5\n", named: "events.csv", in: folder)
        let run = try CLIRunner.run(["correlate", "--events", events, "fixtures/djia.csv", "SSE=fixtures/sse.csv", "--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        let pair = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("DJIA ") })
        #expect(pair.contains(" 2  —"))
    }
}
