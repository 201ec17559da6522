import Foundation
import Testing
@testable import MarketLink

/// The glue from series and events to the engine, on small series built in code. Every expected
/// number is worked out by hand in the comments (session indexes count weekdays from 2023-01-02).
@Suite struct EventStudyTests {
    static func design(
        window: (Int, Int) = (-1, 1), estimation: (Int, Int), minimum: Int? = nil, model: NormalReturnModel = .mean,
        returns: ReturnKind = .simple, clean: Bool = false, buyAndHold: Bool = false
    ) throws -> EventStudyDesign {
        EventStudyDesign(
            window: try #require(EventWindow(start: window.0, end: window.1)),
            estimation: try #require(EventWindow(start: estimation.0, end: estimation.1)),
            minimumEstimationReturns: minimum, model: model, returns: returns, clean: clean, buyAndHold: buyAndHold)
    }

    // MARK: - Windows off the data

    /// 20 sessions (indexes 0…19), event window -1:1, estimation window -12:-3 (10 sessions).
    /// The estimation window's first return, session t0−12, needs the close of t0−13: index 0 at
    /// the earliest, so t0 = 13 is the first event session it fits.
    @Test(arguments: [
        // (t0, expected status): t0 = 12 starts the window at session 0, which has no return; the
        // window's sessions 0…9 hold 9 returns (1…9). t0 = 5: sessions −7…2, returns 1 and 2.
        (13, StudyStatus.ok),
        (12, StudyStatus.estimationOffData(requested: 10, available: 9, firstDay: StudyData.day(0))),
        (5, StudyStatus.estimationOffData(requested: 10, available: 2, firstDay: StudyData.day(0))),
        // The event window's first return (t0−1) needs the close of t0−2.
        (1, StudyStatus.noBase),
        (0, StudyStatus.noBase),
        // The event window's last session t0+1 is index 20, past the data.
        (19, StudyStatus.noEnd),
    ])
    func windowsThatRunOffTheDataGetAStatus(t0: Int, expected: StudyStatus) throws {
        let series = try StudyData.series("X", StudyData.wobbly(20))
        let study = try EventStudy(
            events: [StudyData.event("1", on: t0)], series: [series], design: try Self.design(estimation: (-12, -3), minimum: 5))
        let result = study.result(event: 0, series: 0)
        #expect(result.status == expected)
        #expect(result.eventDay == StudyData.day(t0))
        if expected == .ok {
            #expect(result.estimationCount == 10)
            #expect(result.estimationFirstDay == StudyData.day(1))
            #expect(result.estimationLastDay == StudyData.day(10))
            #expect(result.eventDays == [StudyData.day(12), StudyData.day(13), StudyData.day(14)])
        } else {
            #expect(result.abnormal == nil)
            #expect(result.fit == nil)
        }
    }

    @Test func offDataExplanationSaysWhatIsMissingAndThatNothingIsShortened() throws {
        let status = StudyStatus.estimationOffData(requested: 240, available: 120, firstDay: try #require(Day(iso: "2022-06-01")))
        #expect(status.name == "estimation-off-data")
        #expect(
            status.explanation
                == "the estimation window asks for 240 returns but only 120 of them are in the data, which start 2022-06-01; it is never shortened to fit"
        )
    }

    @Test func eventsOutsideTheDataHaveNoEventSession() throws {
        let series = try StudyData.series("X", StudyData.wobbly(20))
        let before = Event(id: "b", title: "b", date: StudyData.day(0).adding(days: -3))
        let after = Event(id: "a", title: "a", date: StudyData.day(19).adding(days: 3))
        let study = try EventStudy(events: [before, after], series: [series], design: try Self.design(estimation: (-12, -3), minimum: 5))
        #expect(study.result(event: 0, series: 0).status == .noEventSession(.beforeData))
        #expect(study.result(event: 1, series: 0).status == .noEventSession(.afterData))
        #expect(study.result(event: 0, series: 0).status.name == "before-data")
    }

    // MARK: - A constant stretch: σ = 0

