import Foundation
import Testing
@testable import MarketLink

/// `mlink correlate` end to end on the fixtures. Expected numbers: the pairings from
/// `Derivations/next_close_correlation.py` (the fixture CSVs parsed in Python, sessions, windows,
/// close instants with zoneinfo and every pairing found from the definitions, scipy for the
/// statistics), loaded from the `next_close_correlation.json` it wrote; the score correlations from
/// `Derivations/derive_study.py` (`expected.txt`, "correlate").
@Suite struct CorrelateCommandTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    static func derivation() throws -> [String: Any] { try Derivation.load("next_close_correlation") }

    /// Each row of the default output and where the derivation has its numbers: the moves (shared
    /// sessions counted once) and the daily baseline.
    static let rows: [(x: String, y: String, pairing: String, moves: [String], daily: String, lag: String)] = [
        ("DJIA", "SSE", "same-date", ["same_date", "shared_sessions_once"], "daily_same_date", "0"),
        ("DJIA", "SSE", "next-close", ["next_close_djia_to_sse", "shared_sessions_once"], "daily_lag1_djia_to_sse", "1"),
        ("SSE", "DJIA", "next-close", ["next_close_sse_to_djia", "shared_sessions_once"], "daily_lag1_sse_to_djia", "1"),
    ]

    static func csv(_ extra: [String] = []) throws -> [[String: String]] {
        let run = try CLI.run(["correlate"] + inputs + extra + ["--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        return try StudyCommandTests.records(run.stdout)
    }

    @Test func csvMatchesTheIndependentDerivation() throws {
        let records = try Self.csv()
        #expect(records.map { [$0["x"], $0["y"], $0["pairing"]] } == Self.rows.map { [$0.x, $0.y, $0.pairing] } + [["score", "DJIA", ""], ["score", "SSE", ""]])
        let derivation = try Self.derivation()
        for row in Self.rows {
            let record = try #require(records.first { $0["x"] == row.x && $0["y"] == row.y && $0["pairing"] == row.pairing })
            let moves = try Derivation.value(derivation, row.moves[0], row.moves[1])
            #expect(record["window"] == "-1:1" && record["status"] == "ok" && record["daily_lag"] == row.lag)
            #expect(record["n"] == String(Int(try Derivation.number(moves, "n"))), "\(row)")
            for (column, key) in [("pearson_r", "pearson_r"), ("pearson_p", "pearson_p"), ("spearman_rho", "spearman_rho"), ("spearman_p", "spearman_p")] {
                expectClose(try StudyCommandTests.number(record, column), try Derivation.number(moves, key), relative: 1e-10)
            }
            // Events 7, 10 and 13 repeat the sessions of 6, 9 and 12 and count once.
            let merged = try Derivation.strings(derivation, row.moves[0], "merged_events")
            #expect(record["merged"] == String(merged.count) && record["merged_event_ids"] == merged.joined(separator: ";"))
            #expect(record["merged_as_event_ids"] == "6;9;12")
            let daily = try Derivation.value(derivation, row.daily)
            #expect(record["daily_n"] == String(Int(try Derivation.number(daily, "n"))))
            #expect([record["daily_from"], record["daily_to"]] == (try Derivation.strings(daily, "period")).map { Optional($0) })
            for (column, key) in [
                ("daily_pearson_r", "pearson_r"), ("daily_pearson_p", "pearson_p"), ("daily_spearman_rho", "spearman_rho"),
                ("daily_spearman_p", "spearman_p"),
            ] {
                expectClose(try StudyCommandTests.number(record, column), try Derivation.number(daily, key), relative: 1e-9)
            }
        }
        // Score against each series' move: every event counts (the scores differ where moves repeat).
        let scores: [(y: String, r: Double, rp: Double, rho: Double, rhop: Double)] = [
            ("DJIA", 0.34379271731871414, 0.20959923743305067, 0.31683283825712361, 0.24990288735887045),
            ("SSE", 0.31074996067556027, 0.25960980131233319, 0.33843507722920019, 0.21725627696738792),
        ]
        for item in scores {
            let record = records.first { $0["x"] == "score" && $0["y"] == item.y }
            #expect(record?["n"] == "15" && record?["merged"] == "0" && record?["daily_n"] == "")
            expectClose(try StudyCommandTests.number(record, "pearson_r"), item.r, relative: 1e-10)
            expectClose(try StudyCommandTests.number(record, "pearson_p"), item.rp, relative: 1e-10)
            expectClose(try StudyCommandTests.number(record, "spearman_rho"), item.rho, relative: 1e-10)
            expectClose(try StudyCommandTests.number(record, "spearman_p"), item.rhop, relative: 1e-10)
        }
    }

    /// Every event's pair of moves in the next-close pairing DJIA → SSE, against the derivation:
    /// the DJIA's event session, the SSE session first closing after it, both moves, and whether
    /// the event counts (event 15: DJIA t0 Tuesday 2023-06-20, after Juneteenth, pairs with SSE
    /// 2023-06-21, whose window ends after the Dragon Boat holiday on 06-26).
    @Test func jsonPairsEveryEventWithTheSessionThatClosesNext() throws {
        let run = try CLI.run(["correlate"] + Self.inputs + ["--pairing", "next-close", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["pairings"] as? [String] == ["next-close"])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.map { [$0["x"] as? String, $0["y"] as? String] } == [["DJIA", "SSE"], ["SSE", "DJIA"]])
        let pair = try #require(pairs.first)
        #expect(pair["pairing"] as? String == "next-close" && pair["status"] as? String == "ok" && pair["merged"] as? Double == 3)
        #expect(pair["daily_lag"] as? Double == 1)
        let paired = try #require(pair["paired_moves"] as? [[String: Any]])
        let expected = try #require(try Derivation.value(try Self.derivation(), "next_close_djia_to_sse", "moves") as? [[String: Any]])
        #expect(paired.count == expected.count)
        for (item, move) in zip(paired, expected) {
            let id = try #require(move["id"] as? String)
            #expect(item["event_id"] as? String == id)
            for (side, key) in [("x", "a"), ("y", "b")] {
                let actual = try #require(item[side] as? [String: Any])
                let wanted = try #require(move[key] as? [String: Any])
                #expect(actual["event_session"] as? String == wanted["t0"] as? String, "event \(id) \(side)")
                #expect(actual["base_date"] as? String == wanted["base"] as? String && actual["end_date"] as? String == wanted["end"] as? String)
                expectClose(actual["percent"] as? Double, try Derivation.number(wanted, "percent"), relative: 1e-12)
            }
            let repeats = ["7": "6", "10": "9", "13": "12"]
            #expect(item["counted"] as? Bool == (repeats[id] == nil))
            #expect(item["same_as_event_id"] as? String == repeats[id])
        }
    }

    @Test func tablePrintsEachPairingAndWhatWasMerged() throws {
        let run = try CLI.run(["correlate"] + Self.inputs + ["--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("x ") })
        for column in ["pairing", "n", "merged", "r", "p", "ρ", "daily n", "daily r", "daily ρ", "period"] {
            #expect(header.contains(column))
        }
        // Same date: r 0.4943 (p 0.1023), ρ 0.5245 (p 0.0800, *), n 12, 3 merged; daily r 0.0104 over 126.
        let same = try #require(lines.first { $0.hasPrefix("DJIA ") && $0.contains(" same-date ") })
        #expect(same.contains("12       3    +0.494  0.102    +0.524*  0.080      126     +0.010   0.908     +0.054   0.547  2022-12-05 – 2023-06-21"))
        // Next close DJIA → SSE: r 0.6509 (p 0.0219, **), ρ 0.7133 (p 0.0092, ***); lag-1 daily r 0.3311 (p 0.00015).
        let next = try #require(lines.first { $0.hasPrefix("DJIA ") && $0.contains(" next-close ") })
        #expect(next.contains("12       3  +0.651**  0.022  +0.713***  0.009      126  +0.331***  <0.001  +0.360***  <0.001  2022-12-05 – 2023-06-26"))
        #expect(lines.contains { $0.hasPrefix("SSE    DJIA  next-close  12       3    +0.494  0.102") })
        #expect(
            lines.contains(
                "Counted once, the sessions of an earlier event (DJIA–SSE same-date, DJIA → SSE next-close, SSE → DJIA next-close): "
                    + "#7 as #6, #10 as #9, #13 as #12."))
        let score = try #require(lines.first { $0.hasPrefix("score  DJIA") })
        #expect(score.contains("15            +0.344  0.210     +0.317  0.250"))
        #expect(lines.contains("* p < 0.10, ** p < 0.05, *** p < 0.01 (two-sided). Formulas: docs/STATISTICS.md."))
    }

    @Test(arguments: [("same-date", [["DJIA", "SSE", "same-date"]]), ("next-close", [["DJIA", "SSE", "next-close"], ["SSE", "DJIA", "next-close"]])])
    func pairingChoosesTheRows(_ pairing: String, _ expected: [[String]]) throws {
        let records = try Self.csv(["--pairing", pairing])
        #expect(records.filter { $0["x"] != "score" }.map { [$0["x"] ?? "", $0["y"] ?? "", $0["pairing"] ?? ""] } == expected)
        #expect(records.filter { $0["x"] == "score" }.count == 2)
    }

    @Test func jsonAndMarkdown() throws {
        let json = try CLI.run(["correlate"] + Self.inputs + ["--window", "0:0", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["window"] as? String == "0:0")
        #expect(object["pairings"] as? [String] == ["same-date", "next-close"])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.map { $0["pairing"] as? String } == ["same-date", "next-close", "next-close"])
        let moves = try #require(pairs.first?["moves"] as? [String: Any])
        #expect(moves["n"] as? Double == 12)
        #expect((moves["pearson"] as? [String: Any])?["df"] as? Double == 10)
        let markdown = try CLI.run(["correlate"] + Self.inputs + ["--format", "md"])
        #expect(markdown.stdout.contains("| x | y | pairing | n | merged | r | p | ρ | p |"))
        #expect(markdown.stdout.contains("- Counted once, the sessions of an earlier event ("))
    }

    /// A series whose market is unknown (named X, so no index matches) cannot be paired by
    /// close instants: next-close rows say `no-market`, with no numbers; same-date still works.
    @Test func aSeriesWithoutAMarketGetsAStatusNotAGuess() throws {
        let inputs = ["--events", "fixtures/events-2023.csv", "X=fixtures/djia.csv", "SSE=fixtures/sse.csv"]
        let csv = try CLI.run(["correlate"] + inputs + ["--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let records = try StudyCommandTests.records(csv.stdout)
        let next = records.filter { $0["pairing"] == "next-close" }
        #expect(next.count == 2 && next.allSatisfy { $0["status"] == "no-market" && $0["pearson_r"] == "" && $0["daily_n"] == "0" })
        #expect(records.first { $0["pairing"] == "same-date" }?["status"] == "ok")
        let table = try CLI.run(["correlate"] + inputs + ["--format", "table"])
        #expect(table.stdout.contains("X → SSE next-close: no-market — X has no known market (time zone and close time)"))
        #expect(table.stdout.contains("(name it with --market 'X=NYSE', or 'X=ZONE@HH:MM' for another market)"))
        let json = try CLI.run(["correlate"] + inputs + ["--pairing", "next-close", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["pairs"] as? [[String: Any]])?.first)
        #expect(first["status"] as? String == "no-market" && first["series_without_market"] as? [String] == ["X"])
        // Naming the market makes the pairing the DJIA's.
        let named = try CLI.run(["correlate"] + inputs + ["--market", "X=NYSE", "--pairing", "next-close", "--format", "csv"])
        let row = try #require(try StudyCommandTests.records(named.stdout).first)
        #expect(row["status"] == "ok" && row["n"] == "12")
        expectClose(try StudyCommandTests.number(row, "pearson_r"), 0.6509195095229673, relative: 1e-10)
    }

    /// Fewer than three events with a move: no coefficient, shown as —, and n says why.
    @Test func tooFewEventsGiveNoCoefficient() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try CLI.write("date,title,score\n2023-06-07,a,0.5\n2023-06-08,b,-0.5\n", named: "events.csv", in: folder)
        let run = try CLIRunner.run(["correlate", "--events", events, "fixtures/djia.csv", "SSE=fixtures/sse.csv", "--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        let pair = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("DJIA ") })
        #expect(pair.contains(" 2       0  —"))
    }
}
