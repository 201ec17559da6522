import Foundation

// MARK: - Filters, as bytes

/// An `EventImportFilter` turned into the bytes each dataset's rows are compared with, so that a
/// row is tested without making a `String` of any field.
struct DatasetRowFilter {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The sides to look for: ISO alpha-3 codes (GDELT) or ICEWS country names.
    let actors: [[UInt8]]
    /// The place to look for: FIPS 10-4 codes (GDELT) or the ICEWS name.
    let places: [[UInt8]]?
    /// ACLED's `iso` (ISO numeric); `Int.min` for a country without one, which no row has.
    let placeNumber: Int?
    let rootPrefix: [UInt8]?
    let quadClass: Int?
    let minimumMentions: Int?
    let from: Int32
    let to: Int32

    init(_ filter: EventImportFilter, dataset: EventDataset) {
        let countries = filter.actors.compactMap { CountryTable.country(iso3: $0) }
        actors = countries.map { Array((dataset == .icews ? $0.icewsName : $0.iso3).utf8) }
        let place = filter.country.flatMap { CountryTable.country(iso3: $0) }
        switch dataset {
        case .gdelt: places = place.map { $0.fipsCodes.map { Array($0.utf8) } }
        case .icews: places = place.map { [Array($0.icewsName.utf8)] }
        case .acled: places = nil
        }
        placeNumber = dataset == .acled ? place.map { $0.isoNumeric ?? Int.min } : nil
        rootPrefix = filter.rootCode.map { Array($0.utf8) }
        quadClass = filter.quadClass
        minimumMentions = filter.minimumMentions
        from = filter.from?.ordinal ?? Int32.min
        to = filter.to?.ordinal ?? Int32.max
    }

    @inline(__always)
    func dateMatches(_ day: Day) -> Bool { day.ordinal >= from && day.ordinal <= to }

    /// One actor: either side is it; two: the sides are the two, in either order.
    @inline(__always)
    func actorsMatch(_ side1: Bytes, _ side2: Bytes) -> Bool {
        switch actors.count {
        case 0: return true
        case 1: return ImportBytes.equals(side1, actors[0]) || ImportBytes.equals(side2, actors[0])
        default:
            return (ImportBytes.equals(side1, actors[0]) && ImportBytes.equals(side2, actors[1]))
                || (ImportBytes.equals(side1, actors[1]) && ImportBytes.equals(side2, actors[0]))
        }
    }

    @inline(__always)
    func placeMatches(_ place: Bytes) -> Bool {
        guard let places else { return true }
        return places.contains { ImportBytes.equals(place, $0) }
    }

    @inline(__always)
    func codeMatches(_ code: Bytes) -> Bool {
        guard let rootPrefix else { return true }
        return ImportBytes.hasPrefix(code, rootPrefix)
    }
}

// MARK: - Tab-separated fields

/// The fields of a tab-separated record, found with `memchr`, kept as end offsets in a buffer
/// allocated once.
struct TabFields {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Fields beyond this are counted, not kept.
    let capacity: Int
    private let ends: UnsafeMutableBufferPointer<Int>
    private(set) var count = 0
    private(set) var record = Bytes(start: nil, count: 0)

    init(capacity: Int) {
        self.capacity = capacity
        ends = .allocate(capacity: capacity)
    }

    func deallocate() { ends.deallocate() }

    /// Splits `record`; `count` is then its number of fields (at least 1).
    mutating func split(_ record: Bytes) {
        self.record = record
        count = 0
        guard let base = record.baseAddress else {
            ends[0] = 0
            count = 1
            return
        }
        var cursor = 0
        while true {
            let found = memchr(base + cursor, 9, record.count - cursor)
            let end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? record.count
            if count < capacity { ends[count] = end }
            count += 1
            guard found != nil else { return }
            cursor = end + 1
        }
    }

    /// Field `k` (`k < min(count, capacity)`).
    @inline(__always)
    subscript(_ k: Int) -> Bytes {
        let start = k == 0 ? 0 : ends[k - 1] + 1
        return Bytes(rebasing: record[start..<ends[k]])
    }

    /// The 1-based column where field `k` starts.
    func column(_ k: Int) -> Int { (k == 0 ? 0 : ends[k - 1] + 1) + 1 }
}
