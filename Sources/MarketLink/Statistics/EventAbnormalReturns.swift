// MARK: - Result for one event

/// Abnormal returns of one series around one event, their sum, and how unusual that sum is.
///
/// Notation (MacKinlay 1997; Campbell, Lo & MacKinlay 1997, ch. 4): L estimation-window
/// returns, k event-window returns R_τ (and benchmark returns R_m,τ), normal return
/// E[R_τ] = α + β·R_m,τ, abnormal return AR_τ = R_τ − E[R_τ], CAR = Σ_τ AR_τ.
///
/// `fit` is present when `status.hasAbnormalReturns` (`ok` or `zeroVariance`); `inference` only
/// when `status == .ok`. See `NormalReturnModel.abnormalReturns` for every formula.
public struct EventAbnormalReturns: Sendable, Equatable {
    /// The normal-return model used.
    public var model: NormalReturnModel
    /// What was computed; see `AbnormalReturnStatus`.
    public var status: AbnormalReturnStatus
    /// L, the number of estimation-window returns given.
    public var estimationCount: Int
    /// k, the number of event-window returns given.
    public var eventCount: Int
    /// The fitted model and the abnormal returns; `nil` unless `status.hasAbnormalReturns`.
    public var fit: Fit?
    /// Standard error, t, p and σ units of the CAR; `nil` unless `status == .ok`.
    public var inference: Inference?

    // MARK: - Fit

    /// The normal-return model as fitted, and the abnormal returns it implies.
    public struct Fit: Sendable, Equatable {
        /// α of the normal return α + β·R_m: 0 for `raw` and `market`, the estimation-window
        /// mean μ̂ for `mean`, the OLS intercept α̂ for `marketModel`.
        public var alpha: Double
        /// β of the normal return: 0 for `raw` and `mean`, 1 for `market`, the OLS slope β̂ for
        /// `marketModel`.
        public var beta: Double
        /// AR_t = R_t − α − β·R_m,t for each estimation-window return, in order (the OLS
        /// residuals for the market model). Used by the rank and sign tests. The engine
        /// (`NormalReturnModel.abnormalReturns`) fills it; an `EventStudy`'s results leave it
        /// empty, so that a study holds O(event window) per result, and
        /// `EventStudy.estimationAbnormalReturns(event:series:)` recomputes it.
        public var estimationAbnormalReturns: [Double]
        /// AR_τ for each event-window return, in order.
        public var abnormalReturns: [Double]
        /// CAR = Σ_τ AR_τ over the event window.
        public var car: Double
        /// BHAR = Π_τ(1 + R_τ) − Π_τ(1 + α + β·R_m,τ), when requested; the returns must then be
        /// simple returns.
        public var bhar: Double?
    }

    // MARK: - Inference

    /// How unusual the CAR is against the estimation window's variation.
    public struct Inference: Sendable, Equatable {
        /// σ̂, the standard deviation of an abnormal return: √(SSR/(L−2)) for the market model,
        /// the sample standard deviation (L − 1 denominator) of the estimation-window abnormal
        /// returns otherwise.
        public var sigma: Double
        /// Degrees of freedom of σ̂² and of the t test: L − 2 for the market model, else L − 1.
        public var degreesOfFreedom: Int
        /// Var(CAR), the exact form for the model (see `NormalReturnModel.abnormalReturns`).
        public var carVariance: Double
        /// SE(CAR) = √Var(CAR).
        public var standardError: Double
        /// t = CAR / SE(CAR).
        public var t: Double
        /// Two-sided p-value of t from Student's t with `degreesOfFreedom`.
        public var pValue: Double
        /// The move in σ units: CAR / (σ̂·√k), how many standard deviations of a k-session
        /// abnormal return the CAR is, leaving out estimation error (for k = 1, AR/σ̂).
        public var sigmaUnits: Double
        /// SE of the partial CAR over the first τ sessions of the event window, τ = 1…k (the same
        /// exact form with τ in place of k and the benchmark sum over those τ sessions); the last
        /// equals `standardError`. With `StudentT.quantile(0.975, …)` this gives 95% bands.
        public var cumulativeStandardErrors: [Double]
    }
}
