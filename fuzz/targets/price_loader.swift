import Foundation

@testable import MarketLink

// Fuzz target: PriceFile.load(bytes:file:) — the price loader behind every command.
//
// Invariants, for any bytes:
// - either a PriceFile or a located data error (see `checkError`), never a trap or a hang;
// - every series has sessions, dates strictly increasing and real (years 1...9999), and closes
//   that are finite and above 0 (percent changes divide by them);
// - the header line and every dropped row's line are lines of the input, dropped rows in order;
// - what `inspect` prints (text and JSON) can be made from the result;
// - where the file cannot tell its day/month order, each order either loads or fails the same way.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let bytes = Array(input)
    let file = "fuzz.csv"
    do {
        check(try PriceFile.load(bytes: bytes, file: file), input: input)
    } catch {
        checkError(error, file: file, bytes: input, expectedKind: .data)
        if case .ambiguousDateOrder = error.reason {
            for order in DateOrder.allCases {
                do {
                    check(try PriceFile.load(bytes: bytes, file: file, options: PriceLoadOptions(dateOrder: order)), input: input)
                } catch {
                    checkError(error, file: file, bytes: input, expectedKind: .data)
                }
            }
        }
    }
    return 0
}

func check(_ loaded: PriceFile, input: UnsafeBufferPointer<UInt8>) {
    let lines = physicalLines(input)
    require(loaded.headerLine >= 1 && loaded.headerLine <= lines, "header line \(loaded.headerLine)")
    require(!loaded.closeColumns.isEmpty, "no close column")
    var previousLine = 0
    for row in loaded.dropped {
        require(row.line > loaded.headerLine && row.line <= lines, "dropped row on line \(row.line)")
        require(row.line >= previousLine, "dropped rows out of order")
        require(!row.reason.isEmpty, "dropped row without a reason")
        previousLine = row.line
    }
    for series in loaded.series {
        require(!series.isEmpty, "empty series \(series.name)")
        require(series.dayOrdinals.count == series.closes.count, "days and closes differ in length")
        for k in 0..<series.count {
            let (year, _, _) = series.day(at: k).components
            require((1...9999).contains(year), "year \(year)")
            if k > 0 { require(series.dayOrdinals[k - 1] < series.dayOrdinals[k], "days not strictly increasing in \(series.name)") }
            let close = series.closes[k]
            require(close.isFinite && close > 0, "close \(close) in \(series.name)")
        }
        require((0...10).contains(series.decimals), "decimals \(series.decimals)")
    }
    _ = loaded.reportText()
    _ = loaded.reportJSON().serialized()
}
