import Foundation
import Testing
@testable import MarketLink

/// The fixtures' change table as the report writes it, each event's title once as the heading of
/// its moves, against the reviewed `Golden/change-table.html`; its numbers against the
/// independent derivation `Derivations/change_table.py` (output `change-table-expected.tsv`).
/// To regenerate the golden file after an intended change, run
///
///     MARKETLINK_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests
///
/// and look at the report in a browser (see `Golden/README.md`) before committing it.
@Suite struct ReportGoldenTests {
    typealias F = ReportFixtures

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = directory.appendingPathComponent("Golden/change-table.html")
    static let derived = directory.appendingPathComponent("Derivations/change-table-expected.tsv")

    /// `<section id="changes">…</section>` of the fixtures' report (windows −1:1 and 0:0).
    static func changesSection() throws -> String {
        let html = try F.report().report().html()
        return "<section id=\"changes\">" + (try #require(ReportHTMLTests.section(html, id: "changes"))) + "</section>\n"
    }

    @Test func groupedChangeTableMatchesItsGoldenFile() throws {
        let rendered = try Self.changesSection()
        if ProcessInfo.processInfo.environment["MARKETLINK_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        guard rendered != expected else { return }
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let goldenLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(lines, goldenLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(lines.count, goldenLines.count)
        Issue.record(
            """
            change-table.html differs from the golden file at line \(line + 1):
              golden:   \(line < goldenLines.count ? String(goldenLines[line]) : "<end>")
              rendered: \(line < lines.count ? String(lines[line]) : "<end>")
            """)
    }

    @Test func goldenChangeTableHoldsTheDerivedMoves() throws {
        let golden = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(ParsedXML(golden).isWellFormed)
        let groups = try ReportHTMLTests.groups("<section id=\"changes\">" + golden, section: "changes")
        // The derivation: a heading line per event (`#id`, date, title), then its moves.
        var expected: [(heading: String, rows: [[String]])] = []
        for line in try String(contentsOf: Self.derived, encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields[0].hasPrefix("#") {
                expected.append((fields.joined(separator: " · "), []))
            } else if !expected.isEmpty {
                expected[expected.count - 1].rows.append(fields)
            }
        }
        #expect(expected.count == 15)
        #expect(groups.count == expected.count)
        for (group, derived) in zip(groups, expected) {
            #expect(Self.text(group.heading) == derived.heading)
            #expect(group.rows.map { $0.map(Self.text) } == derived.rows, "\(derived.heading)")
        }
    }

    /// Inner markup as text: tags dropped, the five escapes undone.
    static func text(_ markup: String) -> String {
        var text = markup.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        for (escape, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: escape, with: character)
        }
        return text
    }
}
