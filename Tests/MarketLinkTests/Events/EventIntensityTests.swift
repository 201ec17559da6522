import Foundation
import Testing

@testable import MarketLink

/// `mlink events intensity` and the series it writes: the counts per day of
/// fixtures/events-2023.csv, counted by hand from the file, and the series loading in `correlate`
/// and `chart` — r and n against Derivations/intensity_correlation.py (Python, from the files).
@Suite struct EventIntensityTests {
    /// The non-zero days of fixtures/events-2023.csv, counted by hand from its 15 rows: two events
    /// on 06-06 (scores 0.5 and −0.4, sum 0.1) and on 06-08 (0.5 and 0.2, sum 0.7), one on each
    /// other date.
    static let busyDays: [String: (count: Int, sum: String)] = [
        "2022-12-07": (1, "-0.2"), "2023-02-03": (1, "-0.8"), "2023-03-10": (1, "-0.1"), "2023-05-08": (1, "0.4"),
        "2023-05-11": (1, "0.5"), "2023-05-20": (1, "-0.4"), "2023-05-21": (1, "-0.6"), "2023-05-25": (1, "0.4"),
        "2023-06-06": (2, "0.1"), "2023-06-07": (1, "0.3"), "2023-06-08": (2, "0.7"), "2023-06-09": (1, "0.1"),
        "2023-06-19": (1, "0.8"),
    ]

    func intensityFile(_ folder: URL, _ extra: [String] = ["--from", "2022-12-01", "--to", "2023-06-30"]) throws -> String {
        let path = folder.appendingPathComponent("intensity.csv").path
        let outcome = try CLI.run(["events", "intensity", CLI.fixture("fixtures/events-2023.csv"), "-o", path] + extra)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return path
    }

