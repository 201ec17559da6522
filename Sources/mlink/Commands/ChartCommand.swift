import Foundation
import MarketLink

enum ChartCommand {
    static let spec = CommandSpec(
        name: "chart",
        summary: "SVG charts of each series around each event, or over a date range",
        help: """
            usage: mlink chart --events EVENTS SERIES... [--window A:B] [--rebase] [--event ID]... -o FILE.svg
                   mlink chart [--events EVENTS] SERIES... --from DATE --to DATE [--rebase] -o FILE.svg

            Around events: for each event, the closes of every series from the base session t0+A−1
            to t0+B (default window -5:5), each series on its own sessions, with the event session
            marked (and the event date, when it was not a trading day). With --rebase every line
            is 100 at its base session, so that markets of different levels share one chart per
            event; without it, each series gets its own chart per event. The charts are stacked in
            one SVG.

            Over a date range (--from and --to): every series' closes on the sessions in the range,
            each event dated in it marked by its id, with a key under the chart. With --rebase each
            line is 100 at its first session in the range.

              mlink chart --events events.csv DJIA=djia.csv SSE=sse.csv --rebase -o around.svg

            options:
              --events FILE       events CSV (required around events)
              --window A:B        sessions around t0 to draw (default -5:5)
              --rebase            rebase each line to 100 at its base (or first) session
              --event ID          only this event, repeatable
              --from DATE         first date of a range chart (YYYY-MM-DD), with --to
              --to DATE           last date of a range chart
              --align RULE        next (default), previous or exact, for date-only events
              --width W           chart width in pixels (default 800)
              --height H          height of each chart in pixels (default 320)
              -o FILE.svg         write to FILE atomically (standard output without -o)
              --market S=M        the market of series S: NYSE, SSE, HKEX, ... or ZONE@HH:MM
              --date-format O     day/month order for price files that cannot tell: MDY, DMY or YMD
              --adjusted          use Adj Close where a price file has it

            The same inputs always give the same bytes. Event titles are escaped.

            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let eventsPath = try arguments.value("--events")
        let windowText = try arguments.value("--window", "-w")
        let rebase = arguments.flag("--rebase")
        let eventIDs = try arguments.values("--event")
        let fromText = try arguments.value("--from")
        let toText = try arguments.value("--to")
        let rule = try alignmentRule(&arguments)
        let width = try pixels(try arguments.value("--width"), option: "--width", default: 800)
        let height = try pixels(try arguments.value("--height"), option: "--height", default: 320)
        let output = try arguments.value("-o", "--output")
        let prices = try PriceOptions(&arguments)
        let sources = try arguments.positionals()
        guard !sources.isEmpty else { throw UsageError(message: "name at least one price file (SERIES)") }
        if let output, output != "-", (output as NSString).pathExtension.lowercased() != "svg" {
            throw UsageError(message: "chart writes SVG: name the output FILE.svg, not \"\(output)\"")
        }
        let isRange = fromText != nil || toText != nil
        if isRange {
            guard fromText != nil, toText != nil else { throw UsageError(message: "a range chart needs both --from and --to") }
            if windowText != nil { throw UsageError(message: "--window is for charts around events; a range chart covers --from to --to") }
            if !eventIDs.isEmpty { throw UsageError(message: "--event is for charts around events; a range chart marks every event in the range") }
        } else if eventsPath == nil {
            throw UsageError(message: "--events EVENTS is required (or give --from and --to for a range chart)")
        }
        let window = try windowText.map { text throws(MarketLinkError) in try EventWindow(parsing: text) }

        var events = try eventsPath.map { path throws(MarketLinkError) in try EventLog.load(path: path).events } ?? []
        let collection = try prices.load(sources)
        let inputs = (eventsPath.map { [$0] } ?? []) + collection.paths
        if let output, output != "-" { try OutputFile.refuseInput(output, inputs: inputs) }

        let panel: ChartPanel
        if isRange {
            let from = try MoveCommand.isoDay(fromText, option: "--from")
            let to = try MoveCommand.isoDay(toText, option: "--to")
            guard from <= to else { throw UsageError(message: "--from \(from.iso) is after --to \(to.iso)") }
            panel = EventCharts.panel(from: from, to: to, series: collection.series, events: events, rebase: rebase)
        } else {
            if !eventIDs.isEmpty {
                let unknown = eventIDs.filter { id in !events.contains { $0.id == id } }
                guard unknown.isEmpty else {
                    throw UsageError(message: "no event has the id \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))")
                }
                events = events.filter { eventIDs.contains($0.id) }
            }
            guard !events.isEmpty else { throw MarketLinkError("the events file has no events to chart", at: SourceLocation(file: eventsPath ?? "")) }
            panel = EventCharts.panel(
                around: events, series: collection.series, window: window ?? EventCharts.defaultWindow,
                rule: rule, rebase: rebase, eventsFile: eventsPath.map { ($0 as NSString).lastPathComponent })
        }
        try emit(panel.svg(width: width, chartHeight: height), to: output, inputs: inputs)
        return 0
    }

    /// A size in pixels between 320 and 20,000 (as charts are drawn).
    static func pixels(_ text: String?, option: String, default fallback: Int) throws -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), (200...20_000).contains(value) else {
            throw UsageError(message: "\(option) takes a whole number of pixels from 200 to 20000, not \"\(text)\"")
        }
        return value
    }
}
