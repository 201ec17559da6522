// MARK: - ASCII folding

/// Names compared ignoring case and a few characters (column headers, index names), folded byte
/// by byte when they are ASCII: a wide file has tens of thousands of them, and the same rule on
/// `Character`s (Unicode case mapping, grapheme breaking, canonical comparison of each
/// character) costs a hundred times more. For ASCII the two agree: lower-casing maps `A`–`Z`
/// alone, and every character is one byte except CR LF, which holds no byte that is removed or
/// stripped.
enum ASCIIFolding {
    /// `text` lower-cased, without the bytes `removed` names, and without every trailing
    /// `stripped` byte after that; `nil` when `text` is not all ASCII.
    static func folded(_ text: String, removing removed: (UInt8) -> Bool, stripping stripped: UInt8? = nil) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // On the stack for a name's few bytes (no array for each of 60,000 names).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { buffer -> String? in
                var count = 0
                for byte in bytes {
                    if byte >= 0x80 { return nil }
                    if removed(byte) { continue }
                    buffer[count] = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
                    count += 1
                }
                if let stripped { while count > 0, buffer[count - 1] == stripped { count -= 1 } }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
            }
        }
    }
}
