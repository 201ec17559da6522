import MarketLink

enum StudyCommand {
    static let events = EventsOptions.events(required: true)
    static let windows = WindowOptions.Spec(repeatable: false, defaults: [.studyDefault], purpose: "the event window")
    static let output = OutputOptions.Spec.formats(OutputFormat.reports)
    static let bhar = OptionSpec.flag("--bhar", help: "also the buy-and-hold abnormal return (simple returns)")
    static let groupBy = OptionSpec.value(
        "--group-by", "GROUPING", .choice(["tag", "all"]), help: "all (the default) or tag: one summary per tag, and all events")
    static let summary = OptionSpec.flag(
        "--summary", help: "only the summary across events (in CSV, the summary rows instead of the per-event rows)")

    static let spec = CommandSpec(
        path: ["study"],
        summary: "event study: abnormal returns, CAR and its test per event; CAAR and tests across events",
        positionals: [PriceFileOptions.series(.oneOrMore)],
        groups: [
            OptionGroup(title: "options", options: [bhar, groupBy, summary]), EventsOptions.group(events), StudyOptions.group,
            windows.group, output.group, PriceFileOptions.group,
        ],
        about: """
            For every event and series: the abnormal return AR of each session of the event window
            (the return less the model's normal return), their sum CAR, its standard error (the exact
            form for the model), t = CAR/SE with a two-sided p from Student's t, and the CAR in σ
            units. Across events (all, or per tag with --group-by tag): the average CAR (CAAR) with
            the cross-sectional t, Patell Z, Boehmer–Musumeci–Poulsen t, Corrado rank and generalized
            sign tests, each with its p-value. Formulas and references: docs/STATISTICS.md.

            Sessions are counted in each series' own sessions from the event session t0; the return
            of session t runs from the close of t−1 to the close of t. The event window A:B holds the
            returns of t0+A … t0+B (the closes of the change table's move A:B); the estimation window
            those of t0+A … t0+B for its own A:B, which must end before the event window starts.
            """,
        examples: [
            "mlink study --events events.csv DJIA=djia.csv SSE=sse.csv --estimation -120:-6 --group-by tag",
            "mlink study --events events.csv DJIA=djia.csv --benchmark SP500=sp500.csv --estimation -120:-6",
        ],
        notes: """
            An event that cannot be measured gets a status and an explanation, never a crash and
            never a shorter estimation window: before-data, after-data, no-session, no-market,
            no-base, no-end, estimation-off-data, benchmark-missing, too-few-estimation-returns,
            zero-variance, degenerate-benchmark, non-finite-return.
            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let eventsPath = try arguments.required(events)
        let options = try StudyOptions(&arguments)
        let window = try WindowOptions(&arguments, windows)
        let buyAndHold = arguments.flag(bhar)
        let grouping = try arguments.choice(groupBy).flatMap(StudyGrouping.init(rawValue:)) ?? .all
        let summaryOnly = arguments.flag(summary)
        let out = try OutputOptions(&arguments, output, command: "study")
        let prices = try PriceFileOptions(&arguments)
        let sources = try arguments.positionals()

        let design = try options.design(window: window.window, buyAndHold: buyAndHold, rule: window.rule)
        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let benchmark = try options.benchmark.map { try prices.loadBenchmark($0) }
        let inputs = [eventsPath] + collection.paths + (benchmark.map { [$0.file.path] } ?? [])
        try out.refuseInputs(inputs)

        let study = try EventStudy(events: events, series: collection.series, benchmark: benchmark?.series, design: design)
        if out.format == .csv, !summaryOnly {
            // Streamed: the rows are never whole in memory (and no summary is computed for them).
            let writer = try openOutput(out.path, inputs: inputs)
            try study.writeCSV(to: writer)
            try commit(writer, to: out.path, rows: events.count * collection.series.count)
            return 0
        }
        let summaries = study.summaries(groupBy: grouping)
        switch out.format {
        case .table:
            try out.write(study.textReport(summaries: summaries, summaryOnly: summaryOnly, color: out.color, vocabulary: .mlink), inputs: inputs)
        case .html: throw InternalError(message: "study offers no HTML format (use mlink report)")
        case .md:
            try out.write(study.markdownReport(summaries: summaries, summaryOnly: summaryOnly, vocabulary: .mlink), inputs: inputs)
        case .csv:
            try out.write(study.summaryCSV(summaries), inputs: inputs)
        case .json:
            try out.write(study.json(summaries: summaries, summaryOnly: summaryOnly).serialized(), inputs: inputs)
        }
        return 0
    }
}
