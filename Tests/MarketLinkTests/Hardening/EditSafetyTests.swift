import Foundation
import Testing

@testable import MarketLink

/// Edits never lose data (issue 7, item 4). `Events/EventLogFileTests` shows two processes adding
/// 100 events each at once keep all 200, and an `add` killed between writing its temporary file
/// and renaming it leaves the file intact. These extend both to the other edits, which share the
/// same locked read–change–rename (`EventLogFile.update`):
/// - an `edit` running against concurrent `add`s neither loses an added row nor an edit;
/// - an `edit` or `remove` killed mid-write leaves the original bytes (an exit test: the child
///   process stops itself through `EventLogFile.Options`' hook, injected by the test, not read
///   from the environment).
@Suite struct EditSafetyTests {
    typealias Support = EventsTestSupport

    @Test func editsAndAddsAtOnceLoseNothing() throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        try Support.write("id,date,title,tags\n1,2023-06-06,first,\n", to: url)
        let failures = Failures()
        let count = 60
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for k in 0..<count {
                let arguments =
                    worker == 0
                    ? ["events", "add", url.path, "--date", "2023-06-19", "--title", "added \(k)"]
                    : ["events", "edit", url.path, "1", "--title", "edited \(k)", "--tag", "t\(k)"]
                do {
                    let outcome = try Support.run(arguments)
                    if outcome.status != 0 { failures.add("\(arguments): \(outcome.status) \(outcome.stderr)") }
                } catch {
                    failures.add("\(arguments): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let log = try EventLog.load(path: url.path)
        #expect(log.events.count == count + 1)
        #expect(Set(log.events.map(\.id)) == Set((1...(count + 1)).map(String.init)))
        #expect(Set(log.events.dropFirst().map(\.title)) == Set((0..<count).map { "added \($0)" }))
        let first = try #require(log.event(id: "1"))
        #expect(first.title == "edited \(count - 1)")
        #expect(first.tags == ["t\(count - 1)"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["events.csv"])
    }

    /// The edits an exit test can run in its child process (captured values must be `Codable`).
    enum KilledEdit: String, Codable, Sendable, CaseIterable {
        case edit, remove

        func apply(to log: EventLog) throws(MarketLinkError) -> EventLogEdit {
            switch self {
            case .edit: try log.editing(id: "1", EventChanges(title: "never written"))
            case .remove: try log.removing(id: "2")
            }
        }

        var command: [String] {
            switch self {
            case .edit: ["edit", "1", "--title", "never written"]
            case .remove: ["remove", "2"]
            }
        }
    }

    /// An edit or a removal killed (SIGKILL, in an exit test's child process) when its new file is
    /// written and synced, just before the rename, leaves the original bytes.
    @Test(arguments: KilledEdit.allCases)
    func aKilledEditLeavesTheFileIntact(_ edit: KilledEdit) async throws {
        let folder = try Support.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.csv")
        let original = "\u{FEFF}id,date,title,note\r\n1,2023-06-06,\"Quoted, title\",kept\r\n2,2023-06-07,second,\r\n"
        try Support.write(original, to: url)
        let path = url.path

        await #expect(processExitsWith: .signal(SIGKILL)) { [path = path as String, edit = edit as KilledEdit] in
            var options = EventLogFile.Options()
            options.beforeReplacing = { _ in kill(getpid(), SIGKILL) }
            try EventLogFile.update(path: path, options: options) { log throws(MarketLinkError) in try edit.apply(to: log) }
        }

        #expect(try Support.read(url) == original)
        // The lock died with the writer: the same edit now goes through.
        let again = try Support.run(["events", edit.command[0], url.path] + edit.command.dropFirst())
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Support.read(url) != original)
    }
}
