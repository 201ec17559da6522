// MARK: - Row numbering

/// Numbers the data rows of a file read in chunks: chunk `k`'s row `r` is file row
/// `first[k] + r`, counted from 0 in file order. Maps a file row back to the byte offset of its
/// date field, which is where messages about that row point.
struct RowNumbering {
    /// The file row of each chunk's first row.
    let first: [Int]
    /// How many data rows the file has.
    let count: Int
    /// Each chunk's date-field offsets (shared with the chunk, not copied).
    private let offsets: [[UInt32]]

    init(_ chunks: [RowChunk]) {
        var first: [Int] = []
        var count = 0
        for chunk in chunks {
            first.append(count)
            count += chunk.dates.count
        }
        self.first = first
        self.count = count
        self.offsets = chunks.map(\.offsets)
    }

    /// The byte offset of file row `row`'s date field (of its opening quote, when quoted).
    func dateOffset(ofRow row: Int) -> Int {
        var k = offsets.count - 1
        while k > 0, first[k] > row { k -= 1 }
        return Int(offsets[k][row - first[k]])
    }
}
