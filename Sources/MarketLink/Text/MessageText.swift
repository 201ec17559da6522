// MARK: - Message text

/// Text from an input shown inside an error message, as `MarketLinkError` messages show it: cut
/// to `limit` characters (then `…`), with quotes, backslashes and control characters escaped
/// (`\"`, `\\`, `\n`, `\r`, `\t`, `\0`, `\u{1b}`), so that a message stays one line of bounded
/// length whatever the input holds. A program that words its own messages about MarketLink's
/// errors uses it to show the same text the same way.
public enum MessageText {
    /// `text` in double quotes, shortened and escaped (`"3,2x1"`). The empty string gives `""`.
    public static func quoted(_ text: String, limit: Int = 60) -> String {
        "\"\(shown(text, limit: limit))\""
    }

    /// `text` shortened and escaped, for a message that puts its own quotes around it
    /// (`column "\(shown(name))"`). The empty string gives the empty string.
    public static func shown(_ text: String, limit: Int = 60) -> String {
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
}
