// MARK: - Event field options

/// The fields of an event that `events add` sets and `events edit` changes: `--date`,
/// `--title`, `--tag`, `--score`, `--source`, `--time`, `--timezone`.
enum EventFieldOptions {
    static func date(required: Bool) -> OptionSpec {
        .value(
            "--date", "DATE", .date, required: required,
            help: required
                ? "2023-06-07, 2023-06 for a month, an ISO 8601 instant such as 2023-06-07T17:00-04:00, or a phrase counted from today: yesterday, last Tuesday, June 8, last December"
                : "2023-06-07, 2023-06 for a month, or an ISO 8601 instant such as 2023-06-07T17:00-04:00")
    }

    static func title(required: Bool) -> OptionSpec {
        .value("--title", "TEXT", .text, required: required, help: "what happened")
    }

    static let tag = OptionSpec.value("--tag", "T", .text, repeatable: true, help: "a label; repeat it, or separate labels with \";\"")
    static let score = OptionSpec.value("--score", "S", .number, help: "a number you assign, e.g. -1 (escalation) to +1 (thaw)")
    static let source = OptionSpec.value("--source", "S", .text, help: "outlet or URL")
    static let time = OptionSpec.value("--time", "HH:MM", .clockTime, help: "local time of day; the event needs a --timezone")
    static let timeZone = OptionSpec.value(
        "--timezone", "ZONE", .timeZone, help: "IANA name (America/New_York) or offset (+08:00) of --time")

    /// The group, with `--date` and `--title` required for a new event.
    static func group(forNewEvent: Bool) -> OptionGroup {
        OptionGroup(
            title: "event fields",
            options: [date(required: forNewEvent), title(required: forNewEvent), tag, score, source, time, timeZone])
    }
}
