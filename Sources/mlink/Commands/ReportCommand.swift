import Foundation
import MarketLink

enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        summary: "one self-contained HTML report: summary, sentences, change table, charts, event study",
        help: """
            usage: mlink report --events EVENTS SERIES... [--window A:B]... [--chart-window A:B] [--align RULE]
                                [--title TEXT] [--max-charts N] [--estimation A:B] [--model M] [--benchmark SERIES]
                                [--no-study] -o FILE.html

            Writes one HTML file that opens in any browser with nothing else: CSS and SVG charts
            inline, no scripts, nothing fetched. It holds a summary (what was measured, the largest
            moves, how often each series rose and fell, an overview chart), each event with its
            newsroom sentences and a chart of every series around it (rebased to 100 at the base
            session), the change table, an event study (abnormal returns and their tests per event
            and per tag, and a CAAR chart with its 95% band, over the first --window), and the data
            and definitions used: the files, the layout each price file was read as, the markets,
            the windows and the alignment rule. It prints cleanly and reads on a phone. When no
            event can be measured (an estimation window longer than the data, say), the event-study
            section says why and which estimation window would fit.

              mlink report --events events.csv DJIA=djia.csv SSE=sse.csv --estimation -120:-6 -o report.html

            options:
              --events FILE       events CSV (date and title required; see `mlink events --help`)
              --window A:B        sessions around t0 for the table and sentences, repeatable
                                  (default -1:1 and 0:0)
              --chart-window A:B  sessions the event charts span (default -5:5)
              --align RULE        next (default), previous or exact, for date-only events
              --title TEXT        the report's title (default: the series and the number of events)
              --max-charts N      chart at most the first N events (default 40)
              --estimation A:B    the event study's estimation window (default -250:-11)
              --min-estimation N  fewest estimation returns (default 120, or the whole window if shorter)
              --model M           raw, mean, market or market-model (default mean, or market-model
                                  with --benchmark)
              --benchmark SERIES  the benchmark series for market and market-model
              --returns R         simple (default) or log returns for the event study
              --clean             leave out estimation sessions inside other events' windows
              --no-study          leave the event study out
              -o FILE.html        write to FILE atomically (standard output without -o)
              --market S=M        the market of series S: NYSE, SSE, HKEX, ... or ZONE@HH:MM
              --date-format O     day/month order for price files that cannot tell: MDY, DMY or YMD
              --adjusted          use Adj Close where a price file has it

            The same inputs always give the same bytes. Event text is escaped.

            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        guard let eventsPath = try arguments.value("--events") else { throw UsageError(message: "--events EVENTS is required") }
        let windows = try arguments.values("--window", "-w").map { text throws(MarketLinkError) in
            try EventWindow(parsing: text)
        }
        let chartWindow = try (try arguments.value("--chart-window")).map { text throws(MarketLinkError) in
            try EventWindow(parsing: text)
        }
        let rule = try alignmentRule(&arguments)
        let studyOptions = try StudyOptions.parse(&arguments)
        let noStudy = arguments.flag("--no-study")
        let title = try arguments.value("--title")
        let maxCharts = try count(try arguments.value("--max-charts"), option: "--max-charts", default: 40)
        let output = try arguments.value("-o", "--output")
        let prices = try PriceOptions(&arguments)
        let sources = try arguments.positionals()
        guard !sources.isEmpty else { throw UsageError(message: "name at least one price file (SERIES)") }
        if let output, output != "-", !["html", "htm"].contains((output as NSString).pathExtension.lowercased()) {
            throw UsageError(message: "report writes HTML: name the output FILE.html, not \"\(output)\"")
        }

        let studyWindow = windows.first ?? EventStudyDesign.defaultWindow
        let design = try studyOptions.design(window: studyWindow, buyAndHold: false, rule: rule)

        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let benchmark = try studyOptions.benchmark.map { text throws(MarketLinkError) in
            try BenchmarkFile(argument: text, dateOrder: prices.dateOrder, adjustedClose: prices.adjusted)
        }
        let inputs = [eventsPath] + collection.paths + (benchmark.map { [$0.file.path] } ?? [])
        if let output, output != "-" { try OutputFile.refuseInput(output, inputs: inputs) }
        let table = ChangeTable(
            events: events, series: collection.series, windows: windows.isEmpty ? EventWindow.defaults : windows, rule: rule)
        var report = ChangeReport(
            table: table, eventsFile: eventsPath, priceFiles: collection.files, chartWindow: chartWindow,
            maxEventCharts: maxCharts, generator: "MarketLink \(version)", title: title
        ).report()
        // Sections from other analyses join here with `report.insert(section, after: "changes")`.
        if !noStudy {
            let study = try EventStudy(events: events, series: collection.series, benchmark: benchmark?.series, design: design)
            let section = StudyReport(study: study, grouping: .tag, benchmarkFile: benchmark?.file.path).section()
            report.insert(section, after: "changes")
        }
        try emit(report.html(), to: output, inputs: inputs)
        return 0
    }

    /// A whole number of at least 0.
    static func count(_ text: String?, option: String, default fallback: Int) throws -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), value >= 0 else {
            throw UsageError(message: "\(option) takes a whole number of at least 0, not \"\(text)\"")
        }
        return value
    }
}
