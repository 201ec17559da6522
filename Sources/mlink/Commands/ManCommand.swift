/// `mlink man`: the manual page mlink(1) in roff, drawn from the same declarations as `--help`
/// (`Manual/ManPage.swift`).
enum ManCommand {
    static let output = OutputOptions.Spec.file(
        "roff", extensions: ["1"], onTerminal: "the manual page is roff; write it to a file with -o mlink.1 and read it with man ./mlink.1 (or pipe it)")

    static let spec = CommandSpec(
        path: ["man"],
        summary: "the manual page mlink(1), in roff",
        positionals: [],
        groups: [output.group],
        about: """
            Writes the manual page of mlink: every command with its arguments and options, the exit
            codes, the environment, the files mlink reads, and examples, drawn from the same
            declarations as --help. make install puts it in PREFIX/share/man/man1, where man mlink
            finds it; to read it without installing, write it to a file and give man its path.
            """,
        examples: ["mlink man -o mlink.1 && man ./mlink.1"],
        run: run)

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let out = try OutputOptions(&arguments, output, command: "man")
        _ = try arguments.positionals()
        try out.write(ManPage.render(), inputs: [])
        return 0
    }
}
