import Testing

/// One malformed input and the error it must give: its file under `fixtures/bad/`, the
/// `line:column` counted by hand from its bytes, and the start of the message.
struct LocatedErrorCase: CustomTestStringConvertible, Sendable {
    var file: String
    var location: String
    var message: String
    var testDescription: String { file }
}
