// MARK: - Countries

/// One country or territory, under the codes each event dataset uses for it.
///
/// Command lines and CAMEO actor codes (GDELT's `Actor1CountryCode`) use ISO 3166-1 alpha-3
/// (`USA`, `CHN`); GDELT's geography fields use FIPS 10-4 (`US`, `CH`); ACLED's `iso` column the
/// ISO 3166-1 numeric code (840, 156); ICEWS writes names ("United States", "Russian Federation").
public struct Country: Sendable, Hashable {
    /// ISO 3166-1 alpha-3, upper case (`XKX` for Kosovo, which has no ISO code).
    public let iso3: String
    /// ISO 3166-1 numeric (UN M49); nil for Kosovo.
    public let isoNumeric: Int?
    /// FIPS 10-4 codes: usually one; none for the few entities FIPS does not code as one unit;
    /// two for the Palestinian territories (West Bank `WE`, Gaza `GZ`).
    public let fipsCodes: [String]
    /// The short English name an event title uses ("United States", "Russia").
    public let name: String
    /// The name as ICEWS writes it in its country columns ("Russian Federation").
    public let icewsName: String

    init(_ iso3: String, _ isoNumeric: Int?, _ fips: String?, _ name: String, icews: String? = nil, alsoFIPS: [String] = []) {
        self.iso3 = iso3
        self.isoNumeric = isoNumeric
        self.fipsCodes = (fips.map { [$0] } ?? []) + alsoFIPS
        self.name = name
        self.icewsName = icews ?? name
    }

    /// The first FIPS 10-4 code, if any.
    public var fips: String? { fipsCodes.first }
}

/// Every current ISO 3166-1 country and territory, and Kosovo (`CountryTable+Entries.swift`
/// cites the standards the codes come from).
public enum CountryTable {
    /// Every entry (250), in the alphabetical order of their ISO names.
    public static var countries: [Country] { all }

    private static let byISO3: [String: Country] = Dictionary(all.map { ($0.iso3, $0) }, uniquingKeysWith: { first, _ in first })

    /// The country with this ISO 3166-1 alpha-3 code, ignoring case; nil when no entry has it.
    public static func country(iso3 code: String) -> Country? {
        byISO3[code.uppercased()]
    }
}
