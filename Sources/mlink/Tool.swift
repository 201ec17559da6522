import Foundation
import MarketLink

// MARK: - The tool

/// `mlink`: every command and command group, and the dispatch from a command line to one of
/// them. Exit codes: 0 success, 1 bad data, 64 bad usage, 70 a bug in mlink.
enum MLink {
    static let version = "0.1.0"
    /// The date of this version, as the manual page shows it.
    static let versionDate = "2026-12-01"
    /// What `mlink` is for, in a few words: the first line of `--help`, the NAME of the manual page.
    static let tagline = "how did markets move around events?"

    /// What the top level offers, in the order help lists it.
    enum Entry: Sendable {
        case command(CommandSpec)
        case group(CommandGroupSpec)
    }

    static let entries: [Entry] = [
        .command(InspectCommand.spec),
        .command(ChangesCommand.spec),
        .command(StudyCommand.spec),
        .command(CorrelateCommand.spec),
        .group(EventsCommand.group),
        .command(MoveCommand.spec),
        .command(CheckCommand.spec),
        .command(ArticleCommand.spec),
        .command(ChartCommand.spec),
        .command(ReportCommand.spec),
        .command(CompletionsCommand.spec),
        .command(ManCommand.spec),
    ]

    /// Every command that runs, subcommands included, in help order.
    static var commands: [CommandSpec] {
        entries.flatMap { entry -> [CommandSpec] in
            switch entry {
            case .command(let command): [command]
            case .group(let group): group.subcommands
            }
        }
    }

    /// Every command group.
    static var groups: [CommandGroupSpec] {
        entries.compactMap { entry in
            if case .group(let group) = entry { return group }
            return nil
        }
    }

    /// The options of `mlink` itself, before any command.
    static let topLevelOptions = [OptionSpec.help, OptionSpec.version]

    /// The exit statuses of every command, as `--help` and the manual page list them.
    static let exitStatuses = [
        Documented("0", brief: "success", "success; also for a fact check whose claim does not hold (the report says so)"),
        Documented(
            "1", brief: "bad data (file:line:column: error: ...)",
            "bad data: a file that cannot be read, with file:line:column: error: ... on standard error, or a failed write"),
        Documented(
            "64", brief: "bad usage",
            "bad usage: an unknown command or option, a missing or malformed argument, or markup (report, chart, man) asked for on a terminal"),
        Documented("70", brief: "a bug in mlink", "an internal error: a bug in mlink, such as a command reading an option it does not declare"),
    ]

    /// The environment variables `mlink` reads.
    static let environment = [
        Documented("NO_COLOR", brief: "no colour", "when set to anything but the empty string, tables on a terminal are not coloured"),
        Documented("TERM", brief: "dumb: no colour", "when it is dumb, tables on a terminal are not coloured"),
    ]

    /// What every command shares, after the command list of `--help` and in the manual page's
    /// description.
    static let overview = """
        SERIES is a price file (CSV from Yahoo, FRED, Investing.com, Nasdaq, WSJ, Bloomberg, ...) or
        NAME=path to name it. Run `mlink COMMAND --help` (or `mlink help COMMAND`) for a command's
        options. A table goes to a terminal; to a pipe or a file, commands that write CSV write CSV
        unless --format says otherwise; report, chart and man write markup to a pipe or a file,
        never to a terminal. Colour only on a terminal, never with NO_COLOR set.

        Work that takes more than a second shows its progress on standard error when that is a
        terminal (rows read and the share of the file, events done, an estimate of the time left),
        on one line redrawn in place and cleared at the end; never in a pipe or a file. A command
        that writes -o FILE then says so on standard error ("wrote 2,000,000 rows to changes.csv").
        -q/--quiet turns off both; warnings and errors are always shown.
        """

    /// `mlink --help`.
    static var help: String {
        var text = """
            mlink \(version) — \(tagline)

            usage: mlink COMMAND [ARGUMENTS]
                   mlink help [COMMAND]

            commands:

            """
        let width = (commands.map(\.name.count).max() ?? 10) + 2
        for command in commands {
            text += "  " + command.name + String(repeating: " ", count: width - command.name.count) + command.summary + "\n"
        }
        text += "\n" + overview + "\n"
        text += "Exit codes: " + exitStatuses.map { "\($0.term) \($0.brief)" }.joined(separator: ", ") + ".\n"
        return text
    }

