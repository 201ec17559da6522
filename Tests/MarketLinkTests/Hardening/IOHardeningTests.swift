import Foundation
import Testing

/// The IO layer's promises (issue 10; DESIGN §6, SECURITY.md § 6 and § 7), each through the built
/// `mlink`:
/// - inputs of any size or kind are refused quickly and in little memory (a sparse 30 GB file,
///   `/dev/zero`, `/dev/urandom`), or read through (a FIFO);
/// - `-o` onto a FIFO or a character device writes through it and leaves the node as it was;
/// - every failed write is exit 1 with a message (`> /dev/full`, a file-size limit), and a regular
///   file that could not be written whole keeps its old content;
/// - a reader that closes the pipe early (`| head -1`) ends the run quietly with exit 0;
/// - an edited events file keeps its owner, group and mode;
/// - a held lock is reported on standard error within a second.
@Suite struct IOHardeningTests {
    static let inputs = ["--events", "fixtures/events-2023.csv", "fixtures/djia.csv"]
    static let isRoot = getuid() == 0

    // MARK: Inputs refused within bounds

    /// Time and memory are those of the one `mlink` run, measured by `MeasuredRun` (posix_spawn,
    /// then `wait4` for that child's `ru_maxrss`). Refusing from the stated size reads nothing:
    /// the sparse file occupies no disk blocks.
    @Test(arguments: ["inspect", "changes --events", "events list", "events add"])
    func aSparse30GBFileIsRefusedAtOnce(_ command: String) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.csv").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        // 30 GiB = 30 × 2^30 = 32,212,254,720 bytes, all a hole.
        #expect(ftruncate(descriptor, 30 << 30) == 0)
        close(descriptor)

