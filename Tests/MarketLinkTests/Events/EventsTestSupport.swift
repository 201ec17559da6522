import Foundation
import Testing

@testable import MarketLink

/// Helpers shared by the events tests: fixtures, a scratch folder, and running the built `mlink`.
enum EventsTestSupport {
    /// The package root (this file is Tests/MarketLinkTests/Events/EventsTestSupport.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("fixtures").appendingPathComponent(name).path
    }

    /// A new empty folder under the system's temporary directory.
    static func scratchFolder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("marketlink-events-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    static func log(_ text: String, file: String = "events.csv") throws -> EventLog {
        try EventLog(bytes: Array(text.utf8), file: file)
    }

    /// The error loading `text` gives, or nil when it loads.
    static func loadError(_ text: String, file: String = "events.csv") -> MarketLinkError? {
        loadError(Array(text.utf8), file: file)
    }

    static func loadError(_ bytes: [UInt8], file: String = "events.csv") -> MarketLinkError? {
        do throws(MarketLinkError) {
            _ = try EventLog(bytes: bytes, file: file)
            return nil
        } catch {
            return error
        }
    }

    static func text(_ log: EventLog) -> String {
        String(decoding: log.contents, as: UTF8.self)
    }

    // MARK: The mlink binary

    /// The `mlink` built beside the test bundle (the test target depends on it).
    static func mlinkPath() throws -> String {
        var folders: [URL] = []
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for folder in folders {
            var candidate = folder
            // Inside a macOS .xctest bundle the executable sits in Contents/MacOS.
            for _ in 0..<4 {
                let path = candidate.appendingPathComponent("mlink").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
                candidate = candidate.deletingLastPathComponent()
            }
        }
        throw MLinkNotFound()
    }

    struct MLinkNotFound: Error, CustomStringConvertible {
        var description: String { "the built mlink binary was not found beside the test bundle" }
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `mlink` with `arguments` and waits for it.
    static func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try mlinkPath())
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
