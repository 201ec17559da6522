import Testing
@testable import MarketLink

/// Data set A of Derivations/derive_expected.py: L = 10 estimation returns, k = 3 event returns,
/// with the benchmark's returns on the same sessions.
enum EventData {
    static let benchmarkEstimation = [0.010, -0.004, 0.006, -0.012, 0.003, 0.008, -0.002, 0.005, -0.007, 0.001]
    static let estimation = [0.013, -0.002, 0.004, -0.015, 0.006, 0.009, -0.005, 0.007, -0.006, 0.000]
    static let benchmarkEvent = [0.004, -0.009, 0.011]
    static let event = [0.012, -0.004, 0.020]

    static func run(_ model: NormalReturnModel, minimum: Int = 10) -> EventAbnormalReturns {
        model.abnormalReturns(
            estimation: estimation, event: event,
            estimationBenchmark: benchmarkEstimation, eventBenchmark: benchmarkEvent,
            minimumEstimationReturns: minimum, buyAndHold: true)
    }
}

/// Expected numbers for one model, from Derivations/expected.txt. The variances there are
/// 1′V1 with V = σ̂²[I + X*(X′X)⁻¹X*′] computed by matrix algebra in numpy, not the closed forms.
struct ModelCase: CustomTestStringConvertible, Sendable {
    var model: NormalReturnModel
    var alpha: Double
    var beta: Double
    var abnormalReturns: [Double]
    var car: Double
    var sigma: Double
    var variance: Double
    var standardError: Double
    var t: Double
    var p: Double
    var degreesOfFreedom: Int
    var sigmaUnits: Double
    var cumulativeStandardErrors: [Double]
    var bhar: Double
    var testDescription: String { model.rawValue }
}

@Suite struct NormalReturnModelTests {
    static let cases: [ModelCase] = [
        ModelCase(
            model: .marketModel, alpha: 0.00017572463768115987, beta: 1.1553442028985506,
            abnormalReturns: [0.0072028985507246379, 0.0062223731884057942, 0.0071154891304347854],
            car: 0.020540760869565217, sigma: 0.0022204556874986106,
            variance: 1.9373348704808602e-05, standardError: 0.0044015166368887668,
            t: 4.6667461614059809, p: 0.0016092958708971933, degreesOfFreedom: 8,
            sigmaUnits: 5.3408919097876071,
            cumulativeStandardErrors: [0.0023532518917669673, 0.0035098945433507892, 0.0044015166368887668],
            bhar: 0.020771372431062973),
        ModelCase(
            model: .mean, alpha: 0.0011000000000000001, beta: 0,
            abnormalReturns: [0.0109, -0.0051000000000000004, 0.0189],
            car: 0.0247, sigma: 0.0083592928993891438,
            variance: 0.00027252333333333326, standardError: 0.016508280750378981,
            t: 1.4962187991280049, p: 0.16881465188531999, degreesOfFreedom: 9,
            sigmaUnits: 1.7059519053370948,
            cumulativeStandardErrors: [0.0087673003573252549, 0.012950160874161627, 0.016508280750378981],
            bhar: 0.024807408668999775),
        ModelCase(
            model: .raw, alpha: 0, beta: 0,
            abnormalReturns: [0.012, -0.004, 0.02],
            car: 0.028, sigma: 0.0083592928993891438,
            variance: 0.0002096333333333333, standardError: 0.014478720017091749,
            t: 1.9338726052404311, p: 0.085142134592471233, degreesOfFreedom: 9,
            sigmaUnits: 1.9338726052404314,
            cumulativeStandardErrors: [0.0083592928993891438, 0.01182182539016524, 0.014478720017091749],
            bhar: 0.028111039999999976),
        ModelCase(
            model: .market, alpha: 0, beta: 1,
            abnormalReturns: [0.008, 0.005, 0.009],
            car: 0.022, sigma: 0.0023593784492248514,
            variance: 1.6699999999999996e-05, standardError: 0.0040865633483405097,
            t: 5.3834966265563606, p: 0.0004424628807374847, degreesOfFreedom: 9,
            sigmaUnits: 5.3834966265563615,
            cumulativeStandardErrors: [0.0023593784492248514, 0.0033366650016645859, 0.0040865633483405097],
            bhar: 0.022202436000000159),
    ]

