/// One `mlink` command: its name, a line for the command list, its help text, and what it runs.
struct CommandSpec: Sendable {
    var name: String
    var summary: String
    /// Full `--help` text; its first line is the usage line.
    var help: String
    var run: @Sendable (inout Arguments) throws -> Int32

    var usageLine: String { help.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? "" }
}
