import Foundation
import Testing
@testable import MarketLink

/// The event-study section of `mlink report`.
@Suite struct StudyReportTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    /// The text of the `study` section, tags removed.
    static func studyText(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"study\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func aWindowTheDataCoverGivesTablesAndBandCharts() throws {
        let run = try CLIRunner.run(["report"] + Self.inputs + ["--estimation", "-120:-6", "--max-charts", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        let parsed = ParsedXML(run.stdout)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(TagBalance.check(run.stdout) == nil)
        // After the change table, before the data section.
        let ids = parsed.all("section").compactMap { $0.attributes["id"] }
        #expect(ids == ["summary", "events", "changes", "study", "data"])
        let section = try Self.studyText(run.stdout)
        // The summary of all SSE events (see StudyCommandTests) and the per-tag rows.
        #expect(section.contains("<td class=\"num\" data-label=\"cross-sectional t\">-2.20** (0.045)</td>"))
        #expect(section.contains("<td class=\"label\" data-label=\"group\">meeting</td>"))
        // r̄ and the adjusted tests in a table of their own after the summary, which keeps its
        // columns. SSE, all 15 events (Derivations/kolari_pynnonen.json): r̄ 0.0198, adjusted
        // Patell Z −1.5751 (p 0.115), adjusted BMP t −1.8403 (p 0.087).
        let clusteredStart = try #require(section.range(of: "<caption>Allowing for clustered events (Kolari &amp; Pynnönen 2010)"))
        let clusteredEnd = try #require(section.range(of: "</table>", range: clusteredStart.upperBound..<section.endIndex))
        let clustered = String(section[clusteredStart.lowerBound..<clusteredEnd.lowerBound])
        let sseAll = try #require(clustered.components(separatedBy: "<tr>").first { $0.contains(">SSE<") && $0.contains(">all events<") })
        #expect(sseAll.contains("data-label=\"n\">15<") && sseAll.contains("data-label=\"r̄\">+0.020<"))
        #expect(sseAll.contains("data-label=\"adjusted Patell Z\">-1.58 (0.115)<"))
        #expect(sseAll.contains("data-label=\"BMP t\">-2.10* (0.054)<") && sseAll.contains("data-label=\"adjusted BMP t\">-1.84* (0.087)<"))
        #expect(!section[..<clusteredStart.lowerBound].contains("adjusted"))
        #expect(section.contains("SSE: 15 events on 12 event sessions; sharing a session: #6 and #7 (2023-05-22)"))
        // Event 5 in SSE.
        #expect(section.contains("<td class=\"num\" data-label=\"CAR\">-2.79%**</td>"))
        // A CAAR chart per series (15 events each), wide and narrow: 2 figures in the section.
        #expect(section.components(separatedBy: "<figure").count - 1 == 2)
        #expect(section.contains("DJIA: CAAR over 15 events"))
        #expect(section.contains("95% confidence band"))
    }

    @Test func whenNothingCanBeMeasuredTheSectionSaysWhy() throws {
        let run = try CLIRunner.run(["report"] + Self.inputs + ["--estimation", "-300:-200", "--max-charts", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        let section = try Self.studyText(run.stdout)
        #expect(section.contains("<strong>No event could be measured. </strong>"))
        #expect(section.contains("Of 30 event and series pairs, 30 estimation-off-data"))
        #expect(section.contains("DJIA: none (its first event has only 131 sessions of data before its event session"))
        // What to change, in mlink's flags (the library says what each setting is).
        #expect(
            section.contains(
                "Choose the study&#39;s windows to fit the data: the estimation window (<code>--estimation A:B</code>), the fewest estimation returns an event may use (<code>--min-estimation N</code>), the model (<code>--model</code>) and the benchmark (<code>--benchmark</code>); see <code>mlink study --help</code>."
            ))
        #expect(!section.contains("<figure"))
        #expect(!section.contains("<table"))
    }

    @Test func marketModelAndNoStudy() throws {
        let model = try CLIRunner.run(
            [
                "report", "--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "--benchmark", "fixtures/sp500.csv",
                "--estimation", "-120:-6", "--max-charts", "0",
            ])
        #expect(model.status == 0, "\(model.stderr)")
        let section = try Self.studyText(model.stdout)
        #expect(section.contains("market model"))
        #expect(section.contains("<code>fixtures/sp500.csv</code>"))
        let none = try CLIRunner.run(["report"] + Self.inputs + ["--no-study", "--max-charts", "0"])
        #expect(!none.stdout.contains("<section id=\"study\">"))
        let bad = try CLIRunner.run(["report"] + Self.inputs + ["--model", "market"])
        #expect(bad.status == 64 && bad.stderr.contains("needs a benchmark series"))
    }

    @Test func hostileTitlesAreEscapedInTheStudySection() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try CLI.write(
            "date,title,tags\n2023-06-07,\"<script>alert(1)</script>\",\"<b>\"\n2023-06-08,plain,x\n", named: "events.csv", in: folder)
        let run = try CLIRunner.run(["report", "--events", events, "fixtures/djia.csv", "--estimation", "-120:-6", "--max-charts", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        let section = try Self.studyText(run.stdout)
        #expect(!section.lowercased().contains("<script"))
        #expect(!section.contains("<b>"))
        #expect(section.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(ParsedXML(run.stdout).isWellFormed)
    }
}
