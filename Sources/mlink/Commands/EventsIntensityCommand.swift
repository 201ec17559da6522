import MarketLink

/// `mlink events intensity EVENTS [--by tag|score] [-o FILE]`: a daily series of event counts and
/// scores (`EventIntensity`), as CSV.
enum EventsIntensityCommand {
    static let by = OptionSpec.value(
        "--by", "SPLIT", .choice(EventIntensity.Split.allCases.map(\.rawValue)),
        help: "also count by tag (a TAG_count column per tag) or by score (positive_count, negative_count)")
    static let from = OptionSpec.value("--from", "DATE", .date, help: "first day of the series (default: the first event's date)")
    static let to = OptionSpec.value("--to", "DATE", .date, help: "last day of the series (default: the last event's date)")
    static let output = OutputOptions.Spec.file(
        "CSV", extensions: ["csv"], onTerminal: "the series is CSV; write it to a file with -o intensity.csv (or pipe it)")

    static let spec = CommandSpec(
        path: ["events", "intensity"],
        summary: "a daily series of event counts and score sums, as a CSV every command loads",
        positionals: [EventsCommand.eventsFile],
        groups: [OptionGroup(title: "options", options: [by, from, to]), output.group],
        about: """
            For every calendar day from the first event's date to the last: count (the events dated
            that day) and score_sum (the sum of their scores), as CSV with the header
            date,count,score_sum. With --by tag, one TAG_count column per tag; with --by score,
            positive_count and negative_count (events scored above and below zero). --from and --to
            set the range (to cover a price file's, say); days without events are 0.

            The file loads as a series in every command, with no flags: correlate, chart and changes
            take count, score_sum and the other columns as series of their own. Columns whose name
            ends in count or sum are tallies: zero and negative values are read there (a price
            level must be above 0), correlate measures their moves in points rather than percent,
            and study refuses them (it models returns).
            """,
        examples: [
            "mlink events intensity events.csv --from 2023-01-01 --to 2023-06-30 -o intensity.csv",
            "mlink chart intensity.csv DJIA=djia.csv --from 2023-06-01 --to 2023-06-30 -o intensity.svg",
        ],
        notes: "Exit codes: 0 success, 1 the events file cannot be read (file:line:column: error: ...), 64 bad usage.",
        positionalsFirst: true,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let split = try arguments.choice(by).flatMap { EventIntensity.Split(rawValue: $0) }
        let first = try EventsCommand.day(try arguments.value(from), option: from.name)
        let last = try EventsCommand.day(try arguments.value(to), option: to.name)
        if let first, let last, last < first { throw UsageError(message: "--to \(last.iso) is before --from \(first.iso)") }
        let out = try OutputOptions(&arguments, output, command: "events intensity")
        let path = try EventsCommand.onePath(&arguments)
        try out.refuseInputs([path])
        let log = try EventLog.load(path: path)
        try out.write(EventIntensity(events: log.events, by: split, from: first, to: last).csv(), inputs: [path])
        return 0
    }
}
