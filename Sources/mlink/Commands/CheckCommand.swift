import MarketLink

enum CheckCommand {
    static let claim = OptionSpec.value("--claim", "TEXT", .text, required: true, help: "the reported move, in newsroom phrasing")
    static let near = OptionSpec.value(
        "--near", "DATE", .date, help: "prefer sessions near this date (YYYY-MM-DD) when several match, or date a claim without a level")
    static let published = OptionSpec.value(
        "--published", "DATE", .date,
        help: "the day the claim was written (YYYY-MM-DD): places \"on Thursday\", \"last Friday\", \"this week\" and \"yesterday\" on the calendar, as mlink article does")
    static let output = OutputOptions.Spec.formats([.table, .json])

    static let spec = CommandSpec(
        path: ["check"],
        summary: "fact-check a reported move against the data",
        positionals: [PriceFileOptions.series(.one, missing: "name one price file (SERIES) to check the claim against")],
        groups: [OptionGroup(title: "options", options: [claim, near, published]), output.group, PriceFileOptions.group],
        about: """
            Reads a claim in newsroom phrasing ("rose 258 points, or 0.8%, to 33,833.61 on Wednesday
            and Thursday"), finds the session whose close matches the level at the claim's own
            precision (33,833.61 to the cent, 33,800 to the nearest 100), measures the move over the
            days named, and says for each part whether it holds at the claim's rounding or by how
            much it is off. The verb's direction and the weekday names are checked too.

            The claim may leave parts out ("rose 0.8% to 33,833.61"). Without a level, name a dated
            day ("on June 8, 2023") or give --near. With --published, the days are placed on the
            calendar first ("on Wednesday and Thursday" in a story of Friday 2023-06-09 is June 7–8)
            and checked against the index's own sessions on them. A claim that names another index
            than the series' ("The Shanghai Composite ..." against the Dow) is refused. The exit code is 0 whether or not the claim holds
            (the report says); 1 for bad data; 64 for a claim that cannot be read.
            """,
        examples: [#"mlink check DJIA=djia.csv --claim "increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday""#],
        positionalsFirst: true,
        extraHint: "check takes one price file",
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let out = try OutputOptions(&arguments, output, command: "check")
        let text = try arguments.required(claim)
        let nearDay = try (try arguments.value(near)).map { text throws(UsageError) in try MoveCommand.isoDay(text, option: near.name) }
        let publishedDay = try (try arguments.value(published)).map { text throws(UsageError) in try MoveCommand.isoDay(text, option: published.name) }
        let prices = try PriceFileOptions(&arguments)
        let sources = try arguments.positionals()
        let claim = try ClaimReader.read(text)
        let collection = try prices.load(sources)
        guard collection.series.count == 1, let series = collection.series.first else {
            throw UsageError(
                message: "\(sources[0]) holds \(collection.series.count) series (\(collection.series.map(\.name).joined(separator: ", "))); check takes a file with one")
        }
        try out.refuseInputs(collection.paths)
        let check = try FactCheck(claim: claim, series: series, near: nearDay, published: publishedDay, vocabulary: .mlink)
        try out.write(out.format == .json ? check.reportJSON().serialized() : check.reportText(), inputs: collection.paths)
        return 0
    }
}
