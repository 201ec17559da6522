import Foundation
import Testing
@testable import MarketLink

/// `mlink chart` end to end on the bundled fixtures, against reviewed golden files. To
/// regenerate them after an intended change, run
///
///     MARKETLINK_UPDATE_GOLDEN=1 swift test --filter ChartCommandTests
///
/// and look at them (see `Golden/README.md`) before committing.
@Suite struct ChartCommandTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    enum Golden: String, CaseIterable, Sendable {
        /// A weekday event, a Saturday event and Juneteenth (different t0 per market), rebased.
        case aroundRebased = "around-rebased.svg"
        /// One event, each series' closes in its own chart.
        case aroundCloses = "around-closes.svg"
        /// May–June 2023, rebased (the default for two series), every event in the range marked, with its key.
        case range = "range.svg"
        /// The same range without events: the rebased range chart, coordinates derived in
        /// `Charts/Derivations/range_rebased.py`.
        case rangeRebased = "range-rebased.svg"
        /// The same range as small multiples: each series in its own closes, on the same dates.
        case rangeMultiples = "range-multiples.svg"

        var arguments: [String] {
            switch self {
            case .aroundRebased: return ChartCommandTests.inputs + ["--rebase", "--event", "6", "--event", "11", "--event", "15"]
            case .aroundCloses:
                return ChartCommandTests.inputs + ["--no-rebase", "--event", "11", "--window", "-2:2", "--width", "640", "--height", "280"]
            case .range: return ChartCommandTests.inputs + ["--from", "2023-05-01", "--to", "2023-06-30"]
            case .rangeRebased: return ["fixtures/djia.csv", "SSE=fixtures/sse.csv", "--from", "2023-05-01", "--to", "2023-06-30"]
            case .rangeMultiples: return ChartCommandTests.inputs + ["--from", "2023-05-01", "--to", "2023-06-30", "--layout", "multiples"]
            }
        }
    }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func chart(_ arguments: [String], inputs: [String] = inputs) throws -> String {
        let outcome = try CLIRunner.run(["chart"] + inputs + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout
    }

    @Test(arguments: Golden.allCases)
    func matchesGoldenFileAndIsWellFormed(_ golden: Golden) throws {
        let svg = try Self.chart(golden.arguments, inputs: [])
        let parsed = ParsedXML(svg)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        let url = Self.goldenDirectory.appendingPathComponent(golden.rawValue)
        if ProcessInfo.processInfo.environment["MARKETLINK_UPDATE_GOLDEN"] == "1" {
            try svg.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard svg != expected else { return }
        let lines = svg.split(separator: "\n", omittingEmptySubsequences: false)
        let goldenLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(lines, goldenLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(lines.count, goldenLines.count)
        Issue.record(
            """
            \(golden.rawValue) differs from the golden file at line \(line + 1):
              golden:   \(line < goldenLines.count ? String(goldenLines[line]) : "<end>")
              rendered: \(line < lines.count ? String(lines[line]) : "<end>")
            """)
    }

    @Test(arguments: Golden.allCases)
    func twoRunsGiveTheSameBytes(_ golden: Golden) throws {
        #expect(try Self.chart(golden.arguments, inputs: []) == Self.chart(golden.arguments, inputs: []))
    }

    @Test func twoSeriesAreRebasedByDefaultAndLevelsWhenAsked() throws {
        // Around events and over a range alike: without a flag, as with --rebase.
        #expect(try Self.chart(["--event", "11"]) == Self.chart(["--event", "11", "--rebase"]))
        #expect(try Self.chart(["--from", "2023-06-01", "--to", "2023-06-09"]) == Self.chart(["--from", "2023-06-01", "--to", "2023-06-09", "--rebase"]))
        let levels = ParsedXML(try Self.chart(["--from", "2023-06-01", "--to", "2023-06-09", "--no-rebase"]))
        #expect(levels.all("text").contains { $0.text == "Close" })
        #expect(levels.all("title").contains { $0.text == "DJIA, Thu 2023-06-08: 33,833.61" })
        // One series keeps its closes unless asked.
        let one = try CLIRunner.run(["chart", "fixtures/djia.csv", "--from", "2023-06-01", "--to", "2023-06-09"])
        #expect(one.stdout.contains("<title>DJIA, Thu 2023-06-08: 33,833.61</title>"))
    }

    /// The rebased range chart's lines, tick labels and plot box are where the independent
    /// layout of `Charts/Derivations/range_rebased.py` puts them (its output is
    /// `range-rebased-expected.txt`).
    @Test func rebasedRangeGoldenHasTheDerivedCoordinates() throws {
        let golden = try String(
            contentsOf: Self.goldenDirectory.appendingPathComponent(Golden.rangeRebased.rawValue), encoding: .utf8)
        let derived = try String(
            contentsOf: Self.goldenDirectory.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Charts/Derivations/range-rebased-expected.txt"), encoding: .utf8)
        let lines = derived.split(separator: "\n").map(String.init)
        let paths = lines.filter { $0.hasPrefix("line ") }
        #expect(paths.count == 2)
        for path in paths {
            let d = try #require(path.components(separatedBy: ": ").last)
            #expect(golden.contains("<path " + d + " fill=\"none\""), "\(path.prefix(40))")
        }
        let ticks = try #require(lines.first { $0.hasPrefix("ticks: ") }).dropFirst(7).split(separator: " ")
        let texts = ParsedXML(golden).all("text").map(\.text)
        #expect(ticks.allSatisfy { texts.contains(String($0)) })
        let plot = try #require(lines.first { $0.hasPrefix("plot: ") }).dropFirst(6).split(separator: " ").map(String.init)
        // The x axis runs along the plot's bottom from its left to its right edge.
        #expect(golden.contains("<line x1=\"\(plot[0])\" y1=\"\(plot[3])\" x2=\"\(plot[1])\" y2=\"\(plot[3])\""))
        #expect(texts.contains("Index, first session = 100"))
        // Rebased values at the ends (first = 100 on each line's first session), in the tooltips.
        #expect(golden.contains("<title>DJIA, Mon 2023-05-01: 100.00 (34,051.70)</title>"))
        #expect(golden.contains("<title>SSE, Thu 2023-05-04: 100.00 ("))
        #expect(lines.contains { $0.hasPrefix("first DJIA: 2023-05-01 100.00; last DJIA: 2023-06-30 101.05") })
        #expect(golden.contains("<title>DJIA, Fri 2023-06-30: 101.05 ("))
        #expect(golden.contains("<title>SSE, Fri 2023-06-30: 95.57 ("))
    }

    @Test func goldenChartsShowTheFixtureNumbers() throws {
        // Derivations/fixture-numbers.md: event 11, DJIA rebased at t0−6 = 2023-05-30 in the
        // −5:5 chart, so check the closes in brackets and the weekday names of the tooltips.
        let around = try String(
            contentsOf: Self.goldenDirectory.appendingPathComponent(Golden.aroundRebased.rawValue), encoding: .utf8)
        #expect(around.contains("DJIA, Thu 2023-06-08: "))
        #expect(around.contains(" (33,833.61)</title>"))
        #expect(around.contains("Event date (Saturday)"))
        #expect(around.contains("Event session (DJIA)") && around.contains("Event session (SSE)"))
        let closes = try String(
            contentsOf: Self.goldenDirectory.appendingPathComponent(Golden.aroundCloses.rawValue), encoding: .utf8)
        #expect(closes.contains("<title>DJIA, Tue 2023-06-06: 33,573.28</title>"))
        #expect(closes.contains("<title>SSE, Thu 2023-06-08: 3,213.59</title>"))
        let range = try String(contentsOf: Self.goldenDirectory.appendingPathComponent(Golden.range.rawValue), encoding: .utf8)
        #expect(range.contains(">#9, #10</text>"))
        #expect(range.contains(">#15 2023-06-19 Blinken meets Xi Jinping in Beijing</text>"))
    }

    @Test func writesTheFileAtomicallyAndRefusesInputs() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("around.svg").path
        let run = try CLIRunner.run(["chart"] + Self.inputs + ["--event", "11", "--rebase", "-o", out])
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.chart(["--event", "11", "--rebase"]))
        let copy = try CLI.write("DATE,DJIA\n2023-06-06,33573.28\n2023-06-07,33665.02\n", named: "in.svg", in: folder)
        let refused = try CLIRunner.run(["chart", "--events", "fixtures/events-2023.csv", copy, "-o", copy])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("refusing to write over the input file"))
    }

    @Test(arguments: [
        (["--from", "2023-05-01"], "a range chart needs both --from and --to"),
        (["--from", "2023-05-01", "--to", "2023-06-01", "--window", "0:1"], "--window is for charts around events"),
        (["--event", "404"], "no event has the id \"404\""),
        (["-o", "chart.png"], "chart writes SVG"),
        (["--window", "3:1"], "runs backwards"),
        (["--width", "wide"], "--width takes a whole number"),
        (["--rebase", "--no-rebase"], "--rebase and --no-rebase cannot both be given"),
        (["--layout", "grid"], "--layout takes overlay or multiples"),
    ])
    func refusesBadRequests(arguments: [String], message: String) throws {
        let outcome = try CLIRunner.run(["chart"] + Self.inputs + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test func aRangeChartNeedsNoEventsFile() throws {
        let outcome = try CLIRunner.run(["chart", "fixtures/djia.csv", "--from", "2023-06-01", "--to", "2023-06-09"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(ParsedXML(outcome.stdout).isWellFormed)
        #expect(outcome.stdout.contains("<title>DJIA, June 1–9, 2023</title>"))
    }

    @Test func hostileTitleIsEscapedInTheSVG() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try CLI.write(
            "date,title\n2023-06-07,\"<script>alert(1)</script> & \"\"quotes\"\"\"\n", named: "events.csv", in: folder)
        for mode in [["--rebase"], ["--from", "2023-06-01", "--to", "2023-06-09"]] {
            let outcome = try CLIRunner.run(["chart", "--events", events, "fixtures/djia.csv", "SSE=fixtures/sse.csv"] + mode)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(!outcome.stdout.contains("<script"))
            #expect(outcome.stdout.contains(ReportFixtures.hostileEscaped))
            let parsed = ParsedXML(outcome.stdout)
            #expect(parsed.isWellFormed)
            #expect(parsed.all("text").contains { $0.text.contains(ReportFixtures.hostile) })
        }
    }
}
