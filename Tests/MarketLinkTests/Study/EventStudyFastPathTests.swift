import Foundation
import Testing

@testable import MarketLink

/// The fast path (prefix sums, O(event window) per event) against the direct computation
/// (`DirectEventStudy`: the estimation returns gathered and fitted by the engine), result by
/// result, on seeded random panels built to reach every corner: gaps in the series and in the
/// benchmark, benchmark closes on days the series lacks, clean windows, estimation windows off
/// the data, events before and after the data and on weekends, constant stretches (zero variance,
/// a degenerate benchmark), a zero close (non-finite returns), a series that is almost exactly
/// its benchmark (R² within 1e-8 of 1, where SSR cancels eight digits), and a strong trend (mean
/// return 100 σ, where the variance cancels four). Every model, simple and log returns, BHAR.
///
/// Statuses, dates, counts and df must be equal; every number within 1e-10 relative, where
/// "relative" is to the larger of the two values and the natural size of the quantity: the
/// largest |return| or |AR| of the event for α, ARs, CAR and BHAR (which may be 0 or nearly),
/// 1e-6 for β (a slope of 0 is compared to 1e-16), and that size over SE and σ̂ for t and σ units.
@Suite struct EventStudyFastPathTests {
    /// One random panel: its series, benchmark, events and design.
    struct Scenario: CustomStringConvertible {
        var seed: UInt64
        var series: [Series]
        var benchmark: Series?
        var events: [Event]
        var design: EventStudyDesign
        /// Whether the benchmark has a constant stretch (`degenerate-benchmark`, and nearby windows
        /// whose one moving benchmark return the fit passes through exactly).
        var flatBenchmark: Bool
        var description: String {
            "seed \(seed): \(design.model.rawValue) \(design.returns.rawValue) window \(design.window) estimation \(design.estimation)"
                + " min \(design.minimumEstimationReturns.map(String.init) ?? "default") clean \(design.clean) bhar \(design.buyAndHold)"
        }
    }

    static let seeds: [UInt64] = Array(1...12)