    @Test func countsPerDay() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (extra, first, days) in [([], "2022-12-07", 195), (["--from", "2022-12-01", "--to", "2023-06-30"], "2022-12-01", 212)] {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: try intensityFile(folder, extra))), as: UTF8.self)
            var lines = text.split(separator: "\n").map(String.init)
            #expect(lines.removeFirst() == "date,count,score_sum")
            // 2022-12-07 … 2023-06-19: 25 + 31 + 28 + 31 + 30 + 31 + 19 days; 2022-12-01 … 2023-06-30: 31 + 31 + 28 + 31 + 30 + 31 + 30.
            #expect(lines.count == days)
            #expect(lines.first?.hasPrefix(first) == true)
            for line in lines {
                let cells = line.split(separator: ",").map(String.init)
                if let busy = Self.busyDays[cells[0]] {
                    #expect(cells == [cells[0], String(busy.count), busy.sum])
                } else {
                    #expect(cells == [cells[0], "0", "0"])
                }
            }
            #expect(lines.count { !$0.hasSuffix(",0,0") } == Self.busyDays.count)
        }
    }

    /// `correlate --events events-2023.csv intensity.csv djia.csv`: the count's moves (in points)
    /// against the Dow's (in percent) over window -1:1, same-date, and the daily baseline, as the
    /// derivation computes them: events #10 and #13 repeat the sessions of #9 and #12 and count
    /// once, so n = 13, r = −0.11953409664062611 (every event: n = 15, r = −0.2001868730441128);
    /// daily n = 135, r = −0.08578696517144166 over 2022-12-05 … 2023-06-21.
    @Test func loadsInCorrelate() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try intensityFile(folder)
        let outcome = try CLI.run(["correlate", "--events", CLI.fixture("fixtures/events-2023.csv"), path, CLI.fixture("fixtures/djia.csv"), "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        let pair = try #require(
            pairs.first { $0["x"] as? String == "count" && $0["y"] as? String == "DJIA" && $0["pairing"] as? String == "same-date" })
        let moves = try #require(pair["moves"] as? [String: Any])
        let daily = try #require(pair["daily"] as? [String: Any])
        #expect(moves["n"] as? Int == 13 && pair["merged"] as? Int == 2)
        let r = try #require((moves["pearson"] as? [String: Any])?["coefficient"] as? Double)
        #expect(abs(r - -0.11953409664062611) < 1e-12)
        // Each event's moves: the count's in points (event 11: 2.0, from the derivation), the Dow's in percent.
        let paired = try #require(pair["paired_moves"] as? [[String: Any]])
        let eleven = try #require(paired.first { $0["event_id"] as? String == "11" })
        #expect((eleven["x"] as? [String: Any])?["points"] as? Double == 2 && (eleven["x"] as? [String: Any])?["percent"] == nil)
        #expect((eleven["y"] as? [String: Any])?["percent"] is Double)
        #expect(daily["n"] as? Int == 135)
        let dailyR = try #require((daily["pearson"] as? [String: Any])?["coefficient"] as? Double)
        #expect(abs(dailyR - -0.08578696517144166) < 1e-12)
        #expect(pair["daily_from"] as? String == "2022-12-05")
        #expect(pair["daily_to"] as? String == "2023-06-21")
        let table = try CLI.run(["correlate", "--events", CLI.fixture("fixtures/events-2023.csv"), path, CLI.fixture("fixtures/djia.csv"), "--format", "table"])
        #expect(table.stdout.contains("count, score_sum: tallies of events, measured in points"))
    }

    /// `chart intensity.csv --from 2023-06-01 --to 2023-06-20`: one line per column, 20 points
    /// each; the count line's heights are the day counts (0 but 2, 1, 2, 1 on June 6–9 and 1 on June 19).
    @Test func loadsInChart() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try intensityFile(folder)
        let svg = folder.appendingPathComponent("chart.svg").path
        let outcome = try CLI.run(["chart", path, "--from", "2023-06-01", "--to", "2023-06-20", "-o", svg])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: svg)), as: UTF8.self)
        #expect(text.contains(">count</text>") && text.contains(">score_sum</text>"))
        // The data lines are the paths with 20 points (the legend's are 2).
        let paths = text.components(separatedBy: "<path d=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        let lines = paths.map { $0.split(separator: " ").filter { !$0.hasPrefix("M") && !$0.hasPrefix("L") } }.filter { $0.count == 20 }
        try #require(lines.count == 2)
        let heights = lines[0].compactMap { Double($0) }
        let zero = try #require(heights.max())
        let one = zero - (heights.first { $0 < zero && $0 > heights.min() ?? 0 } ?? zero)
        let counts = heights.map { Int(((zero - $0) / one).rounded()) }
        #expect(counts == [0, 0, 0, 0, 0, 2, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
    }

    /// `study` models returns, which a tally of events (0 on most days) has not: usage error.
    @Test func studyRefusesATally() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try intensityFile(folder)
        let outcome = try CLI.run(["study", "--events", CLI.fixture("fixtures/events-2023.csv"), path])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("mlink study: error: \"count\" is a tally of events"), "\(outcome.stderr)")
    }

    // MARK: The library

    static func events(_ rows: [(String, [String], Double?)]) -> [Event] {
        rows.enumerated().map { k, row in Event(id: String(k + 1), title: "e", date: Day(iso: row.0) ?? Day(ordinal: 0), tags: row.1, score: row.2) }
    }

    /// By tag and by score, on four events counted by hand.
    @Test func splits() {
        let events = Self.events([
            ("2023-01-02", ["diplomacy", "visit"], 0.5), ("2023-01-02", ["Diplomacy"], -0.25), ("2023-01-04", ["trade"], nil),
            ("2023-01-04", [], 0),
        ])
        let byTag = EventIntensity(events: events, by: .tag)
        #expect(byTag.columns == ["count", "score_sum", "diplomacy_count", "visit_count", "trade_count"])
        #expect(byTag.days.map(\.iso) == ["2023-01-02", "2023-01-03", "2023-01-04"])
        #expect(
            String(decoding: byTag.csv(), as: UTF8.self) == """
                date,count,score_sum,diplomacy_count,visit_count,trade_count
                2023-01-02,2,0.25,2,1,0
                2023-01-03,0,0,0,0,0
                2023-01-04,2,0,0,0,1

                """)
        let byScore = EventIntensity(events: events, by: .score)
        #expect(
            String(decoding: byScore.csv(), as: UTF8.self) == """
                date,count,score_sum,positive_count,negative_count
                2023-01-02,2,0.25,1,1
                2023-01-03,0,0,0,0
                2023-01-04,2,0,0,0

                """)
        #expect(EventIntensity(events: []).csv() == Array("date,count,score_sum\n".utf8))
        // A range cuts events outside it and pads days without any.
        let ranged = EventIntensity(events: events, from: Day(iso: "2023-01-03"), to: Day(iso: "2023-01-05"))
        #expect(String(decoding: ranged.csv(), as: UTF8.self) == "date,count,score_sum\n2023-01-03,0,0\n2023-01-04,2,0\n2023-01-05,0,0\n")
    }

    /// A move from a day with no events: 1 point, no percent (there is none against 0) — in the
    /// table and the CSV (an empty cell and the `no-percent` status, DESIGN §1: "a percent against a
    /// base at or below zero gets a status instead of a number") and the sentence (no "or …%").
    @Test func noPercentAgainstZero() throws {
        let file = try PriceFile.load(bytes: Array("date,count,score_sum\n2023-01-02,0,0\n2023-01-03,1,0.5\n".utf8), file: "i.csv")
        let events = Self.events([("2023-01-03", [], nil)])
        let table = ChangeTable(events: events, series: [file.series[0]], windows: [try #require(EventWindow(start: 0, end: 0))])
        let row = try #require(table.rows.first)
        #expect(row.points == 1)
        #expect(row.percent == nil)
        #expect(row.logReturn == nil)
        let csv = String(decoding: table.csv(), as: UTF8.self).split(separator: "\n")
        #expect(csv.count == 2)
        #expect(row.status == .noPercent)
        #expect(csv[1].contains(",2023-01-02,0,2023-01-03,1,1,,no-percent,"), "\(csv[1])")
        #expect(table.textTable().render().hasSuffix("  +1  no-percent\n"))
        #expect(table.sentence(row) == "count rose 1 point to 1 on Tuesday (January 3, 2023).")
    }

    /// Tally columns (name ending in count or sum) read zero and negative values; a price column
    /// still refuses them.
    @Test func talliesLoadWherePricesWouldNot() throws {
        let file = try PriceFile.load(bytes: Array("date,count,score_sum\n2023-01-02,0,-0.5\n2023-01-03,2,0\n".utf8), file: "i.csv")
        #expect(file.series.map(\.name) == ["count", "score_sum"])
        #expect(file.series.map(\.isTally) == [true, true])
        #expect(file.series[1].closes == [-0.5, 0])
        #expect(file.notes.contains { $0.contains("read as tallies") })
        #expect(throws: MarketLinkError.self) {
            try PriceFile.load(bytes: Array("date,DJIA,count\n2023-01-02,0,1\n".utf8), file: "w.csv")
        }
        let prices = try PriceFile.load(bytes: Array("Date,Close\n2023-01-02,3.5\n".utf8), file: "p.csv")
        #expect(prices.series.first?.isTally == false)
        for name in ["count", "Score Sum", "diplomacy_count", "SUM"] { #expect(PriceColumns.isTally(name), "\(name)") }
        for name in ["Close", "counter", "checksum", "DJIA", "accounts"] { #expect(!PriceColumns.isTally(name), "\(name)") }
    }
}