        let arguments: [String] =
            switch command {
            case "changes --events": ["changes", "--events", path, CLI.fixture("fixtures/djia.csv")]
            case "events add": ["events", "add", path, "--date", "2023-06-08", "--title", "x"]
            default: command.split(separator: " ").map(String.init) + [path]
            }
        let run = try MeasuredRun.run(arguments)
        #expect(run.status == 1)
        // The limit is 2^32 − 2 = 4,294,967,294 bytes, shown as 4.0 GiB.
        #expect(
            run.stderr
                == "\(path): error: the file is 30.0 GiB (32212254720 bytes); MarketLink reads files of up to 4.0 GiB (4294967294 bytes): split it (by symbol or by years) and load the parts\n"
        )
        #expect(run.seconds < 2, "took \(run.seconds) s")
        #expect(run.peakKiB < 100 * 1024, "peak \(run.peakKiB) KiB")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_size == 30 << 30)
    }

    /// Endless devices stop at the check of the first 64 KiB: `/dev/zero` is NUL bytes from its
    /// first byte; 64 KiB of `/dev/urandom` hold invalid UTF-8 (or a NUL) with certainty for all
    /// practical purposes (a byte is NUL with probability 1/256).
    @Test(arguments: [
        ["inspect", "/dev/zero"], ["events", "list", "/dev/zero"], ["changes", "--events", "/dev/zero", CLI.fixture("fixtures/djia.csv")],
        ["inspect", "/dev/urandom"], ["events", "list", "/dev/urandom"],
    ])
    func endlessDevicesAreRefusedAtOnce(_ arguments: [String]) throws {
        let device = arguments.first { $0.hasPrefix("/dev/") } ?? ""
        let run = try MeasuredRun.run(arguments)
        #expect(run.status == 1)
        if device == "/dev/zero" {
            #expect(run.stderr == "/dev/zero:1:1: error: NUL byte: this is not a text file (or it is UTF-16 without a byte-order mark)\n")
        } else {
            #expect(run.stderr.hasPrefix("/dev/urandom:"))
            #expect(run.stderr.contains(": error: NUL byte") || run.stderr.contains(": error: invalid UTF-8"))
            #expect(run.stderr.filter { $0 == "\n" }.count == 1)
        }
        #expect(run.seconds < 2, "took \(run.seconds) s")
        #expect(run.peakKiB < 100 * 1024, "peak \(run.peakKiB) KiB")
    }

    /// Compressed files, workbooks and wide encodings are named by their bytes, not diagnosed as
    /// broken UTF-8. The gzip bytes are `printf 'Date,Close\n2023-06-08,33833.61\n' | gzip -n`;
    /// the others are synthetic: a zip local-file header naming `xl/workbook.xml` (what an .xlsx
    /// holds) and the same CSV text encoded by Swift as UTF-16 and UTF-32.
    @Test func nonTextInputsAreNamedByTheirBytes() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "Date,Close\n2023-06-08,33833.61\n"
        let gzip: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x73, 0x49, 0x2c, 0x49, 0xd5, 0x71, 0xce, 0xc9, 0x2f, 0x4e, 0xe5, 0x32,
            0x32, 0x30, 0x32, 0xd6, 0x35, 0x30, 0xd3, 0x35, 0xb0, 0xd0, 0x31, 0x36, 0xb6, 0x30, 0x36, 0xd6, 0x33, 0x33, 0xe4, 0x02, 0x00, 0x74,
            0xdb, 0xf9, 0xd9, 0x1f, 0x00, 0x00, 0x00,
        ]
        let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26) + Array("xl/workbook.xml".utf8)
        let utf32 = text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) } }
        let utf16BE = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let cases: [(name: String, bytes: [UInt8], message: String)] = [
            ("prices.csv.gz", gzip, "the file is gzip-compressed, not text: decompress it first (gunzip FILE, or gzip -dc FILE > FILE.csv)"),
            ("prices.xlsx", xlsx, "the file is an Excel workbook (.xlsx), not CSV: open it and save the sheet as CSV UTF-8"),
            (
                "utf32.csv", [0xFF, 0xFE, 0, 0] + utf32,
                "the file is UTF-32 text (little-endian); MarketLink reads UTF-8: re-save it as UTF-8 (e.g. iconv -f UTF-32 -t UTF-8 FILE > FILE.utf8.csv)"
            ),
            (
                "utf16be.csv", utf16BE,
                "the file is UTF-16 text (big-endian, without a byte-order mark); MarketLink reads UTF-8: re-save it as UTF-8 (e.g. iconv -f UTF-16BE -t UTF-8 FILE > FILE.utf8.csv)"
            ),
        ]
        for item in cases {
            let path = folder.appendingPathComponent(item.name).path
            try Data(item.bytes).write(to: URL(fileURLWithPath: path))
            for command in [["inspect", path], ["events", "list", path]] {
                let outcome = try CLI.run(command)
                #expect(outcome.status == 1)
                #expect(outcome.stdout.isEmpty)
                #expect(outcome.stderr == "\(path):1:1: error: \(item.message)\n")
            }
        }
    }

    /// A FIFO as input is read in chunks to its end, and gives what the same bytes in a file give.
    @Test func aFIFOInputIsReadThrough() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("prices.csv").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("fixtures/djia.csv")))
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            guard descriptor >= 0 else { return }
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        writer.start()
        let outcome = try CLI.run(["inspect", fifo])
        let expected = try CLI.run(["inspect", CLI.fixture("fixtures/djia.csv")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == expected.stdout.replacingOccurrences(of: CLI.fixture("fixtures/djia.csv"), with: fifo))
    }

    // MARK: Outputs written through, never replaced

    /// `-o FIFO`: `mlink` opens the FIFO and writes into it; a reader thread gets the same bytes
    /// as standard output gets, and the FIFO is still a FIFO (no rename put a file in its place).
    @Test(arguments: [["--format", "csv"], ["--format", "md"]])
    func anOutputFIFOIsWrittenThrough(_ format: [String]) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("out.fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let reader = Thread {
            // Blocks until mlink opens the FIFO for writing, then reads to its end.
            let descriptor = open(fifo, O_RDONLY)
            guard descriptor >= 0 else { return received.finish(Data()) }
            var data = Data()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                data.append(contentsOf: chunk[0..<n])
            }
            close(descriptor)
            received.finish(data)
        }
        reader.start()
        let outcome = try CLI.run(["changes"] + Self.inputs + format + ["-o", fifo])
        // Should mlink never have opened the FIFO, opening it here lets the reader finish (empty).
        let unblock = open(fifo, O_WRONLY | O_NONBLOCK)
        if unblock >= 0 { close(unblock) }
        let data = try #require(received.wait(seconds: 10))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        let expected = try CLI.run(["changes"] + Self.inputs + format)
        #expect(!expected.stdout.isEmpty)
        #expect(String(decoding: data, as: UTF8.self) == expected.stdout)
        #expect(try Self.kind(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.fifo"])
    }

    /// `-o DEVICE` with character devices made by `mknod` in a scratch folder: a copy of
    /// `/dev/null` (1:3) takes the report and stays a device; a copy of `/dev/full` (1:7) fails
    /// every write with ENOSPC, which shows the bytes went into the device (a temporary file and
    /// rename would have succeeded and replaced it). `events add` onto the `/dev/null` copy too.
    @Test(.enabled(if: isRoot, "mknod needs root (CAP_MKNOD); this run is not root"))
    func anOutputDeviceIsWrittenThrough() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let null = folder.appendingPathComponent("null").path
        let full = folder.appendingPathComponent("full").path
        try #require(mknod(null, S_IFCHR | 0o666, Self.device(1, 3)) == 0)
        try #require(mknod(full, S_IFCHR | 0o666, Self.device(1, 7)) == 0)

        for format in ["csv", "table", "json"] {
            let written = try CLI.run(["changes"] + Self.inputs + ["--format", format, "-o", null])
            #expect(written.status == 0, "\(written.stderr)")
            // Only the line that says it was written: the rows of the change table (see ProgressTerminalTests for the count).
            #expect(written.stdout.isEmpty && written.stderr.hasPrefix("wrote ") && written.stderr.hasSuffix(" rows to \(null)\n"), "\(written.stderr)")
            let refused = try CLI.run(["changes"] + Self.inputs + ["--format", format, "-o", full])
            #expect(refused.status == 1)
            #expect(refused.stderr == "\(full): error: cannot write: No space left on device\n")
        }
        let added = try CLI.run(["events", "add", null, "--date", "2023-06-08", "--title", "into the device"])
        #expect(added.status == 0, "\(added.stderr)")
        for device in [(null, 3), (full, 7)] {
            var info = stat()
            #expect(stat(device.0, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFCHR)
            #expect(info.st_rdev == Self.device(1, UInt64(device.1)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["full", "null"])
    }

    /// `-o /dev/stdout` writes into standard output, whatever it is (here the runner's file).
    @Test func devStdoutIsWrittenThrough() throws {
        let through = try CLI.run(["changes"] + Self.inputs + ["--format", "csv", "-o", "/dev/stdout"])
        let plain = try CLI.run(["changes"] + Self.inputs + ["--format", "csv"])
        #expect(through.status == 0, "\(through.stderr)")
        #expect(through.stdout == plain.stdout)
        #expect(through.stdout.hasPrefix("event_id,event_date,"))
    }

    // MARK: Failed writes

    /// Standard output on `/dev/full` (every write fails with ENOSPC): exit 1 and a message, for
    /// the streamed CSV, a whole report, `inspect`'s text and an edit's confirmation.
    @Test(arguments: [
        ["changes", "--format", "csv"] + inputs, ["changes"] + inputs, ["changes", "--format", "json"] + inputs,
        ["inspect", "fixtures/djia.csv"], ["events", "list", "fixtures/events-2023.csv"],
    ])
    func standardOutputOnDevFullIsAnError(_ arguments: [String]) throws {
        let outcome = try Self.shell("exec \"$0\" \"$@\" > /dev/full", arguments)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: cannot write to standard output: No space left on device\n")
    }

    /// A file-size limit (`ulimit -f 1`: 512 or 1024 bytes, smaller than the report) makes a write
    /// fail with EFBIG part-way: exit 1 with the path, and the file that was there keeps its old
    /// bytes, with no temporary file left.
    @Test(arguments: [["--format", "csv"], ["--format", "table"]])
    func aWriteThatFailsPartWayLeavesTheOldFile(_ format: [String]) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.csv").path
        try Data("old contents\n".utf8).write(to: URL(fileURLWithPath: out))
        let outcome = try Self.shell("ulimit -f 1; exec \"$0\" \"$@\"", ["changes"] + Self.inputs + format + ["-o", out])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "\(out): error: cannot write: File too large\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old contents\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    /// `mlink ... | head -1`: the reader takes one line and closes the pipe; `mlink` stops at its
    /// next write, quietly, with exit 0. The events file (3,000 synthetic events, one a day from
    /// 2022-06-01) makes a report of about 400 KB, far more than a pipe holds (64 KiB).
    @Test(arguments: [["--format", "csv"], ["--format", "csv", "-o", "/dev/stdout"], ["--format", "table"], ["--format", "json"]])
    func aReaderThatClosesThePipeEndsTheRunQuietly(_ format: [String]) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "date,title\n"
        let start = Date(timeIntervalSince1970: 1_654_041_600)  // 2022-06-01T00:00:00Z
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for k in 0..<3000 { text += "\(formatter.string(from: start.addingTimeInterval(Double(k) * 86_400))),event \(k)\n" }
        let events = try CLI.write(text, named: "events.csv", in: folder)

        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = ["changes", "--events", events, CLI.fixture("fixtures/djia.csv")] + format
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var first = Data()
        while !first.contains(10) {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            first.append(data)
        }
        try out.fileHandleForReading.close()
        let said = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(said.isEmpty, "\(String(decoding: said, as: UTF8.self))")
        #expect(!first.isEmpty)
    }

    // MARK: Edits keep owner, group and mode

    /// An events file owned by another user (65534, "nobody") with mode 0640, edited by root:
    /// the new file gets the old one's owner, group and mode before the rename.
    @Test(.enabled(if: isRoot, "giving a file to another user needs root; this run is not root"))
    func anEditedEventsFileKeepsItsOwnerGroupAndMode() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try CLI.write("id,date,title\n1,2023-06-06,first\n", named: "events.csv", in: folder)
        try #require(chown(path, 65534, 65534) == 0)
        try #require(chmod(path, 0o640) == 0)
        var before = stat()
        try #require(stat(path, &before) == 0)

        for edit in [
            ["events", "add", path, "--date", "2023-06-08", "--title", "second"], ["events", "edit", path, "1", "--title", "changed"],
            ["events", "remove", path, "2"],
        ] {
            let outcome = try CLI.run(edit)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            var after = stat()
            #expect(stat(path, &after) == 0)
            if edit[1] == "add" {
                #expect(after.st_ino == before.st_ino)  // the new row appended in place
            } else {
                #expect(after.st_ino != before.st_ino)  // replaced by rename, not rewritten in place
            }
            #expect(after.st_uid == 65534)
            #expect(after.st_gid == 65534)
            #expect(after.st_mode & 0o7777 == 0o640)
            // Against the file as this edit found it: the original's inode number is free again
            // once the first rename unlinks it, and a later temporary file may be given it.
            before = after
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,date,title\n1,2023-06-06,changed\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["events.csv"])
    }

    /// The same for a report written over another user's file with `-o`.
    @Test(.enabled(if: isRoot, "giving a file to another user needs root; this run is not root"))
    func aReplacedReportKeepsItsOwnerGroupAndMode() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try CLI.write("old\n", named: "changes.csv", in: folder)
        try #require(chown(out, 65534, 65534) == 0)
        try #require(chmod(out, 0o604) == 0)
        let outcome = try CLI.run(["changes"] + Self.inputs + ["-o", out])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var after = stat()
        #expect(stat(out, &after) == 0)
        #expect(after.st_uid == 65534 && after.st_gid == 65534)
        #expect(after.st_mode & 0o7777 == 0o604)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("event_id,event_date,"))
    }

    // MARK: A held lock says so

    /// The test process holds the events file's `flock` (for `mlink`, another process); `events
    /// add` says so on standard error within a second, keeps waiting, and adds its row once the
    /// lock is released.
    @Test func aHeldLockIsReportedWithinASecond() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try CLI.write("id,date,title\n1,2023-06-06,first\n", named: "events.csv", in: folder)
        var holder = open(path, O_RDONLY | O_CLOEXEC)
        try #require(holder >= 0)
        defer { if holder >= 0 { close(holder) } }
        try #require(flock(holder, LOCK_EX) == 0)

        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = ["events", "add", path, "--date", "2023-06-08", "--title", "second"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        let clock = ContinuousClock()
        let started = clock.now
        try process.run()
        var said = ""
        while !said.hasSuffix("\n") {
            let data = err.fileHandleForReading.availableData
            if data.isEmpty { break }
            said += String(decoding: data, as: UTF8.self)
        }
        let waited = clock.now - started
        #expect(said == "mlink: waiting for the lock on \(path), held by another mlink (or another program); giving up after 30 s\n")
        #expect(waited < .seconds(1), "the notice came after \(waited)")
        #expect(process.isRunning)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,date,title\n1,2023-06-06,first\n")

        close(holder)
        holder = -1
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,date,title\n1,2023-06-06,first\n2,2023-06-08,second\n")
    }

    // MARK: Helpers

    /// Runs `/bin/sh -c script mlink arguments...` in the package root (`$0` is mlink).
    static func shell(_ script: String, _ arguments: [String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, try CLI.executable().path] + arguments
        process.currentDirectoryURL = CLI.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let said = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: said, as: UTF8.self))
    }

    /// Linux's device number for a major below 4096 and a minor below 256 (glibc's `makedev`,
    /// a macro Swift does not import): the major in bits 8–19, the minor in bits 0–7.
    static func device(_ major: UInt64, _ minor: UInt64) -> dev_t {
        dev_t(major << 8 | minor)
    }

    static func kind(_ path: String) throws -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return info.st_mode & S_IFMT
    }
}

/// Bytes handed from a reader thread to the test, once.
final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var data: Data?

    func finish(_ bytes: Data) {
        lock.lock()
        data = bytes
        lock.unlock()
        done.signal()
    }

    func wait(seconds: Double) -> Data? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
