import Foundation
import MarketLink

// MARK: - Output options

/// `--format`, `-o/--output`, where a command has sentences `--sentences`, and `-q/--quiet`
/// (`ProgressOptions`): where a result goes, in which format, and what is said about it.
///
/// The format is `--format` if given, else the extension of `-o FILE`, else the table when
/// standard output is a terminal and CSV when it is not (a pipe or a file), for commands that
/// write CSV; the table for the others.
struct OutputOptions {
    /// What a command offers.
    struct Spec: Sendable {
        /// The formats `--format` takes, the first being what a terminal gets; empty for a
        /// command that writes one kind of file (`chart`, `report`).
        var formats: [OutputFormat]
        /// Whether `--sentences` is offered.
        var sentences: Bool
        /// For a one-kind command: the extensions `-o` takes, and the kind's name ("SVG").
        var fileExtensions: [String] = []
        var fileKind: String = ""
        /// For a one-kind command: what a terminal is told instead of getting the markup when
        /// there is no `-o` ("the report is HTML; write it to a file with -o report.html ...").
        var onTerminal: String = ""

        /// A command with `--format` (and `--sentences` when `sentences`).
        static func formats(_ formats: [OutputFormat], sentences: Bool = false) -> Spec {
            Spec(formats: formats, sentences: sentences)
        }

        /// A command that writes one kind of file, `-o FILE.svg`: to a pipe or a file without
        /// `-o`, but never onto a terminal, which gets `onTerminal` (a usage error) instead.
        static func file(_ kind: String, extensions: [String], onTerminal: String) -> Spec {
            Spec(formats: [], sentences: false, fileExtensions: extensions, fileKind: kind, onTerminal: onTerminal)
        }

        var format: OptionSpec {
            let words = formats.map(\.rawValue)
            let help: String
            if formats.contains(.csv) {
                help = "\(listed(words)); by default the extension of -o FILE, else table on a terminal and csv otherwise (a pipe or a file)"
            } else {
                help = "\(listed(words)) (default table)"
            }
            return .value("--format", "FORMAT", .choice(words), help: help)
        }

        var output: OptionSpec {
            if formats.isEmpty {
                let name = "FILE." + (fileExtensions.first ?? "")
                return .value(
                    "--output", short: "-o", name, .outputFile(extensions: fileExtensions),
                    help: "write the \(fileKind) to \(name) (atomically, never over an input); without -o it goes to standard output"
                        + " when that is a pipe or a file, never to a terminal; -o - writes to standard output whatever it is")
            }
            return .value(
                "--output", short: "-o", "FILE", .outputFile(extensions: formats.flatMap(OutputOptions.extensions(of:))),
                help: "write to FILE (atomically, never over an input) instead of standard output; its extension chooses the format")
        }

        static let sentencesOption = OptionSpec.flag(
            "--sentences",
            help: "each row's newsroom sentence: after the table, or a sentence column (CSV, Markdown) or field (JSON)")

        var group: OptionGroup {
            OptionGroup(
                title: "output options",
                options: (formats.isEmpty ? [] : [format]) + [output] + (sentences ? [Spec.sentencesOption] : []) + [ProgressOptions.quiet])
        }
    }

    /// The file extensions that choose a format.
    static func extensions(of format: OutputFormat) -> [String] {
        switch format {
        case .table: ["txt"]
        case .csv: ["csv"]
        case .json: ["json"]
        case .md: ["md", "markdown"]
        case .html: ["html", "htm"]
        }
    }

    var format: OutputFormat
    /// `-o FILE`; `nil` (or `-`) for standard output.
    var path: String?
    var sentences: Bool

    init(_ arguments: inout Arguments, _ spec: Spec, command: String) throws(UsageError) {
        path = try arguments.value(spec.output)
        sentences = spec.sentences ? arguments.flag(Spec.sentencesOption) : false
        if spec.formats.isEmpty {
            format = .table
            if path == nil, isatty(STDOUT_FILENO) == 1 { throw UsageError(message: spec.onTerminal, showsUsage: false) }
            if let path, path != "-", !spec.fileExtensions.contains((path as NSString).pathExtension.lowercased()) {
                throw UsageError(message: "\(command) writes \(spec.fileKind): name the output FILE.\(spec.fileExtensions.first ?? ""), not \(quoted(path))")
            }
            return
        }
        if let word = try arguments.choice(spec.format), let chosen = OutputFormat(rawValue: word) {
            format = chosen
        } else if let path, path != "-" {
            let suffix = (path as NSString).pathExtension.lowercased()
            guard let chosen = spec.formats.first(where: { OutputOptions.extensions(of: $0).contains(suffix) || ($0 == .table && suffix.isEmpty) })
            else {
                throw UsageError(message: "cannot tell the format from \(quoted(path)); add --format \(spec.formats.map(\.rawValue).joined(separator: "|"))")
            }
            format = chosen
        } else {
            format = spec.formats.contains(.csv) && isatty(STDOUT_FILENO) != 1 ? .csv : .table
        }
    }

    /// Whether the result goes to standard output.
    var toStandardOutput: Bool { path == nil || path == "-" }

    /// Whether a table may be coloured: on a colour terminal, not into a file.
    var color: Bool { toStandardOutput && Terminal.useColor }

    /// Writes the result to standard output or atomically to `-o FILE`, never over an input.
    /// For a file, says on standard error that it was written: `rows` rows, or its bytes when
    /// the output has no rows (`nil`).
    func write(_ text: String, inputs: [String], rows: Int? = nil) throws {
        try emit(text, to: path, inputs: inputs, rows: rows)
    }

    func write(_ bytes: [UInt8], inputs: [String], rows: Int? = nil) throws {
        try emit(bytes, to: path, inputs: inputs, rows: rows)
    }

    /// Refuses, before any work, an output that would replace an input.
    func refuseInputs(_ inputs: [String]) throws {
        if let path, path != "-" { try OutputFile.refuseInput(path, inputs: inputs) }
    }
}
