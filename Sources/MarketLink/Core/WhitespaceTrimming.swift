import Foundation

// MARK: - Trimming white space

extension String {
    /// The text without leading and trailing white space: exactly what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` returns (the same `CharacterSet.whitespaces`: tab and
    /// the space separators, with U+200B on Linux), in time proportional to what is removed.
    ///
    /// Foundation reads the whole string through UTF-16 even to remove nothing, which makes a 5 MB
    /// cell cost seconds; this looks at the ends only. An empty or all-blank text gives "".
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isWhitespace(scalars[start]) { scalars.formIndex(after: &start) }
        while start < end {
            let last = scalars.index(before: end)
            guard isWhitespace(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex, end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }
}

/// Membership in `CharacterSet.whitespaces`, with ASCII answered without Foundation.
private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar == " " || scalar == "\t" }
    return CharacterSet.whitespaces.contains(scalar)
}
