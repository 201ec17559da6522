import Testing

/// Expects `actual` within `relative` of `expected` (or within `absolute`, for values near 0).
func expectClose(
    _ actual: Double?,
    _ expected: Double,
    relative: Double = 1e-10,
    absolute: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    let tolerance = max(absolute, relative * abs(expected))
    #expect(
        abs(actual - expected) <= tolerance,
        "\(actual) differs from \(expected) by \(abs(actual - expected)), tolerance \(tolerance)",
        sourceLocation: sourceLocation)
}

/// Expects two arrays of the same length, element by element within `relative`.
func expectClose(
    _ actual: [Double]?,
    _ expected: [Double],
    relative: Double = 1e-10,
    absolute: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        expectClose(a, e, relative: relative, absolute: absolute, sourceLocation: sourceLocation)
    }
}
