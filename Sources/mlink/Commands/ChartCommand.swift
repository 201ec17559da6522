import Foundation
import MarketLink

enum ChartCommand {
    static let events = EventsOptions.events(required: false, help: "the events file (required for charts around events; see `mlink events --help`)")
    static let windows = WindowOptions.Spec(repeatable: false, defaults: [.chartDefault], purpose: "sessions around t0 to draw", minutes: true)
    static let output = OutputOptions.Spec.file(
        "SVG", extensions: ["svg"], onTerminal: "the charts are SVG; write them to a file with -o charts.svg (or pipe them)")
    static let rebase = OptionSpec.flag(
        "--rebase", help: "rebase each line to 100 at its base session (or its first session in a range); the default for two or more series")
    static let noRebase = OptionSpec.flag("--no-rebase", help: "draw closes as they are (levels), even for several series")
    static let layout = OptionSpec.value(
        "--layout", "LAYOUT", .choice(ChartLayout.allCases.map(\.rawValue)),
        help: "overlay (every series in one chart, the default) or multiples (one chart per series, on the same dates)")
    static let event = OptionSpec.value("--event", "ID", .eventID, repeatable: true, help: "only the event with this id, repeatable")
    static let from = OptionSpec.value("--from", "DATE", .date, help: "first date of a range chart (YYYY-MM-DD), with --to")
    static let to = OptionSpec.value("--to", "DATE", .date, help: "last date of a range chart (YYYY-MM-DD), with --from")
    static let width = OptionSpec.value("--width", "W", .integer, help: "chart width in pixels, 200 to 20000 (default 800)")
    static let height = OptionSpec.value("--height", "H", .integer, help: "height of each chart in pixels, 200 to 20000 (default 320)")

