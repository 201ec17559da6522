import Foundation

/// Runs `mlink` and measures that one run: its wall time and its peak memory.
///
/// The child is started with `posix_spawn` and reaped with `wait4`, which returns the resource use
/// of exactly that child (`ru_maxrss`: its peak resident set size, in KiB on Linux). Not
/// `getrusage(RUSAGE_CHILDREN)`, which gives the largest of every child the test process has reaped
/// (other tests run `mlink` in parallel), and not `/usr/bin/time`, which a clean machine may lack.
enum MeasuredRun {
    struct Outcome {
        var status: Int32
        var stderr: String
        var seconds: Double
        /// Peak resident set size of the child, in KiB.
        var peakKiB: Int
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "posix_spawn failed: \(String(cString: strerror(code)))" }
    }

    /// Runs `mlink arguments...` with standard input and output on `/dev/null` and standard error
    /// kept. Paths in `arguments` should be absolute (the child runs in this process's folder).
    static func run(_ arguments: [String]) throws -> Outcome {
        let executable = try CLI.executable().path
        let scratch = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errorPath = scratch.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }

        let clock = ContinuousClock()
        let start = clock.now
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnFailed(code: spawned) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let elapsed = clock.now - start
        let (whole, fraction) = elapsed.components
        // WIFEXITED / WEXITSTATUS; a signal shows as 128 + its number, as in a shell.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(
            status: exitStatus,
            stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "",
            seconds: Double(whole) + Double(fraction) / 1e18,
            peakKiB: Int(usage.ru_maxrss))
    }
}
