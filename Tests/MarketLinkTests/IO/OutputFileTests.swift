import Foundation
import Testing

@testable import MarketLink

/// The one writer: regular files by temporary file and rename, special files written through,
/// every write checked. (Through the CLI: `Hardening/IOHardeningTests`.)
@Suite struct OutputFileTests {
    // MARK: Regular files

    @Test func nothingAppearsBeforeCommit() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try CLI.write("old\n", named: "out.csv", in: folder)
        let output = try OutputFile(path: path)
        try output.write("new\n")
        try output.write([UInt8](repeating: UInt8(ascii: "x"), count: 2 << 20))  // past the 1 MB buffer
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        try output.commit()
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("new\nxxx"))
        #expect(written.utf8.count == 4 + 2 << 20)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test func abortKeepsTheOldFile() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try CLI.write("old\n", named: "out.csv", in: folder)
        do {
            let output = try OutputFile(path: path)
            try output.write("new\n")
            output.abort()
            #expect(throws: MarketLinkError.self) { try output.commit() }
        }
        // An output dropped without commit removes its temporary file too.
        do {
            let output = try OutputFile(path: path)
            try output.write("dropped\n")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    /// A symbolic link is followed: its target gets the new bytes and keeps its mode; the link stays.
    @Test func aLinkedFileIsReplacedAndTheLinkKept() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = try CLI.write("old\n", named: "target.csv", in: folder)
        chmod(target, 0o600)
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try OutputFile.write("new\n", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        var info = stat()
        #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func aNewFileGetsTheUsualMode() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.csv").path
        try OutputFile.write("x\n", to: path)
        // What the process's umask leaves of 0666, as for any new file.
        let mask = Self.umaskValue()
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o666 & ~mask)
    }

    @Test func aFolderIsRefused() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: MarketLinkError(.cannotWrite("cannot write: this is a folder; name a file in it"), at: SourceLocation(file: folder.path))) {
            try OutputFile.write("x", to: folder.path)
        }
    }

    /// A block device (a disk) is never written: refused from its kind before it is opened. The
    /// node made here (7:255, a loop device number) is never opened.
    @Test(.enabled(if: getuid() == 0, "mknod needs root (CAP_MKNOD); this run is not root"))
    func aBlockDeviceIsRefused() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let node = folder.appendingPathComponent("disk").path
        try #require(mknod(node, S_IFBLK | 0o600, dev_t(7 << 8 | 255)) == 0)
        #expect(throws: MarketLinkError(.cannotWrite("cannot write: this is a block device (a disk or partition); name a file"), at: SourceLocation(file: node))) {
            try OutputFile.write("x", to: node)
        }
    }

    // MARK: Descriptors

    @Test(arguments: [
        ("/dev/stdout", Int32?.some(1)), ("/dev/stderr", 2), ("/dev/fd/7", 7), ("/proc/self/fd/1", 1), ("/dev/null", nil),
        ("out.csv", nil), ("/dev/fd/x", nil),
    ])
    func descriptorPathsAreRecognised(_ path: String, _ descriptor: Int32?) {
        #expect(OutputFile.descriptorAlias(path) == descriptor)
    }

    @Test func aLinkToStandardOutputIsRecognised() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("out").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/stdout")
        #expect(OutputFile.descriptorAlias(link) == 1)
    }

    /// Every write is checked: `/dev/full` fails each one with ENOSPC.
    @Test func aFailedWriteToADescriptorIsAnError() throws {
        let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let output = OutputFile(descriptor: descriptor, name: "the full device")
        #expect(throws: MarketLinkError(.cannotWrite("cannot write to the full device: No space left on device"))) { try output.write("x\n") }
    }

    /// A pipe whose reader has gone: EPIPE is an error of kind `.outputClosed`. Run in a child
    /// process (an exit test) that ignores SIGPIPE as `mlink` does, so the test runner keeps its
    /// own signal handling.
    @Test func aClosedPipeIsOutputClosed() async {
        await #expect(processExitsWith: .exitCode(42)) {
            signal(SIGPIPE, SIG_IGN)
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            let output = OutputFile(descriptor: pipe.fileHandleForWriting.fileDescriptor, name: "the pipe")
            do throws(MarketLinkError) {
                try output.write("x\n")
                exit(1)
            } catch {
                exit(error.kind == .outputClosed && error.message == "the reader of the pipe closed it before the end" ? 42 : 2)
            }
        }
    }

    // MARK: Inputs

    @Test func anInputIsNeverAnOutput() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try CLI.write("keep\n", named: "in.csv", in: folder)
        let spelled = folder.appendingPathComponent("./x/../in.csv").path
        #expect(throws: MarketLinkError.self) { try OutputFile.write("x", to: spelled, refusing: [input]) }
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "keep\n")
    }

    static func umaskValue() -> mode_t {
        // Read from /proc (Linux), as setting the umask to read it would race with other tests.
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let value = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8)
        else { return 0o022 }
        return value
    }
}