    /// Closes 100 at sessions 0…11, then 101, 103, 103.5. Event at t0 = 12, window 0:1,
    /// estimation -10:-1 (sessions 2…11, every return 0). Mean model: μ̂ = 0 and σ̂ = 0, so the
    /// abnormal returns are the returns, AR₀ = 101/100 − 1 = 0.01 and AR₁ = 103/101 − 1 = 2/101 =
    /// 0.019801980198019802, CAR = 0.029801980198019802, and there is no SE, t or p.
    @Test func aConstantStretchGivesZeroVarianceWithTheCARButNoTest() throws {
        let series = try StudyData.series("Flat", Array(repeating: 100, count: 12) + [101, 103, 103.5])
        let study = try EventStudy(
            events: [StudyData.event("1", on: 12)], series: [series],
            design: try Self.design(window: (0, 1), estimation: (-10, -1), minimum: 10))
        let result = study.result(event: 0, series: 0)
        #expect(result.status == .computed(.zeroVariance))
        #expect(result.status.name == "zero-variance")
        #expect(result.explanation.contains("σ = 0"))
        let fit = try #require(result.fit)
        expectClose(fit.abnormalReturns, [0.01, 0.019801980198019802], relative: 1e-13)
        expectClose(fit.car, 0.029801980198019802, relative: 1e-13)
        #expect(result.inference == nil)
        // Not in the tests across events: it has no standard error.
        let summary = try #require(study.summaries().first)
        #expect(summary.eventCount == 1 && summary.tests == nil && summary.measuredEvents.isEmpty)
    }

    // MARK: - A benchmark with missing sessions

    /// The series' closes at sessions 0…14.
    static let seriesCloses: [Double] = [100, 101, 100.5, 102, 101, 103, 102.5, 104, 108, 110, 109, 111, 110, 112, 113]
    /// The benchmark's closes at sessions 0…14 with session 3 missing (14 values).
    static let benchmarkCloses: [Double] = [500, 503, 501, 506, 504, 507, 505, 500, 505, 502, 508, 506, 509, 510]

    /// Event at t0 = 9, window 0:0, estimation -7:-1 (sessions 2…8). The benchmark lacks session
    /// 3, so the returns of sessions 3 (2→3) and 4 (3→4) have no benchmark return and are left out:
    /// L = 7 − 2 = 5. Market-adjusted AR₀ = (110/108 − 1) − (505/500 − 1)
    /// = 0.018518518518518517 − 0.01 = 0.008518518518518517.
    @Test func estimationSessionsWithoutBenchmarkClosesAreLeftOutAndCounted() throws {
        let series = try StudyData.series("S", Self.seriesCloses)
        let benchmark = try StudyData.series("B", Self.benchmarkCloses, missing: [3])
        let study = try EventStudy(
            events: [StudyData.event("1", on: 9)], series: [series], benchmark: benchmark,
            design: try Self.design(window: (0, 0), estimation: (-7, -1), minimum: 3, model: .market))
        let result = study.result(event: 0, series: 0)
        #expect(result.status == .ok)
        #expect(result.droppedForBenchmark == 2)
        #expect(result.droppedForClean == 0)
        #expect(result.estimationCount == 5)
        expectClose(try #require(result.fit).abnormalReturns, [0.008518518518518517], relative: 1e-12)
    }

    /// The same with a minimum of 6: 5 returns are too few, and the explanation says that 2 were
    /// left out for the benchmark.
    @Test func tooFewAfterLeavingOutSaysWhatWasLeftOut() throws {
        let series = try StudyData.series("S", Self.seriesCloses)
        let benchmark = try StudyData.series("B", Self.benchmarkCloses, missing: [3])
        let study = try EventStudy(
            events: [StudyData.event("1", on: 9)], series: [series], benchmark: benchmark,
            design: try Self.design(window: (0, 0), estimation: (-7, -1), minimum: 6, model: .marketModel))
        let result = study.result(event: 0, series: 0)
        #expect(result.status == .computed(.tooFewEstimationReturns(count: 5, minimum: 6)))
        #expect(
            result.explanation
                == "the estimation window has 5 returns, fewer than the 6 required (2 of the window's sessions were left out: 2 without benchmark closes)"
        )
    }

