import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs `mlink` with its standard output on a pseudo-terminal, as when a person types the
/// command: `isatty(1)` is true in the child, and what it writes there is read back from the
/// terminal's other side. Standard error goes to the same terminal, or to a file to be read apart.
enum PseudoTerminal {
    struct Result: Sendable {
        var status: Int32
        /// Everything written to the terminal, with the terminal's "\r\n" read as "\n".
        var terminal: String
        /// Standard error, when it was kept apart from the terminal.
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String], stderrOnTerminal: Bool = false, environment: [String: String] = ["NO_COLOR": "1"]) throws -> Result {
        let functions = try Functions.load()
        let primary = functions.open(O_RDWR | O_NOCTTY)
        guard primary >= 0, functions.grant(primary) == 0, functions.unlock(primary) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal (errno \(errno))")
        }
        defer { close(primary) }
        var name = [CChar](repeating: 0, count: 256)
        guard functions.name(primary, &name, name.count) == 0 else { throw Failure(description: "no name for the pseudo-terminal") }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let secondary = FileHandle(forUpdatingAtPath: path) else { throw Failure(description: "cannot open \(path)") }

        let scratch = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: errURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = try CLI.executable()
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = secondary
        process.standardError = stderrOnTerminal ? secondary : err

        // Read the terminal while the child writes (its buffer holds a few kilobytes only),
        // until every copy of the other side is closed.
        let reader = TerminalReader(descriptor: primary)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            reader.readToEnd()
            done.signal()
        }
        try process.run()
        try secondary.close()
        process.waitUntilExit()
        done.wait()
        try err.close()
        let text = String(decoding: reader.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return Result(status: process.terminationStatus, terminal: text, stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The C library's pseudo-terminal functions (posix_openpt, grantpt, unlockpt, ptsname_r),
    /// looked up at run time: Swift's Glibc module does not declare them.
    struct Functions {
        let open: @convention(c) (Int32) -> Int32
        let grant: @convention(c) (Int32) -> Int32
        let unlock: @convention(c) (Int32) -> Int32
        let name: @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32

        static func load() throws -> Functions {
            func symbol<T>(_ name: String, as type: T.Type) throws -> T {
                guard let handle = dlopen(nil, RTLD_NOW), let pointer = dlsym(handle, name) else {
                    throw Failure(description: "the C library has no \(name)")
                }
                return unsafeBitCast(pointer, to: type)
            }
            return Functions(
                open: try symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
                grant: try symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self),
                unlock: try symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
                name: try symbol("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self))
        }
    }

    /// Reads a descriptor until end of file or an error (EIO, once the other side is closed).
    final class TerminalReader: @unchecked Sendable {
        let descriptor: Int32
        private(set) var bytes: [UInt8] = []

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        func readToEnd() {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    bytes += buffer[0..<count]
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
