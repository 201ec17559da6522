import Testing

@testable import mlink

/// The command-line reader on its own, against a small set of declarations.
@Suite struct ArgumentsTests {
    static let window = OptionSpec.value("--window", short: "-w", "A:B", .window, repeatable: true, help: "a window")
    static let align = OptionSpec.value("--align", "RULE", .choice(["next", "previous", "exact"]), help: "next, previous or exact")
    static let adjusted = OptionSpec.flag("--adjusted", help: "adjusted closes")
    static let output = OutputOptions.Spec.formats([.table, .csv]).output
    static let title = OptionSpec.value("--title", "TEXT", .text, help: "a title")
    static let options = [window, align, adjusted, output, title]
    static let series = PositionalSpec(name: "SERIES", kind: .series, count: .oneOrMore, help: "a file", missing: "name a file")

    static func read(_ tokens: [String], positionals: [PositionalSpec] = [series]) -> Arguments {
        Arguments(tokens, options: options, positionals: positionals, extraHint: "one file only")
    }

    /// Reads every declared option, then the positional arguments.
    static func readAll(_ arguments: inout Arguments) throws -> (windows: [String], align: String?, adjusted: Bool, output: String?, rest: [String]) {
        let windows = arguments.values(window)
        let rule = try arguments.choice(align)
        let flag = arguments.flag(adjusted)
        let path = try arguments.value(output)
        _ = try arguments.value(title)
        return (windows, rule, flag, path, try arguments.positionals())
    }

    /// The usage error `body` throws, if any.
    static func usageError(_ body: () throws -> Void) -> String? {
        do {
            try body()
        } catch let error as UsageError {
            return error.message
        } catch {
            return "not a usage error: \(error)"
        }
        return nil
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var tokens: [String]
        var windows: [String] = []
        var align: String? = nil
        var adjusted = false
        var output: String? = nil
        var rest: [String]
        var testDescription: String { tokens.joined(separator: " ") }
    }

    @Test(arguments: [
        // A value may start with "-"; options come before or after the files.
        Case(tokens: ["a.csv", "--window", "-5:5"], windows: ["-5:5"], rest: ["a.csv"]),
        Case(tokens: ["--window=-1:1", "a.csv", "-w", "0:0"], windows: ["-1:1", "0:0"], rest: ["a.csv"]),
        Case(tokens: ["-o", "x.csv", "a.csv", "--adjusted"], adjusted: true, output: "x.csv", rest: ["a.csv"]),
        Case(tokens: ["--output=x.csv", "a.csv"], output: "x.csv", rest: ["a.csv"]),
        // A choice is matched ignoring case and comes back as its word.
        Case(tokens: ["a.csv", "--align", "PREVIOUS"], align: "previous", rest: ["a.csv"]),
        // The same value twice counts once.
        Case(tokens: ["a.csv", "-o", "x.csv", "--output", "x.csv"], output: "x.csv", rest: ["a.csv"]),
        // "--" ends the options; a negative number and "-" are arguments.
        Case(tokens: ["--", "--window", "b.csv"], rest: ["--window", "b.csv"]),
        Case(tokens: ["a.csv", "-5", "-"], rest: ["a.csv", "-5", "-"]),
    ])
    func reads(_ item: Case) throws {
        var arguments = Self.read(item.tokens)
        #expect(arguments.problem == nil)
        #expect(!arguments.wantsHelp)
        let read = try Self.readAll(&arguments)
        #expect(read.windows == item.windows)
        #expect(read.align == item.align)
        #expect(read.adjusted == item.adjusted)
        #expect(read.output == item.output)
        #expect(read.rest == item.rest)
    }

    /// (tokens, the usage error).
    @Test(arguments: [
        (["a.csv", "--frobnicate"], "unknown option --frobnicate"),
        (["a.csv", "--frob=1"], "unknown option --frob"),
        (["a.csv", "--adjusted=yes"], "--adjusted takes no value"),
        (["a.csv", "--window"], "--window needs a value (A:B)"),
    ])
    func problemsAreKeptForWhenTheCommandRuns(_ tokens: [String], message: String) {
        let arguments = Self.read(tokens)
        #expect(arguments.problem?.message == message)
        #expect(!arguments.wantsHelp)
        // --help anywhere still wins.
        #expect(Self.read(tokens.dropLast() + ["--help"] + [tokens.last ?? ""]).wantsHelp)
    }

    /// (tokens, the usage error raised while reading).
    @Test(arguments: [
        (["a.csv", "-o", "x.csv", "-o", "y.csv"], "--output is given more than once"),
        (["a.csv", "--align", "sideways"], "--align takes next, previous or exact, not \"sideways\""),
        ([String](), "name a file"),
    ])
    func readingRefuses(_ tokens: [String], message: String) {
        var arguments = Self.read(tokens)
        #expect(Self.usageError { _ = try Self.readAll(&arguments) } == message)
    }

    @Test func extraArgumentsNameTheFirstOneAndTheHint() {
        let one = PositionalSpec(name: "FILE", kind: .inputFile(extensions: []), count: .one, help: "a file", missing: "name a file")
        var arguments = Self.read(["a.csv", "b.csv"], positionals: [one])
        #expect(Self.usageError { _ = try Self.readAll(&arguments) } == "unexpected argument \"b.csv\" (one file only)")
    }

    /// An option the command accepts but never reads, or reads without declaring, is a bug in
    /// mlink and is reported as one, whatever the user typed.
    @Test func optionsNotReadOrNotDeclaredAreInternalErrors() throws {
        var unread = Self.read(["a.csv", "--title", "x"])
        _ = unread.values(Self.window)
        #expect(throws: InternalError.self) { try unread.positionals() }

        var undeclared = Self.read(["a.csv"])
        _ = try Self.readAll(&undeclared)
        _ = undeclared.flag(OptionSpec.flag("--rebase", help: "not declared here"))
        #expect(throws: InternalError.self) { try undeclared.positionals() }
    }
}