    @Test(arguments: cases)
    func exactCARVariance(_ c: ModelCase) throws {
        let result = EventData.run(c.model)
        #expect(result.status == .ok)
        #expect(result.estimationCount == 10)
        #expect(result.eventCount == 3)
        let fit = try #require(result.fit)
        let inference = try #require(result.inference)
        // Values near 1e-3 after subtracting nearly equal returns: compare absolutely too.
        expectClose(fit.alpha, c.alpha, absolute: 1e-15)
        expectClose(fit.beta, c.beta, absolute: 1e-15)
        expectClose(fit.abnormalReturns, c.abnormalReturns, absolute: 1e-15)
        expectClose(fit.car, c.car)
        expectClose(fit.bhar, c.bhar, relative: 1e-9)
        expectClose(inference.sigma, c.sigma)
        expectClose(inference.carVariance, c.variance)
        expectClose(inference.standardError, c.standardError)
        expectClose(inference.t, c.t)
        expectClose(inference.pValue, c.p)
        #expect(inference.degreesOfFreedom == c.degreesOfFreedom)
        expectClose(inference.sigmaUnits, c.sigmaUnits)
        expectClose(inference.cumulativeStandardErrors, c.cumulativeStandardErrors)
        #expect(fit.estimationAbnormalReturns.count == 10)
    }

    @Test func marketModelResidualsAreTheEstimationAbnormalReturns() throws {
        // numpy: r − α̂ − β̂·r_m over the estimation window (Derivations/expected.txt).
        let fit = try #require(EventData.run(.marketModel).fit)
        expectClose(
            fit.estimationAbnormalReturns,
            [
                0.0012708333333333339, 0.0024456521739130424, -0.003107789855072463, -0.0013115942028985531,
                0.0023582427536231886, -0.00041847826086956544, -0.0028650362318840589, 0.0010475543478260874,
                0.0019116847826086934, -0.0013310688405797104,
            ], absolute: 1e-15)
    }

    @Test func marketModelVarianceByHand() throws {
        // The closed form written out once from the fitted numbers, as a reader would check it:
        // σ̂²·[k + k²/L + (Σ(R_m,τ − R̄_m))²/S_mm] with R̄_m = 0.0008, S_mm = Σ(R_m,t − R̄_m)²,
        // Σ_τ(R_m,τ − R̄_m) = 0.004 − 0.009 + 0.011 − 3·0.0008 = 0.0036.
        let rm = EventData.benchmarkEstimation
        let meanRm = rm.reduce(0, +) / 10
        let smm = rm.reduce(0) { $0 + ($1 - meanRm) * ($1 - meanRm) }
        expectClose(meanRm, 0.0008, relative: 1e-12)
        let bracket = 3 + 9.0 / 10 + 0.0036 * 0.0036 / smm
        let inference = try #require(EventData.run(.marketModel).inference)
        expectClose(inference.carVariance, 4.9304234601449276e-06 * bracket, relative: 1e-9)
    }

    // MARK: - Statuses

    @Test func estimationWindowTooShort() {
        let result = EventData.run(.mean, minimum: 120)
        #expect(result.status == .tooFewEstimationReturns(count: 10, minimum: 120))
        #expect(result.status.name == "too-few-estimation-returns")
        #expect(result.status.explanation == "the estimation window has 10 returns, fewer than the 120 required")
        #expect(result.fit == nil)
        #expect(result.inference == nil)
    }

    @Test func modelMinimumOverridesAUserMinimumBelowIt() {
        let result = NormalReturnModel.marketModel.abnormalReturns(
            estimation: [0.01, 0.02], event: [0.01],
            estimationBenchmark: [0.01, 0.03], eventBenchmark: [0.0], minimumEstimationReturns: 0)
        #expect(result.status == .tooFewEstimationReturns(count: 2, minimum: 3))
    }

