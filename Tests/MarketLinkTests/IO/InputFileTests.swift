import Foundation
import Testing

@testable import MarketLink

/// The bounded reader: kind and size checked before anything is allocated, streams read in
/// chunks up to the limit, the first bytes checked as text, errors located at the path.
@Suite struct InputFileTests {
    // MARK: Kinds and sizes

    @Test func aFolderIsRefused() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.error { try InputFile.readAll(folder.path) } == "\(folder.path): error: is a directory, not a file")
    }

    @Test func aMissingFileIsSaidSo() {
        #expect(Self.error { try InputFile.readAll("/nonexistent/prices.csv") } == "/nonexistent/prices.csv: error: no such file")
    }

    /// A regular file over the limit is refused from its stated size; one at the limit is read.
    @Test func aRegularFileOverTheLimitIsRefusedFromItsSize() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(repeating: "2023-06-08,33833.61\n", count: 10)  // 20 × 10 = 200 bytes
        let path = try CLI.write(text, named: "prices.csv", in: folder)
        #expect(
            Self.error { try InputFile.readAll(path, limit: 199) }
                == "\(path): error: the file is 200 bytes; MarketLink reads files of up to 199 bytes: split it (by symbol or by years) and load the parts")
        #expect(try InputFile.readAll(path, limit: 200) == Array(text.utf8))
    }

    /// A pipe has no size: it is read until more than the limit has come.
    @Test func aPipeOverTheLimitIsRefusedOnceItPassesIt() throws {
        let bytes = Array(String(repeating: "a,b\n", count: 75).utf8)  // 300 bytes
        #expect(
            Self.error { try Self.throughPipe(bytes, limit: 100) { try $0.readAll() } }
                == "pipe: error: more than 100 bytes came from this pipe (is it endless?); MarketLink reads inputs of up to 100 bytes")
        #expect(try Self.throughPipe(bytes, limit: 300) { try $0.readAll() } == bytes)
    }

    /// A stream many times the first buffer (64 KiB) comes back whole, byte for byte.
    @Test func aLongStreamIsReadWhole() throws {
        var bytes: [UInt8] = Array("Date,Close\n".utf8)
        var k = 0
        while bytes.count < 3 << 20 {
            bytes += Array("2023-06-\(k % 28 + 1),\(30000 + k % 5000).25\n".utf8)
            k += 1
        }
        #expect(try Self.throughPipe(bytes) { try $0.readAll() } == bytes)
        var chunks: [UInt8] = []
        try Self.throughPipe(bytes) { input in try input.forEachChunk(size: 10_000) { chunks += $0 } }
        #expect(chunks == bytes)
    }

    // MARK: The first bytes

    /// A character cut by the end of the checked prefix (64 KiB) is not an error: `é` (C3 A9)
    /// starts at the prefix's last byte.
    @Test func aCharacterAcrossThePrefixEndIsKept() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: InputFile.checkedPrefix - 1) + [0xC3, 0xA9] + Array("\n".utf8)
        #expect(try Self.throughPipe(bytes) { try $0.readAll() } == bytes)
    }

    /// Invalid UTF-8 in the first bytes is refused before the rest is read, with the place the
    /// whole-file check gives (line 2, byte 5: `2023` then 0x80).
    @Test func invalidUTF8InThePrefixIsRefusedWhereTheWholeCheckWould() throws {
        let bytes = Array("Date,Close\n2023".utf8) + [0x80] + Array(String(repeating: "2023-06-08,33833.61\n", count: 100).utf8)
        let message = "invalid UTF-8 (byte 0x80); re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8.csv)"
        #expect(Self.error { try Self.throughPipe(bytes) { try $0.readAll() } } == "pipe:2:5: error: \(message)")
        #expect(Self.error { try PriceFile.load(bytes: bytes, file: "pipe") } == "pipe:2:5: error: \(message)")
    }

    @Test func binaryIsRefusedAtTheStart() throws {
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0x55, count: 1000)
        #expect(Self.error { try Self.throughPipe(gzip) { try $0.readAll() } } == "pipe:1:1: error: \(ContentSignature.gzip.message)")
    }

    // MARK: Helpers

    /// Feeds `bytes` through a pipe from a writer thread and runs `body` on the reading end. The
    /// reading end is closed only once the writer is done: a test whose read stops early must feed
    /// less than a pipe holds (64 KiB), or the writer would wait for a reader forever.
    @discardableResult
    static func throughPipe<T>(_ bytes: [UInt8], limit: Int = InputFile.defaultLimit, _ body: (InputFile) throws -> T) throws -> T {
        let pipe = Pipe()
        let written = DispatchSemaphore(value: 0)
        let writer = Thread {
            try? pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
            try? pipe.fileHandleForWriting.close()
            written.signal()
        }
        writer.start()
        defer {
            written.wait()
            try? pipe.fileHandleForReading.close()
        }
        let input = try InputFile(descriptor: pipe.fileHandleForReading.fileDescriptor, owned: false, path: "pipe", limit: limit)
        return try body(input)
    }

    /// The description of the error `body` throws, or nil.
    static func error(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
