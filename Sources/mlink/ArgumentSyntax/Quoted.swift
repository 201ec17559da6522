// MARK: - Quoting arguments in messages

/// An argument quoted for a message: at most `limit` characters, quotes, backslashes and control
/// characters escaped, so that a message stays one line whatever was typed.
func quoted(_ text: String, limit: Int = 60) -> String {
    var shown = text
    if shown.count > limit { shown = String(shown.prefix(limit)) + "…" }
    var escaped = ""
    for scalar in shown.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\t": escaped += "\\t"
        default:
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
    }
    return "\"" + escaped + "\""
}
