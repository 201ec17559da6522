// MARK: - CAAR point

/// The cumulative average abnormal return through one session of the event window, with a
/// cross-sectional 95% band.
///
/// With CAR_i(τ) = Σ_{s ≤ τ} AR_is the partial CAR of event i through session offset τ, over the
/// N events used: CAAR(τ) = (1/N)·Σ_i CAR_i(τ); SE(τ) = s_τ/√N with s_τ the sample standard
/// deviation (N − 1 denominator) of the CAR_i(τ); the band is CAAR(τ) ± t₀.₉₇₅,N−1 · SE(τ). At the
/// last session this is the cross-sectional t test of `CrossSectionTests`, so the band excludes 0
/// exactly when that test rejects at 5%. SE and the band are `nil` for N < 2.
public struct CAARPoint: Sendable, Equatable {
    /// τ, relative to t0.
    public var offset: Int
    /// CAAR(τ): the mean over events of CAR_i(τ), as a fraction (0.01 is 1%).
    public var caar: Double
    /// SE(τ): the cross-sectional standard deviation of CAR_i(τ) over √N; `nil` for N < 2.
    public var standardError: Double?
    /// The lower edge of the 95% band; `nil` for N < 2.
    public var lower: Double?
    /// The upper edge of the 95% band; `nil` for N < 2.
    public var upper: Double?
}