    /// What `words` (the command line after `mlink`) names: a command and the words after it,
    /// a group, or nothing.
    enum Resolution {
        case command(CommandSpec, rest: [String])
        case group(CommandGroupSpec, rest: [String])
        case unknown
    }

    static func resolve(_ words: [String]) -> Resolution {
        guard let first = words.first else { return .unknown }
        for entry in entries {
            switch entry {
            case .command(let command) where command.name == first:
                return .command(command, rest: Array(words.dropFirst()))
            case .group(let group) where group.name == first:
                let rest = Array(words.dropFirst())
                if let word = rest.first, let command = group.subcommands.first(where: { $0.path.last == word }) {
                    return .command(command, rest: Array(rest.dropFirst()))
                }
                return .group(group, rest: rest)
            default:
                continue
            }
        }
        return .unknown
    }

    /// Runs the command line `argv` (without the program name) and returns the exit code.
    static func main(_ argv: [String]) -> Int32 {
        guard let first = argv.first else {
            Terminal.error(help)
            return 64
        }
        if OptionSpec.help.names.contains(first) {
            Terminal.write(help)
            return 0
        }
        if OptionSpec.version.names.contains(first) {
            Terminal.write("mlink \(version)\n")
            return 0
        }
        if first == "help" {
            return helpCommand(Array(argv.dropFirst()))
        }
        switch resolve(argv) {
        case .command(let command, let rest):
            return run(command, rest)
        case .group(let group, let rest):
            guard let word = rest.first, !OptionSpec.help.names.contains(word) else {
                Terminal.write(group.help)
                return 0
            }
            Terminal.error("mlink \(group.name): error: unknown subcommand \(quoted(word))\n\n" + group.help)
            return 64
        case .unknown:
            Terminal.error("mlink: error: unknown command \(quoted(first))\n\n" + help)
            return 64
        }
    }

    /// `mlink help`, `mlink help COMMAND`, `mlink help events add`.
    static func helpCommand(_ words: [String]) -> Int32 {
        guard !words.isEmpty else {
            Terminal.write(help)
            return 0
        }
        switch resolve(words) {
        case .command(let command, let rest) where rest.isEmpty:
            Terminal.write(command.help)
            return 0
        case .group(let group, let rest) where rest.isEmpty:
            Terminal.write(group.help)
            return 0
        default:
            Terminal.error("mlink help: error: no command \(quoted(words.joined(separator: " ")))\n\n" + help)
            return 64
        }
    }

    /// Runs one command: its help, or its work, mapping what goes wrong to an exit code.
    static func run(_ command: CommandSpec, _ tokens: [String]) -> Int32 {
        var arguments = command.arguments(tokens)
        if arguments.wantsHelp {
            Terminal.write(command.help)
            return 0
        }
        do {
            if let problem = arguments.problem { throw problem }
            // Progress on a terminal and the "wrote" line, unless the command offers --quiet and it is given.
            let quiet = command.options.contains(ProgressOptions.quiet) && arguments.flag(ProgressOptions.quiet)
            return try ProgressDisplay.run(quiet: quiet) { try command.run(&arguments) }
        } catch let error as MarketLinkError {
            switch error.kind {
            case .data:
                Terminal.error(ErrorHints.description(error) + "\n")
                return 1
            case .usage:
                Terminal.error("mlink \(command.name): \(ErrorHints.description(error))\n")
                return 64
            case .outputClosed:
                return 0
            }
        } catch let error as UsageError {
            var text = "mlink \(command.name): error: \(error.message)\n"
            if error.showsUsage { text += command.usage + "\nRun `mlink \(command.name) --help` for more.\n" }
            Terminal.error(text)
            return 64
        } catch let error as InternalError {
            Terminal.error("mlink \(command.name): internal error: \(error.message)\n")
            return 70
        } catch {
            Terminal.error("mlink \(command.name): error: \(error)\n")
            return 1
        }
    }
}

// MARK: - Documented value

/// Something the help and the manual page explain in a list: an exit status, an environment
/// variable. `brief` is what one line of `--help` says, `text` what the manual page says.
struct Documented: Sendable, Hashable {
    let term: String
    let brief: String
    let text: String

    init(_ term: String, brief: String, _ text: String) {
        self.term = term
        self.brief = brief
        self.text = text
    }
}
