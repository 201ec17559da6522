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
        outputStarts()
        do throws(MarketLinkError) {
            try OutputFile.standardOutput().write(bytes)
        } catch {
            ProgressDisplay.current?.stop()
            exit(finish(error))
        }
    }

    /// Writes to standard error, the progress line cleared first (`ProgressDisplay`). A failure
    /// there has nowhere to be reported, so it is ignored.
    static func error(_ text: String) {
        let write = { try? OutputFile(descriptor: 2, name: "standard error").write(Array(text.utf8)) }
        if let display = ProgressDisplay.current {
            display.clearing { _ = write() }
        } else {
            _ = write()
        }
    }

    /// Says on standard error what a command wrote to `-o FILE` once it is there: "wrote 2,000,000
    /// rows to out.csv" (`rows`), or "wrote 48,213 bytes to report.html" for a file of no rows.
    /// Nothing with `--quiet`, or for standard output (no path, or `-`). The work is done: the
    /// progress line goes for good first, so that it is not drawn again under this line.
    static func wrote(rows: Int?, bytes: Int, to path: String?) {
        guard let path, path != "-", !ProgressDisplay.isQuiet else { return }
        ProgressDisplay.current?.stop()
        let amount = rows.map { ProgressLine.count($0, $0 == 1 ? "row" : "rows") } ?? ProgressLine.count(bytes, bytes == 1 ? "byte" : "bytes")
        error("wrote \(amount) to \(TerminalText.escaped(path))\n")
    }

    /// Standard output is about to be written: on a terminal, the output shows how far the work
    /// has come, and the progress line goes for good.
    static func outputStarts() {
        if isatty(STDOUT_FILENO) == 1 { ProgressDisplay.current?.stop() }
    }

    /// The width of the terminal on `descriptor` in columns (`COLUMNS`, else 80, when it says none).
    static func columns(of descriptor: Int32) -> Int {
        var size = winsize()
        let asked = withUnsafeMutablePointer(to: &size) { ioctl(descriptor, UInt(TIOCGWINSZ), $0) }
        if asked == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
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
    guard let output, output != "-" else {
        Terminal.outputStarts()
        return OutputFile.standardOutput()
    }
    return try OutputFile(path: output, refusing: inputs)
}

/// Commits what `writer` (from `openOutput(output, ...)`) holds and, for `-o FILE`, says so on
/// standard error (`Terminal.wrote`): `rows` rows, or `bytes` bytes when the output has no rows.
func commit(_ writer: OutputFile, to output: String?, rows: Int?, bytes: Int = 0) throws {
    try writer.commit()
    Terminal.wrote(rows: rows, bytes: bytes, to: output)
}

/// Sends a whole result to standard output or to `-o FILE` (see `openOutput`); for a file, says
/// that it was written (see `commit`).
func emit(_ bytes: [UInt8], to output: String?, inputs: [String], rows: Int? = nil) throws {
    let writer = try openOutput(output, inputs: inputs)
    try writer.write(bytes)
    try commit(writer, to: output, rows: rows, bytes: bytes.count)
}

func emit(_ text: String, to output: String?, inputs: [String], rows: Int? = nil) throws {
    try emit(Array(text.utf8), to: output, inputs: inputs, rows: rows)
}
