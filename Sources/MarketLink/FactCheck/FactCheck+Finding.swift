// MARK: - Finding

extension FactCheck {
    /// The verdict on one part of a claim: what it says, what the data says, and whether the
    /// claim holds at its own precision.
    public struct Finding: Sendable, Hashable {
        public enum Part: String, Sendable, Hashable, CaseIterable {
            case level
            case baseLevel = "base level"
            case direction
            case points
            case percent
            case days
        }

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
        public var status: Status
        /// One line a reader can take in: `exact (2023-06-08)`, `holds (0.78% → 0.8%)`, `off by 2.33`.
        public var verdict: String

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
