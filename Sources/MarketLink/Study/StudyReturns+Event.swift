// MARK: - One event, in O(event window)

extension StudyReturns {
    /// The study of the event whose session in this series is `outcome`: its status, and where
    /// computed the fit, abnormal returns, CAR and test, appending its k abnormal returns and then
    /// (status `ok`) its k cumulative standard errors to `values`.
    ///
    /// The same checks in the same order as `EventStudy`'s documentation and
    /// `NormalReturnModel.abnormalReturns` give them, and the same formulas, with the estimation
    /// window's sums from the prefix sums (`WindowMoments`) instead of a pass over its returns:
    /// - raw and mean: σ̂² = S_yy/(L − 1) with S_yy = Σy² − (Σy)²/L, μ̂ = Σy/L (mean);
    /// - market-adjusted: the same on y = R − R_m;
    /// - market model: β̂ = S_xy/S_xx, α̂ = (Σy − β̂·Σx)/L, SSR = S_yy − β̂·S_xy, σ̂² = SSR/(L − 2),
    ///   R̄_m = Σx/L and S_mm = S_xx for the CAR's variance.
    /// The tests of "zero" (`degenerate-benchmark`, `zero-variance`) compare with the largest
    /// |R_m,t| and |R_t| of the window; the series-wide largest bounds them, and only when the
    /// bound does not already settle the test is the window's own largest found (O(window), which
    /// only a (nearly) constant window reaches).
    ///
    /// The p-value of an `ok` row is left at 0 for `fillPValues`, which takes the rows of a
    /// series two at a time.
    func row(_ outcome: EventSession, design: EventStudyDesign, values: inout [Double]) -> StudyRow {
        let window = design.window
        let placement = window.placement(around: outcome, sessionCount: count)
        guard let t0 = placement.eventSession else { return StudyRow(code: StudyRow.code(window: placement.status)) }
        var row = StudyRow(code: .ok)
        row.eventSession = Int32(t0)
        // An `ok` placement always covers its sessions (a ≤ b); the other statuses are no-base, no-end.
        guard let eventSessions = placement.coveredSessions else {
            row.code = StudyRow.code(window: placement.status)
            return row
        }
        let first = eventSessions.lowerBound
        let last = eventSessions.upperBound

        // The estimation window ends before the event window starts, so only its base can be off the data.
        let estimation = design.estimation.coveredSessions(around: t0)
        guard design.estimation.placement(around: .session(t0), sessionCount: count).status == .ok else {
            row.code = .estimationOffData
            row.count = Int32(max(0, estimation.upperBound - max(estimation.lowerBound, 1) + 1))
            return row
        }
        if hasBenchmark {
            for i in first...last where !isPaired(i) {
                row.code = .benchmarkMissing
                row.count = Int32(sessions[i - 1].benchmarkHasDay ? i : i - 1)
                return row
            }
        }

        // The engine's checks, on the kept estimation sessions.
        let left = leftOut(estimation)
        let length = estimation.count - left.clean - left.benchmark  // L
        row.count = Int32(length)
        row.droppedForBenchmark = Int32(left.benchmark)
        row.droppedForClean = Int32(left.clean)
        guard left.nonFinite == 0 else {
            row.code = .nonFiniteEstimation
            return row
        }
        for i in first...last where !sessions[i].r.isFinite || !sessions[i].m.isFinite {
            row.code = .nonFiniteEvent
            return row
        }
        guard length >= StudyRow.minimum(design) else {
            row.code = .tooFewEstimationReturns
            return row
        }

        // MARK: Estimation window
        let sums = moments(estimation)
        let alpha: Double
        let beta: Double
        let sigmaSquared: Double
        var meanX = 0.0
        var sxx = 0.0
        switch model {
        case .raw:
            (alpha, beta) = (0, 0)
            sigmaSquared = sums.sampleVarianceY
        case .mean:
            (alpha, beta) = (sums.meanY, 0)
            sigmaSquared = sums.sampleVarianceY
        case .market:
            (alpha, beta) = (0, 1)
            sigmaSquared = sums.sampleVarianceY
        case .marketModel:
            guard let fit = sums.regression, isVariation(fit.sxx, length: length, estimation: estimation) else {
                row.code = .degenerateBenchmark
                return row
            }
            (alpha, beta, meanX, sxx) = (fit.alpha, fit.beta, fit.meanX, fit.sxx)
            sigmaSquared = fit.ssr / Double(length - 2)
        }

        // MARK: Event window
        let k = last - first + 1
        var car = 0.0
        var held = 1.0
        var normal = 1.0
        for i in first...last {
            let session = sessions[i]
            let abnormal = session.r - alpha - beta * session.m
            values.append(abnormal)
            car += abnormal
            if design.buyAndHold {
                held *= 1 + session.r
                normal *= 1 + alpha + beta * session.m
            }
        }
        row.alpha = alpha
        row.beta = beta
        row.car = car
        if design.buyAndHold { row.bhar = held - normal }

        // MARK: Inference
        let sigma = sigmaSquared.squareRoot()
        guard sigma > 0, sigma > 0x1p-40 * largestReturn || sigma > 0x1p-40 * largest(estimation).returns else {
            row.code = .zeroVariance
            return row
        }
        // Var of the partial CAR over the first τ sessions, τ = 1…k; the last is Var(CAR).
        var benchmarkDeviation = 0.0  // Σ_{s ≤ τ} (R_m,s − R̄_m)
        var variance = 0.0
        for count in 1...k {
            let sessions = Double(count)
            var factor = sessions
            if model == .mean {
                factor += sessions * sessions / Double(length)
            } else if model == .marketModel {
                benchmarkDeviation += self.sessions[first + count - 1].m - meanX
                let estimationError = sessions * sessions / Double(length)
                factor += estimationError + benchmarkDeviation * benchmarkDeviation / sxx
            }
            variance = sigmaSquared * factor
            values.append(variance.squareRoot())
        }
        row.sigma = sigma
        row.carVariance = variance
        return row
    }

