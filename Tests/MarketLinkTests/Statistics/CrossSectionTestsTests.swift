import Testing
@testable import MarketLink

/// Data set B of Derivations/derive_expected.py: five events, k = 2, estimation windows of
/// 8, 10, 12, 9 and 11 sessions, SE and ν given.
enum CrossSectionData {
    static let inputs: [(event: [Double], estimation: [Double], se: Double, df: Int)] = [
        ([0.012, 0.004], [0.003, -0.006, 0.001, 0.008, -0.002, -0.004, 0.005, -0.001], 0.011, 6),
        ([-0.003, 0.009], [0.002, 0.004, -0.007, 0.000, 0.006, -0.003, 0.001, -0.005, 0.007, -0.002], 0.009, 8),
        (
            [0.015, -0.002], [-0.004, 0.002, 0.006, -0.001, 0.003, -0.008, 0.004, 0.002, -0.006, 0.005, 0.001, -0.003],
            0.014, 10
        ),
        ([0.001, 0.006], [0.005, -0.002, -0.006, 0.004, 0.001, -0.003, 0.002, 0.000, -0.001], 0.007, 7),
        (
            [-0.008, 0.011], [0.006, -0.005, 0.002, -0.001, 0.004, -0.007, 0.003, 0.001, -0.002, 0.005, -0.004],
            0.012, 9
        ),
    ]

    static func events() throws -> [CrossSectionEvent] {
        try inputs.map { input in
            try #require(
                CrossSectionEvent(
                    car: input.event.reduce(0, +), standardError: input.se, degreesOfFreedom: input.df,
                    abnormalReturns: input.event, estimationAbnormalReturns: input.estimation))
        }
    }
}

@Suite struct CrossSectionTestsTests {
    @Test func caarAndAverageAbnormalReturns() throws {
        let tests = try #require(CrossSectionTests(events: try CrossSectionData.events()))
        #expect(tests.n == 5)
        expectClose(tests.caar, 0.009)
        expectClose(tests.averageAbnormalReturns, [0.0034, 0.0056])
    }

    @Test func crossSectionalT() throws {
        // scipy.stats.ttest_1samp on the five CARs.
        let test = try #require(CrossSectionTests(events: try CrossSectionData.events())?.crossSectionalT)
        expectClose(test.statistic, 3.7696851746252591)
        expectClose(test.pValue, 0.019609807060280423)
        #expect(test.degreesOfFreedom == 4)
        #expect(test.n == 5)
    }

    @Test func patellZ() throws {
        // Σ SCAR / √(Σ ν/(ν−2)) in numpy; by hand the SCARs are 0.016/0.011, 0.006/0.009,
        // 0.013/0.014, 0.007/0.007 = 1, 0.003/0.012 = 0.25.
        let test = try #require(CrossSectionTests(events: try CrossSectionData.events())?.patellZ)
        expectClose(test.statistic, 1.652657311015292)
        expectClose(test.pValue, 0.098400627048060588)
        #expect(test.degreesOfFreedom == nil)
        #expect(test.n == 5)
    }

    @Test func bmpT() throws {
        // scipy.stats.ttest_1samp on the five SCARs.
        let test = try #require(CrossSectionTests(events: try CrossSectionData.events())?.bmpT)
        expectClose(test.statistic, 4.3344236929369142)
        expectClose(test.pValue, 0.012306789709841103)
        #expect(test.degreesOfFreedom == 4)
    }

    @Test func corradoMultiDayWithUnequalEstimationWindows() throws {
        // numpy/scipy.stats.rankdata implementation of the same formula (Derivations).
        let test = try #require(CrossSectionTests(events: try CrossSectionData.events())?.corradoRank)
        expectClose(test.statistic, 1.4888795074884675)
        expectClose(test.pValue, 0.1365191007290123)
        #expect(test.n == 5)
    }

