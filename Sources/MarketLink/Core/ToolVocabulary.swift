// MARK: - The caller's names for its settings

/// How the program that calls MarketLink names its own settings and commands, so that the
/// library's explanations can point a reader to them in the program's words ("name it with
/// --market") while saying themselves only what a setting means.
///
/// `none`, the default everywhere, names nothing: the text then says only what is meant, which
/// is what an embedding program without such settings wants. `mlink` fills it in with its flags
/// and commands (`--market`, `--clean`, `--min-estimation 117`, `mlink chart`).
public struct ToolVocabulary: Sendable {
    /// A setting or command of the calling program that an explanation may point to.
    public enum Term: Sendable, Hashable {
        /// The market (time zone and close time) of a series: the series' name, or nil for any series.
        case market(series: String?)
        /// The rule that matches a date-only event to a session, set to this rule.
        case alignment(AlignmentRule)
        /// Leaving estimation sessions inside other events' windows out of the estimation.
        case cleanEstimation
        /// Counting events that share an event session once in the tests across events.
        case mergeSharedSessions
        /// The estimation window, as `A:B` sessions around the event.
        case estimationWindow
        /// The fewest estimation returns an event may use: a value to suggest, or nil for the setting itself.
        case minimumEstimation(Int?)
        /// The normal-return model of a study.
        case model
        /// The benchmark series of a study.
        case benchmark
        /// Taking the adjusted close of a price file instead of its close.
        case adjustedClose
        /// A date near a claim, to find the claim's session by.
        case nearDate
        /// The day a claim or an article was written, that its relative days count from.
        case publicationDate
        /// Where every setting of a study is described.
        case studySettings
        /// The way to draw a chart of any event.
        case chartCommand
        /// The way to get the whole change table.
        case changesCommand
        /// The way to get the whole table of an event study (every event in every series).
        case studyCommand
    }

    private let spell: @Sendable (Term) -> String?

    /// Names each term by `spell`, which returns nil for one the program does not offer.
    public init(_ spell: @escaping @Sendable (Term) -> String?) {
        self.spell = spell
    }

    /// Names nothing.
    public static let none = ToolVocabulary { _ in nil }

    /// What the program calls `term` (with the value to give, where the term carries one), or
    /// nil when it does not offer it.
    public func name(_ term: Term) -> String? {
        spell(term)
    }
}
