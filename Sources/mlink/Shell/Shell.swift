// MARK: - Shell

/// The shells `mlink completions` writes a script for. Each script is drawn from the command
/// declarations (`MLink.entries`, each command's options and positional arguments, and the
/// `CompletionValues` of their kinds), so that completion cannot drift from parsing and help.
enum Shell: String, CaseIterable, Sendable {
    case bash, zsh, fish

    /// The whole completion script.
    var completionScript: String {
        switch self {
        case .bash: BashCompletion.script()
        case .zsh: ZshCompletion.script()
        case .fish: FishCompletion.script()
        }
    }
}

// MARK: - What the scripts complete

/// The declarations every completion script is drawn from, in the shape the scripts need.
enum CompletionSource {
    /// A word that may follow `mlink` (or a group's name) and what it does.
    struct Word: Sendable, Hashable {
        let word: String
        let summary: String
    }

    /// `help`, which takes a command's words rather than options.
    static let help = Word(word: "help", summary: "print the help of mlink, a command or a command group")

    /// The commands and groups, in help order, then `help`.
    static var topLevel: [Word] {
        MLink.entries.map { entry in
            switch entry {
            case .command(let command): Word(word: command.name, summary: command.summary)
            case .group(let group): Word(word: group.name, summary: group.summary)
            }
        } + [help]
    }

    /// The subcommands of a group, by their last word.
    static func subcommands(of group: CommandGroupSpec) -> [Word] {
        group.subcommands.map { Word(word: $0.path.last ?? $0.name, summary: $0.summary) }
    }

    /// Every option a command accepts, `--help` included.
    static func options(of command: CommandSpec) -> [OptionSpec] {
        command.options + [OptionSpec.help]
    }

    /// The start of a help line, for a shell to show beside an option: up to the first "; " or
    /// ": ", and at most 80 characters.
    static func brief(_ help: String) -> String {
        var text = Substring(help)
        for separator in ["; ", ": "] {
            if let range = text.range(of: separator) { text = text[..<range.lowerBound] }
        }
        guard text.count > 80 else { return String(text) }
        let cut = text.prefix(78)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }

    /// File extensions as given and in upper case, for shells that match names by case.
    static func bothCases(_ extensions: [String]) -> [String] {
        var all: [String] = []
        for name in extensions + extensions.map({ $0.uppercased() }) where !all.contains(name) { all.append(name) }
        return all
    }
}
