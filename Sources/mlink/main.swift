import Foundation
import MarketLink

// mlink: parses arguments, calls MarketLink, prints. Exit codes: 0 success, 1 bad data, 64 bad usage.

let version = "0.1.0"

// A reader that closes the pipe early (`| head`) must not kill the run by signal: the failed write
// comes back as EPIPE, and the run ends quietly with exit 0 (`Terminal`).
signal(SIGPIPE, SIG_IGN)
// Past a file-size limit (`ulimit -f`) a write fails with EFBIG, reported like any failed write
// (the temporary file removed, the old file kept), instead of the signal killing the run mid-file.
signal(SIGXFSZ, SIG_IGN)

let commands: [CommandSpec] = [
    InspectCommand.spec,
    ChangesCommand.spec,
    StudyCommand.spec,
    CorrelateCommand.spec,
    EventsCommand.add, EventsCommand.list, EventsCommand.edit, EventsCommand.remove,
    MoveCommand.spec,
    CheckCommand.spec,
    ChartCommand.spec,
    ReportCommand.spec,
]

func topLevelHelp() -> String {
    var text = """
        mlink \(version) — how did markets move around events?

        usage: mlink COMMAND [ARGUMENTS]

        commands:

        """
    let nameWidth = (commands.map(\.name.count).max() ?? 10) + 2
    for command in commands {
        text += "  " + command.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + command.summary + "\n"
    }
    text += """

        SERIES is a price file (CSV from Yahoo, FRED, Investing.com, Nasdaq, WSJ, Bloomberg, ...) or
        NAME=path to name it. Run `mlink COMMAND --help` for a command's options.
        Exit codes: 0 success, 1 bad data (file:line:column: error: ...), 64 bad usage.

        """
    return text
}

func run(_ argv: [String]) -> Int32 {
    guard let first = argv.first else {
        Terminal.error(topLevelHelp())
        return 64
    }
    if first == "--help" || first == "-h" || first == "help" {
        Terminal.write(topLevelHelp())
        return 0
    }
    if first == "--version" {
        Terminal.write("mlink \(version)\n")
        return 0
    }
    var rest = Array(argv.dropFirst())
    // Two-word commands: `events add`, ...
    var name = first
    if let second = rest.first, commands.contains(where: { $0.name == "\(first) \(second)" }) {
        name = "\(first) \(second)"
        rest.removeFirst()
    }
    guard let command = commands.first(where: { $0.name == name }) else {
        let family = commands.filter { $0.name.hasPrefix(first + " ") }
        if !family.isEmpty {
            Terminal.error(
                "mlink \(first): error: \(rest.first.map { "unknown subcommand \"\($0)\"" } ?? "a subcommand is needed")\nsubcommands: \(family.map(\.name).joined(separator: ", "))\n")
            return 64
        }
        Terminal.error("mlink: error: unknown command \"\(first)\"\n\n" + topLevelHelp())
        return 64
    }
    var arguments = Arguments(rest)
    if arguments.wantsHelp {
        Terminal.write(command.help)
        return 0
    }
    do {
        return try command.run(&arguments)
    } catch let error as MarketLinkError {
        switch error.kind {
        case .data:
            Terminal.error("\(error)\n")
            return 1
        case .usage:
            Terminal.error("mlink \(command.name): \(error)\n")
            return 64
        case .outputClosed:
            return 0
        }
    } catch let error as UsageError {
        Terminal.error("mlink \(command.name): error: \(error.message)\n\(command.usageLine)\nRun `mlink \(command.name) --help` for more.\n")
        return 64
    } catch {
        Terminal.error("mlink \(command.name): error: \(error)\n")
        return 1
    }
}

exit(run(Array(CommandLine.arguments.dropFirst())))