    /// An event-window return that needs a close the benchmark lacks: the event's t0 = 9 return
    /// runs from session 8 to session 9; without the benchmark's session 9 (or 8) it cannot be
    /// paired, and the status names that date.
    @Test(arguments: [9, 8])
    func aBenchmarkMissingAnEventWindowCloseGivesAStatus(missing: Int) throws {
        let series = try StudyData.series("S", Self.seriesCloses)
        let closes = Array(Self.benchmarkCloses.prefix(3) + [505.5] + Self.benchmarkCloses.dropFirst(3))
        var kept = closes
        kept.remove(at: missing)
        let benchmark = try StudyData.series("B", kept, missing: [missing])
        let study = try EventStudy(
            events: [StudyData.event("1", on: 9)], series: [series], benchmark: benchmark,
            design: try Self.design(window: (0, 1), estimation: (-7, -1), minimum: 3, model: .marketModel))
        let result = study.result(event: 0, series: 0)
        #expect(result.status == .benchmarkMissing(day: StudyData.day(missing)))
        #expect(result.status.name == "benchmark-missing")
        #expect(result.explanation == "the benchmark has no close on \(StudyData.day(missing).iso), which the event window needs")
        #expect(result.abnormal == nil)
    }

    // MARK: - Clean estimation windows

    /// 30 sessions; events at t0 = 20, 15 and 20 again; window -1:1, estimation -10:-2. With
    /// --clean the event at 20 loses sessions 14, 15, 16 (the window of the event at 15) from its
    /// estimation sessions 10…18: L = 9 − 3 = 6. The twin at 20 has the same window as itself,
    /// which never meets its estimation window. The event at 15 (estimation 5…13) meets no other
    /// window (19…21).
    @Test func cleanLeavesOutOtherEventsWindows() throws {
        let series = try StudyData.series("X", StudyData.wobbly(30))
        let events = [StudyData.event("1", on: 20), StudyData.event("2", on: 15), StudyData.event("3", on: 20)]
        let clean = try EventStudy(events: events, series: [series], design: try Self.design(estimation: (-10, -2), minimum: 3, clean: true))
        #expect(clean.results.map(\.droppedForClean) == [3, 0, 3])
        #expect(clean.results.map(\.estimationCount) == [6, 9, 6])
        let plain = try EventStudy(events: events, series: [series], design: try Self.design(estimation: (-10, -2), minimum: 3))
        #expect(plain.results.map(\.droppedForClean) == [0, 0, 0])
        #expect(plain.results.map(\.estimationCount) == [9, 9, 9])
    }

    // MARK: - The CAR and the change table

