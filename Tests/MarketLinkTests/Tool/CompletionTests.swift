import Foundation
import Testing

@testable import mlink

/// `mlink completions bash|zsh|fish`, run in the real shells: each script loads without a word on
/// standard error, and completes commands, subcommands, options, option values and file names as
/// a user typing TAB would see them. bash runs the completion function with COMP_WORDS set as
/// readline sets it; zsh runs in a pseudo-terminal (zpty) where a TAB starts the completion system
/// on the script installed in `fpath`, with `compadd` wrapped to print each match (one session
/// for every line of the suite); fish answers `complete -C`. A shell that is not installed skips its tests and says so (.ci/run installs
/// zsh and fish).
@Suite struct CompletionTests {
    // MARK: The cases

    /// A command line up to the cursor and what completing there offers, as each shell shows it
    /// once normalized (`normalized`): a directory's trailing "/" and a leading `NAME=` or
    /// `--option=` dropped.
    struct Case: Sendable, CustomTestStringConvertible {
        let line: String
        let expected: Set<String>
        var testDescription: String { "\"\(line)\"" }

        init(_ line: String, _ expected: Set<String>) {
            self.line = line
            self.expected = expected
        }
    }

    /// Written by hand from the commands' help, not from the scripts. The workspace holds
    /// data/, chart.svg, events.csv, notes.md, prices.csv and prices.txt.
    static let cases = [
        Case("mlink ch", ["changes", "chart", "check"]),
        Case("mlink co", ["completions", "correlate"]),
        Case("mlink changes --for", ["--format"]),
        Case("mlink changes --format ", ["table", "csv", "json", "md"]),
        Case("mlink changes --format=j", ["json"]),
        Case("mlink changes --align p", ["previous"]),
        Case("mlink events ", ["add", "list", "edit", "remove", "import", "intensity"]),
        Case("mlink events import ", ["gdelt", "icews", "acled"]),
        Case("mlink events import gdelt --quad ", ["1", "2", "3", "4"]),
        Case("mlink events add events.csv --ti", ["--time", "--timezone", "--title"]),
        Case("mlink study --model ", ["raw", "mean", "market", "market-model"]),
        Case("mlink study --returns ", ["simple", "log"]),
        Case("mlink inspect --date-format ", ["MDY", "DMY", "YMD"]),
        Case("mlink completions ", ["bash", "zsh", "fish"]),
        Case("mlink help ev", ["events"]),
        Case("mlink help events ", ["add", "list", "edit", "remove", "import", "intensity"]),
        Case("mlink changes --market DJIA=N", ["NSE", "NYSE"]),
        // Price files (SERIES): .csv, .txt and .tsv files, and directories.
        Case("mlink inspect ", ["data", "events.csv", "prices.csv", "prices.txt"]),
        Case("mlink changes --events events.csv SSE=pr", ["prices.csv", "prices.txt"]),
        // An events file: .csv files and directories.
        Case("mlink changes --events ", ["data", "events.csv", "prices.csv"]),
        Case("mlink events list ", ["data", "events.csv", "prices.csv"]),
        // -o of a command that writes SVG: .svg files and directories.
        Case("mlink chart prices.csv -o ", ["data", "chart.svg"]),
        // Where free text, a number, a window or an event id goes: nothing, not even file names.
        Case("mlink changes --window ", []),
        Case("mlink events edit events.csv ", []),
        Case("mlink report prices.csv --title ", []),
    ]

