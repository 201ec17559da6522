import MarketLink

enum StudyCommand {
    static let spec = CommandSpec(
        name: "study",
        summary: "event study: abnormal returns, CAR and its test per event; CAAR and tests across events",
        help: """
            usage: mlink study --events EVENTS SERIES... [--model raw|mean|market|market-model] [--benchmark SERIES]
                               [--window A:B] [--estimation A:B] [--min-estimation N] [--returns simple|log]
                               [--clean] [--bhar] [--group-by tag] [--summary] [--format table|csv|json|md] [-o FILE]

            For every event and series: the abnormal return AR of each session of the event window
            (the return less the model's normal return), their sum CAR, its standard error (the exact
            form for the model), t = CAR/SE with a two-sided p from Student's t, and the CAR in σ
            units. Across events (all, or per tag with --group-by tag): the average CAR (CAAR) with
            the cross-sectional t, Patell Z, Boehmer–Musumeci–Poulsen t, Corrado rank and generalized
            sign tests, each with its p-value. Formulas and references: docs/STATISTICS.md.

              mlink study --events events.csv DJIA=djia.csv SSE=sse.csv --estimation -120:-6 --group-by tag
              mlink study --events events.csv DJIA=djia.csv --benchmark SP500=sp500.csv --estimation -120:-6

            Sessions are counted in each series' own sessions from the event session t0; the return
            of session t runs from the close of t−1 to the close of t. The event window A:B holds the
            returns of t0+A … t0+B (the closes of the change table's move A:B); the estimation window
            those of t0+A … t0+B for its own A:B, which must end before the event window starts.

            options:
              --events FILE        events CSV (date and title required; see `mlink events --help`)
              --model M            raw (AR = R), mean (constant mean), market (R − benchmark) or
                                   market-model (OLS on the benchmark); default mean, or market-model
                                   with --benchmark
              --benchmark SERIES   the benchmark series (path or NAME=path), matched on common dates:
                                   a return is used only where the benchmark has closes on both of
                                   its dates, and what is left out is counted
              --window A:B         the event window (default -1:1)
              --estimation A:B     the estimation window (default -250:-11)
              --min-estimation N   fewest estimation returns an event may use (default 120, or the
                                   whole estimation window when it is shorter)
              --returns R          simple (default) or log
              --clean              leave out estimation sessions inside another event's window
              --bhar               also the buy-and-hold abnormal return (simple returns)
              --group-by G         all (default) or tag: one summary per tag, and all events
              --summary            only the summary across events
              --align RULE         next (default), previous or exact, for date-only events
              --format F           table (default), csv, json or md; csv holds the per-event rows,
                                   or with --summary the summary rows
              -o FILE              write to FILE atomically; the format follows its extension
              --market S=M         the market of series S: NYSE, SSE, HKEX, ... or ZONE@HH:MM
              --date-format O      day/month order for price files that cannot tell: MDY, DMY or YMD
              --adjusted           use Adj Close where a price file has it

            An event that cannot be measured gets a status and an explanation, never a crash and
            never a shorter estimation window: before-data, after-data, no-session, no-market,
            no-base, no-end, estimation-off-data, benchmark-missing, too-few-estimation-returns,
            zero-variance, degenerate-benchmark, non-finite-return.

            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        guard let eventsPath = try arguments.value("--events") else { throw UsageError(message: "--events EVENTS is required") }
        let options = try StudyOptions.parse(&arguments)
        let window = try (try arguments.value("--window", "-w")).map { text throws(MarketLinkError) in try EventWindow(parsing: text) }
        let buyAndHold = arguments.flag("--bhar")
        let grouping = try studyGrouping(try arguments.value("--group-by"))
        let summaryOnly = arguments.flag("--summary")
        let rule = try alignmentRule(&arguments)
        let output = try arguments.value("-o", "--output")
        let format = try OutputFormat.choose(try arguments.value("--format"), output: output)
        let prices = try PriceOptions(&arguments)
        let sources = try arguments.positionals()
        guard !sources.isEmpty else { throw UsageError(message: "name at least one price file (SERIES)") }

        let design = try options.design(window: window ?? EventStudyDesign.defaultWindow, buyAndHold: buyAndHold, rule: rule)
        let events = try EventLog.load(path: eventsPath).events
        let collection = try prices.load(sources)
        let benchmark = try options.benchmark.map { text throws(MarketLinkError) in
            try BenchmarkFile(argument: text, dateOrder: prices.dateOrder, adjustedClose: prices.adjusted)
        }
        let inputs = [eventsPath] + collection.paths + (benchmark.map { [$0.file.path] } ?? [])
        if let output { try OutputFile.refuseInput(output, inputs: inputs) }

        let study = try EventStudy(events: events, series: collection.series, benchmark: benchmark?.series, design: design)
        let summaries = study.summaries(groupBy: grouping)
        switch format {
        case .table:
            try emit(study.textReport(summaries: summaries, summaryOnly: summaryOnly, color: output == nil && Terminal.useColor), to: output, inputs: inputs)
        case .md:
            try emit(study.markdownReport(summaries: summaries, summaryOnly: summaryOnly), to: output, inputs: inputs)
        case .csv:
            try emit(summaryOnly ? study.summaryCSV(summaries) : study.csv(), to: output, inputs: inputs)
        case .json:
            try emit(study.json(summaries: summaries, summaryOnly: summaryOnly).serialized(), to: output, inputs: inputs)
        }
        return 0
    }

    static func studyGrouping(_ text: String?) throws -> StudyGrouping {
        guard let text else { return .all }
        guard let grouping = StudyGrouping(rawValue: text.lowercased()) else {
            throw UsageError(message: "--group-by takes tag or all, not \"\(text)\"")
        }
        return grouping
    }
}

/// The event-study options `study` and `report` share: model, benchmark, estimation window,
/// minimum, returns, clean.
struct StudyOptions {
    var model: NormalReturnModel?
    var benchmark: String?
    var estimation: EventWindow
    var minimum: Int?
    var returns: ReturnKind
    var clean: Bool

    static func parse(_ arguments: inout Arguments) throws -> StudyOptions {
        let model = try (try arguments.value("--model")).map { text -> NormalReturnModel in
            guard let model = NormalReturnModel(rawValue: text.lowercased()) else {
                throw UsageError(message: "--model takes raw, mean, market or market-model, not \"\(text)\"")
            }
            return model
        }
        let benchmark = try arguments.value("--benchmark")
        let estimation = try (try arguments.value("--estimation")).map { text throws(MarketLinkError) in
            try EventWindow(parsing: text)
        }
        let minimum = try (try arguments.value("--min-estimation")).map { text -> Int in
            guard let value = Int(text), value >= 1 else {
                throw UsageError(message: "--min-estimation takes a whole number of at least 1, not \"\(text)\"")
            }
            return value
        }
        let returns = try (try arguments.value("--returns")).map { text throws(MarketLinkError) in try ReturnKind(parsing: text) }
        return StudyOptions(
            model: model, benchmark: benchmark, estimation: estimation ?? EventStudyDesign.defaultEstimation, minimum: minimum,
            returns: returns ?? .simple, clean: arguments.flag("--clean"))
    }

    func design(window: EventWindow, buyAndHold: Bool, rule: AlignmentRule) throws -> EventStudyDesign {
        let design = EventStudyDesign(
            window: window, estimation: estimation, minimumEstimationReturns: minimum,
            model: model ?? EventStudyDesign.defaultModel(hasBenchmark: benchmark != nil), returns: returns, clean: clean,
            buyAndHold: buyAndHold, rule: rule)
        try design.validate(hasBenchmark: benchmark != nil)
        return design
    }
}
