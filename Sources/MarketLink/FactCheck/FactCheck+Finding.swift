// MARK: - Finding

extension FactCheck {
    /// The verdict on one part of a claim: what it says, what the data says, and whether the
    /// claim holds at its own precision.
    public struct Finding: Sendable, Hashable {
        /// Which part of a claim a finding is about.
        public enum Part: String, Sendable, Hashable, CaseIterable {
            /// The end level: "to 33,833.61".
            case level
            /// The base level: "from 33,573.28".
            case baseLevel = "base level"
            /// The direction: "rose", "fell".
            case direction
            /// The move in index points.
            case points
            /// The move in percent.
            case percent
            /// The days the move spans: "on Wednesday and Thursday".
            case days
        }

        /// Whether the part holds.
        public enum Status: String, Sendable, Hashable, CaseIterable {
            /// The claim states the number to the cent, as the data has it.
            case exact
            /// The true value rounds to the claim at the claim's precision (or meets its bound).
            case holds
            /// It does not.
            case off
            /// There was no move to check it against (see the check's notes).
            case unchecked

            /// `exact` or `holds`.
            public var isHolding: Bool { self == .exact || self == .holds }
        }

        /// The part of the claim judged.
        public var part: Part
        /// The part as the claim writes it: `258`, `0.8%`, `increased`, `on Wednesday and Thursday`.
        public var claimed: String
        /// The same from the data: `260.33`, `0.78%`, `rose`, `on Wednesday and Thursday (June 7–8, 2023)`.
        public var actual: String
        /// The claimed number (magnitude), for numeric parts.
        public var claimedValue: Double?
        /// The true number (magnitude for points and percent), for numeric parts that were checked.
        public var actualValue: Double?
        /// actual − claimed, for a numeric part that is off; `nil` otherwise.
        public var difference: Double?
        /// Whether the part holds: `exact`, `holds`, `off` or `unchecked`.
        public var status: Status
        /// One line a reader can take in: `exact (2023-06-08)`, `holds (0.78% → 0.8%)`, `off by 2.33`.
        public var verdict: String

        /// A finding with its texts, values and verdict, as `FactCheck` makes them.
        public init(
            part: Part, claimed: String, actual: String, claimedValue: Double? = nil, actualValue: Double? = nil,
            difference: Double? = nil, status: Status, verdict: String
        ) {
            self.part = part
            self.claimed = claimed
            self.actual = actual
            self.claimedValue = claimedValue
            self.actualValue = actualValue
            self.difference = difference
            self.status = status
            self.verdict = verdict
        }
    }
}
