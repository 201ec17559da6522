import Foundation

/// Runs `mlink` and measures that one run: its wall time and its peak memory.
///
/// `mlink` is started by a small Python parent (`python3`, on every build machine) that forks it,
/// reaps it with `os.wait4` and prints that one child's `ru_maxrss` (its peak resident set size, in
/// KiB on Linux) and wall time. Not `wait4` from the test process itself: Linux records the
/// resident size of the address space a process replaces at `exec` as part of its peak, and a
/// child spawned from the test process replaces a copy of the test process (100 MB and more once
/// many suites have run), so its `ru_maxrss` would be the test process's size, not mlink's. Not
/// `getrusage(RUSAGE_CHILDREN)`, which gives the largest of every child reaped (other tests run
/// `mlink` in parallel), and not `/usr/bin/time`, which a clean machine may lack.
enum MeasuredRun {
    struct Outcome {
        var status: Int32
        var stderr: String
        var seconds: Double
        /// Peak resident set size of the child, in KiB.
        var peakKiB: Int
    }

    struct NoReport: Error, CustomStringConvertible {
        var status: Int32
        var description: String { "the measuring parent (python3) gave no report (wait status \(status))" }
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
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let script = """
            import os, sys, time
            start = time.monotonic()
            pid = os.fork()
            if pid == 0:
                os.dup2(os.open("/dev/null", os.O_WRONLY), 1)
                os.execv(sys.argv[1], sys.argv[1:])
            _, status, usage = os.wait4(pid, 0)
            code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
            print(code, time.monotonic() - start, usage.ru_maxrss)
            """
        let reportPath = scratch.appendingPathComponent("report").path
        posix_spawn_file_actions_addopen(&actions, 1, reportPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = (["python3", "-c", script, executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }

        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "python3", &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnFailed(code: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let report = ((try? String(contentsOfFile: reportPath, encoding: .utf8)) ?? "").split(separator: " ")
        guard report.count == 3, let exitStatus = Int32(report[0]), let seconds = Double(report[1]),
            let peak = Int(report[2].trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw NoReport(status: status) }
        return Outcome(
            status: exitStatus,
            stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "",
            seconds: seconds,
            peakKiB: peak)
    }
}
