import Foundation
import Testing
@testable import MarketLink

/// The change report of the fixtures, as HTML. Numbers derived in `Derivations/fixture-numbers.md`.
@Suite struct ReportHTMLTests {
    typealias F = ReportFixtures

    static func html(windows: [String] = ["0:1"]) throws -> String {
        try F.report(windows: windows.map { try EventWindow(parsing: $0) }).report().html()
    }

    @Test func holdsTheSentenceAndTheTableValuesOfEvent11() throws {
        let html = try Self.html()
        #expect(
            html.contains(
                "<li><code>0:1</code> The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023).</li>"
            ))
        // The change-table row of event 11 on the DJIA, cell by cell, under the event's heading.
        let group = try #require(Self.groups(html, section: "changes").first { $0.heading.contains("#11") })
        #expect(
            group.heading
                == "<strong>#11</strong><span class=\"muted\"> · 2023-06-07 · </span>Ambassador Xie Feng addresses the US-China Business Council")
        #expect(
            group.rows.first
                == ["DJIA", "<code>0:1</code>", "2023-06-06", "33,573.28", "2023-06-08", "33,833.61", "+260.33", "+0.78%", "ok"])
        #expect(group.rows.count == 2)
    }

    @Test func isWellFormedXMLWithTheSectionsInOrder() throws {
        let html = try Self.html(windows: ["-1:1", "0:0"])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.all("section").map { $0.attributes["id"] ?? "" } == ["summary", "events", "changes", "data"])
        #expect(parsed.all("h2").map(\.text) == ["Summary", "Events", "Change table", "Data and definitions"])
        // One card per event, each with its chart drawn wide and narrow; plus the overview.
        #expect(parsed.all("article").count == 15)
        #expect(parsed.all("figure").count == 16)
        #expect(parsed.all("svg").count == 32)
        // 15 events × 2 series × 2 windows, each event's title once, as its group's heading.
        #expect(try Self.tableRows(html, section: "changes").count == 60)
        let groups = try Self.groups(html, section: "changes")
        #expect(groups.count == 15)
        #expect(groups.allSatisfy { $0.rows.count == 4 })
        let changes = try #require(Self.section(html, id: "changes"))
        #expect(changes.components(separatedBy: "Ambassador Xie Feng addresses the US-China Business Council").count - 1 == 1)
        #expect(changes.components(separatedBy: "<th scope=\"rowgroup\" colspan=\"9\">").count - 1 == 15)
        #expect(TagBalance.check(html) == nil)
    }

    @Test func isSelfContained() throws {
        let html = try Self.html()
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        // The only address is the SVG namespace, which names and fetches nothing.
        let addresses = html.components(separatedBy: "http").count - 1
        #expect(addresses == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(html.contains("@media print"))
        #expect(html.contains("@media (max-width: 640px)"))
    }

    @Test func sameInputSameBytes() throws {
        #expect(try Self.html() == Self.html())
    }

    @Test func dataSectionNamesFilesLayoutsWindowsRuleAndVersion() throws {
        let html = try Self.html(windows: ["-1:1", "0:0"])
        let data = try #require(Self.section(html, id: "data"))
        let rows = try Self.tableRows(html, section: "data")
        #expect(rows.count == 2)
        // The paths as given (here absolute, as `ReportFixtures` loads them).
        // Code longer than 20 characters may wrap (`class="long"`).
        let djia = "<code class=\"long\">" + CLIRunner.fixture("fixtures/djia.csv") + "</code>"
        let sse = "<code class=\"long\">" + CLIRunner.fixture("fixtures/sse.csv") + "</code>"
        #expect(Array(rows[0].prefix(4)) == [djia, "FRED (old)", "DJIA", "DJIA"])
        #expect(Array(rows[1].prefix(4)) == [sse, "Investing.com (Chinese)", "收盘", "SSE"])
        #expect(rows[0][4] == "NYSE (America/New_York, close 16:00)")
        #expect(data.contains("<code class=\"long\">fixtures/events-2023.csv</code>: 15 events, December 7, 2022–June 19, 2023"))
        #expect(data.contains("<dt>Window <code>-1:1</code></dt>"))
        #expect(data.contains("the close of the base session t0\u{2212}2 to the close of the end session t0+1"))
        #expect(data.contains("<code>--align next</code>"))
        #expect(data.contains("<dt>Made by</dt>\n") && data.contains("<dd>MarketLink test</dd>"))
    }

    @Test func largestMovesAreRankedByAbsolutePercent() throws {
        let report = try F.report(windows: [try EventWindow(parsing: "0:0")])
        let table = report.largestMovesTable(report.digest(), count: 3)
        let percents = table.rows.map { $0[6].plainText }
        #expect(percents.count == 3)
        let magnitudes = percents.map { Double($0.dropFirst().dropLast()) ?? 0 }
        #expect(magnitudes == magnitudes.sorted(by: >))
        // Independently: every 0:0 percent in the change table, largest magnitude first.
        let all = ChangeTable(sessions: report.sessions, windows: report.windows).rows.compactMap { $0.percent }.map { abs($0) }.sorted(by: >)
        #expect(abs((magnitudes.first ?? 0) - ((all.first ?? 0) * 100).rounded() / 100) < 1e-9)
    }

    @Test func directionCountsAddUpToTheEvents() throws {
        let report = try F.report()
        let table = report.directionTable(report.digest())
        #expect(table.rows.count == 4)
        for row in table.rows {
            let counts = row[2...5].map { Int($0.plainText) ?? -1 }
            #expect(counts.reduce(0, +) == 15)
        }
    }

    @Test func rowsWithoutNumbersShowTheirStatusAndItsMeaning() throws {
        var events = try F.events()
        events.append(Event(id: "99", title: "After the data", date: F.day("2024-03-01")))
        let html = try F.report(events: events).report().html()
        let rows = try #require(try Self.groups(html, section: "changes").first { $0.heading.hasPrefix("<strong>#99</strong>") }).rows
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0[2] == "—" && $0[6] == "" && $0[7] == "" && $0[8] == "<strong>after-data</strong>" })
        #expect(html.contains("<dt><code>after-data</code></dt>"))
        #expect(html.contains("DJIA: no move (<code>after-data</code>: the event is after the last session of the data)."))
        #expect(ParsedXML(html).isWellFormed)
    }

    @Test func chartsStopAtTheLimitAndSaySo() throws {
        var report = try F.report()
        report.maxEventCharts = 2
        let html = report.report().html()
        #expect(ParsedXML(html).all("figure").count == 3)
        #expect(html.contains("Charts are drawn for the first 2 events of 15; <code>mlink chart</code> draws any of them."))
    }

    /// The report as an embedding program gets it (no vocabulary): what each rule and status
    /// means, with no flag or command of mlink. `ReportFixtures.report` passes mlink's by default.
    @Test func withoutAVocabularyTheReportNamesNoFlagOrCommand() throws {
        var report = try F.report(vocabulary: .none)
        report.maxEventCharts = 2
        var html = report.report()
        let design = EventStudyDesign(estimation: EventWindow(uncheckedStart: -300, end: -200))
        let study = try EventStudy(events: try F.events(), series: try F.collection().series, design: design)
        html.insert(StudyReport(study: study).section(), after: "changes")
        let text = html.html()
        #expect(text.contains("Charts are drawn for the first 2 events of 15.</p>"))
        #expect(text.contains("For an event with a date only, the first session dated on or after the event date; for an event with a time"))
        #expect(text.contains("every event, series and window, in the order of the events file, each event&#39;s title once above its moves.</caption>"))
        #expect(
            text.contains(
                "Choose the study&#39;s windows to fit the data: the estimation window, the fewest estimation returns an event may use, the model and the benchmark."
            ))
        #expect(!text.contains("<code>--") && !text.contains("<code>mlink"))
        #expect(text.range(of: #"--[a-z]"#, options: .regularExpression) == nil)
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        var events = try F.events()
        events[0].title = F.hostile
        events[0].tags = [F.hostile]
        events[0].source = F.hostile
        var report = try F.report(events: events)
        report.title = F.hostile
        report.eventsFile = F.hostile
        let html = report.report().html()
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("<title>" + F.hostileEscaped + "</title>"))
        #expect(html.contains("<h1>" + F.hostileEscaped + "</h1>"))
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.all("th").contains { $0.text == F.hostile })
        #expect(parsed.all("h3").contains { $0.text.hasSuffix(" · " + F.hostile) })
    }

    @Test func sectionsFromOtherAnalysesGoWhereTheySay() throws {
        var report = try F.report().report()
        let extra = ReportSection(
            id: "study", heading: "Event study",
            blocks: [
                .table(ReportTable(columns: [.init("tag"), .init("n", .number)], rows: [["diplomacy", "9"]])),
                .bandChart(BandChart(title: "CAAR", sessions: [BandChart.Session(offset: 0, value: 1, lower: 0, upper: 2)])),
            ])
        report.insert(extra, after: "changes")
        #expect(report.sections.map(\.id) == ["summary", "events", "changes", "study", "data"])
        report.insert(ReportSection(id: "end", heading: "End", blocks: []), after: "no-such-section")
        #expect(report.sections.last?.id == "end")
        let html = report.html()
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed)
        #expect(parsed.all("a").map { $0.attributes["href"] ?? "" }.contains("#study"))
        #expect(html.contains("<td class=\"num\" data-label=\"n\">9</td>"))
    }

    // MARK: - Helpers

    /// The text between `<section id="ID">` and its `</section>`.
    static func section(_ html: String, id: String) -> String? {
        guard let start = html.range(of: "<section id=\"\(id)\">") else { return nil }
        guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// The cells (inner markup) of each body row of the section's last table, groups included
    /// (their heading rows left out).
    static func tableRows(_ html: String, section id: String) throws -> [[String]] {
        try groups(html, section: id).flatMap(\.rows)
    }

    /// The section's last table as its row groups: each `<tbody>`'s heading (the inner markup of
    /// its `<th scope="rowgroup">`, empty for rows without one) and the cells of its rows.
    static func groups(_ html: String, section id: String) throws -> [(heading: String, rows: [[String]])] {
        let body = try #require(section(html, id: id))
        let table = try #require(body.components(separatedBy: "<table").last)
        return table.components(separatedBy: "<tbody").dropFirst().map { group in
            let content = group.components(separatedBy: "</tbody>").first ?? ""
            var heading = ""
            if let open = content.range(of: "<th scope=\"rowgroup\""), let end = content.range(of: "</th>", range: open.upperBound..<content.endIndex),
                let close = content[open.upperBound..<end.lowerBound].firstIndex(of: ">")
            {
                heading = String(content[content.index(after: close)..<end.lowerBound])
            }
            let rows = content.components(separatedBy: "</tr>").filter { $0.contains("<td") }.map { row in
                row.components(separatedBy: "</td>").dropLast().map { cell -> String in
                    // Inner markup after the opening `<td ...>`.
                    guard let open = cell.range(of: "<td") else { return "" }
                    let rest = cell[open.upperBound...]
                    guard let close = rest.firstIndex(of: ">") else { return "" }
                    return String(rest[rest.index(after: close)...])
                }
            }
            return (heading, rows)
        }
    }
}

// MARK: - Tag balance

/// A second, independent check that every element is closed in order: a small scanner over
/// `<name`, `</name>` and `/>`, skipping the doctype and the style sheet's text.
enum TagBalance {
    /// `nil` when balanced, else a description of the first problem.
    static func check(_ html: String) -> String? {
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            guard let close = rest.firstIndex(of: ">") else { return "unclosed <" }
            let tag = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                guard stack.popLast() == name else { return "</\(name)> closes \(stack.last ?? "nothing")" }
                continue
            }
            if tag.hasSuffix("/") { continue }
            let name = String(tag.prefix { !$0.isWhitespace })
            stack.append(name)
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.last ?? "")>"
    }
}
