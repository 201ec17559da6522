import Foundation
import MarketLink

/// The output formats every reporting command offers.
enum OutputFormat: String, CaseIterable {
    case table, csv, json, md

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
enum Terminal {
    static var useColor: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func write(_ text: String) {
        writeBytes(Array(text.utf8), to: 1)
    }

    static func error(_ text: String) {
        writeBytes(Array(text.utf8), to: 2)
    }

    static func writeBytes(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// Sends a result to standard output, or atomically to `-o FILE` (never over an input).
func emit(_ bytes: [UInt8], to output: String?, inputs: [String]) throws {
    if let output, output != "-" {
        try AtomicFile.write(bytes, to: output, refusing: inputs)
    } else {
        Terminal.writeBytes(bytes, to: 1)
    }
}

func emit(_ text: String, to output: String?, inputs: [String]) throws {
    try emit(Array(text.utf8), to: output, inputs: inputs)
}
