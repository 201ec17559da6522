// MARK: - Location

/// Where in an input a finding applies: a file, and a 1-based line and column (bytes within the
/// line, counted from 1). Line or column 0 means "the whole file" or "the whole line".
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the caller gave it (a path, or a name such as `<stdin>`).
    public var file: String
    /// The 1-based line; 0 for the whole file.
    public var line: Int
    /// The 1-based column in bytes within the line; 0 for the whole line.
    public var column: Int

    /// A location in `file`; without `line` and `column`, the whole file.
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

/// The one error type of MarketLink: what went wrong (a `Reason`, with the values involved), and
/// the place in an input it applies to.
///
/// Printed (`description`) as `file:line:column: error: message`, the form compilers and linters
/// use, so that editors can jump to it; `localizedDescription` is `file:line:column: message`
/// (no `error:`), or the message alone when there is no place. Messages are lowercase, quote the
/// offending text, and speak of what the data or the request means — never of a command-line
/// flag: a program that offers settings under its own names switches on `reason` to say which of
/// them fixes the problem (as `mlink` does).
public struct MarketLinkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What a caller does about an error: fix the data, fix the request, or nothing.
    public enum Kind: Sendable, Hashable {
        /// The data is wrong, or a file cannot be read or written, or an output would overwrite an input (exit code 1).
        case data
        /// The request is wrong: a setting, a window, a name, a claim (exit code 64).
        case usage
        /// The reader of an output (a pipe, a FIFO) closed it before the end, as `head` does once
        /// it has read enough. Nothing is wrong with the data or the request: a command-line tool
        /// stops quietly, with exit code 0.
        case outputClosed
    }

    /// Where in an input the problem is; nil for a problem of the request or of no one place.
    public var location: SourceLocation?
    /// What went wrong, with the values involved.
    public var reason: Reason

    /// An error for `reason`, at `location` when the problem has a place in an input.
    public init(_ reason: Reason, at location: SourceLocation? = nil) {
        self.reason = reason
        self.location = location
    }

    /// A one-off error described by `message` alone: `.invalidData(message)` for `.data`,
    /// `.invalidRequest(message)` for `.usage`, `.outputClosed(message)` for `.outputClosed`.
    /// Prefer a typed `Reason` wherever a caller could act on the case.
    public init(_ message: String, at location: SourceLocation? = nil, kind: Kind = .data) {
        switch kind {
        case .data: self.init(.invalidData(message), at: location)
        case .usage: self.init(.invalidRequest(message), at: location)
        case .outputClosed: self.init(.outputClosed(message), at: location)
        }
    }

    /// A one-off request error described by `message` alone (`.invalidRequest`).
    public static func usage(_ message: String) -> MarketLinkError {
        MarketLinkError(.invalidRequest(message))
    }

    /// Whether the data, the request or neither is at fault (see `Kind`), as the reason says.
    public var kind: Kind { reason.kind }

    /// The message about the reason, without the place: lowercase, naming no command-line flag.
    public var message: String { reason.message }

    /// `file:line:column: error: message` (`error: message` without a place).
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

/// Quotes input text for a message (`MessageText.quoted`).
func quoted(_ text: String, limit: Int = 60) -> String {
    MessageText.quoted(text, limit: limit)
}

/// Input text for a message that puts its own quotes around it (`MessageText.shown`).
func shown(_ text: String, limit: Int = 60) -> String {
    MessageText.shown(text, limit: limit)
}

/// Quotes raw input bytes for a message; invalid UTF-8 shows as the replacement character.
func quoted<C: Collection>(bytes: C, limit: Int = 60) -> String where C.Element == UInt8 {
    quoted(String(decoding: bytes.prefix(limit * 4), as: UTF8.self), limit: limit)
}
