// MARK: - Word filter

/// A quick first test of whether a word can be in a fixed vocabulary (index names' first words,
/// the words a date phrase starts with): one short hash of its UTF-8 and one bit, where a
/// `Set<String>` or `Dictionary` lookup hashes the whole string and compares it with several
/// keys. It never says no to a word of the vocabulary, and says yes to about one other word in
/// 300 (a few hundred words in 65,536 bits), so the real lookup follows a yes.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)

    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        for word in words {
            let bit = Self.bit(word)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// False only for a word not in the vocabulary.
    func mayContain(_ word: String) -> Bool {
        let bit = Self.bit(word)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// FNV-1a of the UTF-8, folded to 16 bits.
    private static func bit(_ word: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in word.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int((hash ^ (hash >> 16)) & 0xFFFF)
    }
}
