// MARK: - Internal consistency

/// Whether a claim's points, percent and level agree with each other, with no data at all (as
/// statcheck does for reported statistics): the level and the points imply a base, base =
/// level − points for a rise (level + points for a fall), and so a percent, points ÷ base × 100;
/// the claim is consistent when that percent, rounded half away from zero to the decimals the
/// claimed percent is written with, is the claimed percent.
///
/// "increased 258 points, or 0.8%, to 33,833.61" gives 258 ÷ (33,833.61 − 258) = 258 ÷
/// 33,575.61 = 0.7684% → 0.8%: consistent. The check needs all three numbers, written without a
/// qualifier ("more than 250 points" is a bound, not a value).
public struct ClaimConsistency: Sendable, Hashable {
    /// Whether the claim's own numbers agree.
    public enum Status: String, Sendable, Hashable {
        /// The implied percent rounds to the claimed percent.
        case consistent
        /// It does not: the points, percent and level cannot all be right.
        case inconsistent
        /// A number is missing or qualified.
        case notCheckable = "not checkable"
    }

    /// Whether the numbers agree, or why that could not be checked.
    public var status: Status
    /// level ∓ points, when checkable.
    public var impliedBase: Double?
    /// points ÷ base × 100, when checkable.
    public var impliedPercent: Double?
    /// One line with the arithmetic written out: `consistent (258 ÷ (33,833.61 − 258) = 258 ÷
    /// 33,575.61 = 0.7684% → 0.8%)`, `inconsistent (... → 1.0%, not 1.9%)`, `not checkable (no
    /// points, no level)`.
    public var verdict: String

    /// Checks `claim`'s points, percent and level against each other; `notCheckable` when one is
    /// missing or qualified.
    public init(_ claim: Claim) {
        impliedBase = nil
        impliedPercent = nil
        var missing: [String] = []
        if claim.points == nil { missing.append("no points") }
        if claim.percent == nil { missing.append("no percent") }
        if claim.level == nil { missing.append("no level") }
        guard missing.isEmpty, let points = claim.points, let percent = claim.percent, let level = claim.level else {
            status = .notCheckable
            verdict = "not checkable (\(missing.joined(separator: ", ")))"
            return
        }
        let bounded = [points, percent, level].filter { $0.qualifier != .none }
        if let first = bounded.first {
            status = .notCheckable
            verdict = "not checkable (\(quoted(first.phrase)) is a bound, not a value)"
            return
        }
        let falling = claim.direction == .down
        let base = falling ? level.value + points.value : level.value - points.value
        guard base > 0 else {
            status = .notCheckable
            verdict = "not checkable (the level and the points leave no base above zero)"
            return
        }
        let implied = points.value / base * 100
        impliedBase = base
        impliedPercent = implied
        let places = percent.decimals
        let rounded = Self.round(implied, places: places)
        let shownRounded = NumberFormat.string(rounded, decimals: places)
        let arithmetic =
            "\(points.text) ÷ (\(level.text) \(falling ? "+" : "−") \(points.text)) = \(points.text) ÷ "
            + "\(NumberFormat.string(base, decimals: max(points.decimals, level.decimals), grouping: true)) = "
            + "\(NumberFormat.string(implied, decimals: 4))% → \(shownRounded)%"
        if abs(rounded - Self.round(percent.value, places: places)) < 1e-9 {
            status = .consistent
            verdict = "consistent (\(arithmetic))"
        } else {
            status = .inconsistent
            verdict = "inconsistent (\(arithmetic), not \(percent.text)%)"
        }
    }

    /// `value` rounded half away from zero to `places` decimals.
    static func round(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}

extension Claim {
    /// Whether the claim's points, percent and level agree (see `ClaimConsistency`).
    public var consistency: ClaimConsistency { ClaimConsistency(self) }
}
