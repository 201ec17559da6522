import Foundation

// MARK: - Price file

/// A loaded price file: its series and everything that was decided or dropped on the way.
public struct PriceFile: Sendable {
    /// The path (or name) the file was read from, as given.
    public var path: String
    /// The layout recognised from the header and the date form.
    public var layout: PriceLayout
    /// `,`, `;` or `tab`.
    public var delimiter: String
    /// Line of the header row.
    public var headerLine: Int
    /// The header of the column read as dates (`Date`, `observation_date`, `日期`, ...).
    public var dateColumn: String
    /// The column(s) read as closes: one, or one per series in a wide file.
    public var closeColumns: [String]
    /// The column that names each row's series in a panel file; `nil` for other files.
    public var symbolColumn: String?
    /// How the date column was read: the form seen and, for numeric dates, the day/month order and why.
    public var dateReading: String
    /// True when the file listed its newest rows first (the series are sorted oldest first).
    public var newestFirst: Bool
    /// True when numbers were read with `,` as the decimal mark (`;`-delimited files).
    public var decimalComma: Bool
    /// The series read, in file order: one for most files, one per symbol or value column for
    /// panels and wide files.
    public var series: [Series]
    /// Every row that was read but is not a session, with its line and why; empty when none was.
    public var dropped: [DroppedRow]
    /// Other guesses worth showing (where the name came from, skipped preamble lines, ...).
    public var notes: [String]
    /// The adjusted-close column (`Adj Close`) the file also has when its plain close was taken
    /// instead; nil when there is none or when it was taken.
    public var unusedAdjustedClose: String? = nil

    /// Reads a price file from disk through `InputFile` (its kind and size checked before anything
    /// is allocated, its first bytes checked as text), block by block: memory holds the series
    /// and a few blocks, never the whole file. Throws a located `MarketLinkError` for anything it
    /// cannot read.
    public static func load(path: String, options: PriceLoadOptions = .init()) throws(MarketLinkError) -> PriceFile {
        try PriceFileReader(file: path, options: options).read(path: path)
    }

    /// Reads price-file bytes; `file` is the name used in messages and for the default series name.
    public static func load(bytes: [UInt8], file: String, options: PriceLoadOptions = .init()) throws(MarketLinkError) -> PriceFile {
        try load(bytes: bytes, file: file, options: options, reader: PriceFileReader(file: file, options: options))
    }

    /// Reads bytes with a given reader (its block size and threads).
    static func load(bytes: [UInt8], file: String, options: PriceLoadOptions, reader: PriceFileReader) throws(MarketLinkError) -> PriceFile {
        let result: Result<PriceFile, MarketLinkError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(MarketLinkError) {
                if let intraday = try IntradayReader.readIfIntraday(buffer, file: file, options: options) { return .success(intraday) }
                return .success(try reader.read(bytes: buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
