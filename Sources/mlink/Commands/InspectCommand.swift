import MarketLink

enum InspectCommand {
    static let output = OutputOptions.Spec.formats([.table, .json])

    static let spec = CommandSpec(
        path: ["inspect"],
        summary: "what was loaded from price files, and every guess made",
        positionals: [
            PositionalSpec(
                name: "FILE", kind: .series, count: .oneOrMore, help: "a price file, or NAME=path to name its series",
                missing: "name at least one price file")
        ],
        groups: [output.group, PriceFileOptions.group],
        about: """
            Reads each price file as every other command would and says what it saw: the layout, the
            delimiter, the header line, the date and close columns, how dates were read (and, for
            numeric dates, which day/month order and why), each series with its market, session count,
            first and last date and largest gap, and every dropped row with its line and reason.
            """,
        positionalsFirst: true,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let out = try OutputOptions(&arguments, output, command: "inspect")
        let prices = try PriceFileOptions(&arguments)
        let files = try arguments.positionals()
        var reports: [PriceFile] = []
        for argument in files { reports.append(try prices.loadFile(argument)) }
        let names = reports.flatMap { $0.series.map(\.name) }
        if let unknown = prices.markets.compactMap(\.series).first(where: { !names.contains($0) }) {
            throw UsageError(message: "--market names \(quoted(unknown)), but no series has that name (\(names.joined(separator: ", ")))", showsUsage: false)
        }
        let inputs = reports.map(\.path)
        try out.refuseInputs(inputs)
        if out.format == .json {
            try out.write(JSONValue.array(reports.map { $0.reportJSON() }).serialized(), inputs: inputs)
        } else {
            // One file's report as it is (a wide file's is megabytes, not copied to be joined).
            let texts = reports.map { $0.reportText(vocabulary: .mlink) }
            try out.write(texts.count == 1 ? texts[0] : texts.joined(separator: "\n"), inputs: inputs)
        }
        return 0
    }
}
