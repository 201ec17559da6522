// MARK: - Import filters

/// Which rows of an event dataset an import keeps (`fixtures/events/README.md`, "Filters"). Every
/// filter given must hold; an empty filter keeps every row.
public struct EventImportFilter: Sendable, Equatable {
    /// ISO 3166-1 alpha-3 codes. One: either side of the row is that country. Two: the row's two
    /// sides are those two, in either order (`[A, A]`: both sides A). Not for ACLED.
    public var actors: [String]
    /// ISO 3166-1 alpha-3 code of the place of the event (GDELT's `ActionGeo_CountryCode`, ICEWS's
    /// `Country`, ACLED's `iso`).
    public var country: String?
    /// A CAMEO code of 2 to 4 digits: the row's full event code starts with it (`04`, the root, or
    /// `042` and everything under it). The merge group stays the root. Not for ACLED.
    public var rootCode: String?
    /// CAMEO quad class 1 … 4 (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict): GDELT's `QuadClass`, ICEWS's class of the root code. Not for ACLED.
    public var quadClass: Int?
    /// GDELT only: rows with at least this many `NumMentions`, row by row before merging.
    public var minimumMentions: Int?
    /// Event dates on or after `from` (inclusive); nil: no lower bound.
    public var from: Day?
    /// Event dates on or before `to` (inclusive); nil: no upper bound.
    public var to: Day?

    /// A filter of the given parts; the defaults keep every row.
    public init(
        actors: [String] = [], country: String? = nil, rootCode: String? = nil, quadClass: Int? = nil, minimumMentions: Int? = nil,
        from: Day? = nil, to: Day? = nil
    ) {
        self.actors = actors
        self.country = country
        self.rootCode = rootCode
        self.quadClass = quadClass
        self.minimumMentions = minimumMentions
        self.from = from
        self.to = to
    }

    /// A filter an import cannot apply, as a case the caller can map to its own words (`mlink`
    /// names the option); `description` says it without naming any option.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Which filter a problem is about.
        public enum Filter: String, Sendable, Equatable {
            /// The actor countries, the single country, the CAMEO root code, the QuadClass, the minimum
            /// mentions, or the date range.
            case actors, country, rootCode, quadClass, minimumMentions, dates
        }

        /// More than two actors.
        case tooManyActors(Int)
        /// A code that is not an ISO 3166-1 alpha-3 code of `CountryTable`.
        case unknownCountry(String, Filter)
        /// A CAMEO code that is not 2 to 4 digits with a root 01 … 20.
        case notACAMEOCode(String)
        /// A quad class outside 1 … 4.
        case notAQuadClass(Int)
        /// A negative minimum.
        case negativeMentions(Int)
        /// `to` before `from`.
        case datesReversed(from: Day, to: Day)
        /// A filter the dataset's rows have nothing to apply it to.
        case notInDataset(EventDataset, Filter)

        /// The filter the problem is about.
        public var filter: Filter {
            switch self {
            case .tooManyActors: .actors
            case .unknownCountry(_, let filter): filter
            case .notACAMEOCode: .rootCode
            case .notAQuadClass: .quadClass
            case .negativeMentions: .minimumMentions
            case .datesReversed: .dates
            case .notInDataset(_, let filter): filter
            }
        }

        /// The problem in words, naming no command-line option.
        public var description: String {
            switch self {
            case .tooManyActors(let count):
                "\(count) actors given: one keeps rows with that country on either side, two the rows between the two countries"
            case .unknownCountry(let code, _):
                "\(quoted(code)) is not an ISO 3166-1 alpha-3 country code (USA, CHN, RUS, ...)"
            case .notACAMEOCode(let code):
                "\(quoted(code)) is not a CAMEO event code: 2 to 4 digits, starting with a root code 01 to 20 (04, 042, 0431)"
            case .notAQuadClass(let value):
                "\(value) is not a quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"
            case .negativeMentions(let value):
                "a minimum of \(value) mentions is below 0"
            case .datesReversed(let from, let to):
                "the last date \(to.iso) is before the first date \(from.iso)"
            case .notInDataset(let dataset, let filter):
                switch (dataset, filter) {
                case (.acled, .actors): "ACLED actors are named groups, not country codes"
                case (.acled, .rootCode): "ACLED rows have no CAMEO code"
                case (.acled, .quadClass): "ACLED rows have no QuadClass"
                default: "\(dataset.displayName) rows have no mention counts"
                }
            }
        }
    }

    /// Checks the filter against what `dataset`'s rows hold, or throws the first problem.
    public func check(for dataset: EventDataset) throws(Problem) {
        if dataset == .acled, !actors.isEmpty { throw .notInDataset(.acled, .actors) }
        if dataset == .acled, rootCode != nil { throw .notInDataset(.acled, .rootCode) }
        if dataset == .acled, quadClass != nil { throw .notInDataset(.acled, .quadClass) }
        if dataset != .gdelt, minimumMentions != nil { throw .notInDataset(dataset, .minimumMentions) }
        if actors.count > 2 { throw .tooManyActors(actors.count) }
        for code in actors where CountryTable.country(iso3: code) == nil { throw .unknownCountry(code, .actors) }
        if let country, CountryTable.country(iso3: country) == nil { throw .unknownCountry(country, .country) }
        if let rootCode {
            let digits = Array(rootCode.utf8)
            guard (2...4).contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                CAMEORootCode.name(String(rootCode.prefix(2))) != nil
            else { throw .notACAMEOCode(rootCode) }
        }
        if let quadClass, !(1...4).contains(quadClass) { throw .notAQuadClass(quadClass) }
        if let minimumMentions, minimumMentions < 0 { throw .negativeMentions(minimumMentions) }
        if let from, let to, to < from { throw .datesReversed(from: from, to: to) }
    }
}
