import MarketLink

enum CorrelateCommand {
    static let events = EventsOptions.events(
        required: true, help: "the events file: CSV with date and title, and a score column when there is one (see `mlink events --help`)")
    static let windows = WindowOptions.Spec(repeatable: false, defaults: [.correlationDefault], purpose: "the window of the moves")
    static let output = OutputOptions.Spec.formats(OutputFormat.reports)
    static let pairing = OptionSpec.value(
        "--pairing", "PAIRING", .choice(MarketCorrelation.Pairing.allCases.map(\.rawValue)),
        help: "same-date (each market's move around its own event session) or next-close (the other market's move in its first"
            + " session closing after that session closed, both ways); default both")

    static let spec = CommandSpec(
        path: ["correlate"],
        summary: "do markets react together? correlation of event moves, and with event scores",
        positionals: [PriceFileOptions.series(.oneOrMore)],
        groups: [
            OptionGroup(title: "options", options: [pairing]), EventsOptions.group(events), windows.group, output.group,
            PriceFileOptions.group,
        ],
        about: """
            Across the events: Pearson r and Spearman ρ, each with a two-sided p-value and n, between
            every pair of series' window moves (percent, as `mlink changes` measures them), and
            between the event score and each series' move. Beside each pair, the unconditional
            correlation of the same two series' daily returns over the same period, from the events'
            first base date to their last end date.

            Markets in different zones do not trade at the same time: news after New York's close
            reaches Shanghai's next session first. Each pair is reported in two pairings, and each
            row says which: same-date pairs each market's move around its own event session (the
            daily baseline on the dates both have a close); next-close x → y pairs x's move with y's
            move around y's first session closing after x's event session closed, in both
            directions (the daily baseline at lag 1 in information time). Next-close needs each
            series' market (time zone and close time; name it with --market): without one the row
            says no-market. Events whose pair of sessions repeats an earlier event's (two events on
            one day) count once, and the output says which were merged (docs/STATISTICS.md).
            """,
        examples: [
            "mlink correlate --events events.csv DJIA=djia.csv SSE=sse.csv --window 0:1",
            "mlink correlate --events events.csv DJIA=djia.csv SSE=sse.csv --pairing next-close --format csv",
        ],
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let eventsPath = try arguments.required(events)
        let window = try WindowOptions(&arguments, windows)
        let pairings = try arguments.choice(pairing).flatMap(MarketCorrelation.Pairing.init(rawValue:)).map { [$0] }
        let out = try OutputOptions(&arguments, output, command: "correlate")
        let prices = try PriceFileOptions(&arguments)
        let sources = try arguments.positionals()

        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let inputs = [eventsPath] + collection.paths
        try out.refuseInputs(inputs)
        let correlation = MarketCorrelation(
            events: events, series: collection.series, window: window.window, rule: window.rule,
            pairings: pairings ?? MarketCorrelation.Pairing.allCases)
        switch out.format {
        case .table: try out.write(correlation.textReport(vocabulary: .mlink), inputs: inputs)
        case .html: throw InternalError(message: "correlate offers no HTML format (use mlink report)")
        case .md: try out.write(correlation.markdownReport(vocabulary: .mlink), inputs: inputs)
        case .csv: try out.write(correlation.csv(), inputs: inputs)
        case .json: try out.write(correlation.json().serialized(), inputs: inputs)
        }
        return 0
    }
}
