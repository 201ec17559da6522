/// `mlink completions bash|zsh|fish`: the completion script of a shell, drawn from the same
/// declarations as parsing and `--help` (`Shell/`).
enum CompletionsCommand {
    static let shell = PositionalSpec(
        name: "SHELL", kind: .choice(Shell.allCases.map(\.rawValue)), count: .one, help: "bash, zsh or fish",
        missing: "name the shell: bash, zsh or fish")

    static let spec = CommandSpec(
        path: ["completions"],
        summary: "a completion script for bash, zsh or fish",
        positionals: [shell],
        groups: [],
        about: """
            Prints a script that completes mlink's commands, subcommands, options, the values of
            options that take one of a set of words (output formats, alignment rules, models, ...),
            market names, and file names where a file is expected (price files, events files, output
            files), drawn from the same declarations as parsing and --help. make install puts each script where its shell
            looks for it. By hand: for bash, add eval "$(mlink completions bash)" to ~/.bashrc; for
            zsh, write the script as _mlink into a directory that is in fpath before compinit runs;
            for fish, write it into ~/.config/fish/completions/mlink.fish.
            """,
        examples: [
            #"eval "$(mlink completions bash)""#,
            "mlink completions zsh > ~/.zfunc/_mlink",
            "mlink completions fish > ~/.config/fish/completions/mlink.fish",
        ],
        positionalsFirst: true,
        extraHint: "completions takes one shell",
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let words = try arguments.positionals()
        let name = words.first ?? ""
        guard let chosen = Shell(rawValue: name.lowercased()) else {
            throw UsageError(message: "SHELL takes \(listed(Shell.allCases.map(\.rawValue))), not \(quoted(name))")
        }
        try emit(chosen.completionScript, to: nil, inputs: [])
        return 0
    }
}
