// MARK: - Value kind

/// What an option's value, or a positional argument, is.
///
/// Help shows the value's name (`A:B`, `FILE`); the option's group reads and checks the text; a
/// shell completion offers values by kind: file names where a file is expected, the words of a
/// choice, nothing for free text.
enum ValueKind: Sendable, Hashable {
    /// Free text: a title, a claim, an outlet.
    case text
    /// A whole number.
    case integer
    /// A decimal number.
    case number
    /// A calendar date `YYYY-MM-DD` (where the help says so, also an ISO 8601 instant).
    case date
    /// A local time of day, `HH:MM`.
    case clockTime
    /// An IANA time-zone name (`America/New_York`) or a UTC offset (`+08:00`).
    case timeZone
    /// Sessions around the event session, `A:B`.
    case window
    /// One of a fixed set of words, as listed (matched ignoring case).
    case choice([String])
    /// A file to read; `extensions` are the usual ones (empty: any).
    case inputFile(extensions: [String])
    /// A file to write; `extensions` are those accepted (empty: any; the extension may choose the format).
    case outputFile(extensions: [String])
    /// A price file, or `NAME=path` to name its series.
    case series
    /// `SERIES=MARKET`: a market of the built-in table or `ZONE@HH:MM`; `MARKET` alone for every series.
    case marketAssignment
    /// The id of an event in an events file.
    case eventID

    /// The words a choice allows, in the order help lists them; empty for every other kind.
    var choices: [String] {
        if case .choice(let words) = self { return words }
        return []
    }

    /// Whether the value names a file, so that a completion offers file names.
    var expectsFile: Bool {
        switch self {
        case .inputFile, .outputFile, .series: true
        default: false
        }
    }

    /// The file extensions a file value usually has (empty: any, or not a file).
    var fileExtensions: [String] {
        switch self {
        case .inputFile(let extensions), .outputFile(let extensions): extensions
        case .series: ["csv", "txt", "tsv"]
        default: []
        }
    }
}
