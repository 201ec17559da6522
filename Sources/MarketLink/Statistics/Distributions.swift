import Foundation

// MARK: - Student's t

/// Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer).
///
/// Computed from the regularized incomplete beta function: for a statistic t,
/// P(|T| ≥ |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²) (Abramowitz & Stegun 26.7.1, 26.5.27).
/// The incomplete beta is evaluated by its continued fraction (see `regularizedIncompleteBeta`),
/// so tail probabilities keep their relative accuracy (about 1e-13) far into the tails; no
/// `1 − p` cancellation happens on the small side.
///
/// Invalid arguments (ν ≤ 0, ν or t NaN) give NaN; ν = +∞ is the standard normal.
public enum StudentT {
    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard let tail = upperTail(abs(t), nu: nu) else { return .nan }
        return t < 0 ? tail : 1 - tail
    }

    /// The two-sided p-value P(|T| ≥ |t|), in [0, 1]. An infinite t gives 0.
    public static func twoSidedP(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard let tail = upperTail(abs(t), nu: nu) else { return .nan }
        return min(1, 2 * tail)
    }

    /// The quantile: the t with P(T ≤ t) = `probability`. For a 95% band use
    /// `quantile(0.975, degreesOfFreedom: ν)` (2.228139 for ν = 10).
    ///
    /// Probability 0 and 1 give −∞ and +∞; outside [0, 1], NaN. Solved by bisection on the
    /// lower-tail probability (for p > 1/2 by symmetry, t_p = −t_{1−p}), so a quantile far in
    /// the tail is as accurate as the tail probability itself.
    public static func quantile(_ probability: Double, degreesOfFreedom nu: Double) -> Double {
        guard probability >= 0, probability <= 1, nu > 0, !nu.isNaN else { return .nan }
        if probability == 0.5 { return 0 }
        if probability > 0.5 { return -quantile(1 - probability, degreesOfFreedom: nu) }
        if probability == 0 { return -.infinity }
        if nu.isInfinite { return StandardNormal.quantile(probability) }
        // Bracket: P(T ≤ low) ≤ probability ≤ P(T ≤ high), high = 0 where P = 1/2.
        var high = 0.0
        var low = -1.0
        while cdf(low, degreesOfFreedom: nu) > probability {
            high = low
            low *= 2
            if low < -1e300 { return low }
        }
        return bisect(low: low, high: high) { cdf($0, degreesOfFreedom: nu) <= probability }
    }

    /// P(T ≥ t) for t ≥ 0, or nil for invalid arguments. `known`, when given, holds ν's √ν and
    /// ln B(ν/2, ½) as `StudentT.Constants` computes them (the same values, computed once).
    static func upperTail(_ t: Double, nu: Double, known: Constants? = nil) -> Double? {
        switch tail(t, nu: nu, known: known) {
        case .done(let value): value
        case .fraction(let fraction): 0.5 * fraction.value()
        }
    }

    /// P(T ≥ t) as `upperTail` finds it: the answer, or the incomplete beta's continued fraction
    /// still to evaluate (P is half its `IncompleteBeta.Fraction.value`).
    enum Tail {
        case done(Double?)
        case fraction(IncompleteBeta.Fraction)
    }

    /// `upperTail` up to its continued fraction.
    static func tail(_ t: Double, nu: Double, known: Constants?) -> Tail {
        guard nu > 0, !nu.isNaN, !t.isNaN else { return .done(nil) }
        if t == 0 { return .done(0.5) }
        if t.isInfinite { return .done(0) }
        if nu.isInfinite { return .done(0.5 * StandardNormal.twoSidedP(t)) }
        // x = ν/(ν+t²) and 1 − x = t²/(ν+t²): their logarithms from u = t/√ν without forming t²
        // (which would overflow for |t| > 1e154 and lose 1 − x for small t), and the values
        // themselves in double-double from the exact t², so that the continued fraction, which
        // for large ν is sensitive to the last bits of x, gets x correct to ~32 digits.
        let u = t / (known?.root ?? nu.squareRoot())
        let lnX: Double
        let lnY: Double
        if u >= 1 {
            let inverseSquare = 1 / (u * u)
            lnY = -log1p(inverseSquare)
            lnX = -2 * log(u) + lnY
        } else {
            let square = u * u
            lnX = -log1p(square)
            lnY = 2 * log(u) + lnX
        }
        let square = DoubleDouble.product(t, t)
        let denominator = DoubleDouble(nu) + square
        let x: DoubleDouble
        let y: DoubleDouble
        if square.hi.isFinite, denominator.hi.isFinite, square.hi > 0x1p-900 {
            if max(nu / 2, 0.5) <= IncompleteBeta.plainDoubleLimit {
                // The continued fraction in plain doubles reads only x.hi and y.hi: the quotient
                // and one correction give them.
                x = DoubleDouble.quotient(DoubleDouble(nu), denominator)
                y = DoubleDouble.quotient(square, denominator)
            } else {
                x = DoubleDouble(nu) / denominator
                y = square / denominator
            }
        } else {
            x = DoubleDouble(exp(lnX))
            y = DoubleDouble(exp(lnY))
        }
        switch IncompleteBeta.evaluation(a: nu / 2, b: 0.5, x: x, y: y, lnX: lnX, lnY: lnY, logBeta: known?.logBeta) {
        case .value(let value): return .done(0.5 * value)
        case .fraction(let fraction): return .fraction(fraction)
        }
    }

    /// What `upperTail` computes from ν alone: √ν and ln B(ν/2, ½).
    struct Constants {
        let root: Double
        let logBeta: Double

        init(nu: Double) {
            root = nu.squareRoot()
            logBeta = MarketLink.logBeta(nu / 2, 0.5)
        }
    }

    /// Two-sided p-values of many statistics whose degrees of freedom repeat (an event study's
    /// rows: ν = L − 2 for almost every event of a series): `Constants` is computed once per
    /// whole ν from 1 to `cachedLimit` and kept, so each p-value costs its continued fraction and
    /// a few logarithms. Every value is `StudentT.twoSidedP`'s (the same operations on the same
    /// numbers); other ν go to it directly.
    struct PValues {
        /// The largest whole ν whose constants are kept.
        static var cachedLimit: Double { 4_096 }
        /// Index ν: the constants of ν, or nil until first needed.
        private var known: [Constants?] = []

        init() {}

        /// `StudentT.twoSidedP(t, degreesOfFreedom: nu)`.
        mutating func twoSidedP(_ t: Double, degreesOfFreedom nu: Double) -> Double {
            guard let tail = upperTail(abs(t), nu: nu, known: constants(nu)) else { return .nan }
            return min(1, 2 * tail)
        }

        /// `StudentT.twoSidedP` of two statistics, each the value it gives alone: where both
        /// need a continued fraction in plain doubles, the two run side by side
        /// (`IncompleteBeta.continuedFractions`), so that their chains of dependent arithmetic
        /// overlap.
        mutating func twoSidedP(_ t: (Double, Double), degreesOfFreedom nu: (Double, Double)) -> (Double, Double) {
            let first = StudentT.tail(abs(t.0), nu: nu.0, known: constants(nu.0))
            let second = StudentT.tail(abs(t.1), nu: nu.1, known: constants(nu.1))
            if case .fraction(let f) = first, case .fraction(let g) = second, f.isPlain, g.isPlain {
                let fractions = IncompleteBeta.continuedFractions(
                    a: SIMD2(f.a, g.a), b: SIMD2(f.b, g.b), x: SIMD2(f.x.hi, g.x.hi))
                return (min(1, 2 * (0.5 * f.finish(fractions[0]))), min(1, 2 * (0.5 * g.finish(fractions[1]))))
            }
            return (PValues.twoSided(first), PValues.twoSided(second))
        }

        private static func twoSided(_ tail: Tail) -> Double {
            let value: Double?
            switch tail {
            case .done(let done): value = done
            case .fraction(let fraction): value = 0.5 * fraction.value()
            }
            guard let value else { return .nan }
            return min(1, 2 * value)
        }

        /// The constants of a whole ν up to `cachedLimit`, computed on first use; nil for other ν.
        private mutating func constants(_ nu: Double) -> Constants? {
            guard nu >= 1, nu <= PValues.cachedLimit, nu == nu.rounded(.down) else { return nil }
            let index = Int(nu)
            if known.count <= index { known.append(contentsOf: repeatElement(nil, count: index + 1 - known.count)) }
            if let cached = known[index] { return cached }
            let constants = Constants(nu: nu)
            known[index] = constants
            return constants
        }
    }
}

