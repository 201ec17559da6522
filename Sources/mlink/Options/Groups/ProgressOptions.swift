// MARK: - Progress options

/// `-q/--quiet`: what a command says on standard error besides its warnings and errors. Without
/// it, a long command shows its progress on a terminal (`ProgressDisplay`) and a command that
/// writes `-o FILE` says so when the file is there ("wrote 2,000,000 rows to out.csv"); with it,
/// neither. Offered by every command with output options (`OutputOptions`) and by `events import`;
/// `MLink.run` reads it before the command runs.
enum ProgressOptions {
    static let quiet = OptionSpec.flag(
        "--quiet", short: "-q",
        help: "no progress line on a terminal and no \"wrote N rows to FILE\" line: nothing on standard error but notes, warnings and errors")
    static let group = OptionGroup(title: "progress options", options: [quiet])
}
