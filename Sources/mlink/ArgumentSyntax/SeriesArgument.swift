import Foundation

// MARK: - SERIES

/// A `SERIES` argument: a price file's path, or `NAME=path` to name the series it holds.
struct SeriesArgument: Sendable, Equatable {
    var name: String?
    var path: String

    /// `NAME=path` splits at the first `=`, unless the whole text is an existing file (a file
    /// may have `=` in its name) or starts with `=`.
    init(_ text: String) {
        if !FileManager.default.fileExists(atPath: text), let equals = text.firstIndex(of: "="), equals != text.startIndex {
            name = String(text[..<equals])
            path = String(text[text.index(after: equals)...])
        } else {
            name = nil
            path = text
        }
    }
}