// MARK: - Standard normal

/// The standard normal distribution N(0, 1), from the C library's `erfc`
/// (Φ(z) = erfc(−z/√2)/2), accurate to a few ulps in both tails.
public enum StandardNormal {
    /// Φ(z) = P(Z ≤ z).
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2).
    public static func twoSidedP(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }

    /// The z with Φ(z) = `probability`; 0 and 1 give −∞ and +∞, outside [0, 1] NaN.
    /// Bisection on the lower tail, as for `StudentT.quantile`.
    public static func quantile(_ probability: Double) -> Double {
        guard probability >= 0, probability <= 1 else { return .nan }
        if probability == 0.5 { return 0 }
        if probability > 0.5 { return -quantile(1 - probability) }
        if probability == 0 { return -.infinity }
        // Φ(−40) ≈ 4e-350 is below the smallest Double, so [−40, 0] brackets every probability.
        return bisect(low: -40, high: 0) { cdf($0) <= probability }
    }
}

// MARK: - Bisection

/// The boundary of a predicate that holds at `low` and not at `high` (monotone in between),
/// to the last representable bit: bisects until the midpoint equals an end.
private func bisect(low: Double, high: Double, isBelow: (Double) -> Bool) -> Double {
    var low = low
    var high = high
    for _ in 0..<2_200 {
        let middle = low + (high - low) / 2
        if middle <= low || middle >= high { break }
        if isBelow(middle) { low = middle } else { high = middle }
    }
    return low + (high - low) / 2
}

