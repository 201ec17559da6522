import MarketLink

enum MoveCommand {
    static let spec = CommandSpec(
        name: "move",
        summary: "one move over a range of dates, with its sentence",
        help: """
            usage: mlink move SERIES --from DATE --to DATE [--format table|json] [--date-format MDY|DMY|YMD] [--adjusted]

            Measures the move over the sessions dated from --from to --to (both inclusive): from the
            close of the session before the first of them (the base) to the close of the last (the
            end), and prints the sentence a newsroom would write, then the base and end closes, the
            points, the percent and the log return. A file that holds several series gives one move
            for each.

              mlink move DJIA=djia.csv --from 2023-06-07 --to 2023-06-08
              The Dow Jones Industrial Average rose 260.33 points, or 0.78%, to 33,833.61 on
              Wednesday and Thursday (June 7–8, 2023).

            options:
              --from DATE       first session date to cover (YYYY-MM-DD)
              --to DATE         last session date to cover (YYYY-MM-DD)
              --format F        table (default) or json
              --date-format O   day/month order when a price file cannot tell: MDY, DMY or YMD
              --adjusted        take Adj Close instead of Close where a file has both
              --market S=M      the market of series S (NYSE, SSE, ... or ZONE@HH:MM), for its name

            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let format = try arguments.value("--format") ?? "table"
        guard format == "table" || format == "json" else { throw UsageError(message: "--format takes table or json for move") }
        let from = try isoDay(try arguments.value("--from"), option: "--from")
        let to = try isoDay(try arguments.value("--to"), option: "--to")
        let prices = try PriceOptions(&arguments)
        let sources = try arguments.positionals()
        guard !sources.isEmpty else { throw UsageError(message: "name a price file (SERIES)") }
        guard from <= to else { throw UsageError(message: "--from \(from.iso) is after --to \(to.iso)") }
        let collection = try prices.load(sources)
        var moves: [(Move, Series)] = []
        for series in collection.series {
            let move = try Move(series: series, from: from, to: to)
            guard move.hasPositiveCloses else {
                throw MarketLinkError(
                    "\(series.name) closed at \(move.baseClose) on \(move.baseDay.iso) and \(move.endClose) on \(move.endDay.iso); a percent move needs positive closes"
                )
            }
            moves.append((move, series))
        }
        if format == "json" {
            let items = moves.map { MoveReport.json(for: $0.0, in: $0.1) }
            Terminal.write((items.count == 1 ? items[0] : JSONValue.array(items)).serialized())
        } else {
            Terminal.write(moves.map { MoveReport.text(for: $0.0, in: $0.1) }.joined(separator: "\n"))
        }
        return 0
    }

    /// A required `YYYY-MM-DD` option value.
    static func isoDay(_ text: String?, option: String) throws -> Day {
        guard let text else { throw UsageError(message: "\(option) DATE is required") }
        guard let day = Day(iso: text) else { throw UsageError(message: "\(option) takes a date as YYYY-MM-DD, not \"\(text)\"") }
        return day
    }
}
