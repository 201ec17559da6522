import MarketLink

enum CorrelateCommand {
    static let events = EventsOptions.events(
        required: true, help: "the events file: CSV with date and title, and a score column when there is one (see `mlink events --help`)")
    static let windows = WindowOptions.Spec(repeatable: false, defaults: [.correlationDefault], purpose: "the window of the moves")
    static let output = OutputOptions.Spec.formats(OutputFormat.reports)

    static let spec = CommandSpec(
        path: ["correlate"],
        summary: "do markets react together? correlation of event moves, and with event scores",
        positionals: [PriceFileOptions.series(.oneOrMore)],
        groups: [EventsOptions.group(events), windows.group, output.group, PriceFileOptions.group],
        about: """
            Across the events: Pearson r and Spearman ρ, each with a two-sided p-value and n, between
            every pair of series' window moves (percent, as `mlink changes` measures them), and
            between the event score and each series' move. Beside each pair, the unconditional
            correlation of the same two series' daily returns over the same period: the dates on
            which both have a close, from the events' first base date to their last end date, each
            return running from the previous such date. Markets in different zones are matched by
            date, the way a date-only event pairs their sessions (docs/STATISTICS.md).
            """,
        examples: ["mlink correlate --events events.csv DJIA=djia.csv SSE=sse.csv --window 0:1"],
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let eventsPath = try arguments.required(events)
        let window = try WindowOptions(&arguments, windows)
        let out = try OutputOptions(&arguments, output, command: "correlate")
        let prices = try PriceFileOptions(&arguments)
        let sources = try arguments.positionals()

        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let inputs = [eventsPath] + collection.paths
        try out.refuseInputs(inputs)
        let correlation = MarketCorrelation(events: events, series: collection.series, window: window.window, rule: window.rule)
        switch out.format {
        case .table: try out.write(correlation.textReport(), inputs: inputs)
        case .html: throw InternalError(message: "correlate offers no HTML format (use mlink report)")
        case .md: try out.write(correlation.markdownReport(), inputs: inputs)
        case .csv: try out.write(correlation.csv(), inputs: inputs)
        case .json: try out.write(correlation.json().serialized(), inputs: inputs)
        }
        return 0
    }
}
