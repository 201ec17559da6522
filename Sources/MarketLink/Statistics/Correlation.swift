// MARK: - Correlation

/// A correlation coefficient between paired observations, with its test of zero correlation.
///
/// - **Pearson** r = Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)²·Σ(yᵢ − ȳ)²).
/// - **Spearman** ρ: Pearson's r of the ranks of x and of y, ties given their average rank
///   (so the shortcut 1 − 6Σd²/(n(n²−1)), exact only without ties, is not used).
///
/// Both are tested with t = r·√((n − 2)/(1 − r²)) against Student's t with n − 2 degrees of
/// freedom: exact for Pearson under bivariate normality, the usual large-sample approximation
/// for Spearman. |r| = 1 gives t = ±∞ and p = 0.
public struct Correlation: Sendable, Equatable {
    /// Which coefficient.
    public enum Method: String, Sendable, Equatable {
        /// Pearson's product-moment r.
        case pearson
        /// Spearman's rank correlation ρ (Pearson's r of the ranks, ties given their mean rank).
        case spearman
    }

    /// The method used.
    public var method: Method
    /// r or ρ, in [−1, 1].
    public var coefficient: Double
    /// t = r·√((n − 2)/(1 − r²)), Student's t with n − 2 df, and n, the number of pairs.
    public var test: SignificanceTest

    /// n, the number of pairs.
    public var n: Int { test.n }

    /// Pearson's r of the pairs (xᵢ, yᵢ). `nil` when the arrays differ in length, n < 3,
    /// a value is not finite, or x or y is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Correlation? {
        guard x.count == y.count, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite),
            let r = pearsonCoefficient(x, y)
        else { return nil }
        return Correlation(method: .pearson, coefficient: r, n: x.count)
    }

    /// Spearman's ρ of the pairs (xᵢ, yᵢ), average ranks for ties. `nil` as for `pearson`
    /// (a constant series has constant ranks).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Correlation? {
        guard x.count == y.count, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite),
            let rho = pearsonCoefficient(averageRanks(x), averageRanks(y))
        else { return nil }
        return Correlation(method: .spearman, coefficient: rho, n: x.count)
    }

    private init(method: Method, coefficient: Double, n: Int) {
        self.method = method
        self.coefficient = coefficient
        let remaining = 1 - coefficient * coefficient
        let t: Double =
            remaining > 0
            ? coefficient * (Double(n - 2) / remaining).squareRoot()
            : (coefficient > 0 ? .infinity : -.infinity)
        self.test = SignificanceTest(t: t, degreesOfFreedom: n - 2, n: n)
    }

    /// r, clamped to [−1, 1] against rounding; `nil` for n < 3 or a constant x or y
    /// (see `Descriptive.isVariation`).
    private static func pearsonCoefficient(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count >= 3, let meanX = Descriptive.mean(x), let meanY = Descriptive.mean(y) else {
            return nil
        }
        var sxx = 0.0
        var syy = 0.0
        var sxy = 0.0
        var largestX = 0.0
        var largestY = 0.0
        for i in x.indices {
            largestX = max(largestX, abs(x[i]))
            largestY = max(largestY, abs(y[i]))
            let dx = x[i] - meanX
            let dy = y[i] - meanY
            sxx += dx * dx
            syy += dy * dy
            sxy += dx * dy
        }
        guard Descriptive.isVariation(sxx, count: x.count, largest: largestX),
            Descriptive.isVariation(syy, count: y.count, largest: largestY)
        else { return nil }
        return min(1, max(-1, sxy / (sxx * syy).squareRoot()))
    }
}
