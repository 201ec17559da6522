import Foundation

/// Runs another program (a shell, groff, mandoc, man) found on the PATH, with a time limit,
/// capturing its output: for the tests of what `mlink` hands to other programs.
enum Program {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the time limit ended it.
        var timedOut: Bool
    }

    /// The path of an executable on the PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether an executable is on the PATH.
    static func installed(_ name: String) -> Bool {
        find(name) != nil
    }

    struct NotInstalled: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not on the PATH" }
    }

    /// Runs `name arguments...` in `directory`, with `environment` added to this process's,
    /// and ends it after `timeout` seconds.
    static func run(
        _ name: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], timeout: Double = 20
    ) throws -> Result {
        guard let executable = find(name) else { throw NotInstalled(name: name) }
        let scratch = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? CLI.packageRoot
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            process.terminate()
            finished.wait()
        }
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
    }
}
