import Foundation
import Testing
@testable import MarketLink

/// Reports of inputs too large to show whole: the limits (`ReportLimits`) shrunk on the fixtures,
/// where every expected number can be computed from the whole change table, and one synthetic
/// input of tens of thousands of rows, which must stay a few megabytes.
@Suite struct ReportScaleTests {
    typealias F = ReportFixtures

    /// The whole table's rows, for independent expectations.
    static func allRows(_ report: ChangeReport) -> [ChangeRow] {
        Array(ChangeTable(sessions: report.sessions, windows: report.windows).rows)
    }

    static let command = ToolVocabulary { term in term == .changesCommand ? "mlink changes --events e.csv p.csv -o changes.csv" : nil }

    /// The fixtures' report (15 events × 2 series × 2 windows = 60 rows) with limits small enough
    /// to leave out most of it.
    static func compact() throws -> ChangeReport {
        var report = try F.report(vocabulary: command)
        report.limits.tableRows = 20
        report.limits.largestRows = 7
        report.limits.eventCards = 3
        report.limits.listedEvents = 4
        report.limits.chartLines = 1
        report.limits.largestMoveCharts = 2
        report.maxEventCharts = 2
        return report
    }

    @Test func theChangeTableShowsTheLargestMovesAndNamesTheCommandForAll() throws {
        let report = try Self.compact()
        let html = report.report().html()
        #expect(ParsedXML(html).isWellFormed)
        let rows = try ReportHTMLTests.tableRows(html, section: "changes")
        #expect(rows.count == 7)
        // Independently: the 7 largest |percent| of the whole table (no ties among them here).
        let largest = Self.allRows(report).filter { $0.percent != nil }.sorted { abs($0.percent ?? 0) > abs($1.percent ?? 0) }.prefix(7)
        let expected = Set(largest.map { "#" + $0.event.id + " " + $0.series + " " + $0.window.description })
        let groups = try ReportHTMLTests.groups(html, section: "changes")
        var shown: Set<String> = []
        for group in groups {
            let id = ReportGoldenTests.text(group.heading).components(separatedBy: " · ").first ?? ""
            for row in group.rows { shown.insert(id + " " + ReportGoldenTests.text(row[0]) + " " + ReportGoldenTests.text(row[1])) }
        }
        #expect(shown == expected)
        // Groups in the order of the events file.
        let ids = groups.map { Int(ReportGoldenTests.text($0.heading).dropFirst().prefix { $0.isNumber }) ?? 0 }
        #expect(ids == ids.sorted())
        let changes = try #require(ReportHTMLTests.section(html, id: "changes"))
        #expect(changes.contains("The 7 largest of 60 moves by absolute percent (of 60 rows)"))
        #expect(changes.contains("Every row: <code class=\"long\">mlink changes --events e.csv p.csv -o changes.csv</code>."))
    }

    @Test func theSummarySaysWhatIsLeftOut() throws {
        let html = try Self.compact().report().html()
        let summary = try #require(ReportHTMLTests.section(html, id: "summary"))
        #expect(summary.contains("<h3>What this report leaves out</h3>"))
        #expect(summary.contains("The change table has 60 rows; the report shows the 7 largest moves by absolute percent"))
        #expect(summary.contains("Sentences for the first 3 of 15 events, in the order of the events file."))
        #expect(summary.contains("Charts around the first 2 events only."))
        #expect(summary.contains("No overview chart of every series: 2 series are too many for one chart."))
        #expect(summary.contains("Moves across series for 4 of the 15 events"))
        // 3 cards; 2 event charts and 2 charts of the largest moves, each drawn wide and narrow.
        let parsed = ParsedXML(html)
        #expect(parsed.all("article").count == 3)
        #expect(parsed.all("figure").count == 4)
        #expect(summary.contains("<h3>Charts of the largest moves</h3>"))
    }

    @Test func movesAcrossSeriesAreTheMeanOfEachEventsMoves() throws {
        let report = try Self.compact()
        let html = report.report().html()
        let summary = try #require(ReportHTMLTests.section(html, id: "summary"))
        // The across-series table is the summary's grouped table: 4 events, a row per window.
        let table = try #require(summary.components(separatedBy: "<table").first { $0.contains("rowgroup") })
        let groups = try ReportHTMLTests.groups("<section id=\"x\"><table" + table + "</section>", section: "x")
        #expect(groups.count == 4)
        let all = Self.allRows(report)
        // The 4 events with the largest |mean| over −1:1 across DJIA and SSE, computed from the whole table.
        func mean(_ id: String, _ window: String) -> Double {
            let moves = all.filter { $0.event.id == id && $0.window.description == window }.compactMap(\.percent)
            return moves.reduce(0, +) / Double(moves.count)
        }
        let ranked = report.events.map(\.id).sorted { abs(mean($0, "-1:1")) > abs(mean($1, "-1:1")) }.prefix(4)
        let shown = groups.map { String(ReportGoldenTests.text($0.heading).dropFirst().prefix { $0.isNumber }) }
        #expect(Set(shown) == Set(ranked))
        for group in groups {
            let id = String(ReportGoldenTests.text(group.heading).dropFirst().prefix { $0.isNumber })
            #expect(group.rows.count == 2)
            for row in group.rows {
                let window = ReportGoldenTests.text(row[0])
                #expect(row[1] == "2")
                #expect(row[2] == ChangeTable.percentCell(mean(id, window)) + "%", "#\(id) \(window)")
            }
        }
    }

