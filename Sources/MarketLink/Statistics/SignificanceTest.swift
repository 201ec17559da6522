// MARK: - A test statistic and its p-value

/// A test statistic, its two-sided p-value and the number of observations behind it.
///
/// The reference distribution is Student's t with `degreesOfFreedom` when that is set, and the
/// standard normal when it is `nil`. The statistic may be ±∞ (a perfect correlation), with p 0.
public struct SignificanceTest: Sendable, Equatable {
    /// The statistic: a t, a z, or the like.
    public var statistic: Double
    /// The two-sided p-value, P(|T| ≥ |statistic|) under the null hypothesis.
    public var pValue: Double
    /// The number of observations (events, pairs) the statistic is computed from.
    public var n: Int
    /// Degrees of freedom of the Student's t reference distribution; `nil` for the standard normal.
    public var degreesOfFreedom: Int?

    /// A statistic referred to Student's t with `degreesOfFreedom` (> 0).
    init(t statistic: Double, degreesOfFreedom: Int, n: Int) {
        self.statistic = statistic
        self.pValue = StudentT.twoSidedP(statistic, degreesOfFreedom: Double(degreesOfFreedom))
        self.n = n
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// A statistic referred to the standard normal.
    init(z statistic: Double, n: Int) {
        self.statistic = statistic
        self.pValue = StandardNormal.twoSidedP(statistic)
        self.n = n
        self.degreesOfFreedom = nil
    }
}
