import Foundation
import MarketLink

/// The output formats of the reporting commands: `table`, `csv`, `json` and `md` everywhere
/// (`reports`), and an HTML page where a command has one (`article`).
enum OutputFormat: String, CaseIterable {
    case table, csv, json, md, html

    /// The formats every reporting command offers.
    static let reports: [OutputFormat] = [.table, .csv, .json, .md]

    /// `--format` if given, else from `-o FILE`'s extension, else `table`.
    static func choose(_ flag: String?, output: String?, default fallback: OutputFormat = .table) throws -> OutputFormat {
        if let flag {
            guard let format = OutputFormat(rawValue: flag.lowercased()) else {
                throw UsageError(message: "--format takes table, csv, json or md, not \"\(flag)\"")
            }
            return format
        }
        if let output {
            switch (output as NSString).pathExtension.lowercased() {
            case "csv": return .csv
            case "json": return .json
            case "md", "markdown": return .md
            case "txt", "": return .table
            default: throw UsageError(message: "cannot tell the format from \"\(output)\"; add --format table|csv|json|md")
            }
        }
        return fallback
    }
}

/// Standard output, standard error, and whether colour is wanted.
///
/// Every write to standard output is checked (`OutputFile.standardOutput()`). `main` ignores
/// SIGPIPE, so a reader that closes the pipe early (`mlink ... | head -1`) shows up as an error of
/// kind `.outputClosed`, and the run ends quietly with exit 0, as Unix tools do; any other failed
/// write (`> /dev/full`, a full disk) is a message on standard error and exit 1.
enum Terminal {
    static var useColor: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Writes to standard output; a failed write ends the run (see above), since the caller has
    /// nothing left to do without its output.
    static func write(_ text: String) {
        writeBytes(Array(text.utf8))
    }

    static func writeBytes(_ bytes: [UInt8]) {
        do throws(MarketLinkError) {
            try OutputFile.standardOutput().write(bytes)
        } catch {
            exit(finish(error))
        }
    }

    /// Writes to standard error. A failure there has nowhere to be reported, so it is ignored.
    static func error(_ text: String) {
        try? OutputFile(descriptor: 2, name: "standard error").write(Array(text.utf8))
    }

    /// What a failed write to an output means for the run: nothing printed and exit 0 when the
    /// reader closed it, else the message and exit 1.
    static func finish(_ error: MarketLinkError) -> Int32 {
        if error.kind == .outputClosed { return 0 }
        Terminal.error(ErrorHints.description(error) + "\n")
        return 1
    }

    /// Says that an events file is locked by another process (`EventLogFile.Options.onWaitingForLock`).
    static func waitingForLock(_ path: String) {
        Terminal.error("mlink: waiting for the lock on \(path), held by another mlink (or another program); giving up after 30 s\n")
    }

    /// The options every events-file edit passes to `EventLogFile.update`: say on standard error
    /// when the lock is held by another process (after 0.2 s), give up after 30 s.
    static var eventLogOptions: EventLogFile.Options {
        EventLogFile.Options(lock: .standard, onWaitingForLock: waitingForLock)
    }
}

/// Standard output (no `-o`, or `-o -`), or `-o FILE` (never over an input): atomically for a
/// regular file, written through for a device, FIFO or `/dev/stdout`. Nothing appears at FILE
/// before `commit()`.
func openOutput(_ output: String?, inputs: [String]) throws(MarketLinkError) -> OutputFile {
    guard let output, output != "-" else { return OutputFile.standardOutput() }
    return try OutputFile(path: output, refusing: inputs)
}

/// Sends a whole result to standard output or to `-o FILE` (see `openOutput`).
func emit(_ bytes: [UInt8], to output: String?, inputs: [String]) throws {
    let writer = try openOutput(output, inputs: inputs)
    try writer.write(bytes)
    try writer.commit()
}

func emit(_ text: String, to output: String?, inputs: [String]) throws {
    try emit(Array(text.utf8), to: output, inputs: inputs)
}
