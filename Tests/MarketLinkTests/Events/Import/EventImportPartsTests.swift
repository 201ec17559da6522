import Foundation
import Testing

@testable import MarketLink

/// The parts of an import on their own: the tables it carries against the fixtures' copies,
/// records cut at every chunk boundary, numbers read exactly, means rounded half away from zero.
@Suite struct EventImportPartsTests {
    static func tsv(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: CLI.fixture("fixtures/events/" + name), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// `cameo-root-codes.tsv` (CAMEO 1.1b3's root codes, written independently) and the table in code agree.
    @Test func cameoRootCodes() throws {
        let rows = try Self.tsv("cameo-root-codes.tsv")
        #expect(rows.count == 20)
        for row in rows {
            let code = try #require(row["code"])
            #expect(CAMEORootCode.name(code) == row["name"], "\(code)")
            #expect(CAMEORootCode.quadClass(code).map(String.init) == row["quad_class"], "\(code)")
            #expect(CAMEORootCode.quadClassNames[(CAMEORootCode.quadClass(code) ?? 1) - 1] == row["quad_name"])
        }
        #expect(CAMEORootCode.name("00") == nil && CAMEORootCode.name("21") == nil && CAMEORootCode.name("4") == nil)
    }

    /// Every country of `countries.tsv` is in the table with the same codes and names.
    @Test func countriesOfTheFixtures() throws {
        for row in try Self.tsv("countries.tsv") {
            let country = try #require(CountryTable.country(iso3: row["iso3"] ?? ""))
            #expect(country.isoNumeric.map { String(format: "%03d", $0) } == row["iso_numeric"], "\(country.iso3)")
            #expect(country.fips == row["fips"], "\(country.iso3)")
            #expect(country.name == row["name"], "\(country.iso3)")
            #expect(country.icewsName == row["icews_name"], "\(country.iso3)")
        }
    }

    /// The whole table: 249 ISO 3166-1 entries and Kosovo, codes unique and well formed; a few
    /// entries checked by hand against the standards (FIPS differs from ISO alpha-2 for these).
    @Test func countryTable() throws {
        let all = CountryTable.countries
        #expect(all.count == 250)
        #expect(Set(all.map(\.iso3)).count == 250)
        #expect(Set(all.compactMap(\.isoNumeric)).count == 249)
        let fips = all.flatMap(\.fipsCodes)
        #expect(Set(fips).count == fips.count)
        for country in all {
            #expect(country.iso3.utf8.count == 3 && country.iso3.allSatisfy { $0.isUppercase }, "\(country.iso3)")
            #expect(country.fipsCodes.allSatisfy { $0.utf8.count == 2 }, "\(country.iso3)")
            #expect((1...999).contains(country.isoNumeric ?? 1), "\(country.iso3)")
        }
        let checks: [(String, Int?, [String], String)] = [
            ("DEU", 276, ["GM"], "Germany"), ("GBR", 826, ["UK"], "United Kingdom"), ("KOR", 410, ["KS"], "South Korea"),
            ("PRK", 408, ["KN"], "North Korea"), ("AUS", 36, ["AS"], "Australia"), ("AUT", 40, ["AU"], "Austria"),
            ("ISR", 376, ["IS"], "Israel"), ("PSE", 275, ["WE", "GZ"], "Palestine"), ("XKX", nil, ["KV"], "Kosovo"),
            ("SSD", 728, ["OD"], "South Sudan"), ("HKG", 344, ["HK"], "Hong Kong"),
        ]
        for (code, numeric, fips, name) in checks {
            let country = try #require(CountryTable.country(iso3: code.lowercased()))
            #expect(country.isoNumeric == numeric && country.fipsCodes == fips && country.name == name, "\(code)")
        }
        #expect(CountryTable.country(iso3: "ROM") == nil)
    }

    /// Records cut at every byte: each fixture read in chunks of 1, 2, 3, 7 and 61 bytes gives the
    /// events a whole-file read gives.
    @Test(arguments: ["gdelt-1.0-57.tsv", "gdelt-1.0-58-header.tsv", "gdelt-2.0.tsv", "icews.tab", "acled.csv"])
    func chunkBoundaries(_ name: String) throws {
        let expected = try #require(ExpectedImport.all.first { $0.file == name })
        let whole = try EventImport.read(path: expected.path, dataset: expected.dataset)
        for size in [1, 2, 3, 7, 61] {
            let pieces = try EventImport.read(path: expected.path, dataset: expected.dataset, filter: .init(), chunkSize: size)
            #expect(pieces.counts == whole.counts, "\(size)")
            #expect(pieces.events == whole.events, "\(size)")
        }
    }

    /// CRLF line endings, a byte-order mark, blank lines, and an ACLED cell holding a line break
    /// (its row starts on line 2 and the next row on line 4).
    @Test func lineEndingsAndQuotedLineBreaks() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let acled = try String(contentsOfFile: CLI.fixture("fixtures/events/acled.csv"), encoding: .utf8)
        var lines = acled.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let note = "Synthetic: workers of an electronics plant gathered at the gate over unpaid wages."
        #expect(lines[1].contains("," + note + ","))
        lines[1] = lines[1].replacingOccurrences(of: note, with: "\"Synthetic:\r\nworkers of an electronics plant gathered at the gate over unpaid wages.\"")
        lines.insert("", at: 3)
        let path = try CLI.write(lines.joined(separator: "\r\n"), named: "acled.csv", in: folder)
        for size in [1, 5, 1 << 20] {
            let result = try EventImport.read(path: path, dataset: .acled, filter: .init(), chunkSize: size)
            #expect(result.counts.rowsRead == 28)
            let first = try #require(result.events.first { $0.date.iso == "2023-04-03" })
            #expect(first.lines == [2, 4])
        }
        let unclosed = try CLI.write(lines[0] + "\n" + "CHN1,2023-04-03,\"open\n", named: "open.csv", in: folder)
        #expect(throws: MarketLinkError("a quoted cell opened on this line is never closed", at: SourceLocation(file: unclosed, line: 2))) {
            try EventImport.read(path: unclosed, dataset: .acled)
        }
    }

    @Test func decimalsAreReadExactly() {
        func read(_ text: String) -> Int64? {
            Array(text.utf8).withUnsafeBufferPointer { ImportBytes.millionths($0) }
        }
        #expect(read("1.675") == 1_675_000)
        #expect(read("-2") == -2_000_000)
        #expect(read(".5") == 500_000)
        #expect(read("+7.0") == 7_000_000)
        #expect(read(" -10.0 ") == -10_000_000)
        #expect(read("1.2345675") == 1_234_568)
        #expect(read("-1.2345674") == -1_234_567)
        for bad in ["", "-", ".", "1.2.3", "1e3", "abc", "1,5", "1234567890123.5"] { #expect(read(bad) == nil, "\(bad)") }
    }

    /// Means rounded half away from zero to 4 decimals, from the integer sum (no binary
    /// rounding): 0.00005 is 0.0001, −0.00005 is −0.0001, 0.000049 is 0 (never "-0").
    @Test func meansAreRoundedHalfAwayFromZero() {
        #expect(EventMerger.meanText(9_900_000, count: 3) == "3.3")
        #expect(EventMerger.meanText(-4_000_000, count: 2) == "-2")
        #expect(EventMerger.meanText(6_700_000, count: 4) == "1.675")
        #expect(EventMerger.meanText(50, count: 1) == "0.0001")
        #expect(EventMerger.meanText(-50, count: 1) == "-0.0001")
        #expect(EventMerger.meanText(-49, count: 1) == "0")
        #expect(EventMerger.meanText(1_000_000, count: 3) == "0.3333")
        #expect(EventMerger.meanText(2_000_000, count: 3) == "0.6667")
        #expect(EventMerger.meanText(0, count: 5) == "0")
        #expect(EventMerger.meanText(Int64.max, count: 1) == "9223372036854.7758")
        #expect(EventMerger.slug("Strategic developments") == "strategic-developments")
        #expect(EventMerger.slug("Explosions/Remote violence") == "explosions-remote-violence")
    }
}
