// MARK: - Descriptive statistics

/// Mean and variance of a sample of values.
///
/// Two variances, named for what they divide by:
/// - `sampleVariance`: s² = Σ(xᵢ − x̄)² / (n − 1), the unbiased estimator (n − 1 degrees of
///   freedom) used for every σ̂² of the event-study statistics;
/// - `populationVariance`: Σ(xᵢ − x̄)² / n, the variance of the values themselves.
///
/// Both use two passes (the mean first, then squared deviations, with the usual correction
/// term −(Σ(xᵢ − x̄))²/n for the rounding of x̄), so a series of returns around 1e-4 with a level
/// offset does not lose digits. Non-finite input gives a non-finite result.
public enum Descriptive {
    /// x̄ = Σxᵢ / n; `nil` for an empty input.
    public static func mean(_ values: some Collection<Double>) -> Double? {
        guard !values.isEmpty else { return nil }
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }

    /// s² = Σ(xᵢ − x̄)² / (n − 1); `nil` for fewer than two values (no degree of freedom left).
    public static func sampleVariance(_ values: some Collection<Double>) -> Double? {
        guard values.count >= 2, let squares = sumOfSquaredDeviations(values) else { return nil }
        return squares / Double(values.count - 1)
    }

    /// s = √s², the sample standard deviation (n − 1 denominator); `nil` for fewer than two values.
    public static func sampleStandardDeviation(_ values: some Collection<Double>) -> Double? {
        sampleVariance(values).map { $0.squareRoot() }
    }

    /// Σ(xᵢ − x̄)² / n; `nil` for an empty input, 0 for a single value.
    public static func populationVariance(_ values: some Collection<Double>) -> Double? {
        guard let squares = sumOfSquaredDeviations(values) else { return nil }
        return squares / Double(values.count)
    }

    /// Σ(xᵢ − x̄)², corrected for the rounding of x̄; `nil` for an empty input.
    static func sumOfSquaredDeviations(_ values: some Collection<Double>) -> Double? {
        guard let mean = mean(values) else { return nil }
        var squares = 0.0
        var deviations = 0.0
        for value in values {
            let deviation = value - mean
            squares += deviation * deviation
            deviations += deviation
        }
        let corrected = squares - deviations * deviations / Double(values.count)
        return corrected < 0 ? 0 : corrected  // NaN passes through
    }

    /// Whether a sum of squared deviations Σ(xᵢ − x̄)² of `count` values no larger than `largest`
    /// in magnitude is real variation rather than the rounding noise of a constant series (whose
    /// computed mean can be off by an ulp): it must exceed (n·2⁻⁴⁸·max|xᵢ|)².
    static func isVariation(_ sumOfSquares: Double, count: Int, largest: Double) -> Bool {
        let noise = Double(count) * 0x1p-48 * largest
        return sumOfSquares > 0 && sumOfSquares > noise * noise
    }
}
