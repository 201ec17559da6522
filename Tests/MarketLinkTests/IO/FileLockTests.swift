import Foundation
import Testing

@testable import MarketLink

/// Waiting for an events file's lock: told once after `noticeAfter`, given up after `giveUpAfter`.
/// The test holds the lock through its own open file description (flock locks of two
/// descriptions conflict, even in one process). Through the CLI: `Hardening/IOHardeningTests`.
@Suite struct FileLockTests {
    @Test func aHeldLockIsReportedOnceAndGivenUpAfterTheBound() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = "id,date,title\n1,2023-06-06,first\n"
        let path = try CLI.write(original, named: "events.csv", in: folder)
        let holder = open(path, O_RDONLY | O_CLOEXEC)
        try #require(holder >= 0)
        defer { close(holder) }
        try #require(flock(holder, LOCK_EX) == 0)

        let notices = Failures()
        let options = EventLogFile.Options(
            lock: LockWaiting(noticeAfter: .milliseconds(50), giveUpAfter: .milliseconds(300)), onWaitingForLock: { notices.add($0) })
        let clock = ContinuousClock()
        let started = clock.now
        do throws(MarketLinkError) {
            try EventLogFile.update(path: path, options: options) { log throws(MarketLinkError) in
                try log.adding(EventDraft(date: "2023-06-08", title: "never written"))
            }
            Issue.record("the update went through a held lock")
        } catch {
            #expect(
                error.description
                    == "\(path): error: gave up after waiting 0.3 s for the lock on the file: another process (another mlink edit, or a program holding flock on it) still holds it; try again when it has finished"
            )
        }
        let waited = clock.now - started
        #expect(waited >= .milliseconds(300))
        #expect(waited < .seconds(2))
        #expect(notices.all == [path])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
    }

    @Test func aFreeLockIsTakenWithoutANotice() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try CLI.write("id,date,title\n", named: "events.csv", in: folder)
        let notices = Failures()
        let options = EventLogFile.Options(onWaitingForLock: { notices.add($0) })
        try EventLogFile.update(path: path, options: options) { log throws(MarketLinkError) in try log.adding(EventDraft(date: "2023-06-08", title: "a")) }
        #expect(notices.all.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id,date,title\n1,2023-06-08,a\n")
    }
}
