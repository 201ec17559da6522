// MARK: - What the first bytes say

/// Names, from its first bytes, an input that is not UTF-8 text: a compressed file, a zip archive
/// or spreadsheet workbook, a PDF, or text in UTF-16 or UTF-32 (with or without a byte-order mark).
/// Every text input is checked with it before anything else, so a gzip file is called gzip, not
/// "invalid UTF-8 ... WINDOWS-1252", and UTF-32 is not mistaken for UTF-16.
public enum ContentSignature: Sendable, Hashable {
    /// gzip-compressed bytes.
    case gzip
    /// bzip2-compressed bytes.
    case bzip2
    /// xz-compressed bytes.
    case xz
    /// zstd-compressed bytes.
    case zstd
    /// A zip archive that is no known workbook.
    case zip
    /// An Excel workbook (.xlsx, a zip archive).
    case xlsx
    /// An OpenDocument spreadsheet (.ods, a zip archive).
    case ods
    /// An Excel 97–2003 workbook (.xls).
    case xls
    /// A PDF document.
    case pdf
    /// UTF-16 text, in the byte order given, with or without a byte-order mark.
    case utf16(bigEndian: Bool, byteOrderMark: Bool)
    /// UTF-32 text, in the byte order given, with or without a byte-order mark.
    case utf32(bigEndian: Bool, byteOrderMark: Bool)

    /// How many bytes `identify` looks at, at most (the part of a zip archive that names its first files).
    static let prefixLength = 64 * 1024

    /// The kind of non-UTF-8 content `bytes` (the start of an input) holds, or nil when it may be UTF-8 text.
    static func identify(_ bytes: UnsafeBufferPointer<UInt8>) -> ContentSignature? {
        func starts(_ signature: [UInt8]) -> Bool {
            bytes.count >= signature.count && signature.indices.allSatisfy { bytes[$0] == signature[$0] }
        }
        // UTF-32's little-endian mark begins with UTF-16's: test it first.
        if starts([0xFF, 0xFE, 0, 0]) { return .utf32(bigEndian: false, byteOrderMark: true) }
        if starts([0, 0, 0xFE, 0xFF]) { return .utf32(bigEndian: true, byteOrderMark: true) }
        if starts([0xFF, 0xFE]) { return .utf16(bigEndian: false, byteOrderMark: true) }
        if starts([0xFE, 0xFF]) { return .utf16(bigEndian: true, byteOrderMark: true) }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts(Array("BZh".utf8)), bytes.count > 3, (0x31...0x39).contains(bytes[3]) { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            // The names of an archive's first entries are stored in clear: a workbook's say what it is.
            let head = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, prefixLength)])
            if contains(head, Array("application/vnd.oasis.opendocument.spreadsheet".utf8)) { return .ods }
            if contains(head, Array("xl/".utf8)) { return .xlsx }
            return .zip
        }
        return unmarkedWideText(bytes)
    }

    /// UTF-16 or UTF-32 without a byte-order mark, from where its NUL bytes fall: CSV is mostly
    /// ASCII, so every other byte (UTF-16) or three bytes in four (UTF-32) of the first kilobyte
    /// are 0, on the side that endianness puts them.
    private static func unmarkedWideText(_ bytes: UnsafeBufferPointer<UInt8>) -> ContentSignature? {
        let count = min(bytes.count, 1024) & ~3
        guard count >= 8 else { return nil }
        var zeros = [Int](repeating: 0, count: 4)
        for k in 0..<count where bytes[k] == 0 { zeros[k & 3] += 1 }
        let quarter = count / 4
        func mostly(_ residue: Int) -> Bool { zeros[residue] * 10 >= quarter * 9 }
        func rarely(_ residue: Int) -> Bool { zeros[residue] * 10 <= quarter }
        if mostly(1), mostly(2), mostly(3), rarely(0) { return .utf32(bigEndian: false, byteOrderMark: false) }
        if mostly(0), mostly(1), mostly(2), rarely(3) { return .utf32(bigEndian: true, byteOrderMark: false) }
        if mostly(1), mostly(3), rarely(0), rarely(2) { return .utf16(bigEndian: false, byteOrderMark: false) }
        if mostly(0), mostly(2), rarely(1), rarely(3) { return .utf16(bigEndian: true, byteOrderMark: false) }
        return nil
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var k = 0
        while k + needle.count <= haystack.count {
            if haystack[k] == first, needle.indices.allSatisfy({ haystack[k + $0] == needle[$0] }) { return true }
            k += 1
        }
        return false
    }

    // MARK: Messages

    /// What the file is, and what to do, for the error message.
    var message: String {
        switch self {
        case .gzip: return "the file is gzip-compressed, not text: decompress it first (gunzip FILE, or gzip -dc FILE > FILE.csv)"
        case .bzip2: return "the file is bzip2-compressed, not text: decompress it first (bunzip2 FILE)"
        case .xz: return "the file is xz-compressed, not text: decompress it first (unxz FILE)"
        case .zstd: return "the file is zstd-compressed, not text: decompress it first (unzstd FILE)"
        case .zip: return "the file is a zip archive, not text: unzip it and load the CSV inside"
        case .xlsx: return "the file is an Excel workbook (.xlsx), not CSV: open it and save the sheet as CSV UTF-8"
        case .ods: return "the file is an OpenDocument spreadsheet (.ods), not CSV: open it and save the sheet as CSV UTF-8"
        case .xls: return "the file is an Excel 97–2003 workbook (.xls), not CSV: open it and save the sheet as CSV UTF-8"
        case .pdf: return "the file is a PDF document, not CSV text"
        case .utf16(let bigEndian, let mark): return Self.wideText("UTF-16", bigEndian: bigEndian, byteOrderMark: mark)
        case .utf32(let bigEndian, let mark): return Self.wideText("UTF-32", bigEndian: bigEndian, byteOrderMark: mark)
        }
    }

    /// iconv reads the byte-order mark when there is one; without it, it must be told the byte order.
    private static func wideText(_ encoding: String, bigEndian: Bool, byteOrderMark: Bool) -> String {
        let order = bigEndian ? "big-endian" : "little-endian"
        let source = byteOrderMark ? encoding : encoding + (bigEndian ? "BE" : "LE")
        let mark = byteOrderMark ? "" : ", without a byte-order mark"
        return "the file is \(encoding) text (\(order)\(mark)); MarketLink reads UTF-8: re-save it as UTF-8 (e.g. iconv -f \(source) -t UTF-8 FILE > FILE.utf8.csv)"
    }
}
