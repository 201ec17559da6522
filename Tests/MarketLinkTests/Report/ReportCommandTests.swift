import Foundation
import Testing
@testable import MarketLink

/// `mlink report` end to end: the README's command on the bundled fixtures.
@Suite struct ReportCommandTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "SSE=fixtures/sse.csv"]

    @Test func writesTheFixtureReport() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.html").path
        let run = try CLIRunner.run(["report"] + Self.inputs + ["-o", out])
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
        #expect(run.stderr == "wrote \(CLI.grouped(html.utf8.count)) bytes to \(out)\n")
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(TagBalance.check(html) == nil)
        #expect(!html.lowercased().contains("<script"))
        #expect(parsed.all("h1").first?.text == "DJIA and SSE around 15 events")
        #expect(html.contains("Made by MarketLink "))
        // Default windows −1:1 and 0:0: event 11 on the DJIA over 0:0 is 33,573.28 → 33,665.02.
        #expect(
            html.contains(
                "<code>0:0</code> The Dow Jones Industrial Average rose 91.74 points, or 0.27%, to 33,665.02 on Wednesday (June 7, 2023)."
            ))
        // The same options give the same bytes.
        let again = try CLIRunner.run(["report"] + Self.inputs)
        #expect(again.stdout == html)
    }

    @Test func windowsTitleAndChartWindowAreUsed() throws {
        let run = try CLIRunner.run(
            ["report"] + Self.inputs + ["--window", "0:1", "--chart-window", "-2:2", "--title", "Xie Feng week", "--max-charts", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = run.stdout
        #expect(html.contains("<h1>Xie Feng week</h1>"))
        #expect(
            html.contains(
                "<code>0:1</code> The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on Wednesday and Thursday (June 7–8, 2023)."
            ))
        #expect(html.contains("<td class=\"num\" data-label=\"points\">+260.33</td>"))
        #expect(html.contains("<td class=\"num\" data-label=\"percent\">+0.78%</td>"))
        #expect(html.contains("Closes t0\u{2212}3 to t0+2 (window -2:2)"))
        // The overview and event 1's chart, each drawn wide and narrow, and the event study's CAAR
        // chart for the DJIA: with the default estimation window -250:-11, 7 of its events (from
        // #9, 2023-06-06, on) have the 251 sessions before t0 it needs, SSE only 1 (too few for a
        // chart).
        #expect(ParsedXML(html).all("figure").count == 3)
    }

    @Test func hostileTitleIsEscapedInTheHTML() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try CLI.write(
            "date,title,tags\n2023-06-07,\"<script>alert(1)</script> & \"\"quotes\"\"\",x\n2023-06-08,plain,\"<b>\"\n",
            named: "events.csv", in: folder)
        let run = try CLIRunner.run(
            ["report", "--events", events, "fixtures/djia.csv", "SSE=fixtures/sse.csv", "--title", ReportFixtures.hostile])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.lowercased().contains("<script"))
        #expect(!run.stdout.contains("<b>"))
        #expect(run.stdout.contains(ReportFixtures.hostileEscaped))
        let parsed = ParsedXML(run.stdout)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        #expect(parsed.all("h1").first?.text == ReportFixtures.hostile)
        // In the overview chart's SVG, where two events are labelled with their titles.
        #expect(parsed.all("text").contains { $0.text.hasPrefix("#1 <script>") })
    }

    @Test func refusesToWriteOverAnInput() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try CLI.write("date,title\n2023-06-07,a\n", named: "events.html", in: folder)
        let run = try CLIRunner.run(["report", "--events", events, "fixtures/djia.csv", "-o", events])
        #expect(run.status == 1)
        #expect(run.stderr.contains("refusing to write over the input file"))
        #expect(try String(contentsOfFile: events, encoding: .utf8) == "date,title\n2023-06-07,a\n")
    }

    @Test(arguments: [
        ([String](), "--events EVENTS is required"),
        (["--events", "fixtures/events-2023.csv"], "name at least one price file"),
        (["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "-o", "report.pdf"], "report writes HTML"),
        (["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "--max-charts", "-1"], "--max-charts takes"),
        (["--events", "fixtures/events-2023.csv", "fixtures/djia.csv", "--chart-window", "x"], "cannot read \"x\" as a window"),
    ])
    func refusesBadRequests(arguments: [String], message: String) throws {
        let run = try CLIRunner.run(["report"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
