import Foundation
import Testing
@testable import MarketLink

/// The adjusted Patell and BMP tests (Kolari & Pynnönen 2010) and the clustering report of
/// `mlink study`. Expected numbers: `Derivations/kolari_pynnonen.py` (numpy and scipy, from the
/// definitions in docs/STATISTICS.md and the fixture CSVs, independently of the Swift code),
/// loaded from the `kolari_pynnonen.json` it wrote.
@Suite struct ClusteredEventsTests {
    static func derivation() throws -> [String: Any] { try Derivation.load("kolari_pynnonen") }

    // MARK: - The hand-checkable case

    /// Six events, mean model, L = 8 and k = 3: each session's estimation returns are a mean plus
    /// a multiple of a row of the 8 × 8 Sylvester–Hadamard matrix, so two different sessions have
    /// r = 0 exactly. `independent`: six sessions, r̄ = 0. `clustered`: sessions s1, s1, s2, s2,
    /// s3, s4, so r₁₂ = r₃₄ = 1 and the other 13 pairs 0: r̄ = 2/15, the BMP factor
    /// √((1 − 2/15)/(1 + 5·2/15)) = √(13/25) and the Patell factor √(1/(1 + 5·2/15)) = √(15/25).
    static func handCheckable(_ name: String) throws -> (tests: CrossSectionTests, expected: Any) {
        let expected = try Derivation.value(try Self.derivation(), "hand_checkable", name)
        let events = try #require(try Derivation.value(expected, "events") as? [[String: Any]])
        let contributions = try events.map { event in
            let estimation = try #require(event["estimation_returns"] as? [Double])
            let window = try #require(event["event_returns"] as? [Double])
            let abnormal = NormalReturnModel.mean.abnormalReturns(estimation: estimation, event: window, minimumEstimationReturns: 8)
            return try #require(CrossSectionEvent(abnormal))
        }
        return (try #require(CrossSectionTests(events: contributions)), expected)
    }

    @Test(arguments: ["independent", "clustered"])
    func handCheckableCaseMatchesTheDerivation(_ name: String) throws {
        let (tests, expected) = try Self.handCheckable(name)
        #expect(tests.n == 6)
        expectClose(tests.averageCrossCorrelation, try Derivation.number(expected, "rbar"), relative: 1e-12, absolute: 1e-15)
        for (actual, key) in [
            (tests.patellZ, "patell"), (tests.adjustedPatellZ, "adjusted_patell"),
        ] {
            expectClose(actual?.statistic, try Derivation.number(expected, key + "_z"), relative: 1e-12)
            expectClose(actual?.pValue, try Derivation.number(expected, key + "_p"), relative: 1e-10)
            #expect(actual?.degreesOfFreedom == nil && actual?.n == 6)
        }
        for (actual, key) in [(tests.bmpT, "bmp"), (tests.adjustedBMPT, "adjusted_bmp")] {
            expectClose(actual?.statistic, try Derivation.number(expected, key + "_t"), relative: 1e-12)
            expectClose(actual?.pValue, try Derivation.number(expected, key + "_p"), relative: 1e-10)
            #expect(actual?.degreesOfFreedom == 5 && actual?.n == 6)
        }
    }

    @Test func withoutClusteringTheAdjustedTestsAreTheUnadjustedOnes() throws {
        let (tests, _) = try Self.handCheckable("independent")
        let rBar = try #require(tests.averageCrossCorrelation)
        #expect(abs(rBar) < 1e-15)
        expectClose(tests.adjustedPatellZ?.statistic, try #require(tests.patellZ?.statistic), relative: 1e-14)
        expectClose(tests.adjustedBMPT?.statistic, try #require(tests.bmpT?.statistic), relative: 1e-14)
    }

    @Test func clusteredFactorsAreTheHandValues() throws {
        let (tests, _) = try Self.handCheckable("clustered")
        expectClose(tests.averageCrossCorrelation, 2.0 / 15.0, relative: 1e-14)
        let patell = try #require(tests.patellZ?.statistic)
        let bmp = try #require(tests.bmpT?.statistic)
        expectClose(tests.adjustedPatellZ?.statistic, patell * (15.0 / 25.0).squareRoot(), relative: 1e-14)
        expectClose(tests.adjustedBMPT?.statistic, bmp * (13.0 / 25.0).squareRoot(), relative: 1e-14)
    }

    /// Unequal estimation windows: every event contributes its last min L_i = 8 estimation
    /// returns, so r̄ is the mean Pearson r of the truncated series. Data set B of
    /// `Statistics/Derivations/derive_expected.py` (L = 8, 10, 12, 9, 11); expected values from
    /// `Statistics/Derivations/average_cross_correlation.py` (numpy, pair by pair), output beside it.
    @Test func unequalWindowsUseTheirCommonLastSessions() throws {
        let tests = try #require(CrossSectionTests(events: try CrossSectionData.events()))
        expectClose(tests.averageCrossCorrelation, 0.1246302070631365, relative: 1e-12)
        expectClose(tests.adjustedPatellZ?.statistic, 1.3500548624096687, relative: 1e-12)
        expectClose(tests.adjustedPatellZ?.pValue, 0.17699838549487212, relative: 1e-10)
        expectClose(tests.adjustedBMPT?.statistic, 3.3128040452566139, relative: 1e-12)
        expectClose(tests.adjustedBMPT?.pValue, 0.029576766834765976, relative: 1e-10)
        #expect(tests.adjustedBMPT?.degreesOfFreedom == 4)
    }

    @Test func oneEventHasNoAverageAndItsPatellIsUnchanged() throws {
        let event = try #require(
            CrossSectionEvent(
                car: 0.02, standardError: 0.01, degreesOfFreedom: 10, abnormalReturns: [0.02], estimationAbnormalReturns: [0.01, -0.01, 0.002]))
        let tests = try #require(CrossSectionTests(events: [event]))
        #expect(tests.averageCrossCorrelation == nil && tests.bmpT == nil && tests.adjustedBMPT == nil)
        #expect(tests.adjustedPatellZ == tests.patellZ)
    }

    // MARK: - The fixtures through `mlink study`

    /// The summary of `mlink study --estimation -120:-6` (mean model, window -1:1) as JSON.
    static func summaries(merging: Bool) throws -> [[String: Any]] {
        let arguments =
            ["study"] + StudyCommandTests.inputs + ["--estimation", "-120:-6", "--summary", "--format", "json"]
            + (merging ? ["--merge-shared-sessions"] : [])
        let run = try CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["design"] as? [String: Any])?["merge_shared_sessions"] as? Bool == merging)
        return try #require(object["summary"] as? [[String: Any]])
    }

