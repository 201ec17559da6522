// MARK: - Move direction

/// Which way a move went, as a sentence reports it.
public enum MoveDirection: String, Sendable, Hashable, CaseIterable {
    case up
    case down
    case unchanged

    /// The direction of `move` at the precision a sentence prints (2 decimals): `unchanged` when
    /// both the points and the percent print as 0.00, so that a sentence never says "rose 0.00
    /// points, or 0.00%"; otherwise `up` or `down` by the sign of end − base.
    public init(_ move: Move) {
        let points = NumberFormat.string(abs(move.points), decimals: 2)
        let percent = NumberFormat.string(abs(move.percent), decimals: 2)
        if points == "0.00", percent == "0.00" {
            self = .unchanged
        } else {
            self = move.endClose > move.baseClose ? .up : .down
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
