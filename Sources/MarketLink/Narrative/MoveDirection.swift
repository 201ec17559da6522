// MARK: - Move direction

/// Which way a move went, as a sentence reports it.
public enum MoveDirection: String, Sendable, Hashable, CaseIterable {
    /// The end close is above the base close: "rose".
    case up
    /// The end close is below the base close: "fell".
    case down
    /// The move prints as zero in points and percent: "was unchanged".
    case unchanged

    /// The direction of `move` at the precision a sentence prints it (`precision` for the points,
    /// two decimals for the percent): `unchanged` when both print as zero, so that a sentence
    /// never says "rose 0.00 points, or 0.00%"; otherwise `up` or `down` by the sign of end − base.
    public init(_ move: Move, precision: DisplayPrecision = .cents) {
        self.init(base: move.baseClose, end: move.endClose, precision: precision)
    }

    /// The direction of the move from close `base` to close `end`, as `init(_:precision:)`
    /// decides it (for a table of millions of moves, without making each a `Move`).
    public init(base: Double, end: Double, precision: DisplayPrecision = .cents) {
        let points = precision.points(from: base, to: end)
        // Against a base at or below 0 (a tally of events) there is no percent: the points decide.
        let percent = base > 0 ? NumberFormat.rounded(100 * (end / base - 1), decimals: 2) : 0
        if points == 0, percent == 0 {
            self = .unchanged
        } else {
            self = end > base ? .up : .down
        }
    }

    /// The verb a sentence uses: `rose`, `fell`, `was unchanged`.
    public var verb: String {
        switch self {
        case .up: "rose"
        case .down: "fell"
        case .unchanged: "was unchanged"
        }
    }
}
