import Foundation
import MarketLink

enum ReportCommand {
    static let events = EventsOptions.events(required: true)
    static let windows = WindowOptions.Spec(
        repeatable: true, defaults: EventWindow.changesDefault,
        purpose: "sessions around t0 for the table and sentences; the event study takes the first")
    static let output = OutputOptions.Spec.file(
        "HTML", extensions: ["html", "htm"], onTerminal: "the report is HTML; write it to a file with -o report.html (or pipe it)")
    static let chartWindow = OptionSpec.value(
        "--chart-window", "A:B", .window, help: "sessions the event charts span (default \(EventWindow.chartDefault))")
    static let title = OptionSpec.value("--title", "TEXT", .text, help: "the report's title (default: the series and the number of events)")
    static let maxCharts = OptionSpec.value("--max-charts", "N", .integer, help: "chart at most the first N events (default 40)")
    static let noStudy = OptionSpec.flag("--no-study", help: "leave the event study out")

    static let spec = CommandSpec(
        path: ["report"],
        summary: "one self-contained HTML report: summary, sentences, change table, charts, event study",
        positionals: [PriceFileOptions.series(.oneOrMore)],
        groups: [
            OptionGroup(title: "options", options: [title, chartWindow, maxCharts, noStudy]), EventsOptions.group(events),
            windows.group, StudyOptions.group, output.group, PriceFileOptions.group,
        ],
        about: """
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
            """,
        examples: ["mlink report --events events.csv DJIA=djia.csv SSE=sse.csv --estimation -120:-6 -o report.html"],
        notes: """
            The same inputs always give the same bytes. Event text is escaped. Without -o the HTML
            goes to standard output when that is a pipe or a file; on a terminal mlink writes no
            markup and says to give -o instead (exit code 64).
            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let eventsPath = try arguments.required(events)
        let window = try WindowOptions(&arguments, windows)
        let charts = try (try arguments.value(chartWindow)).map { text throws(MarketLinkError) in try EventWindow(parsing: text) }
        let studyOptions = try StudyOptions(&arguments)
        let skipStudy = arguments.flag(noStudy)
        let reportTitle = try arguments.value(title)
        let chartLimit = try count(try arguments.value(maxCharts), option: maxCharts.name, default: 40)
        let out = try OutputOptions(&arguments, output, command: "report")
        let prices = try PriceFileOptions(&arguments)
        let sources = try arguments.positionals()

        let design = try studyOptions.design(window: window.window, buyAndHold: false, rule: window.rule)
        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let benchmark = try studyOptions.benchmark.map { try prices.loadBenchmark($0) }
        let inputs = [eventsPath] + collection.paths + (benchmark.map { [$0.file.path] } ?? [])
        try out.refuseInputs(inputs)
        // t0 found once per event and series, for the change table, the charts and the study;
        // the change table itself is never made whole (the report shows what fits).
        let sessions = EventSessions(events: events, series: collection.series, rule: window.rule)
        let vocabulary = ReportCommand.vocabulary(
            changes: ReportCommand.command(ChangesCommand.spec, events: eventsPath, sources: sources, repeating: arguments, groups: [], to: "changes.csv"),
            study: ReportCommand.command(
                StudyCommand.spec, events: eventsPath, sources: sources, repeating: arguments, groups: [StudyOptions.group], to: "study.csv",
                window: window.given ? window.window : nil))
        var report = ChangeReport(
            sessions: sessions, windows: window.windows, eventsFile: eventsPath, priceFiles: collection.files, chartWindow: charts,
            maxEventCharts: chartLimit, generator: "MarketLink \(MLink.version)", title: reportTitle, vocabulary: vocabulary
        ).report()
        // Sections from other analyses join here with `report.insert(section, after: "changes")`.
        if !skipStudy {
            let study = try EventStudy(sessions: sessions, benchmark: benchmark?.series, design: design)
            let section = StudyReport(study: study, grouping: .tag, benchmarkFile: benchmark?.file.path, vocabulary: vocabulary).section()
            report.insert(section, after: "changes")
        }
        try out.write(report.html(), inputs: inputs)
        return 0
    }

    /// mlink's vocabulary, with `changes` and `study` as the commands for the whole change table
    /// and the whole study.
    static func vocabulary(changes: String, study: String) -> ToolVocabulary {
        ToolVocabulary { term in
            switch term {
            case .changesCommand: changes
            case .studyCommand: study
            default: ToolVocabulary.mlink.name(term)
            }
        }
    }

    /// The `mlink changes` or `mlink study` command that writes every row of what the report
    /// shows in part to `file`: the same events, series, windows (or only `window`, for a command
    /// that takes one), alignment and price-file options, and the options of `groups` as given.
    static func command(
        _ spec: CommandSpec, events: String, sources: [String], repeating arguments: Arguments, groups: [OptionGroup], to file: String,
        window: EventWindow? = nil
    ) -> String {
        let windowWords =
            window.map { [windows.window.name, $0.description] + arguments.words(for: [WindowOptions.align]) }
            ?? arguments.words(for: windows.group.options)
        let words =
            ["mlink", spec.name, ReportCommand.events.name, events] + sources + windowWords
            + arguments.words(for: groups.flatMap(\.options) + PriceFileOptions.group.options)
            + [ChangesCommand.output.output.short ?? ChangesCommand.output.output.name, file]
        return words.map(shellWord).joined(separator: " ")
    }

    /// `text` as one word for a POSIX shell: as it is when it holds only characters no shell
    /// treats specially, otherwise in single quotes (a quote inside written `'\''`).
    static func shellWord(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_./=:,+@%^".unicodeScalars.contains(scalar))
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A whole number of at least 0.
    static func count(_ text: String?, option: String, default fallback: Int) throws(UsageError) -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), value >= 0 else {
            throw UsageError(message: "\(option) takes a whole number of at least 0, not \(quoted(text))")
        }
        return value
    }
}
