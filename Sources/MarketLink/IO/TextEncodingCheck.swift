// MARK: - Encoding check

/// Refuses bytes that are not UTF-8 text before any parsing, with the place and the likely cause:
/// compressed files, archives and workbooks, UTF-16 and UTF-32 (named by `ContentSignature`), NUL
/// bytes, GBK/GB18030 or Latin-1 bytes, a byte-order mark in the middle of the file.
enum TextEncodingCheck {
    /// Checks `bytes`, the whole input, or with `complete: false` its first part (as `InputFile`
    /// does on the first bytes it reads, before reading the rest): then a character cut by the end
    /// of the part is not an error. With `startsFile: false` the bytes are a later part of the
    /// input (a block of a file read in blocks): what its first bytes say is not the file's
    /// signature, a byte-order mark at its start is one in the middle of the file, and the
    /// locations are counted from the part's start (the caller places them in the file).
    static func validate(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, complete: Bool = true, startsFile: Bool = true
    ) throws(MarketLinkError) {
        if startsFile, let signature = ContentSignature.identify(bytes) {
            throw MarketLinkError(.notText(signature), at: SourceLocation(file: file, line: 1, column: 1))
        }
        // A character starting in the last three bytes of a part may continue past it.
        let count = complete ? bytes.count : bytes.count - 3
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var i = 0
        // Runs of plain ASCII (no byte 0 and none from 0x80), 32 bytes at a time: four words
        // tested together, the test below on each. The first run that holds anything else is
        // left to the loop below, which finds the same bytes in it.
        while i + 32 <= count {
            let words = (
                raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            )
            @inline(__always) func zero(_ word: UInt64) -> UInt64 { (word &- 0x0101_0101_0101_0101) & ~word }
            let high = words.0 | words.1 | words.2 | words.3
            let zeros = zero(words.0) | zero(words.1) | zero(words.2) | zero(words.3)
            guard (high | zeros) & 0x8080_8080_8080_8080 == 0 else { break }
            i += 32
        }
        while i < count {
            // Skip ASCII eight bytes at a time where possible.
            if i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high = word & 0x8080_8080_8080_8080
                let zero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if high == 0, zero == 0 {
                    i += 8
                    continue
                }
            }
            let byte = bytes[i]
            if byte == 0 {
                throw MarketLinkError(.nulByte, at: SourceLocation(offset: i, in: bytes, file: file))
            }
            if byte < 0x80 {
                i += 1
                continue
            }
            let length = sequenceLength(bytes, at: i)
            if length == 0 {
                throw MarketLinkError(
                    .notUTF8(byte: byte, looksLikeGB18030: looksLikeGBK(bytes, at: i)), at: SourceLocation(offset: i, in: bytes, file: file))
            }
            if byte == 0xEF, i > 0 || !startsFile, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF {
                throw MarketLinkError(.byteOrderMarkInside, at: SourceLocation(offset: i, in: bytes, file: file))
            }
            i += length
        }
    }

    /// The length of a valid UTF-8 sequence starting at `i`, or 0 when it is invalid.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let count = bytes.count
        let lead = bytes[i]
        func continuation(_ k: Int) -> Bool { i + k < count && bytes[i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1) && bytes[i + 1] >= 0xA0 && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1) && bytes[i + 1] < 0xA0 && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1) && bytes[i + 1] >= 0x90 && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1) && bytes[i + 1] < 0x90 && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// GBK double-byte characters: a lead byte 0x81–0xFE and a trail byte 0x40–0xFE (not 0x7F).
    static func looksLikeGBK(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var k = i
        var pairs = 0
        while k + 1 < bytes.count, pairs < 4 {
            let lead = bytes[k]
            let trail = bytes[k + 1]
            guard lead >= 0x81, lead <= 0xFE, trail >= 0x40, trail <= 0xFE, trail != 0x7F else { break }
            pairs += 1
            k += 2
        }
        return pairs >= 1 && (k >= bytes.count || bytes[k] < 0x80)
    }
}
