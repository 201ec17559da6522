import Foundation

// MARK: - Checked reads and writes on a file descriptor

/// The one read loop and the one write loop of MarketLink. Every read and write of a file, a
/// device, a pipe or standard output goes through these two functions, which retry what POSIX
/// says to retry (`EINTR`, short counts, `EAGAIN` on a non-blocking descriptor) and report
/// everything else as the `errno` of the failed call, for the caller to turn into a message.
enum Descriptor {
    /// Writes all of `bytes`. Returns 0, or the `errno` of the write that failed (`EPIPE` when
    /// the reader of a pipe has gone, `ENOSPC` on a full disk or `/dev/full`, ...).
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written > 0 {
                offset += written
                continue
            }
            let code = written < 0 ? errno : EIO
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                waitUntilWritable(descriptor)
                continue
            }
            return code
        }
        return 0
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// Reads up to `count` bytes into `base`: the number read (0 at the end of the input), or the
    /// `errno` of the failed read.
    static func read(_ descriptor: Int32, into base: UnsafeMutableRawPointer, count: Int) -> Result<Int, Errno> {
        while true {
            let n = Foundation.read(descriptor, base, count)
            if n >= 0 { return .success(n) }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, -1)
                continue
            }
            return .failure(Errno(code))
        }
    }

    /// Blocks until a non-blocking descriptor (a terminal or pipe its parent made non-blocking)
    /// can take more bytes.
    private static func waitUntilWritable(_ descriptor: Int32) {
        var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&poller, 1, -1)
    }

    /// The system's text for an `errno` value: "No space left on device".
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// An `errno` value, as a type a `Result` can carry.
struct Errno: Error, Equatable {
    var code: Int32
    init(_ code: Int32) { self.code = code }
    var reason: String { Descriptor.reason(code) }
}
