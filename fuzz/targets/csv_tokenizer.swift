import Foundation

@testable import MarketLink

// Fuzz target: CSVTokenizer (and CSVWriter, by round trip).
//
// Invariants, for any bytes:
// - the sniffed delimiter is `,`, `;` or tab;
// - rows come out in order: each starts on a later line and a later byte than the one before;
// - fields lie inside the input, in order, inside their row; an unquoted field holds no delimiter,
//   quote or line break; a quoted field's quotes are all doubled, and `hasEscapes` says so;
// - an error is located on a line and column of the input (see `checkError`);
// - text without a quote character gives the same rows through `nextUnquotedRow` (the fast path);
// - the cells, written back with `CSVWriter.appendEscaped` and read again, are the same cells.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let delimiter = CSVDialect.sniffDelimiter(input)
    require(delimiter == 44 || delimiter == 59 || delimiter == 9, "sniffed delimiter \(delimiter)")
    let file = "fuzz.csv"
    guard let (rows, ranges) = tokenize(input, delimiter: delimiter, file: file) else { return 0 }

    // The fast path agrees where it applies.
    if !input.contains(34) {
        var tokenizer = CSVTokenizer(bytes: input, delimiter: delimiter, file: file)
        // Room for every field a row of this input could have (at most one more than its bytes).
        let scratch = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: size + 1)
        defer { scratch.deallocate() }
        var fast: [[Range<Int>]] = []
        while let count = tokenizer.nextUnquotedRow(into: scratch) {
            require(count <= size + 1, "nextUnquotedRow counted \(count) fields in \(size) bytes")
            fast.append(scratch[..<count].map { $0.start..<$0.end })
        }
        require(fast == ranges, "nextUnquotedRow and nextRow disagree")
    }

    // Round trip through the writer.
    var written: [UInt8] = []
    for row in rows {
        if row.count == 1, row[0].isEmpty {
            written += [34, 34]  // one empty cell: an empty line would be skipped as blank
        } else {
            for (k, cell) in row.enumerated() {
                if k > 0 { written.append(44) }
                CSVWriter.appendEscaped(cell, to: &written)
            }
        }
        written.append(10)
    }
    written.withUnsafeBufferPointer { buffer in
        guard let (again, _) = tokenize(buffer, delimiter: 44, file: "written.csv") else {
            require(false, "the writer's output does not tokenize")
            return
        }
        require(again == rows, "round trip changed the cells: \(rows.prefix(3)) became \(again.prefix(3))")
    }
    return 0
}

/// The rows' cells and field ranges, or nil after checking the error.
func tokenize(_ input: UnsafeBufferPointer<UInt8>, delimiter: UInt8, file: String) -> ([[[UInt8]]], [[Range<Int>]])? {
    var tokenizer = CSVTokenizer(bytes: input, delimiter: delimiter, file: file)
    var fields: [CSVField] = []
    var rows: [[[UInt8]]] = []
    var ranges: [[Range<Int>]] = []
    var lastLine = 0
    var lastEnd = 0
    do {
        while try tokenizer.nextRow(into: &fields) {
            require(!fields.isEmpty, "a row with no fields")
            require(tokenizer.rowLine > lastLine, "row on line \(tokenizer.rowLine) after line \(lastLine)")
            require(tokenizer.rowStart >= lastEnd, "row starts at \(tokenizer.rowStart), inside the previous row")
            require(tokenizer.position > tokenizer.rowStart, "no progress")
            var cursor = tokenizer.rowStart
            for field in fields {
                require(field.start >= cursor && field.start <= field.end && field.end <= tokenizer.position,
                    "field \(field) outside its row \(tokenizer.rowStart)..<\(tokenizer.position)")
                let bytes = tokenizer.slice(field)
                if field.isQuoted {
                    var k = 0
                    var escapes = false
                    while k < bytes.count {
                        if bytes[k] == 34 {
                            require(k + 1 < bytes.count && bytes[k + 1] == 34, "a lone quote inside a quoted field")
                            escapes = true
                            k += 2
                        } else {
                            k += 1
                        }
                    }
                    require(escapes == field.hasEscapes, "hasEscapes is \(field.hasEscapes)")
                } else {
                    require(!bytes.contains { $0 == delimiter || $0 == 34 || $0 == 10 || $0 == 13 }, "an unquoted field holds a delimiter, quote or line break")
                }
                let location = tokenizer.locate(field)
                require(location.line >= tokenizer.rowLine && location.column >= 1, "field located at \(location)")
                cursor = field.end
            }
            lastLine = tokenizer.rowLine
            lastEnd = tokenizer.position
            rows.append(fields.map { tokenizer.unescaped($0) })
            ranges.append(fields.map { $0.start..<$0.end })
        }
    } catch {
        checkError(error, file: file, bytes: input, expectedKind: .data)
        return nil
    }
    require(tokenizer.position == input.count, "stopped at \(tokenizer.position) of \(input.count)")
    return (rows, ranges)
}
