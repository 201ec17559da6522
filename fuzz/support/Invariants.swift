import Foundation

@testable import MarketLink

// MARK: - Invariant checks shared by the fuzz targets

/// Stops the fuzzer when an invariant does not hold: libFuzzer saves the input as a crash file
/// (`crash-<sha1>`) and prints the message, so a broken promise counts exactly like a trap.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        fputs("invariant broken: \(message())\n", stderr)
        abort()
    }
}

/// The number of physical lines in `bytes` (LF, CRLF or a lone CR end a line), counting a last
/// line without a line ending.
func physicalLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var lines = 1
    var k = 0
    while k < bytes.count {
        if bytes[k] == 10 || (bytes[k] == 13 && !(k + 1 < bytes.count && bytes[k + 1] == 10)) { lines += 1 }
        k += 1
    }
    return lines
}

/// What every MarketLink error promises, whatever the input:
/// - it is one line of bounded length (a 5 MB line of input must not become a 5 MB message): input
///   text is cut to 60 characters (a list of column names to 200), each shown in at most 7 bytes
///   (`\u{1e}`), so 2,000 bytes is a generous bound; no raw control characters from the input
///   (they are escaped by `quoted` and `shown`);
/// - a data error names the file and a line inside it (1 ... lines), and a column ≥ 1 when it gives one.
func checkError(_ error: MarketLinkError, file: String, bytes: UnsafeBufferPointer<UInt8>, expectedKind: MarketLinkError.Kind) {
    let text = error.description
    require(error.kind == expectedKind, "unexpected error kind \(error.kind): \(text)")
    require(!error.message.isEmpty, "empty message")
    require(error.message.utf8.count <= 2_000, "message of \(error.message.utf8.count) bytes: \(text.prefix(300))")
    require(!error.message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "control character in message: \(text.debugDescription.prefix(300))")
    guard expectedKind == .data else { return }
    guard let location = error.location else {
        require(false, "data error without a location: \(text)")
        return
    }
    require(location.file == file, "location names \(location.file), not \(file)")
    require(location.line >= 1, "location without a line: \(text)")
    require(location.line <= physicalLines(bytes), "line \(location.line) beyond the input's \(physicalLines(bytes)) lines: \(text)")
    require(location.column >= 1, "location without a column: \(text)")
}