    @Test(arguments: [("DJIA", false), ("SSE", false), ("DJIA", true), ("SSE", true)])
    func fixturesMatchTheDerivation(_ series: String, _ merging: Bool) throws {
        let summary = try #require(try Self.summaries(merging: merging).first { $0["series"] as? String == series })
        let expected = try Derivation.value(try Self.derivation(), "fixtures", series, merging ? "shared_sessions_merged" : "all_events")
        let n = try Derivation.number(expected, "n")
        #expect(summary["n"] as? Double == n)
        expectClose(summary["average_cross_correlation"] as? Double, try Derivation.number(expected, "rbar"), relative: 1e-10)
        for (key, statistic) in [
            ("patell", "patell_z"), ("bmp", "bmp_t"), ("adjusted_patell", "adjusted_patell_z"), ("adjusted_bmp", "adjusted_bmp_t"),
        ] {
            let test = try #require(summary[statistic] as? [String: Any], "\(statistic)")
            expectClose(test["statistic"] as? Double, try Derivation.number(expected, statistic), relative: 1e-10)
            expectClose(test["p"] as? Double, try Derivation.number(expected, key + "_p"), relative: 1e-9)
            #expect(test["n"] as? Double == n)
        }
        if merging {
            let used = try #require(summary["measured_event_ids"] as? [String])
            #expect(used == (try Derivation.strings(expected, "events")))
        }
    }

    @Test(arguments: ["DJIA", "SSE"])
    func clusteringMatchesTheDerivation(_ series: String) throws {
        let summary = try #require(try Self.summaries(merging: true).first { $0["series"] as? String == series })
        let expected = try Derivation.value(try Self.derivation(), "fixtures", series, "clustering")
        let clustering = try #require(summary["clustering"] as? [String: Any])
        #expect(clustering["distinct_sessions"] as? Double == (try Derivation.number(expected, "distinct_sessions")))
        #expect(clustering["events_sharing_a_session"] as? Double == (try Derivation.number(expected, "events_sharing_a_session")))
        let shared = try #require(clustering["shared_sessions"] as? [[String: Any]])
        let groups = shared.map { $0["event_ids"] as? [String] ?? [] }
        let expectedGroups = try #require(try Derivation.value(expected, "shared_session_groups") as? [[String]])
        #expect(groups == expectedGroups)
        #expect(clustering["overlapping_window_event_ids"] as? [String] == (try Derivation.strings(expected, "events_with_overlapping_windows")))
        // Merging keeps the first event of each shared session: 7 into 6, 10 into 9, 13 into 12.
        let merged = try #require(summary["merged"] as? [[String: Any]])
        #expect(merged.map { [$0["event_id"] as? String, $0["into_event_id"] as? String] } == [["7", "6"], ["10", "9"], ["13", "12"]])
        #expect(merged.first?["event_session"] as? String == "2023-05-22")
    }

