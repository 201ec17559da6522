import MarketLink

enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "fact-check a reported move against the data",
        help: """
            usage: mlink check SERIES --claim TEXT [--near DATE] [--format table|json] [--date-format MDY|DMY|YMD] [--adjusted]

            Reads a claim in newsroom phrasing ("rose 258 points, or 0.8%, to 33,833.61 on Wednesday
            and Thursday"), finds the session whose close matches the level at the claim's own
            precision (33,833.61 to the cent, 33,800 to the nearest 100), measures the move over the
            days named, and says for each part whether it holds at the claim's rounding or by how
            much it is off. The verb's direction and the weekday names are checked too.

              mlink check DJIA=djia.csv --claim "increased 258 points, or 0.8%, to 33,833.61 on Wednesday and Thursday"

            The claim may leave parts out ("rose 0.8% to 33,833.61"). Without a level, name a dated
            day ("on June 8, 2023") or give --near. The exit code is 0 whether or not the claim holds
            (the report says); 1 for bad data; 64 for a claim that cannot be read.

            options:
              --claim TEXT      the reported move
              --near DATE       prefer sessions near this date (YYYY-MM-DD) when several match
              --format F        table (default) or json
              --date-format O   day/month order when a price file cannot tell: MDY, DMY or YMD
              --adjusted        take Adj Close instead of Close where a file has both
              --market S=M      the market of series S (NYSE, SSE, ... or ZONE@HH:MM), for its name

            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let format = try arguments.value("--format") ?? "table"
        guard format == "table" || format == "json" else { throw UsageError(message: "--format takes table or json for check") }
        guard let text = try arguments.value("--claim") else { throw UsageError(message: "--claim TEXT is required") }
        let nearText = try arguments.value("--near")
        let near = try nearText.map { try MoveCommand.isoDay($0, option: "--near") }
        let prices = try PriceOptions(&arguments)
        let sources = try arguments.positionals()
        guard sources.count == 1 else { throw UsageError(message: "name one price file (SERIES) to check the claim against") }
        let claim = try ClaimReader.read(text)
        let collection = try prices.load(sources)
        guard collection.series.count == 1, let series = collection.series.first else {
            throw UsageError(
                message: "\(sources[0]) holds \(collection.series.count) series (\(collection.series.map(\.name).joined(separator: ", "))); check takes a file with one")
        }
        let check = try FactCheck(claim: claim, series: series, near: near)
        Terminal.write(format == "json" ? check.reportJSON().serialized() : check.reportText())
        return 0
    }
}
