import MarketLink

enum InspectCommand {
    static let spec = CommandSpec(
        name: "inspect",
        summary: "what was loaded from price files, and every guess made",
        help: """
            usage: mlink inspect FILE... [--format table|json] [--date-format MDY|DMY|YMD] [--adjusted]

            Reads each price file as every other command would and says what it saw: the layout, the
            delimiter, the header line, the date and close columns, how dates were read (and, for
            numeric dates, which day/month order and why), each series with its market, session count,
            first and last date and largest gap, and every dropped row with its line and reason.

            options:
              --format F        table (default) or json
              --date-format O   day/month order when the file cannot tell: MDY, DMY or YMD
              --adjusted        take Adj Close instead of Close where a file has both

            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let format = try arguments.value("--format") ?? "table"
        let order = try readDateOrder(&arguments)
        let adjusted = arguments.flag("--adjusted")
        let files = try arguments.positionals()
        guard !files.isEmpty else { throw UsageError(message: "name at least one price file") }
        guard format == "table" || format == "json" else { throw UsageError(message: "--format takes table or json for inspect") }
        var reports: [PriceFile] = []
        for argument in files {
            let source = SeriesSource(argument: argument)
            reports.append(
                try PriceFile.load(path: source.path, options: PriceLoadOptions(name: source.name, dateOrder: order, adjustedClose: adjusted)))
        }
        if format == "json" {
            Terminal.write(JSONValue.array(reports.map { $0.reportJSON() }).serialized())
        } else {
            Terminal.write(reports.map { $0.reportText() }.joined(separator: "\n"))
        }
        return 0
    }
}

/// `--date-format` shared by every command that reads prices.
func readDateOrder(_ arguments: inout Arguments) throws -> DateOrder? {
    guard let text = try arguments.value("--date-format") else { return nil }
    guard let order = DateOrder(userText: text) else {
        throw UsageError(message: "--date-format takes MDY, DMY or YMD (or %m/%d/%Y style), not \"\(text)\"")
    }
    return order
}