    /// The table, CSV and Markdown say the same: r̄ and both adjusted tests in the summary, the
    /// shared sessions and overlapping windows under it, and what was merged.
    @Test func everyFormatReportsClusteringAndTheAdjustedTests() throws {
        let base = ["study"] + StudyCommandTests.inputs + ["--estimation", "-120:-6", "--summary", "--merge-shared-sessions"]
        let table = try CLI.run(base + ["--format", "table"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("series ") })
        #expect(header.contains("  r̄  ") && header.contains("  adj. Patell Z  ") && header.hasSuffix("  adj. BMP t"))
        // SSE with shared sessions merged: r̄ −0.014, adjusted Patell −1.79 (0.074), adjusted BMP −2.18 (0.052).
        let sse = try #require(lines.first { $0.hasPrefix("SSE ") })
        #expect(sse.hasSuffix("-0.014  -1.79* (0.074)  -2.18* (0.052)"))
        #expect(
            lines.contains(
                "  SSE: 15 events on 12 event sessions; sharing a session: #6 and #7 (2023-05-22), #9 and #10 (2023-06-06), "
                    + "#12 and #13 (2023-06-08); windows overlapping another event's: #9, #10, #11, #12, #13 and #14."))
        #expect(lines.contains("  DJIA: #7 into #6 (2023-05-22), #10 into #9 (2023-06-06), #13 into #12 (2023-06-08)"))

        let csv = try CLI.run(base + ["--format", "csv"])
        let record = try #require(try StudyCommandTests.records(csv.stdout).first { $0["series"] == "SSE" })
        expectClose(try StudyCommandTests.number(record, "adjusted_bmp_t"), -2.1765189896970552, relative: 1e-10)
        #expect(record["distinct_sessions"] == "12" && record["events_sharing_a_session"] == "6" && record["overlapping_window_events"] == "6")
        #expect(record["merged_event_ids"] == "7;10;13" && record["merged_into_event_ids"] == "6;9;12")

        let markdown = try CLI.run(base + ["--format", "md"])
        #expect(markdown.stdout.contains("| r̄ | adj. Patell Z | adj. BMP t |"))
        #expect(markdown.stdout.contains("- SSE: #7 into #6 (2023-05-22), #10 into #9 (2023-06-06), #13 into #12 (2023-06-08)"))
    }

    /// In code: a Saturday event opens on Monday with a Monday event, and a third event two
    /// sessions later has a window (−1:1, reach 2) that overlaps theirs; a fourth far away does not.
    @Test func clusteringOfEventsBuiltInCode() throws {
        let series = try StudyData.series("X", StudyData.wobbly(60))
        let saturday = Event(id: "2", title: "sat", date: StudyData.day(24).adding(days: 1))
        let events = [StudyData.event("1", on: 25), saturday, StudyData.event("3", on: 27), StudyData.event("4", on: 40)]
        let design = EventStudyDesign(
            window: .studyDefault, estimation: try #require(EventWindow(start: -15, end: -2)), minimumEstimationReturns: 5,
            mergeSharedSessions: true)
        let study = try EventStudy(events: events, series: [series], design: design)
        let summary = try #require(study.summaries().first)
        #expect(summary.clustering.sharedSessions.map(\.events) == [[0, 1]])
        #expect(summary.clustering.sharedSessions.first?.day == StudyData.day(25))
        #expect(summary.clustering.distinctSessions == 3 && summary.clustering.eventsSharingASession == 2)
        #expect(summary.clustering.overlappingWindows == [0, 1, 2])
        #expect(summary.merged == [EventStudySummary.Merge(event: 1, representative: 0, day: StudyData.day(25))])
        #expect(summary.measuredEvents == [0, 2, 3] && summary.tests?.n == 3)
        #expect(study.clusteringLines([summary]) == [
            "X: 4 events on 3 event sessions; sharing a session: #1 and #2 (2023-02-06); windows overlapping another event's: #1, #2 and #3."
        ])
    }
}
