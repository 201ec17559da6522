import Foundation
import Testing

@testable import MarketLink

/// Locked, atomic rewrites of events files on disk, in this process and across `mlink` processes.
@Suite struct EventLogFileTests {
    typealias Support = EventsTestSupport

    // MARK: In process

    @Test func addCreatesAMissingFileWithTheDefaultHeader() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.csv").path
        let edit = try EventLogFile.update(path: path, newFileColumns: EventLogFile.defaultColumns(timed: false)) { log throws(MarketLinkError) in
            try log.adding(EventDraft(date: "2023-06-19", title: "Blinken meets Xi", tags: ["diplomacy"]))
        }
        #expect(edit.event.id == "1")
        #expect(try Support.read(URL(fileURLWithPath: path)) == "id,date,title,tags,score,source\n1,2023-06-19,Blinken meets Xi,diplomacy,,\n")
    }

    @Test func aFailedFirstAddLeavesNoFile() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.csv").path
        #expect(throws: MarketLinkError.self) {
            try EventLogFile.update(path: path, newFileColumns: ["date", "title"]) { log throws(MarketLinkError) in
                try log.adding(EventDraft(date: "2023-06-19", title: "x", score: "1"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func editOrRemoveOfAMissingFileIsAnError() throws {
        do throws(MarketLinkError) {
            try EventLogFile.update(path: "/nonexistent/events.csv") { log throws(MarketLinkError) in try log.removing(id: "1") }
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/events.csv: error: no such file")
            #expect(error.kind == .data)
        }
    }

    @Test func anUnchangedFileIsNotRewritten() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        try Support.write("id,date,title\n1,2023-06-06,a\n", to: url)
        let before = try inode(url.path)
        try EventLogFile.update(path: url.path) { log throws(MarketLinkError) in try log.editing(id: "1", EventChanges(title: "a")) }
        #expect(try inode(url.path) == before)
        try EventLogFile.update(path: url.path) { log throws(MarketLinkError) in try log.editing(id: "1", EventChanges(title: "b")) }
        #expect(try inode(url.path) != before)
        #expect(try Support.read(url) == "id,date,title\n1,2023-06-06,b\n")
    }

    // MARK: Appending in place

    /// `add` writes only the new row at the end of the file: same inode (no temporary file, no
    /// rename), mode kept, every old byte as it was, and a last row without a line ending first
    /// given the file's own (CRLF).
    @Test func addAppendsInPlace() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        let original = "id,date,title\r\n7,2023-06-06,\"Quoted, title\""
        try Support.write(original, to: url)
        chmod(url.path, 0o640)
        let before = try inode(url.path)
        let edit = try EventLogFile.add(EventDraft(date: "2023-06-19", title: "second"), to: url.path)
        #expect(edit.event.id == "8")
        #expect(edit.event.line == 3)
        #expect(try inode(url.path) == before)
        #expect(try Support.read(url) == original + "\r\n8,2023-06-19,second")
        var info = stat()
        #expect(stat(url.path, &info) == 0 && info.st_mode & 0o777 == 0o640)
        #expect(try EventLog.load(path: url.path).events.map(\.id) == ["7", "8"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// A reader never sees an append half-way: `EventLog.load` takes a shared lock, so while a
    /// writer holds the exclusive one (as `add` does while it appends in place) the reader waits,
    /// gives up with a clear error when told to wait only briefly, and otherwise reads the file
    /// with the whole new row once the writer lets go.
    @Test func aReaderWaitsForAnAppendHoldingTheLock() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        try Support.write("id,date,title\n1,2023-06-06,first\n", to: url)
        let writer = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        try #require(writer >= 0)
        try #require(flock(writer, LOCK_EX) == 0)
        do throws(MarketLinkError) {
            _ = try EventLog.load(path: url.path, lock: LockWaiting(noticeAfter: .milliseconds(10), giveUpAfter: .milliseconds(60)))
            Issue.record("read while the exclusive lock was held")
        } catch {
            #expect(error.description.hasPrefix("\(url.path): error: gave up after waiting"), "\(error.description)")
        }
        // The writer appends its row in two writes, 50 ms apart, then lets go.
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = "2,2023-06-07,".withCString { write(writer, $0, strlen($0)) }
            usleep(50_000)
            _ = "second\n".withCString { write(writer, $0, strlen($0)) }
            flock(writer, LOCK_UN)
            close(writer)
            released.signal()
        }
        let log = try EventLog.load(path: url.path)
        released.wait()
        #expect(log.events.map(\.title) == ["first", "second"])
    }

    /// A row another writer appends after `add` read the file but before it took the lock is kept:
    /// `add` sees the file changed, reads it again and gives its own row the next id after it.
    @Test func aRowAddedBetweenReadingAndLockingIsKept() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        try Support.write("id,date,title\n1,2023-06-06,first\n", to: url)
        var options = EventLogFile.Options()
        options.afterReading = { path in
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.seekToEndOfFile()
            handle.write(Data("2,2023-06-07,meanwhile\n".utf8))
            handle.closeFile()
        }
        let edit = try EventLogFile.add(EventDraft(date: "2023-06-19", title: "mine"), to: url.path, options: options)
        #expect(edit.event.id == "3")
        #expect(try Support.read(url) == "id,date,title\n1,2023-06-06,first\n2,2023-06-07,meanwhile\n3,2023-06-19,mine\n")
    }

    /// An append that cannot be written whole is cut back: the child process may grow the file by
    /// one byte only (`RLIMIT_FSIZE`), so the write of the row fails after its first byte; the file
    /// is left exactly as it was and the add fails.
    @Test func aFailedAppendLeavesTheFileAsItWas() async throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        let original = "id,date,title\n1,2023-06-06,first\n"
        try Support.write(original, to: url)
        let path = url.path
        let size = original.utf8.count
        await #expect(processExitsWith: .exitCode(1)) { [path = path as String, size = size as Int] in
            signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit(rlim_cur: rlim_t(size + 1), rlim_max: rlim_t(size + 1))
            _ = setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
            do throws(MarketLinkError) {
                try EventLogFile.add(EventDraft(date: "2023-06-19", title: "never written"), to: path)
            } catch {
                exit(error.description.contains("cannot write") ? 1 : 2)
            }
        }
        #expect(try Support.read(url) == original)
    }

    @Test func permissionsAndSymbolicLinksAreKept() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        let link = folder.appendingPathComponent("link.csv")
        try Support.write("id,date,title\n", to: url)
        chmod(url.path, 0o640)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: url.path)
        try EventLogFile.update(path: link.path) { log throws(MarketLinkError) in try log.adding(EventDraft(date: "2023-06-06", title: "a")) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == url.path)
        #expect(try Support.read(url) == "id,date,title\n1,2023-06-06,a\n")
        var info = stat()
        #expect(stat(url.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["events.csv", "link.csv"])
    }

    // MARK: Across processes

    /// Two processes, each running `mlink events add` 100 times, at the same time: every add must
    /// see the other's rows (the lock, and reading under it), so all 200 events are there with
    /// 200 distinct ids 1...200.
    @Test func twoProcessesAddingAtOnceLoseNothing() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        try Support.write("id,date,title,tags\r\n", to: url)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for k in 0..<100 {
                do {
                    let outcome = try Support.run([
                        "events", "add", url.path, "--date", "2023-06-19", "--title", "writer \(writer) event \(k)", "--tag", "w\(writer)",
                    ])
                    if outcome.status != 0 { failures.add("writer \(writer) event \(k): \(outcome.status) \(outcome.stderr)") }
                } catch {
                    failures.add("writer \(writer) event \(k): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let log = try EventLog.load(path: url.path)
        #expect(log.events.count == 200)
        #expect(Set(log.events.map(\.id)) == Set((1...200).map(String.init)))
        let titles = Set(log.events.map(\.title))
        for writer in 0..<2 {
            for k in 0..<100 { #expect(titles.contains("writer \(writer) event \(k)")) }
        }
        // Every row kept the file's CRLF line ending.
        let text = try Support.read(url)
        #expect(text.components(separatedBy: "\r\n").count == 202)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    /// A writer killed between writing its temporary file and renaming it leaves the events file
    /// exactly as it was. An exit test runs the edit in a child process, whose
    /// `beforeReplacing` hook (called with the whole new file written and synced, just before the
    /// rename) sends the process SIGKILL; the parent checks what is on disk.
    @Test func aWriterKilledMidWriteLeavesTheFileIntact() async throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        let original = "id,date,title\r\n1,2023-06-06,\"Quoted, title\"\r\n"
        try Support.write(original, to: url)
        let path = url.path

        await #expect(processExitsWith: .signal(SIGKILL)) { [path = path as String] in
            var options = EventLogFile.Options()
            options.beforeReplacing = { _ in kill(getpid(), SIGKILL) }
            try EventLogFile.update(path: path, options: options) { log throws(MarketLinkError) in
                try log.adding(EventDraft(date: "2023-06-19", title: "never written"))
            }
        }

        #expect(try Support.read(url) == original)
        // The killed writer had written its whole new file, which never replaced the original.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.count == 1)
        if let leftover = leftovers.first {
            #expect(leftover.hasPrefix(".events.csv."))
            #expect(try Support.read(folder.appendingPathComponent(leftover)) == original + "2,2023-06-19,never written\r\n")
        }
        // The lock died with the writer: the next add goes through.
        let next = try Support.run(["events", "add", url.path, "--date", "2023-06-20", "--title", "after"])
        #expect(next.status == 0)
        #expect(try Support.read(url) == original + "2,2023-06-20,after\r\n")
    }

    // MARK: Helpers

    func inode(_ path: String) throws -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(info.st_ino)
    }
}
