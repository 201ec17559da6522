// MARK: - Normal-return models

/// What a series' return "should" have been without the event (MacKinlay 1997, §4;
/// Campbell, Lo & MacKinlay 1997, §4.3). Every model is a normal return α + β·R_m,t:
///
/// | model | normal return | σ̂² | df |
/// |---|---|---|---|
/// | `raw` | 0 (AR = R) | sample variance of the estimation R | L − 1 |
/// | `mean` | μ̂ = mean of the estimation R | sample variance of the estimation R | L − 1 |
/// | `market` | R_m (AR = R − R_m) | sample variance of the estimation AR | L − 1 |
/// | `marketModel` | α̂ + β̂·R_m (OLS on the estimation window) | SSR / (L − 2) | L − 2 |
public enum NormalReturnModel: String, Sendable, Equatable, CaseIterable {
    /// No model: the abnormal return is the return.
    case raw
    /// Constant mean: the estimation-window mean return.
    case mean
    /// Market-adjusted: the benchmark's return, with α = 0 and β = 1 imposed.
    case market
    /// Market model: OLS regression of the series' returns on the benchmark's.
    case marketModel = "market-model"

    /// Whether the model needs benchmark returns (`market` and `marketModel`).
    public var needsBenchmark: Bool { self == .market || self == .marketModel }

    /// Parameters estimated in the estimation window for σ̂² (its degrees of freedom are L minus
    /// this): 2 for the market model (α̂, β̂), 1 otherwise (the mean of the abnormal returns).
    var estimatedParameters: Int { self == .marketModel ? 2 : 1 }

    // MARK: - Abnormal returns

