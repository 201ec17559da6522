// MARK: - Simple regression

/// The ordinary least-squares fit of y = α + β·x + ε on n pairs (xᵢ, yᵢ).
///
/// - β̂ = Σ(xᵢ − x̄)(yᵢ − ȳ) / S_xx with S_xx = Σ(xᵢ − x̄)², and α̂ = ȳ − β̂·x̄;
/// - SSR = Σ(yᵢ − α̂ − β̂·xᵢ)², the sum of squared residuals;
/// - σ̂² = SSR / (n − 2), the residual variance with n − 2 degrees of freedom.
///
/// In the market model of an event study x is the benchmark's return, y the series' return,
/// n = L the estimation-window length, and S_xx is S_mm of Campbell, Lo & MacKinlay (1997, §4.4).
public struct OLS: Sendable, Equatable {
    /// n, the number of pairs.
    public let count: Int
    /// α̂, the intercept.
    public let alpha: Double
    /// β̂, the slope.
    public let beta: Double
    /// x̄.
    public let meanX: Double
    /// ȳ.
    public let meanY: Double
    /// S_xx = Σ(xᵢ − x̄)².
    public let sxx: Double
    /// SSR = Σ(yᵢ − α̂ − β̂·xᵢ)².
    public let ssr: Double

    /// σ̂² = SSR / (n − 2).
    public var residualVariance: Double { ssr / Double(count - 2) }

    /// n − 2.
    public var degreesOfFreedom: Int { count - 2 }

    /// Fits y on x. `nil` when the arrays differ in length, n < 3 (no degree of freedom for σ̂²),
    /// a value is not finite, or x is constant: S_xx = 0, or so small against the size of the x
    /// values (below (n·2⁻⁴⁸·max|xᵢ|)²) that it is rounding noise of a constant.
    public init?(x: [Double], y: [Double]) {
        let n = x.count
        guard n == y.count, n >= 3 else { return nil }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite),
            let meanX = Descriptive.mean(x), let meanY = Descriptive.mean(y)
        else { return nil }
        var sxx = 0.0
        var sxy = 0.0
        var largestX = 0.0
        for i in 0..<n {
            let dx = x[i] - meanX
            sxx += dx * dx
            sxy += dx * (y[i] - meanY)
            largestX = max(largestX, abs(x[i]))
        }
        guard Descriptive.isVariation(sxx, count: n, largest: largestX) else { return nil }
        let beta = sxy / sxx
        let alpha = meanY - beta * meanX
        var ssr = 0.0
        for i in 0..<n {
            let residual = y[i] - alpha - beta * x[i]
            ssr += residual * residual
        }
        self.count = n
        self.alpha = alpha
        self.beta = beta
        self.meanX = meanX
        self.meanY = meanY
        self.sxx = sxx
        self.ssr = ssr
    }

    /// The residual y − α̂ − β̂·x of a pair, in or out of the fitted sample.
    public func residual(x: Double, y: Double) -> Double {
        y - alpha - beta * x
    }
}
