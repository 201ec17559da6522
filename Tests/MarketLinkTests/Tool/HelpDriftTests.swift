import Foundation
import Testing

@testable import mlink

/// Help cannot drift from the parser: for every command and command group, `--help` exits 0;
/// the options its help text lists are exactly the options the command declares; every option
/// the help text mentions anywhere is one the command accepts; and each of them, tried on the
/// real binary, is neither an unknown option nor one the command accepts but never reads.
@Suite struct HelpDriftTests {
    /// The commands a user has, written out so that one that disappears is noticed.
    static let commandNames = [
        "inspect", "changes", "study", "correlate", "events add", "events list", "events edit", "events remove", "events import",
        "events intensity", "move", "check", "article", "chart", "report", "completions", "man",
    ]

    static func command(_ name: String) throws -> CommandSpec {
        try #require(MLink.commands.first { $0.name == name })
    }

    @Test func theCommandsAreTheOnesListed() {
        #expect(MLink.commands.map(\.name) == Self.commandNames)
        #expect(MLink.groups.map(\.name) == ["events"])
    }

    @Test func topLevelHelpListsEveryCommand() throws {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let outcome = try CLI.run(arguments)
            #expect(outcome.status == 0)
            for name in Self.commandNames { #expect(outcome.stdout.contains("\n  \(name) "), "\(name) in \(arguments)") }
        }
    }

    @Test(arguments: commandNames)
    func helpExitsZeroEveryWayItIsAsked(_ name: String) throws {
        let words = name.split(separator: " ").map(String.init)
        let direct = try CLI.run(words + ["--help"])
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(direct.stdout.hasPrefix("usage: mlink \(name)"))
        #expect(direct.stderr.isEmpty)
        let short = try CLI.run(words + ["-h"])
        #expect(short.status == 0 && short.stdout == direct.stdout)
        let viaHelp = try CLI.run(["help"] + words)
        #expect(viaHelp.status == 0 && viaHelp.stdout == direct.stdout)
        // --help wins over anything else on the line, an unknown option included.
        let late = try CLI.run(words + ["--frobnicate", "--help"])
        #expect(late.status == 0 && late.stdout == direct.stdout)
    }

