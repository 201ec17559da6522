// MARK: - One event × series, compactly

/// The outcome of one event in one series, as `EventStudy` stores it: a fixed-size value (88
/// bytes) with no array of its own. The per-session values (the k abnormal returns, then the k
/// cumulative standard errors) live in the study's shared buffer (`StudyStore`), and whatever
/// follows from the series and the design (dates, returns, df, SE, t, σ units) is recomputed
/// when an `EventStudyResult` is made (`EventStudy.result(event:series:)`), by the same
/// arithmetic, so it is the same bits.
struct StudyRow: Sendable, Equatable {
    /// The status, with the engine's outcomes that the study can reach.
    enum Code: UInt8, Sendable {
        case beforeData, afterData, noSession, noMarket, monthOnly
        case noBase, noEnd
        case estimationOffData
        case benchmarkMissing
        case ok, zeroVariance
        case nonFiniteEstimation, nonFiniteEvent
        case tooFewEstimationReturns
        case degenerateBenchmark

        /// Whether the engine ran (the status is `computed`).
        var isComputed: Bool { rawValue >= Code.ok.rawValue }
        /// Whether the abnormal returns and the CAR were computed.
        var hasAbnormalReturns: Bool { self == .ok || self == .zeroVariance }
        /// Whether the event window is in the data (its dates are known).
        var hasEventWindow: Bool { rawValue >= Code.estimationOffData.rawValue }
        /// Whether the estimation window is in the data.
        var hasEstimationWindow: Bool { rawValue >= Code.benchmarkMissing.rawValue }
    }

    var code: Code
    /// t0's index, or −1 without an event session.
    var eventSession: Int32 = -1
    /// L, the estimation returns used (computed statuses); the returns in the data
    /// (`estimationOffData`); the session whose date the benchmark lacks (`benchmarkMissing`).
    var count: Int32 = 0
    /// Estimation sessions left out for the benchmark and for `clean` (computed statuses).
    var droppedForBenchmark: Int32 = 0
    var droppedForClean: Int32 = 0
    /// The day ordinals of t0 (with an event session) and of the estimation window's first and
    /// last sessions (`code.hasEstimationWindow`), copied from the series when the row is made so
    /// that writing rows in event order reads no series' dates.
    var eventDay: Int32 = 0
    var estimationFirstDay: Int32 = 0
    var estimationLastDay: Int32 = 0
    /// α, β, CAR and BHAR (NaN unless requested) where `code.hasAbnormalReturns`.
    var alpha = 0.0
    var beta = 0.0
    var car = 0.0
    var bhar = Double.nan
    /// σ̂, Var(CAR) and the two-sided p where `code == .ok`.
    var sigma = 0.0
    var carVariance = 0.0
    var pValue = 0.0

    init(code: Code) { self.code = code }

    // MARK: - Derived

    /// SE(CAR) = √Var(CAR).
    var standardError: Double { carVariance.squareRoot() }
    /// t = CAR / SE.
    var t: Double { car / standardError }
    /// CAR / (σ̂·√k).
    func sigmaUnits(k: Int) -> Double { car / (sigma * Double(k).squareRoot()) }

    /// The status, for the study's design and this row's series.
    func status(design: EventStudyDesign, series: Series) -> StudyStatus {
        switch code {
        case .beforeData: .noEventSession(.beforeData)
        case .afterData: .noEventSession(.afterData)
        case .noSession: .noEventSession(.noSession)
        case .noMarket: .noEventSession(.noMarket)
        case .monthOnly: .noEventSession(.monthOnly)
        case .noBase: .noBase
        case .noEnd: .noEnd
        case .estimationOffData:
            .estimationOffData(requested: design.estimationLength, available: Int(count), firstDay: series.day(at: 0))
        case .benchmarkMissing: .benchmarkMissing(day: series.day(at: Int(count)))
        case .ok, .zeroVariance, .nonFiniteEstimation, .nonFiniteEvent, .tooFewEstimationReturns, .degenerateBenchmark:
            .computed(engineStatus(design: design))
        }
    }

    /// The engine's status, for a computed row.
    func engineStatus(design: EventStudyDesign) -> AbnormalReturnStatus {
        switch code {
        case .zeroVariance: .zeroVariance
        case .nonFiniteEstimation: .nonFiniteReturn(window: .estimation)
        case .nonFiniteEvent: .nonFiniteReturn(window: .event)
        case .tooFewEstimationReturns: .tooFewEstimationReturns(count: Int(count), minimum: StudyRow.minimum(design))
        case .degenerateBenchmark: .degenerateBenchmark
        default: .ok
        }
    }

    /// The fewest estimation returns the engine accepts: the design's minimum, and at least one
    /// more than the model estimates.
    static func minimum(_ design: EventStudyDesign) -> Int {
        max(design.requiredEstimationReturns, design.model.estimatedParameters + 1)
    }

    /// The row's status code for an event window placement that is not `ok`.
    static func code(window status: ChangeStatus) -> Code {
        switch status {
        case .beforeData: .beforeData
        case .afterData: .afterData
        case .noSession: .noSession
        case .noMarket: .noMarket
        case .monthOnly: .monthOnly
        case .noBase: .noBase
        case .noEnd, .noPercent, .ok, .noTime, .noBars: .noEnd
        }
    }
}
