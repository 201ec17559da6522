// MARK: - GDELT layouts

/// Where the fields an import reads sit in a GDELT event row (0-based), by layout.
///
/// Sources: *The GDELT Event Database Data Format Codebook* (GDELT 1.0) and its V2.0 edition
/// (2015-02-19). A 1.0 row has 57 fields before April 1, 2013 (no SOURCEURL: the historical
/// backfile) and 58 after; a 2.0 row has 61, because each of the three geography blocks gains an
/// `ADM2Code` after `ADM1Code`. Everything up to `Actor1Geo_ADM1Code` (position 38) is at the
/// same place in both.
public struct GDELTLayout: Sendable, Equatable {
    /// 57, 58 or 61.
    public let fields: Int
    /// Whether the file opened with a header row of field names.
    public let hasHeader: Bool

    /// "1.0" or "2.0".
    public var version: String { fields == 61 ? "2.0" : "1.0" }
    /// Whether rows carry SOURCEURL (all but the 57-field backfile).
    public var hasSourceURL: Bool { fields != 57 }
    /// Whether DATEADDED says when each event was first seen, so that the 365-day rule applies:
    /// not in the 57-field backfile, whose DATEADDED is the date the backfile was built
    /// (`20130203` on rows of 1979).
    public var checksDateAdded: Bool { fields != 57 }

    /// "GDELT 1.0 (58 fields, no header)".
    public var description: String {
        "GDELT \(version) (\(fields) fields, \(hasHeader ? "with a header row" : "no header")\(fields == 57 ? ", no SOURCEURL" : ""))"
    }

    init?(fields: Int, hasHeader: Bool) {
        guard [57, 58, 61].contains(fields) else { return nil }
        self.fields = fields
        self.hasHeader = hasHeader
    }

    let date = 1
    let actor1Country = 7
    let actor2Country = 17
    let eventCode = 26
    let eventRootCode = 28
    let quadClass = 29
    let goldstein = 30
    let mentions = 31
    let sources = 32
    var actionCountry: Int { fields == 61 ? 53 : 51 }
    var dateAdded: Int { fields == 61 ? 59 : 56 }
    var sourceURL: Int? { fields == 61 ? 60 : fields == 58 ? 57 : nil }

    /// The field names a header row must have at the positions read, as GDELT's header files and
    /// codebooks spell them (compared ignoring case and underscores: BigQuery exports write
    /// `GlobalEventID`, `Actor1Geo_Fullname`).
    var expectedNames: [(position: Int, names: [String])] {
        var names: [(Int, [String])] = [
            (0, ["GLOBALEVENTID"]), (date, ["SQLDATE", "Day"]), (actor1Country, ["Actor1CountryCode"]),
            (actor2Country, ["Actor2CountryCode"]), (eventCode, ["EventCode"]), (eventRootCode, ["EventRootCode"]),
            (quadClass, ["QuadClass"]), (goldstein, ["GoldsteinScale"]), (mentions, ["NumMentions"]), (sources, ["NumSources"]),
            (actionCountry, ["ActionGeo_CountryCode"]), (dateAdded, ["DATEADDED"]),
        ]
        if let sourceURL { names.append((sourceURL, ["SOURCEURL"])) }
        return names
    }

    static func normalized(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" && $0 != " " }
    }
}
