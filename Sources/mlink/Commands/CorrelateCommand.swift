import MarketLink

enum CorrelateCommand {
    static let spec = CommandSpec(
        name: "correlate",
        summary: "do markets react together? correlation of event moves, and with event scores",
        help: """
            usage: mlink correlate --events EVENTS SERIES SERIES... [--window A:B] [--align RULE]
                                   [--format table|csv|json|md] [-o FILE]

            Across the events: Pearson r and Spearman ρ, each with a two-sided p-value and n, between
            every pair of series' window moves (percent, as `mlink changes` measures them), and
            between the event score and each series' move. Beside each pair, the unconditional
            correlation of the same two series' daily returns over the same period: the dates on
            which both have a close, from the events' first base date to their last end date, each
            return running from the previous such date. Markets in different zones are matched by
            date, the way a date-only event pairs their sessions (docs/STATISTICS.md).

              mlink correlate --events events.csv DJIA=djia.csv SSE=sse.csv --window 0:1

            options:
              --events FILE       events CSV (date and title required; score used when present)
              --window A:B        the window of the moves (default -1:1)
              --align RULE        next (default), previous or exact, for date-only events
              --format F          table (default), csv, json or md
              -o FILE             write to FILE atomically; the format follows its extension
              --market S=M        the market of series S: NYSE, SSE, HKEX, ... or ZONE@HH:MM
              --date-format O     day/month order for price files that cannot tell: MDY, DMY or YMD
              --adjusted          use Adj Close where a price file has it

            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        guard let eventsPath = try arguments.value("--events") else { throw UsageError(message: "--events EVENTS is required") }
        let window = try (try arguments.value("--window", "-w")).map { text throws(MarketLinkError) in try EventWindow(parsing: text) }
        let rule = try alignmentRule(&arguments)
        let output = try arguments.value("-o", "--output")
        let format = try OutputFormat.choose(try arguments.value("--format"), output: output)
        let prices = try PriceOptions(&arguments)
        let sources = try arguments.positionals()
        guard !sources.isEmpty else { throw UsageError(message: "name at least one price file (SERIES)") }

        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let inputs = [eventsPath] + collection.paths
        if let output { try OutputFile.refuseInput(output, inputs: inputs) }
        let correlation = MarketCorrelation(
            events: events, series: collection.series, window: window ?? EventStudyDesign.defaultWindow, rule: rule)
        switch format {
        case .table: try emit(correlation.textReport(), to: output, inputs: inputs)
        case .md: try emit(correlation.markdownReport(), to: output, inputs: inputs)
        case .csv: try emit(correlation.csv(), to: output, inputs: inputs)
        case .json: try emit(correlation.json().serialized(), to: output, inputs: inputs)
        }
        return 0
    }
}
