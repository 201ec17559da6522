import Foundation
import Testing

@testable import MarketLink

/// Non-text inputs named from their first bytes. The magic numbers are the formats' published
/// signatures (gzip RFC 1952 `1F 8B`; zip `PK\3\4`; xz `FD 37 7A 58 5A 00`; zstd `28 B5 2F FD`;
/// bzip2 `BZh1`–`BZh9`; OLE2 compound files, which hold .xls, `D0 CF 11 E0 A1 B1 1A E1`; `%PDF-`),
/// and the text is encoded here by Swift's own UTF-16 and Unicode-scalar views.
@Suite struct ContentSignatureTests {
    static let text = "Date,Close\r\n2023-06-08,33833.61\r\n2023-06-09,33876.78\r\n"

    static func utf16(bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    static func utf32(bigEndian: Bool) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar in
            let bytes = (0..<4).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
            return bigEndian ? bytes.reversed() : bytes
        }
    }

    static func zip(naming names: [String]) -> [UInt8] {
        names.flatMap { [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26) + Array($0.utf8) }
    }

    static let cases: [(name: String, bytes: [UInt8], expected: ContentSignature?)] = [
        ("gzip", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3], .gzip),
        ("bzip2", Array("BZh91AY&SY".utf8), .bzip2),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04], .xz),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x00], .zstd),
        ("xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], .xls),
        ("pdf", Array("%PDF-1.7\n".utf8), .pdf),
        ("zip", zip(naming: ["data/prices.csv"]), .zip),
        ("xlsx", zip(naming: ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]), .xlsx),
        ("ods", zip(naming: ["mimetype"]) + Array("application/vnd.oasis.opendocument.spreadsheet".utf8), .ods),
        ("UTF-16LE with BOM", [0xFF, 0xFE] + utf16(bigEndian: false), .utf16(bigEndian: false, byteOrderMark: true)),
        ("UTF-16BE with BOM", [0xFE, 0xFF] + utf16(bigEndian: true), .utf16(bigEndian: true, byteOrderMark: true)),
        ("UTF-16LE", utf16(bigEndian: false), .utf16(bigEndian: false, byteOrderMark: false)),
        ("UTF-16BE", utf16(bigEndian: true), .utf16(bigEndian: true, byteOrderMark: false)),
        ("UTF-32LE with BOM", [0xFF, 0xFE, 0, 0] + utf32(bigEndian: false), .utf32(bigEndian: false, byteOrderMark: true)),
        ("UTF-32BE with BOM", [0, 0, 0xFE, 0xFF] + utf32(bigEndian: true), .utf32(bigEndian: true, byteOrderMark: true)),
        ("UTF-32LE", utf32(bigEndian: false), .utf32(bigEndian: false, byteOrderMark: false)),
        ("UTF-32BE", utf32(bigEndian: true), .utf32(bigEndian: true, byteOrderMark: false)),
        // Text, and bytes that are not text but none of these formats: left to the UTF-8 check.
        ("UTF-8 CSV", Array(text.utf8), nil),
        ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8), nil),
        ("Chinese UTF-8", Array("日期,收盘\n2023-06-08,3213.59\n".utf8), nil),
        ("64 NUL bytes", [UInt8](repeating: 0, count: 64), nil),
        ("empty", [], nil),
        ("one byte", [0x1F], nil),
    ]

    @Test func eachFormatIsNamedByItsBytes() {
        for item in Self.cases {
            let found = item.bytes.withUnsafeBufferPointer { ContentSignature.identify($0) }
            #expect(found == item.expected, "\(item.name)")
        }
    }

    /// The loaders refuse every one of them at 1:1 with the signature's message.
    @Test func theLoadersRefuseThemAtTheStart() {
        for item in Self.cases {
            guard let expected = item.expected else { continue }
            do {
                _ = try PriceFile.load(bytes: item.bytes, file: "in.csv")
                Issue.record("\(item.name) loaded as prices")
            } catch {
                #expect(error.description == "in.csv:1:1: error: \(expected.message)", "\(item.name)")
            }
            do {
                _ = try EventLog(bytes: item.bytes, file: "in.csv")
                Issue.record("\(item.name) loaded as events")
            } catch {
                #expect(error.description == "in.csv:1:1: error: \(expected.message)", "\(item.name)")
            }
        }
    }

    @Test func messagesSayHowToConvert() {
        #expect(
            ContentSignature.utf32(bigEndian: true, byteOrderMark: false).message
                == "the file is UTF-32 text (big-endian, without a byte-order mark); MarketLink reads UTF-8: re-save it as UTF-8 (e.g. iconv -f UTF-32BE -t UTF-8 FILE > FILE.utf8.csv)"
        )
        #expect(
            ContentSignature.utf16(bigEndian: false, byteOrderMark: true).message
                == "the file is UTF-16 text (little-endian); MarketLink reads UTF-8: re-save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.csv)"
        )
    }
}
