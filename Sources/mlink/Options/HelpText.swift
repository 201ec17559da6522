// MARK: - Help text

/// Help and usage lines, drawn from the declarations.
enum HelpText {
    /// Width that help lines are wrapped to.
    static let width = 100
    /// Widest option label that still shares its line with the help text.
    static let labelLimit = 24

    /// Words joined into lines of at most `width` columns; every line but the first starts with
    /// `indent` spaces (the first with `firstIndent`).
    static func wrap(_ words: [String], width: Int, indent: Int, firstIndent: Int = 0) -> [String] {
        var lines: [String] = []
        var line = String(repeating: " ", count: firstIndent)
        var lineIsEmpty = true
        for word in words {
            if !lineIsEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineIsEmpty = true
            }
            line += (lineIsEmpty ? "" : " ") + word
            lineIsEmpty = false
        }
        if !lineIsEmpty { lines.append(line) }
        return lines
    }

    /// The lines of an option or argument list: `  LABEL  help`, the help wrapped beside the labels.
    static func list(_ items: [(label: String, help: String)], labelWidth: Int) -> [String] {
        var lines: [String] = []
        let column = 2 + labelWidth + 2
        for item in items {
            let words = item.help.split(separator: " ").map(String.init)
            if item.label.count > labelWidth {
                lines.append("  " + item.label)
                lines += wrap(words, width: width, indent: column, firstIndent: column)
            } else {
                let lead = "  " + item.label + String(repeating: " ", count: column - 2 - item.label.count)
                var wrapped = wrap(words, width: width, indent: column, firstIndent: column)
                if wrapped.isEmpty { wrapped = [""] }
                wrapped[0] = lead + wrapped[0].dropFirst(column)
                lines += wrapped
            }
        }
        return lines
    }
}

extension CommandSpec {
    /// `usage: mlink changes --events EVENTS SERIES... [--window A:B]... ...`, wrapped under itself.
    var usage: String {
        let lead = "usage: mlink \(name)"
        return HelpText.wrap([lead] + synopsis.map(\.text), width: HelpText.width, indent: lead.count + 1).joined(separator: "\n")
    }

    /// The whole `--help` text.
    var help: String {
        var text = usage + "\n\n"
        if !about.isEmpty { text += about + "\n\n" }
        if !examples.isEmpty { text += examples.map { "  " + $0 }.joined(separator: "\n") + "\n\n" }
        let labels = positionals.map(\.name) + options.map(\.label)
        let labelWidth = min(labels.map(\.count).filter { $0 <= HelpText.labelLimit }.max() ?? 12, HelpText.labelLimit)
        if !positionals.isEmpty {
            text += "arguments:\n"
            text += HelpText.list(positionals.map { ($0.name, $0.help) }, labelWidth: labelWidth).joined(separator: "\n") + "\n\n"
        }
        for group in groups where !group.options.isEmpty {
            text += group.title + ":\n"
            text += HelpText.list(group.options.map { ($0.label, $0.help) }, labelWidth: labelWidth).joined(separator: "\n") + "\n\n"
        }
        if !notes.isEmpty { text += notes + "\n\n" }
        text.removeLast()
        return text
    }
}

extension CommandGroupSpec {
    /// `mlink events --help`: what the group is for, and its subcommands.
    var help: String {
        var text = "usage: mlink \(name) SUBCOMMAND [ARGUMENTS]\n\n"
        if !about.isEmpty { text += about + "\n\n" }
        text += "subcommands:\n"
        let width = (subcommands.map { $0.path.last?.count ?? 0 }.max() ?? 8) + 2
        for command in subcommands {
            let word = command.path.last ?? command.name
            text += "  " + word + String(repeating: " ", count: width - word.count) + command.summary + "\n"
        }
        text += "\nRun `mlink \(name) SUBCOMMAND --help` for a subcommand's arguments and options.\n"
        return text
    }
}
