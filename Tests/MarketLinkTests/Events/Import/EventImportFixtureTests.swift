import Foundation
import Testing

@testable import MarketLink

/// Every case of `fixtures/events/expected-imports.json` (67 filter combinations over the six
/// fixture files, and 5 refused ones), against the library's import: the counts, the implausible
/// lines and every field of every event. A disagreement is a failure here, never an edit of the
/// expectations (those come from `derive_imports.py`, which `--check` keeps in step with them).
@Suite struct EventImportFixtureTests {
    @Test func theExpectationsAreAllThere() {
        #expect(ExpectedImport.imports.count == 67)
        #expect(ExpectedImport.refusals.count == 5)
    }

    @Test(arguments: ExpectedImport.imports)
    func importGivesTheExpectedEvents(_ expected: ExpectedImport) throws {
        let result = try EventImport.read(path: expected.path, dataset: expected.dataset, filter: expected.filter)
        let counts = result.counts
        #expect(counts.rowsRead == expected.counts["rows_read"])
        #expect(counts.matched == expected.counts["matched"])
        #expect(counts.implausible == expected.counts["implausible"])
        #expect(counts.kept == expected.counts["kept"])
        #expect(counts.events == expected.counts["events"])
        #expect(counts.merged == expected.counts["merged"])
        #expect(result.implausibleLines == expected.implausibleLines)
        try #require(result.events.count == expected.events.count)
        for (event, want) in zip(result.events, expected.events) {
            #expect(event.date.iso == want.date, "\(want.key)")
            #expect(event.title == want.title, "\(want.key)")
            #expect(event.count == want.count, "\(want.key)")
            #expect(event.key == want.key)
            #expect(event.actors == want.actors, "\(want.key)")
            #expect(event.lines == want.lines, "\(want.key)")
            #expect(event.rootCode == want.rootCode, "\(want.key)")
            #expect(event.tags.joined(separator: ";") == want.tags, "\(want.key)")
            #expect(event.scoreText == want.scoreText, "\(want.key)")
            if let score = want.score {
                #expect(abs((event.score ?? .nan) - score) < 1e-12, "\(want.key)")
            } else {
                #expect(event.score == nil, "\(want.key)")
            }
            #expect(event.sources == want.sources, "\(want.key)")
            #expect(event.source == want.source, "\(want.key)")
            #expect(event.fatalities == want.fatalities, "\(want.key)")
        }
    }

    /// The layout each file is recognised as (a header row, its field count, its version).
    @Test(arguments: ["gdelt-1.0-57.tsv", "gdelt-1.0-58.tsv", "gdelt-1.0-58-header.tsv", "gdelt-2.0.tsv", "icews.tab", "acled.csv"])
    func layoutIsRecognised(_ name: String) throws {
        let expected = try #require(ExpectedImport.all.first { $0.file == name })
        let result = try EventImport.read(path: expected.path, dataset: expected.dataset)
        #expect(result.layout.hasPrefix(expected.layout + " ("), "\(result.layout)")
        #expect(result.layout.contains("\(expected.fields) "))
        if expected.dataset == .gdelt {
            #expect(result.layout.contains(expected.header ? "with a header row" : "no header"))
        }
        #expect(result.checksDateAdded == (expected.dataset == .gdelt && expected.fields != 57))
    }

    /// A refused combination is refused by the filter check, with the derivation's reason.
    @Test(arguments: ExpectedImport.refusals)
    func refusedFiltersAreRefused(_ expected: ExpectedImport) throws {
        var problem: EventImportFilter.Problem?
        do throws(EventImportFilter.Problem) {
            try expected.filter.check(for: expected.dataset)
        } catch {
            problem = error
        }
        #expect(problem?.description == expected.refusal)
        #expect(throws: MarketLinkError.self) { try EventImport.read(path: expected.path, dataset: expected.dataset, filter: expected.filter) }
    }
}
