import Foundation

// MARK: - Price file bytes

/// The bytes of a price file and the name messages give it: what every reading step needs to
/// point a message at a place in the file, and to quote what is written there.
///
/// Lines are counted on demand (from the start of the file up to the offset), so the work is
/// spent only on the rows a message is about.
struct PriceFileBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String

    /// The physical line of a byte offset.
    func line(ofOffset offset: Int) -> Int {
        SourceLocation(offset: offset, in: bytes, file: file).line
    }

    /// The line and column of a byte offset.
    func locate(offset: Int) -> SourceLocation {
        SourceLocation(offset: offset, in: bytes, file: file)
    }

    /// The text of a date field starting at `offset` (up to the next delimiter or line end; inside
    /// the quotes when it is quoted), without surrounding spaces.
    func dateText(at offset: Int) -> String {
        var start = offset
        var end = offset
        if start < bytes.count, bytes[start] == 34 {
            start += 1
            end = start
            while end < bytes.count, bytes[end] != 34 { end += 1 }
        } else {
            while end < bytes.count, bytes[end] != 44, bytes[end] != 59, bytes[end] != 9, bytes[end] != 10, bytes[end] != 13 {
                end += 1
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
