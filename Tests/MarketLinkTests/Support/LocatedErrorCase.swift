import Testing

/// One malformed input and the error it must give: its file under `fixtures/bad/`, the
/// `line:column` counted by hand from its bytes, and the message mlink prints. `libraryMessage`
/// is the library's own message where it differs: where mlink names the flag that fixes the
/// problem, the library says what it means instead (nil: the same message).
struct LocatedErrorCase: CustomTestStringConvertible, Sendable {
    var file: String
    var location: String
    var message: String
    var libraryMessage: String? = nil
    var testDescription: String { file }
}