    @Test func cardsWithMoreSeriesThanTheyListGiveTheMovesAcrossThem() throws {
        var report = try Self.compact()
        report.limits.sentencesPerCard = 2
        report.limits.movesPerCardWindow = 1
        report.limits.eventCards = 15  // event 11 gets its card
        let html = report.report().html()
        // Event 11, −1:1: DJIA +0.81%, SSE −0.58% (fixture-numbers.md closes): mean +0.11%, the DJIA's the larger.
        #expect(html.contains("<li><code>-1:1</code> across 2 series: 2 moved, by +0.11% on average; 1 rose, 1 fell.</li>"))
        #expect(
            html.contains(
                "<li><code>-1:1</code> The Dow Jones Industrial Average rose 270.75 points, or 0.81%, to 33,833.61 from Tuesday to Thursday (June 6–8, 2023).</li>"
            ))
    }

    /// 300 events with 300-character titles × 80 series × 3 windows = 72,000 rows.
    @Test func aLargeInputStaysUnderFiveMegabytes() throws {
        var generator = SeededGenerator(seed: 12)
        let first = Day(iso: "2020-01-01") ?? Day(ordinal: 0)
        let days = (0..<700).map { first.adding(days: $0) }.filter { !["Saturday", "Sunday"].contains($0.weekdayName) }
        let series = (0..<80).compactMap { k -> Series? in
            var close = 100.0
            let closes = days.map { _ -> Double in
                close *= 1 + Double(generator.int(-200...200)) / 10_000
                return (close * 100).rounded() / 100
            }
            return Series(name: "SYMBOL-\(k) " + String(repeating: "N", count: 40), days: days, closes: closes)
        }
        let title = String(repeating: "A long, long title <with> & \"marks\" ", count: 9)
        let events = (0..<300).map { k in
            Event(id: String(k + 1), title: title, date: first.adding(days: 40 + k * 2), tags: ["tag\(k % 7)"])
        }
        let windows = try ["-1:1", "0:0", "0:5"].map { try EventWindow(parsing: $0) }
        let report = ChangeReport(
            sessions: EventSessions(events: events, series: series), windows: windows, eventsFile: "events.csv", priceFiles: [],
            generator: "MarketLink test", vocabulary: Self.command)
        let html = report.report().html()
        #expect(html.utf8.count < 5_000_000, "\(html.utf8.count) bytes")
        #expect(TagBalance.check(html) == nil)
        #expect(html.contains("The change table has 72,000 rows"))
        #expect(html.contains("<code class=\"long\">mlink changes --events e.csv p.csv -o changes.csv</code>"))
        // Titles cut to 300 characters wherever shown.
        #expect(!html.contains(MarkupText.escaped(title)))
    }

    // MARK: - The event study

    /// The fixtures' study (estimation −120:−6, so that most events are measured) with limits
    /// that make it large: more results than 5, more series than 1.
    @Test func aLargeStudyShowsEachEventsCAARAcrossTheSeriesAndTheLargestCARs() throws {
        let design = EventStudyDesign(estimation: EventWindow(uncheckedStart: -120, end: -6))
        let study = try EventStudy(events: try F.events(), series: try F.collection().series, design: design)
        var report = StudyReport(study: study, vocabulary: ToolVocabulary { $0 == .studyCommand ? "mlink study -o study.csv" : nil })
        report.limits.tableRows = 5
        report.limits.chartLines = 1
        report.limits.largestRows = 6
        let html = HTMLReport(title: "t", sections: [report.section()], generator: "g").html()
        #expect(ParsedXML(html).isWellFormed)
        let section = try #require(ReportHTMLTests.section(html, id: "study"))
        #expect(section.contains("<h3>What this section leaves out</h3>"))
        #expect(section.contains("The study has 30 results (events × series); the table below shows the 3 largest CARs. Every result: <code class=\"long\">mlink study -o study.csv</code>."))
        #expect(section.contains("No CAAR chart per series: 2 series are too many to chart."))
        #expect(!section.contains("<svg"))
        let ok = study.results.filter(\.status.isOK)
        // The last table: the 3 largest |CAR|, in the order of the results.
        let largest = ok.sorted { abs($0.fit?.car ?? 0) > abs($1.fit?.car ?? 0) }.prefix(3)
        let rows = try ReportHTMLTests.tableRows(html, section: "study")
        #expect(rows.count == 3)
        #expect(Set(rows.map { $0[0] + " " + $0[3] }) == Set(largest.map { "#" + study.events[$0.event].id + " " + study.series[$0.series].name }))
        // Each event's CAAR across the series: the mean of its measured CARs.
        let tables = section.components(separatedBy: "<table").dropFirst()
        let across = try #require(tables.first { $0.contains("CAAR across the series") })
        let acrossRows = try ReportHTMLTests.tableRows("<section id=\"x\"><table" + across + "</section>", section: "x")
        #expect(!acrossRows.isEmpty)
        for row in acrossRows {
            let cars = ok.filter { "#" + study.events[$0.event].id == row[0] }.compactMap { $0.fit?.car }
            #expect(row[3] == String(cars.count))
            let mean = cars.reduce(0, +) / Double(cars.count)
            #expect(row[4].hasPrefix(NumberFormat.string(100 * mean, decimals: 2, plus: true) + "%"), "\(row[0])")
        }
    }
}