// MARK: - Incomplete beta

/// The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for a, b > 0 and
/// 0 ≤ x ≤ 1. NaN for arguments outside that domain.
func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    guard a > 0, b > 0, a.isFinite, b.isFinite, x >= 0, x <= 1 else { return .nan }
    let y = DoubleDouble.sum(1, -x)  // 1 − x exactly
    return IncompleteBeta(a: a, b: b, x: DoubleDouble(x), y: y, lnX: log(x), lnY: log1p(-x)).value
}

/// I_x(a, b) given x, y = 1 − x (both to double-double accuracy) and their logarithms, so that
/// callers who know 1 − x better than by subtraction (Student's t) keep that accuracy.
///
/// Method (the classical one, e.g. Press et al., *Numerical Recipes*, §6.4):
/// I_x(a, b) = x^a (1−x)^b / (a B(a, b)) · 1/(1+ d₁/(1+ d₂/(1+ …))) with
/// d_{2m+1} = −(a+m)(a+b+m) x / ((a+2m)(a+2m+1)) and d_{2m} = m(b−m) x / ((a+2m−1)(a+2m)),
/// evaluated by the modified Lentz method (in plain doubles by the equivalent Wallis
/// recurrences, see `continuedFraction(a:b:x:)`). The fraction converges fast for
/// x < (a+1)/(a+b+2); otherwise the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
///
/// For large a or b the fraction is evaluated in double-double arithmetic: with a large and x
/// near 1 its first denominators are differences of nearly equal numbers (1 + d₁ ≈
/// (½ + a(1−x))/a for Student's t), which in plain doubles cost about log10(a) digits (3e-9
/// relative at ν = 10⁸). Up to `plainDoubleLimit` (a loss under 1e-13) plain doubles do it.
/// The prefactor is formed from the logarithms, so it keeps full double accuracy.
struct IncompleteBeta {
    let value: Double

    /// `logBeta`, when given, is ln B(a, b) as `logBeta(a, b)` computes it.
    init(a: Double, b: Double, x: DoubleDouble, y: DoubleDouble, lnX: Double, lnY: Double, logBeta known: Double? = nil) {
        switch IncompleteBeta.evaluation(a: a, b: b, x: x, y: y, lnX: lnX, lnY: lnY, logBeta: known) {
        case .value(let value): self.value = value
        case .fraction(let fraction): value = fraction.value()
        }
    }

    /// I_x(a, b) without a fraction (x = 0 or 1), or the fraction that gives it.
    enum Evaluation {
        case value(Double)
        case fraction(Fraction)
    }

    /// The continued fraction I_x(a, b) takes and how its value becomes I_x(a, b): the fraction
    /// for (a, b, x) is F with I = front · F / a, or for (b, a, 1 − x) with I = 1 − front · F / b.
    struct Fraction {
        /// The fraction's arguments (a, b and x, or b, a and 1 − x).
        let a: Double
        let b: Double
        let x: DoubleDouble
        /// x^a (1−x)^b / B(a, b), from the logarithms.
        let front: Double
        /// Whether I is 1 − front · F / b (the fraction of the symmetric side).
        let complement: Bool
        /// Whether the fraction runs in plain doubles (`plainDoubleLimit`).
        let isPlain: Bool

