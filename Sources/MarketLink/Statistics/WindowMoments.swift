// MARK: - Window moments

/// The sums of a paired sample (xᵢ, yᵢ), i = 1…n — n, Σx, Σy, Σx², Σxy, Σy² — in double-double, so
/// that a window's sums can be taken as the difference of two prefix sums and centred without
/// losing digits.
///
/// Prefix sums make the moments of any window of a series O(1): with Pⱼ the sums over the first j
/// pairs, the window j ≤ i < k has the sums P_k − P_j. In plain doubles that difference loses the
/// digits the two prefixes share (a prefix over 5,000 sessions is ~20× a window of 240), and the
/// centred sums below lose the digits Σy² and (Σy)²/n share, and SSR those S_yy and S_xy²/S_xx
/// share (all of them when the fit is close to perfect). Each product is added exactly
/// (`DoubleDouble.product`) and every sum carries ~32 significant digits, so after both
/// cancellations the results keep far more than the 16 digits of a two-pass computation in
/// doubles: the event study's fast path equals the direct one (`OLS`, `Descriptive`) to ~1e-15
/// relative.
///
/// Used with `x` unused (zero) for the one-variable models, where only Σy and Σy² matter.
struct WindowMoments: Sendable, Equatable {
    /// n.
    var count: Int = 0
    var x = DoubleDouble(0)
    var y = DoubleDouble(0)
    var xx = DoubleDouble(0)
    var xy = DoubleDouble(0)
    var yy = DoubleDouble(0)

    /// Adds one pair.
    @inline(__always)
    mutating func add(x value: Double, y other: Double) {
        count += 1
        x = x + value
        y = y + other
        xx = xx + DoubleDouble.product(value, value)
        xy = xy + DoubleDouble.product(value, other)
        yy = yy + DoubleDouble.product(other, other)
    }

    /// Adds one y value (x unused).
    @inline(__always)
    mutating func add(y other: Double) {
        count += 1
        y = y + other
        yy = yy + DoubleDouble.product(other, other)
    }

    /// The sums of the pairs in `self` but not in `earlier` (a window as two prefixes).
    static func - (later: WindowMoments, earlier: WindowMoments) -> WindowMoments {
        var window = WindowMoments()
        window.count = later.count - earlier.count
        window.x = later.x - earlier.x
        window.y = later.y - earlier.y
        window.xx = later.xx - earlier.xx
        window.xy = later.xy - earlier.xy
        window.yy = later.yy - earlier.yy
        return window
    }

    // MARK: - Centred sums

    /// ȳ = Σy / n (n ≥ 1).
    var meanY: Double { (y / DoubleDouble(Double(count))).value }
    /// x̄ = Σx / n (n ≥ 1).
    var meanX: Double { (x / DoubleDouble(Double(count))).value }

    /// Σ(y − ȳ)² = Σy² − (Σy)²/n, at least 0.
    var centredYY: Double { max(0, (yy - y * y / DoubleDouble(Double(count))).value) }

    /// The sample variance of y, Σ(y − ȳ)²/(n − 1) (n ≥ 2): `Descriptive.sampleVariance` of the window.
    var sampleVarianceY: Double { centredYY / Double(count - 1) }

    // MARK: - Simple regression

    /// The OLS fit of y = α + β·x on the window (as `OLS` computes it from the pairs):
    /// S_xx = Σx² − (Σx)²/n, S_xy = Σxy − Σx·Σy/n, S_yy likewise, β̂ = S_xy/S_xx,
    /// α̂ = (Σy − β̂·Σx)/n, SSR = S_yy − β̂·S_xy (at least 0), every step in double-double.
    /// `nil` when S_xx is not positive; the caller decides whether a positive S_xx is more than
    /// the rounding noise of a constant x (`Descriptive.isVariation`).
    /// The centred sums are formed n times over (n·S_xx = n·Σx² − (Σx)², n a whole number, so
    /// exactly n times S_xx to ~32 digits), which leaves one division on the way to β̂ and SSR
    /// instead of four; the divisions by n that remain do not depend on each other. Each takes
    /// the quotient and one correction (`DoubleDouble.quotient`, ~31 digits), so every `Double`
    /// here is the one the full divisions give but within a hair of a rounding tie.
    var regression: (alpha: Double, beta: Double, meanX: Double, sxx: Double, ssr: Double)? {
        let size = Double(count)
        let n = DoubleDouble(size)
        let nsxx = xx * size - x * x
        guard nsxx.hi > 0 else { return nil }
        let nsxy = xy * size - x * y
        let nsyy = yy * size - y * y
        let beta = DoubleDouble.quotient(nsxy, nsxx)
        let alpha = DoubleDouble.quotient(y - beta * x, n)
        let nssr = nsyy - beta * nsxy
        return (
            alpha.value, beta.value, DoubleDouble.quotient(x, n).value, DoubleDouble.quotient(nsxx, n).value,
            max(0, DoubleDouble.quotient(nssr, n).value)
        )
    }
}
