import MarketLink

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

    /// What a shell completion offers where a value of this kind goes: the words of a choice,
    /// file names (with the usual extensions) where a file is expected, `NAME=` before a price
    /// file or a market, nothing for free text, numbers, dates and windows.
    var completion: CompletionValues {
        switch self {
        case .choice(let words): .words(words)
        case .inputFile, .outputFile: .files(extensions: fileExtensions)
        case .series: .named(.files(extensions: fileExtensions))
        case .marketAssignment: .named(.words(MarketTable.markets.map(\.id)))
        case .text, .integer, .number, .date, .clockTime, .timeZone, .window, .eventID: .nothing
        }
    }
}

// MARK: - Completion values

/// What a shell completion offers for a value, whatever the shell: the completion scripts of
/// `mlink completions bash|zsh|fish` are drawn from it, option by option and argument by argument.
enum CompletionValues: Sendable, Hashable {
    /// Nothing, and no file names either: a title, a number, a date, a window.
    case nothing
    /// One of these words.
    case words([String])
    /// File names, and the directories that lead to them; with `extensions`, only files whose
    /// name ends in one of them (in either case).
    case files(extensions: [String])
    /// `NAME=` may come first (`SSE=sse.csv`, `DJIA=NYSE`); after it, or without it, what the
    /// inner value offers.
    indirect case named(CompletionValues)
}
