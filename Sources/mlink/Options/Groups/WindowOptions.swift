import MarketLink

// MARK: - Window options

/// `-w/--window A:B` and `--align`: which sessions around each event a command measures, and
/// how a date-only event finds its session. The same window given twice counts once.
struct WindowOptions {
    /// What a command takes.
    struct Spec: Sendable {
        /// Whether several windows may be given (each counts once, in the order first given).
        var repeatable: Bool
        /// The windows used when none is given.
        var defaults: [EventWindow]
        /// What the window is for, e.g. "sessions around t0 to measure".
        var purpose: String
        /// Whether minute windows (`-30m:60m`, `-1h:2h`) are taken too, measured on intraday bars.
        var minutes = false

        var window: OptionSpec {
            let shown = listed(defaults.map(\.description), conjunction: "and")
            let minuteHelp =
                minutes
                ? "; or Am:Bm (Ah:Bh), minutes (hours) from a timed event's instant u on intraday bars: from the price at u+A to that at u+B"
                : ""
            return .value(
                "--window", short: "-w", "A:B", .window, repeatable: repeatable,
                help: purpose + (repeatable ? ", repeatable" : "") + " (default \(shown)): from the close of session t0+A−1 to that of t0+B"
                    + minuteHelp)
        }

        var group: OptionGroup { OptionGroup(title: "window options", options: [window, WindowOptions.align]) }
    }

    static let align = OptionSpec.value(
        "--align", "RULE", .choice(AlignmentRule.allCases.map(\.rawValue)),
        help: "how a date-only event finds its session t0: next (the first session on or after the date, the default),"
            + " previous (the last on or before it) or exact (the date itself, or no session)")

    /// The windows given, each once in the order first given, or the defaults.
    var windows: [EventWindow]
    /// Whether `--window` was given.
    var given: Bool
    var rule: AlignmentRule

    init(_ arguments: inout Arguments, _ spec: Spec) throws {
        var chosen: [EventWindow] = []
        for text in arguments.values(spec.window) {
            let window = try EventWindow(parsing: text)
            if window.isMinuteWindow, !spec.minutes {
                // Minute windows are measured on intraday bars by `changes` and drawn by `chart`; the other commands count sessions.
                throw UsageError(message: "--window \(text): minute windows are offered by mlink changes and mlink chart only; give session windows A:B")
            }
            if !chosen.contains(window) { chosen.append(window) }
        }
        if !spec.repeatable, chosen.count > 1 { throw UsageError(message: "--window is given more than once") }
        given = !chosen.isEmpty
        windows = chosen.isEmpty ? spec.defaults : chosen
        rule = try arguments.choice(Self.align).flatMap(AlignmentRule.init(rawValue:)) ?? .next
    }

    /// The one window of a command that takes one.
    var window: EventWindow { windows.first ?? .studyDefault }
}

// MARK: - Events options

/// `--events EVENTS`: the events file of the commands that measure around events.
enum EventsOptions {
    static func events(required: Bool, help: String = "the events file: CSV with date and title (see `mlink events --help`)") -> OptionSpec {
        .value("--events", "EVENTS", .inputFile(extensions: ["csv"]), required: required, help: help)
    }

    static func group(_ option: OptionSpec) -> OptionGroup {
        OptionGroup(title: "events options", options: [option])
    }
}