        /// I_x(a, b) from the fraction's value F (`a` here is the fraction's first argument: the
        /// original a, or b on the symmetric side).
        func finish(_ fraction: Double) -> Double {
            complement ? 1 - front * fraction / a : front * fraction / a
        }

        /// I_x(a, b).
        func value() -> Double {
            finish(isPlain ? IncompleteBeta.continuedFraction(a: a, b: b, x: x.hi) : IncompleteBeta.continuedFraction(a: a, b: b, x: x))
        }
    }

    /// What I_x(a, b) takes; `known`, when given, is ln B(a, b) as `logBeta(a, b)` computes it.
    static func evaluation(a: Double, b: Double, x: DoubleDouble, y: DoubleDouble, lnX: Double, lnY: Double, logBeta known: Double?) -> Evaluation {
        if x.hi <= 0 { return .value(0) }
        if y.hi <= 0 { return .value(1) }
        let lnFront = a * lnX + b * lnY - (known ?? logBeta(a, b))
        // Plain doubles lose about log10(max(a, b)) digits (under 1e-13 relative below the
        // threshold) and are ~20× faster: an event study takes one p per event and series.
        let plain = max(a, b) <= IncompleteBeta.plainDoubleLimit
        if x.hi < (a + 1) / (a + b + 2) {
            return .fraction(Fraction(a: a, b: b, x: x, front: exp(lnFront), complement: false, isPlain: plain))
        } else {
            return .fraction(Fraction(a: b, b: a, x: y, front: exp(lnFront), complement: true, isPlain: plain))
        }
    }

    /// The largest a or b for which the continued fraction runs in plain doubles (Student's t
    /// up to ν = 1,000); beyond it, in double-double.
    static let plainDoubleLimit = 500.0

    /// The continued fraction in plain doubles, for moderate a and b, where the cancellation in
    /// its first denominators costs at most log10(500) ≈ 2.7 of the 16 digits.
    ///
    /// Evaluated forwards by the Wallis recurrences instead of the Lentz iteration below: with
    /// the fraction written 1/(1 + d₁/(1 + d₂/(1 + …))), its j-th convergent is A_j / B_j where
    /// A_j = A_{j−1} + d_{j−1}·A_{j−2} and B_j likewise (A₁ = B₁ = 1, A₀ = 0, B₀ = 1). That
    /// takes two multiplications and two additions a term where Lentz takes two divisions, and
    /// the two divisions that form each d_m do not depend on the recurrence, so they overlap.
    /// Convergence is tested without a division or a cancelling subtraction: the convergents'
    /// relative change A_j/B_j ÷ A_{j−1}/B_{j−1} − 1 is ±(d₁⋯d_{j−1}) / (A_{j−1}·B_j), from the
    /// determinant identity A_j·B_{j−1} − A_{j−1}·B_j = ±d₁⋯d_{j−1}, and the product of the d's
    /// is kept as they come. The fraction stops, as Lentz's does, when a term changes it by under
    /// 1e-16 relative. A, B and the product are scaled by powers of two if B grows past 2⁵⁰⁰
    /// (no rounding). Against the double-double fraction it is as accurate as Lentz's was
    /// (`PlainDoubleIncompleteBetaTests`). It is the first lane of `continuedFractions`, where
    /// the recurrences are written once; in pairs they take ~60% of the time Lentz's did.
    static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        // One owner of the recurrences: the pair's first lane, the second a copy of it.
        continuedFractions(a: SIMD2(repeating: a), b: SIMD2(repeating: b), x: SIMD2(repeating: x))[0]
    }

    /// Two continued fractions in plain doubles side by side: lane i is exactly
    /// `continuedFraction(a: a[i], b: b[i], x: x[i])` (which is this with both lanes alike; the
    /// lanes never mix, and a lane that has converged keeps its value while the other goes on). One
    /// fraction is a chain of dependent multiplications and additions; two in the lanes of one
    /// vector register take about the time of one.
    static func continuedFractions(a: SIMD2<Double>, b: SIMD2<Double>, x: SIMD2<Double>) -> SIMD2<Double> {
        let one = SIMD2<Double>(repeating: 1)
        let limit = SIMD2<Double>(repeating: 1e-16)
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        let first = -qab * x / qap
        var previous = (a: one, b: one)
        var current = (a: one, b: one + first)
        var product = first
        var value = one
        var active = SIMDMask<SIMD2<Int64>>(repeating: true)
        for m in 1...100_000 {
            let m = SIMD2<Double>(repeating: Double(m))
            let m2 = m + m
            var term = m * (b - m) * x / ((qam + m2) * (a + m2))
            (previous, current) = (current, (current.a + term * previous.a, current.b + term * previous.b))
            product *= term
            term = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            (previous, current) = (current, (current.a + term * previous.a, current.b + term * previous.b))
            product *= term
            let scale = previous.a * current.b
            // |product| < 1e-16 · |scale|, lane by lane.
            let converged = Self.magnitude(product) .< limit * Self.magnitude(scale)
            let finished = active .& converged
            if any(finished) { value.replace(with: current.a / current.b, where: finished) }
            active = active .& .!converged
            if !any(active) { break }
            let large = Self.magnitude(current.b) .> 0x1p500
            if any(large) {
                let factor = SIMD2<Double>(repeating: 1).replacing(with: 0x1p-500, where: large)
                previous = (previous.a * factor, previous.b * factor)
                current = (current.a * factor, current.b * factor)
                product *= factor * factor
            }
        }
        value.replace(with: current.a / current.b, where: active)
        return value
    }

    /// |value|, lane by lane.
    @inline(__always)
    private static func magnitude(_ value: SIMD2<Double>) -> SIMD2<Double> {
        value.replacing(with: -value, where: value .< 0)
    }

    /// The continued fraction above, by the modified Lentz method in double-double. The number
    /// of terms needed grows like √max(a, b); the cap of 100,000 is far beyond what any use
    /// here reaches (Student's t needs under 100 terms for ν up to 10¹²).
    static func continuedFraction(a: Double, b: Double, x: DoubleDouble) -> Double {
        let tiny = DoubleDouble(1e-300)
        let one = DoubleDouble(1)
        let bigA = DoubleDouble(a)
        let bigB = DoubleDouble(b)
        let qab = DoubleDouble.sum(a, b)
        let qap = DoubleDouble.sum(a, 1)
        let qam = DoubleDouble.sum(a, -1)
        func guarded(_ value: DoubleDouble) -> DoubleDouble { abs(value.hi) < 1e-300 ? tiny : value }
        var c = one
        var d = one / guarded(one - qab * x / qap)
        var h = d
        for m in 1...100_000 {
            let m = DoubleDouble(Double(m))
            let m2 = m + m
            var aa = m * (bigB - m) * x / ((qam + m2) * (bigA + m2))
            d = one / guarded(one + aa * d)
            c = guarded(one + aa / c)
            h = h * d * c
            aa = -(bigA + m) * (qab + m) * x / ((bigA + m2) * (qap + m2))
            d = one / guarded(one + aa * d)
            c = guarded(one + aa / c)
            let step = d * c
            h = h * step
            if abs((step - one).value) < 1e-24 { break }
        }
        return h.value
    }
}

