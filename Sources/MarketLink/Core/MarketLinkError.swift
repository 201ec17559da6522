// MARK: - Location

/// Where in an input a finding applies: a file, and a 1-based line and column (bytes within the
/// line, counted from 1). Line or column 0 means "the whole file" or "the whole line".
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The line and column of a byte offset in a whole file, counted on demand (for messages only):
    /// LF, CRLF and CR each end a line, and a byte-order mark opening the file is not a column.
    public init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) {
        var line = 1
        var lineStart = 0
        var k = 0
        let end = min(offset, bytes.count)
        while k < end {
            if bytes[k] == 10 || (bytes[k] == 13 && !(k + 1 < bytes.count && bytes[k + 1] == 10)) {
                line += 1
                lineStart = k + 1
            }
            k += 1
        }
        var column = offset - lineStart + 1
        if lineStart == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { column -= 3 }
        self.init(file: file, line: line, column: max(column, 1))
    }

    /// `file:line:column`, leaving out the parts that are 0.
    public var description: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }
}

// MARK: - Error

/// The one error type of MarketLink: a message about the input, with the place it applies to.
///
/// Printed as `file:line:column: error: message`, the form compilers and linters use, so that
/// editors can jump to it. Messages are lowercase and quote the offending text.
public struct MarketLinkError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The data is wrong, or a file cannot be read or written, or an output would overwrite an input (exit code 1).
        case data
        /// The request is wrong: an option, a window, a name (exit code 64).
        case usage
        /// The reader of an output (a pipe, a FIFO) closed it before the end, as `head` does once
        /// it has read enough. Nothing is wrong with the data or the request: a command-line tool
        /// stops quietly, with exit code 0.
        case outputClosed
    }

    public var location: SourceLocation?
    public var message: String
    public var kind: Kind

    public init(_ message: String, at location: SourceLocation? = nil, kind: Kind = .data) {
        self.message = message
        self.location = location
        self.kind = kind
    }

    public static func usage(_ message: String) -> MarketLinkError {
        MarketLinkError(message, kind: .usage)
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

/// Quotes input text for a message, shortening it so that a 5 MB line does not flood the terminal.
func quoted(_ text: String, limit: Int = 60) -> String {
    "\"\(shown(text, limit: limit))\""
}

/// Input text for a message that puts its own quotes around it (`column "\(shown(name))"`): shortened
/// to `limit` characters, with quotes, backslashes and control characters escaped, so that a
/// message stays one line of bounded length whatever the input holds.
func shown(_ text: String, limit: Int = 60) -> String {
    var shown = text
    if shown.count > limit { shown = String(shown.prefix(limit)) + "…" }
    var escaped = ""
    for scalar in shown.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        case "\0": escaped += "\\0"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
    }
    return escaped
}

/// Quotes raw input bytes for a message; invalid UTF-8 shows as the replacement character.
func quoted<C: Collection>(bytes: C, limit: Int = 60) -> String where C.Element == UInt8 {
    quoted(String(decoding: bytes.prefix(limit * 4), as: UTF8.self), limit: limit)
}
