// MARK: - Tests that allow for clustered events (Kolari & Pynnönen 2010)

extension CrossSectionTests {
    /// The average cross-correlation of N events' estimation-window abnormal returns, in event
    /// time, and the variance inflation it implies.
    struct CrossCorrelation: Sendable, Equatable {
        /// r̄ = (2/(N(N − 1)))·Σ_{i<j} r_ij.
        var average: Double
        /// 1 + (N − 1)·r̄ = ‖Σ_i u_i‖²/N ≥ 0: how much the correlation inflates the variance of
        /// the mean of N standardized values of unit variance.
        var inflation: Double
        /// m, the number of estimation returns each event contributes (the shortest L_i).
        var length: Int
    }

    /// r̄ of the events' estimation-window abnormal returns AR_it, paired in event time.
    ///
    /// Every event contributes its last m = min_i L_i estimation returns, counted back from the
    /// last one before its event window (so events with the same L pair position p with position
    /// p, and a shorter window lines up with the end of a longer one). r_ij is Pearson's r of
    /// events i and j over those m positions. With u_i = (x_i − x̄_i)/‖x_i − x̄_i‖ (each event's
    /// centred returns scaled to length 1) r_ij = u_i·u_j, so
    ///
    ///     Σ_{i<j} r_ij = (‖Σ_i u_i‖² − N)/2,   r̄ = (‖Σ_i u_i‖² − N)/(N(N − 1)),
    ///     1 + (N − 1)·r̄ = ‖Σ_i u_i‖²/N,
    ///
    /// computed in O(N·m) rather than over the N(N − 1)/2 pairs. Because all r_ij come from one
    /// common stretch of event time they form a correlation matrix, so 1 + (N − 1)·r̄ ≥ 0 and
    /// r̄ ≤ 1 always hold.
    ///
    /// `nil` for fewer than two events, m < 2, or an event whose m returns do not vary (which an
    /// event with status `ok` never is).
    static func crossCorrelation(_ events: [CrossSectionEvent]) -> CrossCorrelation? {
        guard events.count >= 2 else { return nil }
        let length = events.reduce(Int.max) { min($0, $1.estimationAbnormalReturns.count) }
        guard length >= 2 else { return nil }
        var sum = [Double](repeating: 0, count: length)
        for event in events {
            let returns = event.estimationAbnormalReturns
            let first = returns.count - length
            let window = returns[first...]
            guard let mean = Descriptive.mean(window) else { return nil }
            var squares = 0.0
            var largest = 0.0
            for value in window {
                let deviation = value - mean
                squares += deviation * deviation
                largest = max(largest, abs(value))
            }
            guard Descriptive.isVariation(squares, count: length, largest: largest) else { return nil }
            let scale = 1 / squares.squareRoot()
            for p in 0..<length { sum[p] += (returns[first + p] - mean) * scale }
        }
        let n = Double(events.count)
        let squaredLength = sum.reduce(0) { $0 + $1 * $1 }
        return CrossCorrelation(
            average: min(1, (squaredLength - n) / (n * (n - 1))), inflation: squaredLength / n, length: length)
    }

    /// Patell Z · √(1/(1 + (N − 1)·r̄)), standard normal, over the events Patell used (ν_i > 2),
    /// with r̄ of those events; Patell Z itself for one event (no pairs, factor 1). `nil` when
    /// there is no Patell Z, no r̄ for two or more events, or 1 + (N − 1)·r̄ = 0.
    static func adjustedPatell(_ events: [CrossSectionEvent], patell: SignificanceTest?) -> SignificanceTest? {
        guard let patell else { return nil }
        let used = events.filter { $0.degreesOfFreedom > 2 }
        if used.count == 1 { return patell }
        guard let correlation = crossCorrelation(used), correlation.inflation > 0 else { return nil }
        return SignificanceTest(z: patell.statistic / correlation.inflation.squareRoot(), n: patell.n)
    }

    /// BMP t · √((1 − r̄)/(1 + (N − 1)·r̄)), Student's t with N − 1 df. `nil` when there is no
    /// BMP t, no r̄, or 1 + (N − 1)·r̄ = 0.
    static func adjustedBMP(_ correlation: CrossCorrelation?, bmp: SignificanceTest?) -> SignificanceTest? {
        guard let bmp, let degreesOfFreedom = bmp.degreesOfFreedom, let correlation, correlation.inflation > 0 else { return nil }
        let factor = (max(0, 1 - correlation.average) / correlation.inflation).squareRoot()
        return SignificanceTest(t: bmp.statistic * factor, degreesOfFreedom: degreesOfFreedom, n: bmp.n)
    }
}