    @Test(arguments: seeds)
    func fastPathEqualsTheDirectComputation(seed: UInt64) throws {
        let scenario = try Self.scenario(seed: seed)
        let study = try EventStudy(events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
        let direct = DirectEventStudy.results(
            events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
        #expect(study.results.count == direct.count)
        var statuses: Set<String> = []
        let prepared = scenario.series.indices.map { study.returns(series: $0) }
        for (fast, reference) in zip(study.results, direct) {
            statuses.insert(reference.status.name)
            let estimation = study.estimationAbnormalReturns(event: fast.event, series: fast.series, returns: prepared[fast.series])
            Self.expectEqual(fast, reference, estimationAbnormalReturns: estimation, scenario: scenario)
        }
        // Every scenario reaches ok (and every status between them, below).
        #expect(statuses.contains("ok"), "\(scenario)")
        // The public form recomputes the same estimation-window abnormal returns.
        if let measured = study.results.first(where: \.status.isOK) {
            #expect(
                study.estimationAbnormalReturns(event: measured.event, series: measured.series)
                    == study.estimationAbnormalReturns(event: measured.event, series: measured.series, returns: prepared[measured.series]))
        }
    }

    /// Together the scenarios reach every status the study can give, so no branch of the fast
    /// path goes unchecked.
    @Test func theScenariosReachEveryStatus() throws {
        var statuses: Set<String> = []
        for seed in Self.seeds {
            let scenario = try Self.scenario(seed: seed)
            let study = try EventStudy(events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
            for result in study.results { statuses.insert(result.status.name) }
        }
        #expect(
            statuses.isSuperset(of: [
                "ok", "before-data", "after-data", "no-base", "no-end", "estimation-off-data", "benchmark-missing",
                "too-few-estimation-returns", "zero-variance", "degenerate-benchmark", "non-finite-return",
            ]), "\(statuses.sorted())")
    }

    /// The CSV (written from the study's store with its own date table) says, row by row, what
    /// the direct computation gives: the same event, series, status and dates, and the CAR and
    /// abnormal returns in percent to its 12 significant digits.
    @Test(arguments: [UInt64(1), 3])
    func csvRowsAreTheDirectResults(seed: UInt64) throws {
        let scenario = try Self.scenario(seed: seed)
        let study = try EventStudy(events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
        let direct = DirectEventStudy.results(
            events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
        let cells = try ChangesCommandTests.cells(String(decoding: study.csv(), as: UTF8.self))
        let header = try #require(cells.first)
        #expect(cells.count == direct.count + 1)
        let arColumns = header.filter { $0.hasPrefix("ar_percent_") }
        #expect(arColumns.count == scenario.design.window.sessionCount)
        for (row, reference) in zip(cells.dropFirst(), direct) {
            let record = Dictionary(uniqueKeysWithValues: zip(header, row))
            #expect(record["event_id"] == scenario.events[reference.event].id)
            #expect(record["series"] == scenario.series[reference.series].name)
            #expect(record["status"] == reference.status.name)
            #expect(record["event_session"] == (reference.eventDay?.iso ?? ""))
            #expect(record["estimation_first"] == (reference.estimationFirstDay?.iso ?? ""))
            #expect(record["estimation_last"] == (reference.estimationLastDay?.iso ?? ""))
            guard let fit = reference.fit else {
                #expect(record["car_percent"] == "")
                continue
            }
            let size = 100 * max(abs(fit.car), fit.abnormalReturns.map(abs).max() ?? 0, 1e-300)
            let car = try #require(record["car_percent"].flatMap(Double.init))
            #expect(abs(car - 100 * fit.car) <= 1e-10 * size, "\(scenario): car \(car) vs \(100 * fit.car)")
            for (column, abnormal) in zip(arColumns, fit.abnormalReturns) {
                let value = try #require(record[column].flatMap(Double.init))
                #expect(abs(value - 100 * abnormal) <= 1e-10 * size, "\(scenario): \(column)")
            }
        }
    }

    /// A series whose sessions span more days than the CSV's date table holds (a first session
    /// in the year 792, the rest in 2023) has its dates written one by one, the same text.
    @Test func csvDatesBeyondTheDateTable() throws {
        let recent = StudyData.weekdays(60)
        let days = [Day(ordinal: -430_000)] + recent
        let far = try #require(Series(name: "FAR", days: days, closes: [100] + StudyData.wobbly(60)))
        let near = try StudyData.series("NEAR", StudyData.wobbly(60, seed: 3))
        #expect(Day(ordinal: -430_000).iso.hasPrefix("0792-"))
        let study = try EventStudy(
            events: [StudyData.event("1", on: 50)], series: [far, near], design: try EventStudyTests.design(estimation: (-30, -2), minimum: 10))
        let cells = try ChangesCommandTests.cells(String(decoding: study.csv(), as: UTF8.self))
        let header = try #require(cells.first)
        let records = cells.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        #expect(records.map { $0["series"] } == ["FAR", "NEAR"])
        // Event day: weekday 50 from 2023-01-02, session 51 of FAR (after its one old session), 50 of NEAR.
        #expect(records.map { $0["event_session"] } == [recent[50].iso, recent[50].iso])
        #expect(records.map { $0["estimation_first"] } == [recent[20].iso, recent[20].iso])
        #expect(records.map { $0["estimation_last"] } == [recent[48].iso, recent[48].iso])
    }

    /// The summaries (which recompute the estimation-window abnormal returns from the prepared
    /// returns) equal those of the direct results' contributions. On panels without a constant
    /// stretch in the benchmark: an estimation window where the benchmark moves on one session
    /// only has a residual that is exactly 0 there, which both computations get as rounding
    /// noise of either sign, and the sign test counts signs.
    @Test(arguments: [UInt64(2), 5, 6, 8])
    func summariesEqualTheDirectOnes(seed: UInt64) throws {
        let scenario = try Self.scenario(seed: seed)
        try #require(!scenario.flatBenchmark)
        let study = try EventStudy(events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
        let direct = DirectEventStudy.results(
            events: scenario.events, series: scenario.series, benchmark: scenario.benchmark, design: scenario.design)
        let summaries = study.summaries()
        #expect(summaries.count == scenario.series.count)
        for summary in summaries {
            let s = summary.series
            let contributions = scenario.events.indices.compactMap { e -> CrossSectionEvent? in
                let result = direct[e * scenario.series.count + s]
                guard result.status.isOK, let abnormal = result.abnormal else { return nil }
                return CrossSectionEvent(abnormal)
            }
            let expected = CrossSectionTests(events: contributions)
            #expect(summary.tests?.n == expected?.n)
            guard let tests = summary.tests, let expected else { continue }
            for (name, a, b) in [
                ("caar", tests.caar, expected.caar),
                ("cross-sectional t", tests.crossSectionalT?.statistic, expected.crossSectionalT?.statistic),
                ("patell", tests.patellZ?.statistic, expected.patellZ?.statistic),
                ("bmp", tests.bmpT?.statistic, expected.bmpT?.statistic),
                ("corrado", tests.corradoRank?.statistic, expected.corradoRank?.statistic),
                ("sign", tests.generalizedSign?.statistic, expected.generalizedSign?.statistic),
            ] as [(String, Double?, Double?)] {
                #expect((a == nil) == (b == nil), "\(name)")
                if let a, let b { #expect(Self.close(a, b, scale: 1e-3), "\(name): \(a) vs \(b) (\(scenario))") }
            }
        }
    }

    // MARK: - Comparison

    static func close(_ a: Double, _ b: Double, scale: Double = 0) -> Bool {
        if a == b { return true }
        return abs(a - b) <= 1e-10 * max(abs(a), abs(b), scale)
    }

    /// Expects `fast` to equal `reference` as the suite's comment says; one expectation per result
    /// that lists every field that differs.
    static func expectEqual(
        _ fast: EventStudyResult, _ reference: EventStudyResult, estimationAbnormalReturns estimationAR: [Double], scenario: Scenario,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let differences = differences(fast, reference, estimationAbnormalReturns: estimationAR)
        #expect(
            differences.isEmpty, "event \(fast.event) series \(fast.series) (\(scenario)): \(differences.joined(separator: "; "))",
            sourceLocation: sourceLocation)
    }

    /// The fields of `fast` that differ from `reference`, each as `name: fast vs reference`.
    static func differences(_ fast: EventStudyResult, _ reference: EventStudyResult, estimationAbnormalReturns estimationAR: [Double]) -> [String] {
        var differences: [String] = []
        func same<T: Equatable>(_ name: String, _ a: T, _ b: T) {
            if a != b { differences.append("\(name): \(a) vs \(b)") }
        }
        same("status", fast.status, reference.status)
        same("explanation", fast.explanation, reference.explanation)
        same("t0", fast.eventSession, reference.eventSession)
        same("t0 date", fast.eventDay, reference.eventDay)
        same("event days", fast.eventDays, reference.eventDays)
        same("event returns", fast.eventReturns, reference.eventReturns)
        same("estimation first", fast.estimationFirstDay, reference.estimationFirstDay)
        same("estimation last", fast.estimationLastDay, reference.estimationLastDay)
        same("dropped for the benchmark", fast.droppedForBenchmark, reference.droppedForBenchmark)
        same("dropped for clean", fast.droppedForClean, reference.droppedForClean)
        same("L", fast.estimationCount, reference.estimationCount)
        same("engine status", fast.abnormal?.status, reference.abnormal?.status)
        same("has a fit", fast.fit == nil, reference.fit == nil)
        same("has inference", fast.inference == nil, reference.inference == nil)
        guard let fit = fast.fit, let expected = reference.fit else { return differences }

        // The natural sizes: the largest |R| and |AR| of the event.
        let size = (fast.eventReturns + expected.estimationAbnormalReturns + fit.abnormalReturns).reduce(0) { max($0, abs($1)) }
        func check(_ name: String, _ a: Double, _ b: Double, scale: Double = 0) {
            if !close(a, b, scale: scale) { differences.append("\(name): \(a) vs \(b)") }
        }
        check("alpha", fit.alpha, expected.alpha, scale: size)
        check("beta", fit.beta, expected.beta, scale: 1e-6)
        check("car", fit.car, expected.car, scale: size)
        same("k", fit.abnormalReturns.count, expected.abnormalReturns.count)
        for (a, b) in zip(fit.abnormalReturns, expected.abnormalReturns) { check("ar", a, b, scale: size) }
        same("estimation ARs", estimationAR.count, expected.estimationAbnormalReturns.count)
        for (a, b) in zip(estimationAR, expected.estimationAbnormalReturns) { check("estimation ar", a, b, scale: size) }
        same("has a BHAR", fit.bhar == nil, expected.bhar == nil)
        if let a = fit.bhar, let b = expected.bhar { check("bhar", a, b, scale: size) }
        guard let inference = fast.inference, let other = reference.inference else { return differences }
        same("df", inference.degreesOfFreedom, other.degreesOfFreedom)
        check("sigma", inference.sigma, other.sigma)
        check("variance", inference.carVariance, other.carVariance)
        check("se", inference.standardError, other.standardError)
        check("t", inference.t, other.t, scale: size / other.standardError)
        check("p", inference.pValue, other.pValue)
        check("sigma units", inference.sigmaUnits, other.sigmaUnits, scale: size / other.sigma)
        same("cumulative SEs", inference.cumulativeStandardErrors.count, other.cumulativeStandardErrors.count)
        for (a, b) in zip(inference.cumulativeStandardErrors, other.cumulativeStandardErrors) { check("cumulative se", a, b) }
        return differences
    }

    // MARK: - Random panels

    /// Weekdays from Monday 2018-01-01 on.
    static func weekdays(_ count: Int) -> [Day] { StudyData.weekdays(count, from: Day(ordinal: 17_532)) }

    static func scenario(seed: UInt64) throws -> Scenario {
        var random = SeededGenerator(seed: seed &* 0x9E37_79B9)
        let calendar = weekdays(random.int(260...420))
        let models: [NormalReturnModel] = [.raw, .mean, .market, .marketModel]
        let model = models[Int(seed) % 4]
        let returns: ReturnKind = random.chance(0.35) ? .log : .simple
        let windows = [(-1, 1), (0, 0), (-2, 3), (0, 5), (-5, 5)]
        let window = random.pick(windows)
        let estimationEnd = window.0 - random.int(1...6)
        let estimationStart = estimationEnd - random.int(25...90)
        let length = estimationEnd - estimationStart + 1
        let clean = random.chance(0.5)
        // The default minimum is the whole window (shorter than 120): only without sessions left out.
        let minimum: Int? = !clean && !model.needsBenchmark && random.chance(0.5) ? nil : random.int(3...(length - 12))
        let design = EventStudyDesign(
            window: try #require(EventWindow(start: window.0, end: window.1)),
            estimation: try #require(EventWindow(start: estimationStart, end: estimationEnd)), minimumEstimationReturns: minimum,
            model: model, returns: returns, clean: clean, buyAndHold: returns == .simple && random.chance(0.5))

        // The benchmark: most weekdays, with gaps, and a constant stretch in some panels.
        var benchmarkDays: [Day] = []
        var benchmarkCloses: [Double] = []
        var level = 1000.0
        let flatBenchmark = seed % 8 == 3 || random.chance(0.3) ? random.int(0...(calendar.count - 120)) : -1
        for (i, day) in calendar.enumerated() where !random.chance(0.02) {
            if !(flatBenchmark...(flatBenchmark + 110)).contains(i) || flatBenchmark < 0 {
                level *= 1 + Double.random(in: -0.012...0.012, using: &random)
            }
            benchmarkDays.append(day)
            benchmarkCloses.append(level)
        }
        let benchmark = Series(name: "INDEX", days: benchmarkDays, closes: benchmarkCloses)
        func benchmarkReturn(_ day: Day, _ previous: Day) -> Double? {
            guard let benchmark, let to = benchmark.close(on: day), let from = benchmark.close(on: previous) else { return nil }
            return to / from - 1
        }

        // 25 series of several kinds.
        var series: [Series] = []
        for s in 0..<25 {
            let kind = s % 6
            let start = random.chance(0.4) ? random.int(0...120) : 0
            var days: [Day] = []
            var closes: [Double] = []
            var close = Double.random(in: 20...500, using: &random)
            let volatility = Double.random(in: 0.004...0.025, using: &random)
            let beta = Double.random(in: -0.5...2.0, using: &random)
            let flat = kind == 3 ? random.int(start...(calendar.count - 100)) : -1
            let zeroAt = kind == 4 && random.chance(0.7) ? random.int(start...(calendar.count - 1)) : -1
            for i in start..<calendar.count where !random.chance(0.03) {
                let day = calendar[i]
                if let previous = days.last {
                    let market = benchmarkReturn(day, previous) ?? 0
                    let noise = Double.random(in: -1...1, using: &random)
                    switch kind {
                    case 1: close *= 1 + beta * market + 1e-4 * volatility * noise  // nearly the benchmark: R² ≈ 1 − 1e-8
                    case 2: close *= 1 + 0.004 + 4e-5 * noise  // a strong trend: mean return 100 σ
                    case 3 where (flat...(flat + 90)).contains(i): break  // a constant stretch
                    default: close *= 1 + beta * market + volatility * noise
                    }
                }
                days.append(day)
                // Prices as written, to 2 decimals, except where the relation to the benchmark or
                // the trend must hold to the last digit.
                closes.append(i == zeroAt ? 0 : kind == 1 || kind == 2 ? close : (close * 100).rounded() / 100)
            }
            series.append(try #require(Series(name: "S\(s)", days: days, closes: closes)))
        }

        // 40 events: calendar days (weekends too) from before the data to after it, some repeated.
        var events: [Event] = []
        for e in 0..<40 {
            let ordinal: Int32
            if e > 0, random.chance(0.1), let last = events.last {
                ordinal = last.date.ordinal
            } else {
                ordinal = calendar[0].ordinal - 20 + Int32(random.int(0...(Int(calendar[calendar.count - 1].ordinal - calendar[0].ordinal) + 40)))
            }
            events.append(Event(id: String(e + 1), title: "event \(e + 1)", date: Day(ordinal: ordinal)))
        }
        return Scenario(
            seed: seed, series: series, benchmark: model.needsBenchmark ? benchmark : nil, events: events, design: design,
            flatBenchmark: model.needsBenchmark && flatBenchmark >= 0)
    }
}
