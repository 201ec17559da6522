// MARK: - Claim

/// A reported move, as `ClaimReader` reads it from a newsroom sentence such as
/// "The Dow increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday".
///
/// Every part is optional except that a claim has a verb and at least one part to check; which
/// parts are present decides what `FactCheck` checks.
public struct Claim: Sendable, Hashable {
    /// The whole text as given.
    public var text: String
    /// What comes before the verb ("The Dow"), if anything; not checked against the series.
    public var subject: String?
    /// The verb as written: "increased", "was up", "closed".
    public var verb: String
    /// The direction the verb (or a later "up"/"down"/"higher"/"lower") gives; `nil` for a verb
    /// with none ("closed at 33,833.61").
    public var direction: MoveDirection?
    /// The word that gave the direction, as written ("increased", "higher").
    public var directionText: String?
    /// "258 points", "by 31 points", "more than 250 points".
    public var points: ClaimedNumber?
    /// "0.8%", "1 percent".
    public var percent: ClaimedNumber?
    /// "to 33,833.61", "at 3,231.41": the end close. Whole numbers with trailing zeros are round
    /// numbers (`33,800` is to the nearest 100).
    public var level: ClaimedNumber?
    /// "from 33,573.28": the base close.
    public var baseLevel: ClaimedNumber?
    /// "on Wednesday and Thursday", "on June 8": the days the move spans; `nil` when none are named.
    public var days: ClaimedDays?

    /// A claim from its parts, as `ClaimReader` reads them; every part but the verb and the text may be missing.
    public init(
        text: String, subject: String? = nil, verb: String, direction: MoveDirection?, directionText: String? = nil,
        points: ClaimedNumber? = nil, percent: ClaimedNumber? = nil, level: ClaimedNumber? = nil, baseLevel: ClaimedNumber? = nil,
        days: ClaimedDays? = nil
    ) {
        self.text = text
        self.subject = subject
        self.verb = verb
        self.direction = direction
        self.directionText = directionText ?? (direction == nil ? nil : verb)
        self.points = points
        self.percent = percent
        self.level = level
        self.baseLevel = baseLevel
        self.days = days
    }

    /// Reads a claim; see `ClaimReader`.
    public init(reading text: String) throws(MarketLinkError) {
        self = try ClaimReader.read(text)
    }
}
