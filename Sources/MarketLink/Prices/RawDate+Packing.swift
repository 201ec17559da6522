// MARK: - Packing

extension RawDate {
    /// The raw date in 64 bits (16 for each number, 8 for the form), so that a column of millions
    /// of dates stays small until the column's day/month order is decided.
    var packed: UInt64 {
        UInt64(UInt16(truncatingIfNeeded: a)) << 40 | UInt64(UInt16(truncatingIfNeeded: b)) << 24
            | UInt64(UInt16(truncatingIfNeeded: c)) << 8 | UInt64(form.rawValue)
    }

    init(packed: UInt64) {
        self.init(
            a: Int32(packed >> 40 & 0xFFFF), b: Int32(packed >> 24 & 0xFFFF), c: Int32(packed >> 8 & 0xFFFF),
            form: Form(rawValue: UInt8(packed & 0xFF)) ?? .resolved)
    }

    /// Whether every part fits the packed form (0...9999).
    var fitsPacking: Bool { (0...9999).contains(a) && (0...9999).contains(b) && (0...9999).contains(c) }
}
