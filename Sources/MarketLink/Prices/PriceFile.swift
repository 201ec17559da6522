import Foundation

// MARK: - Price file

/// A loaded price file: its series and everything that was decided or dropped on the way.
public struct PriceFile: Sendable {
    public var path: String
    public var layout: PriceLayout
    /// `,`, `;` or `tab`.
    public var delimiter: String
    /// Line of the header row.
    public var headerLine: Int
    public var dateColumn: String
    /// The column(s) read as closes: one, or one per series in a wide file.
    public var closeColumns: [String]
    public var symbolColumn: String?
    /// How the date column was read: the form seen and, for numeric dates, the day/month order and why.
    public var dateReading: String
    public var newestFirst: Bool
    public var decimalComma: Bool
    public var series: [Series]
    public var dropped: [DroppedRow]
    /// Other guesses worth showing (where the name came from, skipped preamble lines, ...).
    public var notes: [String]

    /// Reads a price file from disk. Throws a located `MarketLinkError` for anything it cannot read.
    public static func load(path: String, options: PriceLoadOptions = .init()) throws(MarketLinkError) -> PriceFile {
        let bytes = try readFile(path)
        return try load(bytes: bytes, file: path, options: options)
    }

    /// Reads price-file bytes; `file` is the name used in messages and for the default series name.
    public static func load(bytes: [UInt8], file: String, options: PriceLoadOptions = .init()) throws(MarketLinkError) -> PriceFile {
        let result: Result<PriceFile, MarketLinkError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(MarketLinkError) {
                let reader = PriceFileReader(bytes: buffer, file: file, options: options)
                return .success(try reader.read())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The whole file as bytes, or a clear error. Read with POSIX calls straight into one buffer
    /// (no intermediate `Data` copy: a 120 MB file costs 120 MB, not 240).
    public static func readFile(_ path: String) throws(MarketLinkError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : "cannot open the file: \(String(cString: strerror(errno)))"
            throw MarketLinkError(reason, at: SourceLocation(file: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw MarketLinkError("cannot read the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw MarketLinkError("is a directory, not a file", at: SourceLocation(file: path))
        }
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size), 0) + 1
        var failure: Int32 = 0
        while failure == 0 {
            // Read into the spare capacity until the end of the file or until it is full (the file grew).
            var filled = bytes.count
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                previous.withUnsafeBufferPointer { old in
                    if let source = old.baseAddress { base.update(from: source, count: old.count) }
                }
                while filled < capacity {
                    let n = read(descriptor, base + filled, capacity - filled)
                    if n < 0, errno == EINTR { continue }
                    if n < 0 { failure = errno }
                    if n <= 0 { break }
                    filled += n
                }
                count = filled
            }
            if filled < capacity { break }
            capacity *= 2
        }
        if failure != 0 {
            throw MarketLinkError("cannot read the file: \(String(cString: strerror(failure)))", at: SourceLocation(file: path))
        }
        return bytes
    }
}