    @Test(arguments: NormalReturnModel.allCases)
    func constantStretchHasZeroVariance(model: NormalReturnModel) throws {
        // Closes unchanged for the whole estimation window: every return is 0, and so is the
        // benchmark's, except that the market model needs a moving benchmark to get as far as σ̂.
        let flat = [Double](repeating: 0, count: 20)
        let benchmark = model == .marketModel ? (0..<20).map { Double($0 % 5) * 0.001 - 0.002 } : flat
        let result = model.abnormalReturns(
            estimation: flat, event: [0.01, -0.005],
            estimationBenchmark: benchmark, eventBenchmark: [0.0, 0.0], minimumEstimationReturns: 20)
        #expect(result.status == .zeroVariance)
        #expect(!result.status.explanation.isEmpty)
        let fit = try #require(result.fit)
        expectClose(fit.car, 0.005, relative: 1e-12)
        #expect(result.inference == nil)
    }

    @Test func seriesEqualToItsBenchmarkHasZeroVarianceWhenMarketAdjusted() {
        let result = NormalReturnModel.market.abnormalReturns(
            estimation: EventData.estimation, event: EventData.event,
            estimationBenchmark: EventData.estimation, eventBenchmark: EventData.benchmarkEvent,
            minimumEstimationReturns: 10)
        #expect(result.status == .zeroVariance)
    }

    @Test func constantBenchmarkIsDegenerate() {
        let result = NormalReturnModel.marketModel.abnormalReturns(
            estimation: EventData.estimation, event: EventData.event,
            estimationBenchmark: [Double](repeating: 0.002, count: 10), eventBenchmark: EventData.benchmarkEvent,
            minimumEstimationReturns: 10)
        #expect(result.status == .degenerateBenchmark)
        #expect(result.status.name == "degenerate-benchmark")
        #expect(result.fit == nil)
    }

    @Test func benchmarkProblems() {
        let missing = NormalReturnModel.marketModel.abnormalReturns(
            estimation: EventData.estimation, event: EventData.event, minimumEstimationReturns: 10)
        #expect(missing.status == .missingBenchmark)
        // A benchmark that lacks a session the series has: 9 benchmark returns for 10.
        let short = NormalReturnModel.market.abnormalReturns(
            estimation: EventData.estimation, event: EventData.event,
            estimationBenchmark: Array(EventData.benchmarkEstimation.dropLast()),
            eventBenchmark: EventData.benchmarkEvent, minimumEstimationReturns: 10)
        #expect(short.status == .benchmarkLengthMismatch(window: .estimation, returns: 10, benchmark: 9))
        #expect(
            short.status.explanation
                == "the estimation window has 10 returns but 9 benchmark returns; "
                + "series and benchmark must be matched on common sessions")
        // Models without a benchmark ignore one.
        #expect(EventData.run(.mean).status == .ok)
    }

    @Test func nonFiniteAndEmptyInputs() {
        var estimation = EventData.estimation
        estimation[3] = .infinity
        let infinite = NormalReturnModel.mean.abnormalReturns(
            estimation: estimation, event: EventData.event, minimumEstimationReturns: 10)
        #expect(infinite.status == .nonFiniteReturn(window: .estimation))
        let nan = NormalReturnModel.raw.abnormalReturns(
            estimation: EventData.estimation, event: [0.01, .nan], minimumEstimationReturns: 10)
        #expect(nan.status == .nonFiniteReturn(window: .event))
        let empty = NormalReturnModel.raw.abnormalReturns(
            estimation: EventData.estimation, event: [], minimumEstimationReturns: 10)
        #expect(empty.status == .emptyEventWindow)
    }

    @Test func buyAndHoldOnlyOnRequest() throws {
        let result = NormalReturnModel.raw.abnormalReturns(
            estimation: EventData.estimation, event: EventData.event, minimumEstimationReturns: 10)
        #expect(try #require(result.fit).bhar == nil)
    }

    @Test func modelNames() {
        #expect(NormalReturnModel(rawValue: "market-model") == .marketModel)
        #expect(NormalReturnModel.allCases.map(\.rawValue) == ["raw", "mean", "market", "market-model"])
    }
}
