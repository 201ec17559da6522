import MarketLink

enum MoveCommand {
    static let from = OptionSpec.value("--from", "DATE", .date, required: true, help: "first session date to cover (YYYY-MM-DD)")
    static let to = OptionSpec.value("--to", "DATE", .date, required: true, help: "last session date to cover (YYYY-MM-DD)")
    static let output = OutputOptions.Spec.formats([.table, .json])

    static let spec = CommandSpec(
        path: ["move"],
        summary: "one move over a range of dates, with its sentence",
        positionals: [PriceFileOptions.series(.oneOrMore, missing: "name a price file (SERIES)")],
        groups: [OptionGroup(title: "options", options: [from, to]), output.group, PriceFileOptions.group],
        about: """
            Measures the move over the sessions dated from --from to --to (both inclusive): from the
            close of the session before the first of them (the base) to the close of the last (the
            end), and prints the sentence a newsroom would write, then the base and end closes, the
            points, the percent and the log return. A file that holds several series gives one move
            for each. A move too small to show at 2 decimals reads "less than 0.01".
            """,
        examples: [
            "mlink move DJIA=djia.csv --from 2023-06-07 --to 2023-06-08",
            "The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on",
            "Wednesday and Thursday (June 7–8, 2023).",
        ],
        positionalsFirst: true,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let out = try OutputOptions(&arguments, output, command: "move")
        let first = try isoDay(try arguments.required(from), option: from.name)
        let last = try isoDay(try arguments.required(to), option: to.name)
        let prices = try PriceFileOptions(&arguments)
        let sources = try arguments.positionals()
        guard first <= last else { throw UsageError(message: "--from \(first.iso) is after --to \(last.iso)") }
        let collection = try prices.load(sources)
        var moves: [(Move, Series)] = []
        for series in collection.series {
            // A series that is not an index may close at or below 0 (the loader refuses it for an
            // index): its points are measured, and the report says when a percent has no value.
            moves.append((try Move(series: series, from: first, to: last), series))
        }
        let inputs = collection.paths
        try out.refuseInputs(inputs)
        if out.format == .json {
            let items = moves.map { MoveReport.json(for: $0.0, in: $0.1) }
            try out.write((items.count == 1 ? items[0] : JSONValue.array(items)).serialized(), inputs: inputs)
        } else {
            try out.write(moves.map { MoveReport.text(for: $0.0, in: $0.1) }.joined(separator: "\n"), inputs: inputs)
        }
        return 0
    }

    /// A `YYYY-MM-DD` option value.
    static func isoDay(_ text: String, option: String) throws(UsageError) -> Day {
        guard let day = Day(iso: text) else { throw UsageError(message: "\(option) takes a date as YYYY-MM-DD, not \(quoted(text))") }
        return day
    }
}