    @Test(arguments: [["events"], ["events", "--help"], ["events", "-h"], ["help", "events"]])
    func aGroupPrintsItsSubcommands(_ arguments: [String]) throws {
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("usage: mlink events SUBCOMMAND"))
        for command in MLink.commands where command.path.first == "events" {
            let word = try #require(command.path.last)
            #expect(outcome.stdout.contains("\n  \(word) "), "\(word)")
            #expect(outcome.stdout.contains(command.summary))
        }
    }

    @Test func unknownNamesAreUsageErrors() throws {
        let subcommand = try CLI.run(["events", "rename"])
        #expect(subcommand.status == 64)
        #expect(subcommand.stderr.hasPrefix("mlink events: error: unknown subcommand \"rename\""))
        let command = try CLI.run(["chnages"])
        #expect(command.status == 64 && command.stderr.hasPrefix("mlink: error: unknown command \"chnages\""))
        let help = try CLI.run(["help", "chnages"])
        #expect(help.status == 64)
    }

    // MARK: Help text against the declarations

    /// The option names on the option lines of a help text (`  -o, --output FILE   ...`).
    static func listedOptions(_ help: String) -> Set<String> {
        var names: Set<String> = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("  -") {
            let label = line.dropFirst(2).split(separator: " ", maxSplits: 2)
            for word in label.prefix(2) {
                let name = word.hasSuffix(",") ? word.dropLast() : word
                if name.hasPrefix("-") { names.insert(String(name)) }
            }
        }
        return names
    }

    /// Every `--name` or `-x` anywhere in a help text: usage line, prose, option lines (not the
    /// `-model` of `market-model`, nor the `-04` of an offset).
    static func mentionedOptions(_ help: String) throws -> Set<String> {
        let pattern = try Regex(#"(?:^|[^A-Za-z0-9%-])(--[A-Za-z][A-Za-z-]*|-[A-Za-z](?![A-Za-z0-9-]))"#)
        var names: Set<String> = []
        for match in help.matches(of: pattern) {
            if let name = match.output[1].substring { names.insert(String(name)) }
        }
        return names
    }

    @Test(arguments: commandNames)
    func theHelpTextListsExactlyTheDeclaredOptions(_ name: String) throws {
        let command = try Self.command(name)
        let outcome = try CLI.run(name.split(separator: " ").map(String.init) + ["--help"])
        let declared = Set(command.options.flatMap(\.names))
        #expect(Self.listedOptions(outcome.stdout) == declared)
        // Whatever the help mentions, in the usage line or the prose, is an option of this command.
        let mentioned = try Self.mentionedOptions(outcome.stdout).subtracting(["--help"])
        #expect(mentioned.subtracting(declared).isEmpty, "mentioned but not accepted: \(mentioned.subtracting(declared).sorted())")
        // The usage line names every option and argument.
        let usage = outcome.stdout.components(separatedBy: "\n\n").first ?? ""
        for option in command.options { #expect(usage.contains(option.name), "\(option.name) in the usage line") }
        for positional in command.positionals { #expect(usage.contains(positional.name)) }
    }

    @Test(arguments: commandNames)
    func eachChoiceNamesItsWordsInItsHelp(_ name: String) throws {
        let command = try Self.command(name)
        let help = try CLI.run(name.split(separator: " ").map(String.init) + ["--help"]).stdout
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for option in command.options {
            guard let kind = option.kind, !kind.choices.isEmpty else { continue }
            let start = try #require(lines.firstIndex { $0.hasPrefix("  " + option.label) || $0.hasPrefix("  " + option.name + " ") })
            var block = lines[start]
            for line in lines[(start + 1)...] {
                guard line.hasPrefix("    ") else { break }
                block += " " + line
            }
            for word in kind.choices { #expect(block.contains(word), "\(option.name) help names \(word)") }
        }
    }

    // MARK: Each option on the real binary

    /// A small data set written for these runs (synthetic: a few sessions of made-up closes), so
    /// that each run is quick.
    struct Scratch {
        let folder: URL
        let prices: String
        let benchmark: String
        let events: String

        init() throws {
            folder = try CLI.temporaryDirectory()
            var rows = "Date,Close\n"
            var close = 100.0
            for day in 1...28 {
                close += Double(day % 5) - 1.5
                rows += String(format: "2023-06-%02d,%.2f\n", day, close)
            }
            prices = try CLI.write(rows, named: "prices.csv", in: folder)
            benchmark = try CLI.write(rows, named: "bench.csv", in: folder)
            events = try CLI.write("id,date,title,tags,score\n1,2023-06-12,first,a,0.5\n2,2023-06-20,second,b,-0.5\n", named: "events.csv", in: folder)
        }

        /// A value the option accepts, by its kind.
        func sample(_ option: OptionSpec) -> String {
            switch option.kind {
            case .none: ""
            case .text?: option.name == "--claim" ? "rose 1% on June 20, 2023" : "x"
            case .integer?: "400"
            case .number?: "0.5"
            case .date?: "2023-06-20"
            case .clockTime?: "17:00"
            case .timeZone?: "America/New_York"
            case .window?: "0:1"
            case .choice(let words)?: words.first ?? ""
            case .inputFile?: events
            case .outputFile(let extensions)?: folder.appendingPathComponent("out." + (extensions.first ?? "txt")).path
            case .series?: "BENCH=" + benchmark
            case .marketAssignment?: "NYSE"
            case .eventID?: "1"
            }
        }

        /// The positional arguments of a command (a fresh copy of the events file for the editors).
        func positionals(_ command: CommandSpec) throws -> [String] {
            try command.positionals.map { positional in
                switch positional.kind {
                case .inputFile:
                    let copy = folder.appendingPathComponent("edit-\(UUID().uuidString).csv").path
                    try FileManager.default.copyItem(atPath: events, toPath: copy)
                    return copy
                case .eventID: return "1"
                case .choice(let words): return words.first ?? ""
                default: return "P=" + prices
                }
            }
        }
    }

    @Test(arguments: commandNames)
    func everyListedOptionIsAcceptedAndRead(_ name: String) throws {
        let command = try Self.command(name)
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.folder) }
        let help = try CLI.run(name.split(separator: " ").map(String.init) + ["--help"]).stdout
        for listed in Self.listedOptions(help).sorted() {
            let option = try #require(command.options.first { $0.names.contains(listed) }, "\(listed) is listed but not declared")
            var line = name.split(separator: " ").map(String.init) + (try scratch.positionals(command))
            for required in command.options where required.required && required.name != option.name {
                line += [required.name, scratch.sample(required)]
            }
            line.append(listed)
            if option.takesValue { line.append(scratch.sample(option)) }
            let outcome = try CLI.run(line)
            for refusal in ["unknown option", "internal error", "needs a value", "takes no value", "is given more than once"] {
                #expect(!outcome.stderr.contains(refusal), "\(line.joined(separator: " ")): \(outcome.stderr)")
            }
            #expect(outcome.status != 70)
        }
    }
}
