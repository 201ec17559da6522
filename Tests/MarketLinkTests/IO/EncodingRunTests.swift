import Testing

@testable import MarketLink

// `TextEncodingCheck.validate` skips runs of plain ASCII 32 bytes at a time, then eight, then
// one. Wherever a NUL, a byte that starts no UTF-8 character, or a byte-order mark falls against
// those runs, it must be found at its own column, and valid UTF-8 anywhere must pass.
@Suite struct EncodingRunTests {
    enum Planted: CaseIterable {
        case none, nul, latin1, continuation, twoBytes, threeBytes, byteOrderMark
        var bytes: [UInt8] {
            switch self {
            case .none: []
            case .nul: [0]
            case .latin1: [0xE9]  // é in Latin-1, followed by ASCII
            case .continuation: [0x80]
            case .twoBytes: [0xC3, 0xA9]  // é in UTF-8
            case .threeBytes: [0xE2, 0x88, 0x92]  // − in UTF-8
            case .byteOrderMark: [0xEF, 0xBB, 0xBF]
            }
        }
        /// The message's start where the check must fail, nil where the text is valid.
        var failure: String? {
            switch self {
            case .none, .twoBytes, .threeBytes: nil
            case .nul: "NUL byte"
            case .latin1, .continuation: "invalid UTF-8"
            case .byteOrderMark: "byte-order mark"
            }
        }
    }

    @Test func aBadByteIsFoundAtItsColumnWhereverItFalls() {
        var random = SeededGenerator(seed: 0x5EED_0E0C)
        for _ in 0..<20_000 {
            // One line of ASCII from 0x01 to 0x7F without line ends, something planted in it.
            let length = random.int(0...120)
            var bytes = (0..<length).map { _ in UInt8(random.int(32...126)) }
            let at = random.int(1...(length + 1)) - 1
            let planted = random.pick(Planted.allCases)
            bytes.insert(contentsOf: planted.bytes, at: at)
            if random.chance(0.2) { bytes += "\u{1}\u{7F}".utf8 }
            let outcome: (message: String, column: Int)? = bytes.withUnsafeBufferPointer { buffer in
                do throws(MarketLinkError) {
                    try TextEncodingCheck.validate(buffer, file: "t.csv", complete: true, startsFile: false)
                    return nil
                } catch {
                    return (error.message, error.location?.column ?? 0)
                }
            }
            if let failure = planted.failure {
                #expect(outcome?.message.hasPrefix(failure) == true, "\(planted) at \(at) of \(bytes.count): \(String(describing: outcome))")
                #expect(outcome?.column == at + 1, "\(planted) at \(at) of \(bytes.count)")
            } else {
                #expect(outcome == nil, "\(planted) at \(at) of \(bytes.count): \(String(describing: outcome))")
            }
        }
    }
}
