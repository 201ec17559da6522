import Foundation

// MARK: - Atomic writes

/// Writes files so that a reader sees either the old content or the new, never half of it:
/// the bytes go to a temporary file in the same directory, are flushed, and the temporary file is
/// renamed over the target.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically. Refuses a path that is one of `inputs` (same file, by
    /// device and inode when it exists, else by resolved path).
    public static func write(_ bytes: [UInt8], to path: String, refusing inputs: [String] = []) throws(MarketLinkError) {
        let writer = try Writer(path: path, refusing: inputs)
        try writer.write(bytes)
        try writer.commit()
    }

    public static func write(_ text: String, to path: String, refusing inputs: [String] = []) throws(MarketLinkError) {
        try write(Array(text.utf8), to: path, refusing: inputs)
    }

    /// Throws when `path` names the same file as one of `inputs`.
    public static func refuseInput(_ path: String, inputs: [String]) throws(MarketLinkError) {
        for input in inputs where sameFile(path, input) {
            throw MarketLinkError(
                "refusing to write over the input file \(quoted(input, limit: 1024)); choose another output path",
                at: SourceLocation(file: path))
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var statA = stat()
        var statB = stat()
        if stat(a, &statA) == 0, stat(b, &statB) == 0 {
            return statA.st_dev == statB.st_dev && statA.st_ino == statB.st_ino
        }
        let resolvedA = URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
        let resolvedB = URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
        return resolvedA == resolvedB
    }

    static func existingMode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}

// MARK: - Streaming

extension AtomicFile {
    /// A file written in pieces and put in place only by `commit()`: until then the target path
    /// keeps its old content (or does not exist), and `abort()` or an error removes the temporary file.
    public final class Writer {
        public let path: String
        private let temporary: String
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private let durable: Bool

        /// `durable: false` skips the `fsync` before the rename: the file still appears whole or not at
        /// all if the process dies, but a power cut may lose it. Right for large derived reports that
        /// can be made again; event logs, which hold the user's own data, are always synced.
        public init(path: String, refusing inputs: [String] = [], durable: Bool = true) throws(MarketLinkError) {
            self.durable = durable
            try AtomicFile.refuseInput(path, inputs: inputs)
            let directory = (path as NSString).deletingLastPathComponent
            let folder = directory.isEmpty ? "." : directory
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                let what = FileManager.default.fileExists(atPath: folder) ? "is a file, not a folder" : "does not exist"
                throw MarketLinkError("cannot write: the folder \(quoted(folder, limit: 1024)) \(what)", at: SourceLocation(file: path))
            }
            self.path = path
            let name = (path as NSString).lastPathComponent
            temporary = (folder as NSString).appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard descriptor >= 0 else {
                throw MarketLinkError(
                    "cannot write into \(quoted(folder, limit: 1024)): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
            }
        }

        deinit {
            if descriptor >= 0 {
                close(descriptor)
                unlink(temporary)
            }
        }

        /// Appends bytes (buffered; large pieces go straight through).
        public func write(_ bytes: [UInt8]) throws(MarketLinkError) {
            if buffer.count + bytes.count < 1 << 20 {
                buffer.append(contentsOf: bytes)
                return
            }
            try flush()
            try writeAll(bytes)
        }

        private func flush() throws(MarketLinkError) {
            guard !buffer.isEmpty else { return }
            try writeAll(buffer)
            buffer.removeAll(keepingCapacity: true)
        }

        private func writeAll(_ bytes: [UInt8]) throws(MarketLinkError) {
            var failure: Int32 = 0
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count, let base = raw.baseAddress {
                    let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += written
                }
            }
            if failure != 0 {
                abort()
                throw MarketLinkError("cannot write: \(String(cString: strerror(failure)))", at: SourceLocation(file: path))
            }
        }

        /// Flushes, syncs and renames the temporary file over the target.
        public func commit() throws(MarketLinkError) {
            try flush()
            if let mode = AtomicFile.existingMode(path) { fchmod(descriptor, mode) }
            var failure: Int32 = 0
            if durable, fsync(descriptor) != 0 { failure = errno }
            close(descriptor)
            descriptor = -1
            if failure == 0, rename(temporary, path) != 0 { failure = errno }
            if failure != 0 {
                unlink(temporary)
                throw MarketLinkError("cannot write: \(String(cString: strerror(failure)))", at: SourceLocation(file: path))
            }
        }

        /// Removes the temporary file; the target is untouched.
        public func abort() {
            if descriptor >= 0 {
                close(descriptor)
                descriptor = -1
            }
            unlink(temporary)
        }
    }
}
