// MARK: - Command

/// One `mlink` command, declared once: its name, positional arguments and option groups, the
/// prose of its help, and what it runs. Parsing, `--help`, the usage line (and, from the same
/// declarations, shell completions and the man page) all come from here.
struct CommandSpec: Sendable {
    /// The words that name it: `["changes"]`, `["events", "add"]`.
    let path: [String]
    /// One line for the command list.
    let summary: String
    let positionals: [PositionalSpec]
    /// Its own options first (titled "options"), then the shared groups it takes.
    let groups: [OptionGroup]
    /// Paragraphs after the usage line, wrapped by hand.
    let about: String
    /// Command lines (and what they print) shown indented after `about`.
    let examples: [String]
    /// Paragraphs after the options: statuses, exit codes, columns.
    let notes: String
    /// Whether the usage line shows the positional arguments before the required options
    /// (`mlink move SERIES --from DATE --to DATE`) rather than after (`mlink changes --events EVENTS SERIES...`).
    let positionalsFirst: Bool
    /// Said after "unexpected argument": what the command takes instead.
    let extraHint: String?
    let run: @Sendable (inout Arguments) throws -> Int32

    init(
        path: [String], summary: String, positionals: [PositionalSpec], groups: [OptionGroup], about: String,
        examples: [String] = [], notes: String = "", positionalsFirst: Bool = false, extraHint: String? = nil,
        run: @escaping @Sendable (inout Arguments) throws -> Int32
    ) {
        self.path = path
        self.summary = summary
        self.positionals = positionals
        self.groups = groups
        self.about = about
        self.examples = examples
        self.notes = notes
        self.positionalsFirst = positionalsFirst
        self.extraHint = extraHint
        self.run = run
    }

    /// `changes`, `events add`.
    var name: String { path.joined(separator: " ") }

    /// Every option it accepts, in help order.
    var options: [OptionSpec] { groups.flatMap(\.options) }

    /// What its usage line shows, in order: the required options and the positional arguments
    /// (in the order `positionalsFirst` says), then the other options. `--help`, the man page and
    /// the completions all show a command this way.
    var synopsis: [SynopsisItem] {
        let required = options.filter(\.required).map(SynopsisItem.option)
        let optional = options.filter { !$0.required }.map(SynopsisItem.option)
        let arguments = positionals.map(SynopsisItem.positional)
        return (positionalsFirst ? arguments + required : required + arguments) + optional
    }

    /// The command line read against this command's declarations.
    func arguments(_ tokens: [String]) -> Arguments {
        Arguments(tokens, options: options, positionals: positionals, extraHint: extraHint)
    }
}

// MARK: - Synopsis item

/// One item of a usage line: an option or a positional argument.
enum SynopsisItem: Sendable, Hashable {
    case option(OptionSpec)
    case positional(PositionalSpec)

    /// `[--window A:B]...`, `SERIES...`, as the usage line shows it.
    var text: String {
        switch self {
        case .option(let option): option.synopsis
        case .positional(let positional): positional.synopsis
        }
    }
}

// MARK: - Command group

/// Commands under one word (`mlink events add|list|edit|remove`): `mlink events`, `mlink events
/// --help` and `mlink help events` print the group's help.
struct CommandGroupSpec: Sendable {
    /// `events`.
    let name: String
    let summary: String
    /// Paragraphs after the usage line.
    let about: String
    let subcommands: [CommandSpec]
}