    @Test func corradoSingleDayMatchesCorrado1989() throws {
        // Data set C: equal lengths, k = 1, ties. Expected from Corrado's own form with raw ranks,
        // (1/N)Σ(K_i0 − (T+1)/2) / S(K), computed in numpy: 2.1308544156137326.
        let inputs: [([Double], [Double])] = [
            ([0.009], [0.001, -0.002, 0.004, 0.001, -0.003, 0.002]),
            ([0.002], [0.003, 0.002, -0.004, 0.005, -0.001, 0.000]),
            ([0.006], [-0.002, 0.006, 0.001, -0.005, 0.003, -0.001]),
        ]
        let events = try inputs.map { event, estimation in
            try #require(
                CrossSectionEvent(
                    car: event[0], standardError: 0.003, degreesOfFreedom: 5,
                    abnormalReturns: event, estimationAbnormalReturns: estimation))
        }
        let test = try #require(CrossSectionTests(events: events)?.corradoRank)
        expectClose(test.statistic, 2.1308544156137326)
        expectClose(test.pValue, 0.033101137774043977)
    }

    @Test func generalizedSign() throws {
        // By hand: all five CARs are positive, w = 5; positive estimation ARs 4/8, 5/10, 7/12, 4/9,
        // 5/11, so p̂ = 0.51464646…; numpy gives Z = (5 − 5p̂)/√(5p̂(1−p̂)).
        let test = try #require(CrossSectionTests(events: try CrossSectionData.events())?.generalizedSign)
        expectClose(test.statistic, 2.1714988514898166)
        expectClose(test.pValue, 0.029893483874643606)
        #expect(test.n == 5)
    }

    @Test func smallAndDegenerateCrossSections() throws {
        #expect(CrossSectionTests(events: []) == nil)
        let one = try #require(CrossSectionTests(events: [try CrossSectionData.events()[0]]))
        #expect(one.n == 1)
        #expect(one.crossSectionalT == nil)  // no N − 1 degree of freedom
        #expect(one.bmpT == nil)
        #expect(one.patellZ != nil)
        // Patell leaves out an event with ν ≤ 2, whose t has no finite variance.
        let events = try CrossSectionData.events()
        let lowDF = try #require(
            CrossSectionEvent(
                car: 0.01, standardError: 0.01, degreesOfFreedom: 2,
                abnormalReturns: [0.004, 0.006], estimationAbnormalReturns: [0.01, -0.01, 0.002, -0.003]))
        let tests = try #require(CrossSectionTests(events: events + [lowDF]))
        #expect(tests.patellZ?.n == 5)
        #expect(tests.crossSectionalT?.n == 6)
        // Windows of different lengths: no AAR series and no rank test.
        let longer = try #require(
            CrossSectionEvent(
                car: 0.01, standardError: 0.01, degreesOfFreedom: 8,
                abnormalReturns: [0.004, 0.003, 0.003], estimationAbnormalReturns: [0.01, -0.01, 0.002]))
        let mixed = try #require(CrossSectionTests(events: events + [longer]))
        #expect(mixed.corradoRank == nil)
        #expect(mixed.averageAbnormalReturns == nil)
        #expect(mixed.generalizedSign != nil)
    }

    @Test func invalidEventsAreRefused() {
        #expect(
            CrossSectionEvent(
                car: 0.01, standardError: 0, degreesOfFreedom: 8, abnormalReturns: [0.01],
                estimationAbnormalReturns: [0.01]) == nil)
        #expect(
            CrossSectionEvent(
                car: .nan, standardError: 0.01, degreesOfFreedom: 8, abnormalReturns: [0.01],
                estimationAbnormalReturns: [0.01]) == nil)
        #expect(
            CrossSectionEvent(
                car: 0.01, standardError: 0.01, degreesOfFreedom: 8, abnormalReturns: [],
                estimationAbnormalReturns: [0.01]) == nil)
    }

    @Test func builtFromAnEventResult() throws {
        let result = EventData.run(.marketModel)
        let event = try #require(CrossSectionEvent(result))
        expectClose(event.car, 0.020540760869565217)
        expectClose(event.standardError, 0.0044015166368887668)
        expectClose(event.standardizedCAR, 4.6667461614059809)
        #expect(event.degreesOfFreedom == 8)
        #expect(CrossSectionEvent(EventData.run(.mean, minimum: 120)) == nil)
    }
}