    /// What a shell shows, in the form the cases are written in.
    static func normalized(_ match: String) -> String {
        var text = Substring(match)
        if let equals = text.lastIndex(of: "=") { text = text[text.index(after: equals)...] }
        if text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    // MARK: The workspace

    /// The three scripts, made by the real `mlink`, and a directory of files to complete in.
    struct Workspace: Sendable {
        let folder: URL
        let scripts: [Shell: URL]
        /// A directory holding the zsh script as `_mlink`, for `fpath`.
        let zshFunctions: URL
        /// compinit's dump for that fpath, made once so that each zsh starts in a tenth of a second.
        let zshDump: URL

        static func make() throws -> Workspace {
            let root = try CLI.temporaryDirectory()
            let folder = root.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
            for name in ["chart.svg", "events.csv", "notes.md", "prices.csv", "prices.txt"] {
                _ = try CLI.write("", named: name, in: folder)
            }
            var scripts: [Shell: URL] = [:]
            for shell in Shell.allCases {
                let outcome = try CLI.run(["completions", shell.rawValue])
                guard outcome.status == 0 else { throw Failure("mlink completions \(shell.rawValue): \(outcome.stderr)") }
                let url = root.appendingPathComponent("mlink.\(shell.rawValue)")
                try Data(outcome.stdout.utf8).write(to: url)
                scripts[shell] = url
            }
            let functions = root.appendingPathComponent("zsh-functions")
            try FileManager.default.createDirectory(at: functions, withIntermediateDirectories: true)
            let zsh = try #require(scripts[.zsh])
            try FileManager.default.copyItem(at: zsh, to: functions.appendingPathComponent("_mlink"))
            let dump = root.appendingPathComponent("zcompdump")
            if Program.installed("zsh") {
                let made = try Program.run(
                    "zsh", ["-f", "-c", #"fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -d "$2""#, "zsh", functions.path, dump.path])
                guard made.status == 0, made.stderr.isEmpty else { throw Failure("compinit: \(made.stderr)") }
            }
            return Workspace(folder: folder, scripts: scripts, zshFunctions: functions, zshDump: dump)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static let workspace = Result { try Workspace.make() }

    // MARK: Running a completion in each shell

    /// bash: COMP_WORDS split at blanks and at "=" as readline does (COMP_WORDBREAKS), COMP_LINE
    /// and COMP_POINT set, and the function that `complete -p mlink` names called.
    static let bashHarness = #"""
        source "$1" || exit 3
        spec=$(complete -p mlink) || exit 4
        function=${spec#*-F }
        function=${function%% *}
        line=$2
        COMP_LINE=$line COMP_POINT=${#line} COMP_WORDS=()
        read -ra blank <<<"$line"
        for word in "${blank[@]}"; do
            while [[ $word == *=* ]]; do
                [[ -n ${word%%=*} ]] && COMP_WORDS+=("${word%%=*}")
                COMP_WORDS+=("=")
                word=${word#*=}
            done
            [[ -n $word ]] && COMP_WORDS+=("$word")
        done
        [[ $line == *' ' ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMPREPLY=()
        "$function" mlink "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf '%s\n' "${COMPREPLY[@]}"
        """#

    /// zsh: an interactive zsh in a pseudo-terminal with the script in fpath and compinit run;
    /// `compadd` prints each match it is given before adding it, and the completion system's last
    /// hook prints a marker. For each line ($4 on) the harness types it and a TAB, reads up to the
    /// marker, prints "<line>" and the line, then the matches, and clears the line (^U). The
    /// markers are written split in two so that the echo of these lines cannot be taken for them.
    /// One session answers every line of the suite: a zsh started per line costs a tenth of a
    /// second or more.
    static let zshHarness = #"""
        zmodload zsh/zpty || exit 3
        zpty capture zsh -f -i || exit 3
        zpty -w capture "PROMPT='' RPROMPT='' PS2=''; unset zle_bracketed_paste; unsetopt auto_list list_ambiguous beep"
        zpty -w capture "cd ${(q)3} && fpath=(${(q)1} \$fpath) && autoload -Uz compinit && compinit -C -d ${(q)2}"
        zpty -w capture 'compadd() { if (( ${@[(I)-[OAD]]} )); then builtin compadd "$@"; return; fi; local -a found; builtin compadd -A found "$@"; print -rl -- "<mat""ch>"${^found}; builtin compadd "$@"; }'
        zpty -w capture '_mlink_capture_done() { print -r -- "<do""ne>"; comppostfuncs=(_mlink_capture_done); }; comppostfuncs=(_mlink_capture_done)'
        zpty -w capture 'bindkey "^I" complete-word'
        for line in "${@[4,-1]}"; do
            zpty -w -n capture "$line"$'\t'
            zpty -r capture output '*<done>*' || exit 4
            print -r -- "<line>$line"
            print -rl -- ${${(M)${(f)output//$'\r'/}:#*<match>*}##*<match>}
            zpty -w -n capture $'\C-u'
        done
        """#

    /// Every line the suite completes.
    static var allLines: [String] {
        cases.map(\.line) + MLink.commands.map { "mlink \($0.name) -" } + ["mlink "]
    }

    /// What zsh offers for each of `lines`, from one session.
    static func zshAnswers(_ lines: [String]) throws -> [String: [String]] {
        let workspace = try workspace.get()
        let outcome = try Program.run(
            "zsh", ["-f", "-c", zshHarness, "zsh", workspace.zshFunctions.path, workspace.zshDump.path, workspace.folder.path] + lines,
            in: workspace.folder, timeout: 30)
        guard !outcome.timedOut, outcome.status == 0, outcome.stderr.isEmpty else {
            throw Failure("zsh (status \(outcome.status)\(outcome.timedOut ? ", timed out" : "")): \(outcome.stderr)")
        }
        var answers: [String: [String]] = [:]
        var current: String?
        for line in outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("<line>") {
                current = String(line.dropFirst("<line>".count))
                answers[current ?? ""] = []
            } else if let current, !line.isEmpty {
                answers[current, default: []].append(line)
            }
        }
        return answers
    }

    static let zshSession = Result { try zshAnswers(allLines) }

    static func complete(_ line: String, in shell: Shell, sourceLocation: SourceLocation = #_sourceLocation) throws -> Set<String> {
        let workspace = try workspace.get()
        let script = try #require(workspace.scripts[shell])
        let outcome: Program.Result
        switch shell {
        case .bash:
            outcome = try Program.run("bash", ["--norc", "--noprofile", "-c", bashHarness, "bash", script.path, line], in: workspace.folder)
        case .zsh:
            var answers = try zshSession.get()
            if answers[line] == nil { answers = try zshAnswers([line]) }
            let matches = try #require(answers[line], "zsh gave no answer for \"\(line)\"")
            return Set(matches.map(normalized).filter { !$0.isEmpty })
        case .fish:
            outcome = try Program.run(
                "fish", ["--no-config", "-c", "source $argv[1]; and complete -C $argv[2]", script.path, line], in: workspace.folder)
        }
        #expect(!outcome.timedOut, "\(shell) did not finish completing \"\(line)\"", sourceLocation: sourceLocation)
        #expect(outcome.status == 0, "\(shell): \(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.isEmpty, "\(shell): \(outcome.stderr)", sourceLocation: sourceLocation)
        let matches = outcome.stdout.split(separator: "\n").map { line in
            // fish: the match, a tab, its description.
            String(line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        }
        return Set(matches.map(normalized).filter { !$0.isEmpty })
    }

    // MARK: bash

    @Test func bashLoadsTheScript() throws {
        let workspace = try Self.workspace.get()
        let script = try #require(workspace.scripts[.bash])
        let outcome = try Program.run("bash", ["--norc", "--noprofile", "-c", #"source "$1" && complete -p mlink"#, "bash", script.path])
        #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(outcome.stderr)")
        #expect(outcome.stdout == "complete -F _mlink mlink\n")
    }

    @Test(arguments: cases)
    func bashCompletes(_ example: Case) throws {
        #expect(try Self.complete(example.line, in: .bash) == example.expected)
    }

    // MARK: zsh

    @Test(.enabled(if: Program.installed("zsh"), "zsh is not installed (.ci/run installs it with apt-get)"))
    func zshLoadsTheScript() throws {
        let workspace = try Self.workspace.get()
        let script = try #require(workspace.scripts[.zsh])
        // Sourced after compinit (the other way in, besides fpath), it registers _mlink for mlink.
        let outcome = try Program.run(
            "zsh", ["-f", "-c", #"autoload -Uz compinit && compinit -C -d "$2" && source "$1" && print -r -- $_comps[mlink]"#, "zsh", script.path,
                workspace.zshDump.path])
        #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(outcome.stderr)")
        #expect(outcome.stdout == "_mlink\n")
    }

    @Test(.enabled(if: Program.installed("zsh"), "zsh is not installed (.ci/run installs it with apt-get)"), arguments: cases)
    func zshCompletes(_ example: Case) throws {
        #expect(try Self.complete(example.line, in: .zsh) == example.expected)
    }

    // MARK: fish

    @Test(.enabled(if: Program.installed("fish"), "fish is not installed (.ci/run installs it with apt-get)"))
    func fishLoadsTheScript() throws {
        let workspace = try Self.workspace.get()
        let script = try #require(workspace.scripts[.fish])
        let outcome = try Program.run("fish", ["--no-config", "-c", "source $argv[1]; and complete -c mlink | count", script.path])
        #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(outcome.stderr)")
        #expect((Int(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 100)
    }

    @Test(.enabled(if: Program.installed("fish"), "fish is not installed (.ci/run installs it with apt-get)"), arguments: cases)
    func fishCompletes(_ example: Case) throws {
        #expect(try Self.complete(example.line, in: .fish) == example.expected)
    }

    // MARK: Against the declarations

    /// Every command offers after `-` exactly the options it declares (and `--help`, `-h`), and
    /// the top level every command and group, and `help`: what completes cannot drift from what
    /// parses.
    static func offersTheDeclarations(_ shell: Shell) throws {
        for command in MLink.commands {
            let declared = Set(command.options.flatMap(\.names) + ["--help", "-h"])
            #expect(try complete("mlink \(command.name) -", in: shell) == declared, "\(shell): mlink \(command.name)")
        }
        let words = MLink.entries.map { entry in
            switch entry {
            case .command(let command): command.name
            case .group(let group): group.name
            }
        }
        #expect(try complete("mlink ", in: shell) == Set(words + ["help"]))
    }

    @Test func bashOffersTheDeclarations() throws {
        try Self.offersTheDeclarations(.bash)
    }

    @Test(.enabled(if: Program.installed("zsh"), "zsh is not installed (.ci/run installs it with apt-get)"))
    func zshOffersTheDeclarations() throws {
        try Self.offersTheDeclarations(.zsh)
    }

    @Test(.enabled(if: Program.installed("fish"), "fish is not installed (.ci/run installs it with apt-get)"))
    func fishOffersTheDeclarations() throws {
        try Self.offersTheDeclarations(.fish)
    }
}
