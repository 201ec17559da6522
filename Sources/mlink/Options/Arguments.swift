// MARK: - Errors

/// A usage error: `mlink COMMAND: error: ...`, then (with `showsUsage`) the command's usage line;
/// exit code 64.
struct UsageError: Error {
    var message: String
    /// Whether the usage line and the pointer to `--help` follow the message.
    var showsUsage = true

    init(message: String, showsUsage: Bool = true) {
        self.message = message
        self.showsUsage = showsUsage
    }
}

/// A command that reads an option it does not declare, or declares one it never reads: a bug in
/// `mlink`, reported as such (exit code 70) so that a test finds it before a user does.
struct InternalError: Error {
    var message: String
}

// MARK: - Arguments

/// The command line of one command, read against its declarations.
///
/// Options may come in any order, before or after positional arguments: `--window -1:1` or
/// `--window=-1:1`, `-o FILE`; a value may start with `-` (`--window -5:5`); `--` ends the options.
/// An option that is not declared is an error; `--help` or `-h` anywhere asks for help.
///
/// A command reads each option through its declaration (`flag`, `value`, `values`, ...), then asks
/// for its `positionals()`, which also checks that every option given was read and every option
/// read was declared, so that what the parser accepts, what the command uses and what help
/// says cannot drift apart.
struct Arguments {
    /// True when `--help` or `-h` was given as an option.
    private(set) var wantsHelp = false
    /// The first problem found while reading the command line (an unknown option, a missing
    /// value), raised when the command runs, so that `--help` still wins.
    private(set) var problem: UsageError?

    private let declared: [String: OptionSpec]
    private let positionalSpecs: [PositionalSpec]
    private let extraHint: String?
    /// Values by option name, in the order given ("" for each time a flag is given).
    private var given: [String: [String]] = [:]
    private var givenOrder: [String] = []
    private var loose: [String] = []
    private var read: Set<String> = []
    private var undeclaredReads: [String] = []

    init(_ tokens: [String], options: [OptionSpec], positionals: [PositionalSpec] = [], extraHint: String? = nil) {
        var byName: [String: OptionSpec] = [:]
        for option in options {
            for name in option.names { byName[name] = option }
        }
        var declared: [String: OptionSpec] = [:]
        for option in options { declared[option.name] = option }
        self.declared = declared
        self.positionalSpecs = positionals
        self.extraHint = extraHint

        var k = 0
        var optionsEnded = false
        while k < tokens.count {
            let token = tokens[k]
            k += 1
            if optionsEnded || token == "-" || !token.hasPrefix("-") || Arguments.isNumber(token) {
                loose.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            if OptionSpec.help.names.contains(token) {
                wantsHelp = true
                continue
            }
            var name = token
            var inline: String?
            if let equals = token.firstIndex(of: "=") {
                name = String(token[..<equals])
                inline = String(token[token.index(after: equals)...])
            }
            guard let option = byName[name] else {
                note(UsageError(message: "unknown option \(name)"))
                continue
            }
            var value = ""
            if option.takesValue {
                if let inline {
                    value = inline
                } else if k < tokens.count {
                    value = tokens[k]
                    k += 1
                } else {
                    note(UsageError(message: "\(name) needs a value (\(option.valueName ?? "a value"))"))
                    continue
                }
            } else if inline != nil {
                note(UsageError(message: "\(name) takes no value"))
                continue
            }
            if given[option.name] == nil { givenOrder.append(option.name) }
            given[option.name, default: []].append(value)
        }
    }

    private mutating func note(_ error: UsageError) {
        if problem == nil { problem = error }
    }

    private mutating func reading(_ option: OptionSpec) -> [String] {
        if declared[option.name] == nil { undeclaredReads.append(option.name) }
        read.insert(option.name)
        return given[option.name] ?? []
    }

    // MARK: Reading options

    /// Whether a flag was given.
    mutating func flag(_ option: OptionSpec) -> Bool {
        !reading(option).isEmpty
    }

    /// Whether an option was given at all (without reading its value).
    func isGiven(_ option: OptionSpec) -> Bool {
        given[option.name] != nil
    }

    /// The options of `options` that were given, as command-line words to repeat them in another
    /// command (`--window`, `-1:1`, `--adjusted`): in the order of `options`, each one's values in
    /// the order given. Reads nothing.
    func words(for options: [OptionSpec]) -> [String] {
        // A value given twice counts once, as the commands read it.
        options.flatMap { option in
            var seen: Set<String> = []
            return (given[option.name] ?? []).filter { seen.insert($0).inserted }
                .flatMap { value in option.takesValue ? [option.name, value] : [option.name] }
        }
    }

    /// Every value of an option, in the order given.
    mutating func values(_ option: OptionSpec) -> [String] {
        reading(option)
    }

    /// The value of an option that is not repeatable: the same value given twice counts once;
    /// two different values are an error.
    mutating func value(_ option: OptionSpec) throws(UsageError) -> String? {
        let values = reading(option)
        guard let first = values.first else { return nil }
        if values.contains(where: { $0 != first }) { throw UsageError(message: "\(option.name) is given more than once") }
        return first
    }

    /// The value of a required option: "--events EVENTS is required" when it is missing.
    mutating func required(_ option: OptionSpec) throws(UsageError) -> String {
        guard let value = try value(option) else {
            throw UsageError(message: "\(option.name) \(option.valueName ?? "") is required")
        }
        return value
    }

    /// The value of a choice option, lowercased to one of its words: "--align takes next,
    /// previous or exact, not "sideways"" otherwise.
    mutating func choice(_ option: OptionSpec) throws(UsageError) -> String? {
        guard let text = try value(option) else { return nil }
        let words = option.kind?.choices ?? []
        guard let word = words.first(where: { $0.lowercased() == text.lowercased() }) else {
            throw UsageError(message: "\(option.name) takes \(listed(words)), not \(quoted(text))")
        }
        return word
    }

    // MARK: Positional arguments

    /// The positional arguments, checked against the declared ones; call it after reading every
    /// option.
    mutating func positionals() throws -> [String] {
        if let name = undeclaredReads.first {
            throw InternalError(message: "the command reads \(name) but does not declare it")
        }
        if let name = givenOrder.first(where: { !read.contains($0) }) {
            throw InternalError(message: "\(name) is accepted but never read")
        }
        var needed = 0
        for spec in positionalSpecs {
            switch spec.count {
            case .one, .oneOrMore:
                if loose.count <= needed { throw UsageError(message: spec.missing) }
                needed += 1
            case .optional, .zeroOrMore:
                break
            }
        }
        let limit = positionalSpecs.contains { $0.count == .oneOrMore || $0.count == .zeroOrMore } ? Int.max : positionalSpecs.count
        if loose.count > limit {
            throw UsageError(message: "unexpected argument \(quoted(loose[limit]))" + (extraHint.map { " (\($0))" } ?? ""))
        }
        return loose
    }

    /// A negative number such as `-5` is an argument, not an option.
    private static func isNumber(_ text: String) -> Bool {
        guard let second = text.dropFirst().first, second.isASCII, second.isNumber || second == "." else { return false }
        return Double(text) != nil
    }
}

/// `a`, `a or b`, `a, b or c`.
func listed(_ words: [String], conjunction: String = "or") -> String {
    guard let last = words.last else { return "" }
    guard words.count > 1 else { return last }
    return words.dropLast().joined(separator: ", ") + " \(conjunction) " + last
}