// MARK: - Log beta

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b).
///
/// When the larger argument is big, ln Γ(big) − ln Γ(big + small) is formed from Stirling's
/// series instead of subtracting two large `lgamma` values, which would lose about
/// log10(ln Γ(big)) digits (Student's t with ν = 10⁶ has a = 5·10⁵, ln Γ(a) ≈ 6·10⁶).
func logBeta(_ a: Double, _ b: Double) -> Double {
    let small = min(a, b)
    let big = max(a, b)
    guard big >= 10 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
    // ln Γ(z) = (z − ½) ln z − z + ½ ln 2π + δ(z); the ½ ln 2π terms cancel in the difference.
    // (big − ½) ln big − (big + small − ½) ln(big + small) + small
    //   = −(big − ½) log1p(small/big) − small · ln(big + small) + small.
    let leading = -(big - 0.5) * log1p(small / big) - small * log(big + small) + small
    let difference = leading + stirlingCorrection(big) - stirlingCorrection(big + small)
    return lgamma(small) + difference
}

/// δ(z) = ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π], from its asymptotic series
/// Σ B₂ₙ / (2n(2n−1) z^{2n−1}); for z ≥ 10 the six terms used leave an error below 1e-15.
private func stirlingCorrection(_ z: Double) -> Double {
    let inverse = 1 / z
    let inverseSquare = inverse * inverse
    // Coefficients B₂ₙ/(2n(2n−1)) for n = 1…6: 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360.
    var series = -691.0 / 360_360
    series = series * inverseSquare + 1.0 / 1188
    series = series * inverseSquare - 1.0 / 1680
    series = series * inverseSquare + 1.0 / 1260
    series = series * inverseSquare - 1.0 / 360
    series = series * inverseSquare + 1.0 / 12
    return series * inverse
}
