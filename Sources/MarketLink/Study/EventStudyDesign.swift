// MARK: - Design

/// The choices behind an event study: which sessions are the event, which estimate normal
/// behaviour, which model says what normal is, and how returns are measured.
///
/// Sessions are counted in each series' own sessions relative to the event session t0 (DESIGN §2).
/// The return of session t is from the close of t − 1 to the close of t, so:
/// - the **event window** `[A, B]` holds the k = B − A + 1 returns of sessions t0+A … t0+B,
///   which span the same closes as the change table's move `[A, B]` (base t0+A−1, end t0+B);
/// - the **estimation window** `[E₁, E₂]` holds the returns of sessions t0+E₁ … t0+E₂ and must end
///   before the event window starts (E₂ < A). It needs the close of t0+E₁−1.
///
/// The CAR is the *sum* of the abnormal returns. With the `raw` model and log returns it equals
/// the window's log move exactly; with simple returns it is not the compounded percent move of the
/// change table (that is the BHAR of the `raw` model, `buyAndHold`).
public struct EventStudyDesign: Sendable, Equatable {
    /// The event window, default `-1:1`.
    public var window: EventWindow
    /// The estimation window, default `-250:-11`.
    public var estimation: EventWindow
    /// The fewest estimation-window returns an event may use, after the sessions left out for
    /// the benchmark's missing closes and by `clean`; `nil` for the default, 120 or the whole
    /// estimation window when it is shorter (see `requiredEstimationReturns`).
    public var minimumEstimationReturns: Int?
    /// The normal-return model (default `mean`; `market-model` when a benchmark is given).
    public var model: NormalReturnModel
    /// Simple (default) or log returns.
    public var returns: ReturnKind
    /// Leave out estimation-window sessions that fall inside another event's event window in the
    /// same series (a "clean" estimation window).
    public var clean: Bool
    /// Also compute the buy-and-hold abnormal return (needs simple returns).
    public var buyAndHold: Bool
    /// How a date-only event finds t0.
    public var rule: AlignmentRule
    /// In the tests across events, count events that share an event session in a series once:
    /// the first of them in the events file stands for the session, the others are left out and
    /// listed (`EventStudySummary.merged`). The per-event results are the same either way.
    public var mergeSharedSessions: Bool

    /// The fewest estimation returns an event may use when the user names no minimum and the
    /// estimation window holds at least this many.
    public static let defaultMinimumEstimationReturns = 120

    /// A design; the windows default to `EventWindow.studyDefault` and
    /// `EventWindow.estimationDefault`.
    public init(
        window: EventWindow = .studyDefault,
        estimation: EventWindow = .estimationDefault,
        minimumEstimationReturns: Int? = nil,
        model: NormalReturnModel = .mean,
        returns: ReturnKind = .simple,
        clean: Bool = false,
        buyAndHold: Bool = false,
        rule: AlignmentRule = .next,
        mergeSharedSessions: Bool = false
    ) {
        self.window = window
        self.estimation = estimation
        self.minimumEstimationReturns = minimumEstimationReturns
        self.model = model
        self.returns = returns
        self.clean = clean
        self.buyAndHold = buyAndHold
        self.rule = rule
        self.mergeSharedSessions = mergeSharedSessions
    }

    /// The model for a study with or without a benchmark when the user named none: `market-model`
    /// with a benchmark, `mean` without.
    public static func defaultModel(hasBenchmark: Bool) -> NormalReturnModel {
        hasBenchmark ? .marketModel : .mean
    }

    /// Refuses designs that cannot mean anything, as usage errors: an estimation window that does
    /// not end before the event window, a minimum below 1, BHAR on log returns, a model that needs
    /// a benchmark without one, and a benchmark the model would ignore.
    public func validate(hasBenchmark: Bool) throws(MarketLinkError) {
        guard estimation.end < window.start else {
            throw MarketLinkError(.estimationNotBeforeWindow(estimation: estimation, window: window))
        }
        if let minimum = minimumEstimationReturns {
            guard minimum >= 1 else { throw MarketLinkError(.minimumEstimationBelowOne(minimum)) }
            guard minimum <= estimationLength else {
                throw MarketLinkError(.minimumEstimationAboveWindow(minimum: minimum, estimation: estimation))
            }
        }
        guard !buyAndHold || returns == .simple else {
            throw MarketLinkError(.buyAndHoldWithLogReturns)
        }
        if model.needsBenchmark, !hasBenchmark {
            throw MarketLinkError(.modelNeedsBenchmark(model))
        }
        if !model.needsBenchmark, hasBenchmark {
            throw MarketLinkError(.modelIgnoresBenchmark(model))
        }
    }

    /// The number of sessions the estimation window asks for, E₂ − E₁ + 1.
    public var estimationLength: Int { estimation.sessionCount }

    /// The fewest estimation returns an event may use: the user's minimum, or by default 120,
    /// or the whole estimation window when it holds fewer than 120 sessions (so `-120:-6`, 115
    /// sessions, needs all 115 unless `--min-estimation` says otherwise).
    public var requiredEstimationReturns: Int {
        minimumEstimationReturns ?? min(EventStudyDesign.defaultMinimumEstimationReturns, estimationLength)
    }
}