    /// Abnormal returns, CAR and its test for one event.
    ///
    /// - Parameters:
    ///   - estimation: the L estimation-window returns R_t, in session order.
    ///   - event: the k event-window returns R_τ, in session order.
    ///   - estimationBenchmark: the benchmark's returns on the estimation sessions (one for one);
    ///     needed by `market` and `marketModel`, ignored by the others.
    ///   - eventBenchmark: the benchmark's returns on the event sessions, likewise.
    ///   - minimumEstimationReturns: fewer than this many estimation returns (or fewer than the
    ///     model needs, 2 or 3) gives `.tooFewEstimationReturns`.
    ///   - buyAndHold: also compute the BHAR (returns must be simple returns).
    ///
    /// AR_τ = R_τ − α − β·R_m,τ and CAR = Σ_τ AR_τ, with α, β as in the table above. The variance
    /// of the CAR is exact for each model (Campbell, Lo & MacKinlay 1997, §4.4.2–4.4.3):
    /// - market model: Var(CAR) = σ̂²·[k + k²/L + (Σ_τ (R_m,τ − R̄_m))² / S_mm], where the sum
    ///   runs over the k event-window sessions, R̄_m = (1/L)·Σ_t R_m,t and
    ///   S_mm = Σ_t (R_m,t − R̄_m)² over the L estimation-window sessions, and σ̂² = SSR/(L−2).
    ///   This is γ′Vγ for γ = (1, …, 1) and V = σ²·[I + X*(X′X)⁻¹X*′], the covariance of the
    ///   prediction errors (CLM eq. 4.4.8 and 4.4.14), written out.
    /// - mean model: Var(CAR) = σ̂²·k·(1 + k/L), the same with X a column of ones.
    /// - raw and market-adjusted: Var(CAR) = σ̂²·k (nothing is estimated for the normal return).
    ///
    /// Then SE = √Var(CAR), t = CAR/SE, and the two-sided p-value from Student's t with
    /// L − 2 (market model) or L − 1 degrees of freedom. The move in σ units is CAR/(σ̂·√k).
    /// BHAR = Π_τ(1 + R_τ) − Π_τ(1 + α + β·R_m,τ) (Barber & Lyon 1997, with the model's normal
    /// return as the benchmark: 1 for raw, (1 + μ̂)^k for mean, the benchmark's buy-and-hold
    /// return for market, the model's compounded prediction for the market model).
    ///
    /// Problems give a status, never a trap; checked in this order: empty event window, missing
    /// or mismatched benchmark, non-finite returns, too few estimation returns, constant
    /// benchmark (S_mm = 0), σ̂ = 0 (see `AbnormalReturnStatus`).
    public func abnormalReturns(
        estimation: [Double],
        event: [Double],
        estimationBenchmark: [Double]? = nil,
        eventBenchmark: [Double]? = nil,
        minimumEstimationReturns: Int = 120,
        buyAndHold: Bool = false
    ) -> EventAbnormalReturns {
        let length = estimation.count  // L
        let k = event.count
        var result = EventAbnormalReturns(
            model: self, status: .ok, estimationCount: length, eventCount: k, fit: nil, inference: nil)
        func failed(_ status: AbnormalReturnStatus) -> EventAbnormalReturns {
            result.status = status
            return result
        }

        // MARK: Checks
        guard k > 0 else { return failed(.emptyEventWindow) }
        var marketEstimation = [Double](repeating: 0, count: length)
        var marketEvent = [Double](repeating: 0, count: k)
        if needsBenchmark {
            guard let estimationBenchmark, let eventBenchmark else { return failed(.missingBenchmark) }
            guard estimationBenchmark.count == length else {
                return failed(
                    .benchmarkLengthMismatch(
                        window: .estimation, returns: length, benchmark: estimationBenchmark.count))
            }
            guard eventBenchmark.count == k else {
                return failed(
                    .benchmarkLengthMismatch(window: .event, returns: k, benchmark: eventBenchmark.count))
            }
            marketEstimation = estimationBenchmark
            marketEvent = eventBenchmark
        }
        guard estimation.allSatisfy(\.isFinite), marketEstimation.allSatisfy(\.isFinite) else {
            return failed(.nonFiniteReturn(window: .estimation))
        }
        guard event.allSatisfy(\.isFinite), marketEvent.allSatisfy(\.isFinite) else {
            return failed(.nonFiniteReturn(window: .event))
        }
        let minimum = max(minimumEstimationReturns, estimatedParameters + 1)
        guard length >= minimum else { return failed(.tooFewEstimationReturns(count: length, minimum: minimum)) }

        // MARK: Estimation window
        let alpha: Double
        let beta: Double
        var regression: OLS?
        switch self {
        case .raw:
            (alpha, beta) = (0, 0)
        case .mean:
            (alpha, beta) = (Descriptive.mean(estimation) ?? 0, 0)
        case .market:
            (alpha, beta) = (0, 1)
        case .marketModel:
            guard let fit = OLS(x: marketEstimation, y: estimation) else {
                return failed(.degenerateBenchmark)
            }
            regression = fit
            (alpha, beta) = (fit.alpha, fit.beta)
        }
        let estimationAR = (0..<length).map { estimation[$0] - alpha - beta * marketEstimation[$0] }
        let sigmaSquared: Double
        if let regression {
            sigmaSquared = regression.residualVariance
        } else {
            sigmaSquared = Descriptive.sampleVariance(estimationAR) ?? 0
        }

        // MARK: Event window
        let eventAR = (0..<k).map { event[$0] - alpha - beta * marketEvent[$0] }
        let car = eventAR.reduce(0, +)
        var bhar: Double?
        if buyAndHold {
            var held = 1.0
            var normal = 1.0
            for session in 0..<k {
                held *= 1 + event[session]
                normal *= 1 + alpha + beta * marketEvent[session]
            }
            bhar = held - normal
        }
        result.fit = EventAbnormalReturns.Fit(
            alpha: alpha, beta: beta, estimationAbnormalReturns: estimationAR,
            abnormalReturns: eventAR, car: car, bhar: bhar)

        // MARK: Inference
        // σ̂ at rounding level of the returns themselves is a constant stretch, not variation.
        let sigma = sigmaSquared.squareRoot()
        let scale = estimation.reduce(0) { max($0, abs($1)) }
        guard sigma > 0x1p-40 * scale, sigma > 0 else { return failed(.zeroVariance) }

        // Var of the partial CAR over the first τ sessions, τ = 1…k; the last is Var(CAR).
        var variances: [Double] = []
        variances.reserveCapacity(k)
        var benchmarkDeviation = 0.0  // Σ_{s ≤ τ} (R_m,s − R̄_m)
        for count in 1...k {
            let sessions = Double(count)
            var factor = sessions
            if self == .mean {
                factor += sessions * sessions / Double(length)
            } else if let regression {
                benchmarkDeviation += marketEvent[count - 1] - regression.meanX
                let estimationError = sessions * sessions / Double(length)
                factor += estimationError + benchmarkDeviation * benchmarkDeviation / regression.sxx
            }
            variances.append(sigmaSquared * factor)
        }
        let variance = variances[k - 1]
        let standardError = variance.squareRoot()
        let degreesOfFreedom = length - estimatedParameters
        let t = car / standardError
        result.inference = EventAbnormalReturns.Inference(
            sigma: sigma,
            degreesOfFreedom: degreesOfFreedom,
            carVariance: variance,
            standardError: standardError,
            t: t,
            pValue: StudentT.twoSidedP(t, degreesOfFreedom: Double(degreesOfFreedom)),
            sigmaUnits: car / (sigma * Double(k).squareRoot()),
            cumulativeStandardErrors: variances.map { $0.squareRoot() })
        return result
    }
}