    /// Sets the p-value of every `ok` row of `rows` — `StudentT.twoSidedP` of its t with
    /// L − p degrees of freedom (p the model's estimated parameters) — two rows at a time
    /// (`StudentT.PValues`, the same values as one at a time).
    static func fillPValues(_ rows: inout [StudyRow], model: NormalReturnModel) {
        var pValues = StudentT.PValues()
        let parameters = model.estimatedParameters
        var waiting = -1  // an ok row whose pair is still to come
        for index in rows.indices where rows[index].code == .ok {
            guard waiting >= 0 else {
                waiting = index
                continue
            }
            let (first, second) = (rows[waiting], rows[index])
            let p = pValues.twoSidedP(
                (first.t, second.t), degreesOfFreedom: (Double(Int(first.count) - parameters), Double(Int(second.count) - parameters)))
            rows[waiting].pValue = p.0
            rows[index].pValue = p.1
            waiting = -1
        }
        if waiting >= 0 {
            rows[waiting].pValue = pValues.twoSidedP(rows[waiting].t, degreesOfFreedom: Double(Int(rows[waiting].count) - parameters))
        }
    }

    /// Whether the benchmark has closes on the dates of sessions i − 1 and i.
    private func isPaired(_ i: Int) -> Bool { i > 0 && sessions[i].benchmarkHasDay && sessions[i - 1].benchmarkHasDay }

    /// `Descriptive.isVariation` of S_xx against the window's largest |R_m,t|, found only when the
    /// series-wide bound leaves the answer open.
    private func isVariation(_ sxx: Double, length: Int, estimation: ClosedRange<Int>) -> Bool {
        Descriptive.isVariation(sxx, count: length, largest: largestMarket)
            || Descriptive.isVariation(sxx, count: length, largest: largest(estimation).market)
    }
}