    /// With log returns the raw model's CAR over [a, b] is the log move of the change table's
    /// window [a, b]: Σ ln(P_t/P_{t−1}) over t0+a … t0+b = ln(P_{t0+b}/P_{t0+a−1}). With simple
    /// returns its BHAR is the percent move / 100.
    @Test func rawCARWithLogReturnsIsTheChangeTablesLogMove() throws {
        let series = try StudyData.series("X", StudyData.wobbly(20))
        let event = StudyData.event("1", on: 10)
        let window = try #require(EventWindow(start: -1, end: 1))
        let table = ChangeTable(events: [event], series: [series], windows: [window])
        let row = try #require(table.rows.first)
        let logStudy = try EventStudy(
            events: [event], series: [series], design: try Self.design(estimation: (-8, -2), minimum: 3, model: .raw, returns: .log))
        expectClose(try #require(logStudy.result(event: 0, series: 0).fit).car, try #require(row.logReturn), relative: 1e-13)
        let simpleStudy = try EventStudy(
            events: [event], series: [series], design: try Self.design(estimation: (-8, -2), minimum: 3, model: .raw, buyAndHold: true))
        expectClose(try #require(simpleStudy.result(event: 0, series: 0).fit?.bhar), try #require(row.percent) / 100, relative: 1e-12)
    }

    // MARK: - Design

    /// Each impossible design is refused with its own typed reason (the event window is the
    /// default -1:1; -30:-2 holds 29 sessions).
    @Test(
        arguments: [
            (
                "estimation overlaps the window", (-5, 0), nil, NormalReturnModel.mean, false, ReturnKind.simple, false,
                MarketLinkError.Reason.estimationNotBeforeWindow(
                    estimation: EventWindow(uncheckedStart: -5, end: 0), window: EventWindow(uncheckedStart: -1, end: 1))
            ),
            ("model needs a benchmark", (-30, -2), nil, .marketModel, false, .simple, false, .modelNeedsBenchmark(.marketModel)),
            ("market needs a benchmark", (-30, -2), nil, .market, false, .simple, false, .modelNeedsBenchmark(.market)),
            ("benchmark the model ignores", (-30, -2), nil, .mean, true, .simple, false, .modelIgnoresBenchmark(.mean)),
            ("BHAR of log returns", (-30, -2), nil, .mean, false, .log, true, .buyAndHoldWithLogReturns),
            (
                "minimum beyond the window", (-30, -2), 40, .mean, false, .simple, false,
                .minimumEstimationAboveWindow(minimum: 40, estimation: EventWindow(uncheckedStart: -30, end: -2))
            ),
            ("minimum of zero", (-30, -2), 0, .mean, false, .simple, false, .minimumEstimationBelowOne(0)),
        ] as [(String, (Int, Int), Int?, NormalReturnModel, Bool, ReturnKind, Bool, MarketLinkError.Reason)])
    func impossibleDesignsAreUsageErrors(
        name: String, estimation: (Int, Int), minimum: Int?, model: NormalReturnModel, benchmark: Bool, returns: ReturnKind,
        bhar: Bool, reason: MarketLinkError.Reason
    ) throws {
        let design = try Self.design(estimation: estimation, minimum: minimum, model: model, returns: returns, buyAndHold: bhar)
        do throws(MarketLinkError) {
            try design.validate(hasBenchmark: benchmark)
            Issue.record("\(name): accepted")
        } catch {
            #expect(error.kind == .usage, "\(name)")
            #expect(error.reason == reason, "\(name): \(error.message)")
        }
    }

    /// 120 returns by default, or the whole window when it holds fewer (-120:-6 holds 115).
    @Test func theDefaultMinimumIs120OrTheWholeWindow() throws {
        #expect(EventStudyDesign().requiredEstimationReturns == 120)
        #expect(try Self.design(estimation: (-120, -6)).requiredEstimationReturns == 115)
        #expect(try Self.design(estimation: (-120, -6), minimum: 50).requiredEstimationReturns == 50)
        #expect(EventStudyDesign.defaultModel(hasBenchmark: true) == .marketModel)
        #expect(EventStudyDesign.defaultModel(hasBenchmark: false) == .mean)
    }

    // MARK: - Groups

    /// Tags compared without case; an event with two tags counts in both; a tag repeated in one
    /// event counts once; groups after "all" in alphabetical order, named as first written.
    @Test func groupsByTag() throws {
        let series = try StudyData.series("X", StudyData.wobbly(40))
        let events = [
            StudyData.event("1", on: 20, tags: ["b", "a"]), StudyData.event("2", on: 25, tags: ["B"]),
            StudyData.event("3", on: 30, tags: ["a", "a"]), StudyData.event("4", on: 35),
        ]
        let study = try EventStudy(events: events, series: [series], design: try Self.design(estimation: (-15, -2), minimum: 5))
        let summaries = study.summaries(groupBy: .tag)
        #expect(summaries.map(\.group) == [nil, "a", "b"])
        #expect(summaries.map(\.eventCount) == [4, 2, 2])
        #expect(summaries.map(\.measuredEvents) == [[0, 1, 2, 3], [0, 2], [0, 1]])
        #expect(study.summaries(groupBy: .all).map(\.group) == [nil])
    }

    /// Two events with ARs (0.01, 0.02) and (0.03, −0.01). Partial CARs through τ = 0: 0.01 and
    /// 0.03, mean 0.02, s = √(0.01² + 0.01²) = 0.0141421…, SE = s/√2 = 0.01; through τ = 1: 0.03 and
    /// 0.02, mean 0.025, s = √(2·0.005²) = 0.00707…, SE = 0.005. t₀.₉₇₅,₁ = 12.706204736174707
    /// (scipy.stats.t.ppf(0.975, 1)).
    @Test func caarPathHasTheCrossSectionalBand() throws {
        let a = try #require(
            CrossSectionEvent(car: 0.03, standardError: 0.01, degreesOfFreedom: 10, abnormalReturns: [0.01, 0.02], estimationAbnormalReturns: [0.001, -0.001]))
        let b = try #require(
            CrossSectionEvent(car: 0.02, standardError: 0.01, degreesOfFreedom: 10, abnormalReturns: [0.03, -0.01], estimationAbnormalReturns: [0.002, -0.002]))
        let path = EventStudy.caarPath([a, b], window: try #require(EventWindow(start: 0, end: 1)))
        let t = 12.706204736174707
        #expect(path.map(\.offset) == [0, 1])
        expectClose(path.map(\.caar), [0.02, 0.025], relative: 1e-14)
        expectClose(path.compactMap(\.standardError), [0.01, 0.005], relative: 1e-12)
        expectClose(path.compactMap(\.lower), [0.02 - t * 0.01, 0.025 - t * 0.005], relative: 1e-9)
        expectClose(path.compactMap(\.upper), [0.02 + t * 0.01, 0.025 + t * 0.005], relative: 1e-9)
        // One event: no band.
        let single = EventStudy.caarPath([a], window: try #require(EventWindow(start: 0, end: 1)))
        #expect(single.map(\.caar) == [0.01, 0.03] && single.allSatisfy { $0.standardError == nil && $0.lower == nil })
    }

    @Test func resultsRunEventByEventThenSeries() throws {
        let x = try StudyData.series("X", StudyData.wobbly(30))
        let y = try StudyData.series("Y", StudyData.wobbly(30, seed: 4))
        let study = try EventStudy(
            events: [StudyData.event("1", on: 20), StudyData.event("2", on: 25)], series: [x, y],
            design: try Self.design(estimation: (-15, -2), minimum: 5))
        #expect(study.results.map { [$0.event, $0.series] } == [[0, 0], [0, 1], [1, 0], [1, 1]])
    }

    // MARK: - Daily returns for the correlation baseline

    /// A trades on sessions 0…4 (closes 100…104); B on 0, 1, 3, 4, 5 (closes 10…14). Common dates
    /// in 0…4: 0, 1, 3, 4, so three returns each, the second spanning B's missing session 2 in A:
    /// A: 101/100 − 1, 103/101 − 1, 104/103 − 1; B: 11/10 − 1, 12/11 − 1, 13/12 − 1.
    @Test func dailyReturnsAreMatchedOnCommonDates() throws {
        let a = try StudyData.series("A", [100, 101, 102, 103, 104])
        let b = try StudyData.series("B", [10, 11, 12, 13, 14], missing: [2])
        let returns = MarketCorrelation.dailyReturns(a, b, from: StudyData.day(0), to: StudyData.day(4))
        expectClose(returns.first, [0.01, 103.0 / 101.0 - 1, 104.0 / 103.0 - 1], relative: 1e-14)
        expectClose(returns.second, [0.1, 12.0 / 11.0 - 1, 13.0 / 12.0 - 1], relative: 1e-14)
    }

    @Test func fewerThanThreePairsGiveNoCoefficient() {
        let two = MarketCorrelation.Coefficients([1, 2], [3, 5])
        #expect(two.n == 2 && two.pearson == nil && two.spearman == nil)
    }
}