    static let spec = CommandSpec(
        path: ["chart"],
        summary: "SVG charts of each series around each event, or over a date range",
        positionals: [PriceFileOptions.series(.oneOrMore)],
        groups: [
            OptionGroup(title: "options", options: [rebase, noRebase, layout, event, from, to, width, height]), EventsOptions.group(events),
            windows.group, output.group, PriceFileOptions.group,
        ],
        about: """
            Around events: for each event, the closes of every series from the base session t0+A−1
            to t0+B, each series on its own sessions, with the event session marked (and the event
            date, when it was not a trading day). Two or more series are rebased to 100 at their
            base session, so that markets of different levels share one chart per event (the axis
            says "Index, t0−6 = 100"); with --no-rebase (or one series) each series gets its own
            chart of closes per event. Each chart's title starts with the event number and the series
            ("Event 11" then "DJIA, SSE"), the event's title under it. The charts are stacked in one SVG.

            Over a date range (--from and --to, no --events needed): every series' closes on the
            sessions in the range, each event dated in it marked by its id, with a key under the
            chart. Two or more series are rebased to 100 at their first session in the range (the
            axis says "Index, first session = 100"); --no-rebase draws the closes on one axis, and
            --layout multiples draws one chart per series, each on its own axis, on the same dates.

            With a minute window (--window -30m:60m) and intraday prices: for each timed event and
            series, the price at each bar's end from u+A to u+B on a time axis in the series' zone,
            as mlink changes measures the window (u moved to the next trading period's start when
            the event is outside trading). Clock-time ticks, the date under the first and on each
            new day; the hours the market is closed are drawn narrower and shaded; markers at the
            announcement ("10:14 a.m. announcement"), the base and the end with their prices.
            One chart per event and series, of closes (not rebased).
            """,
        examples: [
            "mlink chart --events events.csv DJIA=djia.csv SSE=sse.csv --event 11 -o around.svg",
            "mlink chart DJIA=djia.csv SSE=sse.csv --from 2023-05-01 --to 2023-06-30 --layout multiples -o range.svg",
            "mlink chart --events events.csv spx-1m.csv --event 1 --window -30m:60m -o minutes.svg",
        ],
        notes: """
            The same inputs always give the same bytes. Event titles are escaped. Without -o the SVG
            goes to standard output when that is a pipe or a file; on a terminal mlink writes no
            markup and says to give -o instead (exit code 64).
            """,
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let eventsPath = try arguments.value(events)
        let window = try WindowOptions(&arguments, windows)
        let wantsRebase = arguments.flag(rebase)
        let wantsLevels = arguments.flag(noRebase)
        let chosenLayout = try arguments.choice(layout).flatMap(ChartLayout.init(rawValue:)) ?? .overlay
        let eventIDs = arguments.values(event)
        let fromText = try arguments.value(from)
        let toText = try arguments.value(to)
        let chartWidth = try pixels(try arguments.value(width), option: width.name, default: 800)
        let chartHeight = try pixels(try arguments.value(height), option: height.name, default: 320)
        let out = try OutputOptions(&arguments, output, command: "chart")
        let prices = try PriceFileOptions(&arguments)
        let sources = try arguments.positionals()
        if wantsRebase, wantsLevels { throw UsageError(message: "\(rebase.name) and \(noRebase.name) cannot both be given") }
        let isRange = fromText != nil || toText != nil
        var range: (from: Day, to: Day)?
        if isRange {
            guard let fromText, let toText else { throw UsageError(message: "a range chart needs both --from and --to") }
            if window.given { throw UsageError(message: "--window is for charts around events; a range chart covers --from to --to") }
            if !eventIDs.isEmpty { throw UsageError(message: "--event is for charts around events; a range chart marks every event in the range") }
            let first = try MoveCommand.isoDay(fromText, option: from.name)
            let last = try MoveCommand.isoDay(toText, option: to.name)
            guard first <= last else { throw UsageError(message: "--from \(first.iso) is after --to \(last.iso)") }
            range = (first, last)
        } else if eventsPath == nil {
            throw UsageError(message: "--events EVENTS is required (or give --from and --to for a range chart)")
        }

        var events = try eventsPath.map { path throws(MarketLinkError) in try EventLog.load(path: path).events } ?? []
        let collection = try prices.load(sources)
        let inputs = (eventsPath.map { [$0] } ?? []) + collection.paths
        try out.refuseInputs(inputs)

        // Several series share an axis only rebased; one series keeps its closes unless asked.
        // Tallies of events (counts, sums of scores) start at 0 and cannot be rebased: their levels, unless asked.
        let rebased = wantsRebase || (!wantsLevels && collection.series.count > 1 && !collection.series.contains { $0.isTally })
        let panel: ChartPanel
        if let range {
            panel = EventCharts.panel(
                from: range.from, to: range.to, series: collection.series, events: events, rebase: rebased, layout: chosenLayout)
        } else {
            if !eventIDs.isEmpty {
                let unknown = eventIDs.filter { id in !events.contains { $0.id == id } }
                guard unknown.isEmpty else {
                    throw UsageError(message: "no event has the id \(unknown.map { quoted($0) }.joined(separator: ", "))")
                }
                events = events.filter { eventIDs.contains($0.id) }
            }
            guard !events.isEmpty else { throw MarketLinkError("the events file has no events to chart", at: SourceLocation(file: eventsPath ?? "")) }
            let eventsFile = eventsPath.map { ($0 as NSString).lastPathComponent }
            if window.window.isMinuteWindow {
                // Each series on its own time axis, in its own zone: closes, one chart per event and series.
                if wantsRebase { throw UsageError(message: "--rebase is for session windows; a minute window draws each series' closes on its own time axis") }
                panel = EventCharts.minutePanel(around: events, series: collection.series, window: window.window, eventsFile: eventsFile)
            } else {
                panel = EventCharts.panel(
                    EventSessions(events: events, series: collection.series, rule: window.rule), window: window.window, rebase: rebased,
                    layout: chosenLayout, eventsFile: eventsFile)
            }
        }
        try out.write(panel.svg(width: chartWidth, chartHeight: chartHeight), inputs: inputs)
        return 0
    }

    /// A size in pixels between 200 and 20,000 (as charts are drawn).
    static func pixels(_ text: String?, option: String, default fallback: Int) throws(UsageError) -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), (200...20_000).contains(value) else {
            throw UsageError(message: "\(option) takes a whole number of pixels from 200 to 20000, not \(quoted(text))")
        }
        return value
    }
}
