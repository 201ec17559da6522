// MARK: - Option

/// One command-line option, declared once: its names, its value, whether it may repeat, and its
/// help line. The parser accepts exactly the declared options, and help, usage lines (and shell
/// completions and the man page) are drawn from the same declarations.
struct OptionSpec: Sendable, Hashable {
    /// The long name, `--window`: what the parser, messages and help call the option.
    let name: String
    /// A one-letter alias, `-w`.
    let short: String?
    /// What help calls the value (`A:B`, `FILE`); `nil` for a flag.
    let valueName: String?
    /// What the value is; `nil` for a flag.
    let kind: ValueKind?
    /// Whether it may be given more than once, each value counting.
    let repeatable: Bool
    /// Whether a command cannot run without it (shown without brackets in the usage line).
    let required: Bool
    /// One help line (wrapped to the terminal width when shown).
    let help: String

    /// `-h/--help`, which every command and group takes (the parser knows it; help does not list it).
    static let help = OptionSpec.flag("--help", short: "-h", help: "print the help of mlink, a command or a command group")
    /// `--version`, at the top level only.
    static let version = OptionSpec.flag("--version", help: "print the version")

    /// A flag, on when given.
    static func flag(_ name: String, short: String? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, kind: nil, repeatable: false, required: false, help: help)
    }

    /// An option with a value.
    static func value(
        _ name: String, short: String? = nil, _ valueName: String, _ kind: ValueKind, repeatable: Bool = false,
        required: Bool = false, help: String
    ) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: valueName, kind: kind, repeatable: repeatable, required: required, help: help)
    }

    /// Every name it answers to, the long one first.
    var names: [String] { [name] + (short.map { [$0] } ?? []) }

    /// Whether it takes a value.
    var takesValue: Bool { kind != nil }

    /// `--window A:B`, as the usage line shows it (with `...` when it repeats).
    var synopsis: String {
        let core = name + (valueName.map { " " + $0 } ?? "")
        return (required ? core : "[" + core + "]") + (repeatable ? "..." : "")
    }

    /// `-w, --window A:B`, as the option list shows it.
    var label: String {
        (short.map { $0 + ", " } ?? "") + name + (valueName.map { " " + $0 } ?? "")
    }
}

// MARK: - Positional argument

/// A positional argument of a command: its name in help, its kind, how many there may be, and the
/// message when it is missing.
struct PositionalSpec: Sendable, Hashable {
    enum Count: Sendable, Hashable {
        case one, optional, oneOrMore, zeroOrMore
    }

    /// `SERIES`, `EVENTS`, `ID`.
    let name: String
    let kind: ValueKind
    let count: Count
    /// One help line.
    let help: String
    /// The usage error when it is not given: "name at least one price file (SERIES)".
    let missing: String

    /// `SERIES...`, `[FILE]`, as the usage line shows it.
    var synopsis: String {
        switch count {
        case .one: name
        case .optional: "[" + name + "]"
        case .oneOrMore: name + "..."
        case .zeroOrMore: "[" + name + "...]"
        }
    }
}

// MARK: - Option group

/// Options that belong together and are used by every command that takes them (price-file
/// options, output options, window options, ...), with the title help shows above them.
struct OptionGroup: Sendable, Hashable {
    let title: String
    let options: [OptionSpec]
}
