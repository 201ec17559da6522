// MARK: - Claimed number

/// A number as a claim writes it (`258`, `0.8`, `33,833.61`, `33,800`), with the precision it is
/// written at, so that a true value can be judged at the claim's own rounding.
public struct ClaimedNumber: Sendable, Hashable {
    /// How the claim bounds the number.
    public enum Qualifier: String, Sendable, Hashable, CaseIterable {
        /// No qualifier: the true value must round to the number.
        case none
        /// "about", "around", "roughly", "approximately", "some": rounds to the number, where a
        /// whole number's trailing zeros count as rounding ("about 300" is to the nearest 100).
        case about
        /// "nearly", "almost", "just under": at most the number, and rounds to it as with `about`.
        case almost
        /// "more than", "over", "above", "just over": strictly greater.
        case moreThan = "more than"
        /// "less than", "under", "below": strictly less.
        case lessThan = "less than"
    }

    /// The digits as written: `33,833.61`.
    public var text: String
    /// The value written, always non-negative: `33833.61`.
    public var value: Double
    /// Digits after the decimal point as written (`0.80` has 2).
    public var decimals: Int
    /// How the number is qualified: `none` (a value), "about", "almost", "more than", ...
    public var qualifier: Qualifier
    /// True when a whole number's trailing zeros count as rounding (levels, and `about` or
    /// `almost` numbers): `33,800` is then to the nearest 100.
    public var roundNumber: Bool

    /// Reads `33,833.61`, `0.8`, `.5`, `1,000`; `nil` for anything else, including misplaced
    /// thousands separators (`1,2`, `12,34.5`).
    public init?(written text: String, qualifier: Qualifier = .none, roundNumber: Bool = false) {
        let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        var digits = ""
        var decimals = 0
        var seenPoint = false
        for character in text {
            switch character {
            case "0"..."9":
                digits.append(character)
                if seenPoint { decimals += 1 }
            case ",":
                guard !seenPoint else { return nil }
            case ".":
                guard !seenPoint else { return nil }
                seenPoint = true
                digits.append(character)
            default:
                return nil
            }
        }
        guard let value = Double(digits.hasPrefix(".") ? "0" + digits : digits), value.isFinite else { return nil }
        self.text = text
        self.value = value
        self.decimals = decimals
        self.qualifier = qualifier
        self.roundNumber = roundNumber
    }

    // MARK: - Precision

    /// The rounding unit the number is written to: 10^−decimals, or for a whole number read as a
    /// round number (`roundNumber`, or an `about`/`almost` qualifier) 10^(trailing zeros):
    /// `33,833.61` → 0.01, `258` → 1, `33,800` → 100 as a level but 1 as points.
    public var unit: Double {
        if decimals > 0 { return 1 / NumberFormat.power(decimals) }
        var unit = 1.0
        guard roundNumber || qualifier == .about || qualifier == .almost else { return 1 }
        var whole = value
        while whole >= 10, (whole / 10).rounded() * 10 == whole {
            whole /= 10
            unit *= 10
        }
        return unit
    }

    /// The decimals to show a true value with beside this number: at least 2, more when the claim
    /// writes more.
    public var shownDecimals: Int { max(2, decimals) }

    /// `actual` rounded to this number's unit (half away from zero).
    public func rounding(_ actual: Double) -> Double {
        let unit = self.unit
        return (actual / unit).rounded(.toNearestOrAwayFromZero) * unit
    }

    /// Whether a true (non-negative) value bears the number out at its own precision.
    ///
    /// Without a qualifier or with `about`: |actual − value| ≤ unit/2 (a true value exactly half
    /// a unit away holds, whichever way the writer rounded ties). `almost`: the same, and
    /// actual ≤ value. `moreThan`: actual > value. `lessThan`: actual < value. A relative
    /// tolerance of 1e-9 absorbs binary noise in loaded closes (`3231.409912` is `3,231.41`).
    public func holds(for actual: Double) -> Bool {
        guard actual.isFinite else { return false }
        let tolerance = 1e-9 * max(1, abs(value))
        let withinHalfUnit = abs(actual - value) <= unit / 2 + tolerance
        switch qualifier {
        case .none, .about: return withinHalfUnit
        case .almost: return withinHalfUnit && actual <= value + tolerance
        case .moreThan: return actual > value + tolerance
        case .lessThan: return actual < value - tolerance
        }
    }

    /// True when the number holds and is written to the cent (2 or more decimals, no qualifier):
    /// the claim then states the value exactly as the data does.
    public func isExact(for actual: Double) -> Bool {
        qualifier == .none && decimals >= 2 && holds(for: actual)
    }

    /// The number with its qualifier as a claim would write it: `more than 250`.
    public var phrase: String {
        qualifier == .none ? text : "\(qualifier == .almost ? "nearly" : qualifier.rawValue) \(text)"
    }
}

// MARK: - Numbers cut out by the tokenizer

extension ClaimedNumber {
    /// `init(written:)` for ASCII bytes (digits, `,` and `.`, as `TextToken.tokenize` cuts a
    /// number out), read without walking `text` as characters: the same rules, the same result.
    init?(asciiBytes bytes: UnsafeBufferPointer<UInt8>, text: String) {
        // The part before the point: groups of three after the first, which has one to three.
        let point = bytes.firstIndex(of: 0x2E) ?? bytes.count
        if bytes[0..<point].contains(0x2C) {
            var group = 0
            var first = true
            for byte in bytes[0..<point] {
                if byte == 0x2C {
                    guard first ? (1...3).contains(group) : group == 3 else { return nil }
                    first = false
                    group = 0
                } else {
                    group += 1
                }
            }
            guard group == 3 else { return nil }
        }
        var digits: [UInt8] = [0x30]
        digits.reserveCapacity(bytes.count + 1)
        var decimals = 0
        var seenPoint = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                digits.append(byte)
                if seenPoint { decimals += 1 }
            case 0x2C:
                guard !seenPoint else { return nil }
            case 0x2E:
                guard !seenPoint else { return nil }
                seenPoint = true
                digits.append(byte)
            default:
                return nil
            }
        }
        // `init(written:)` reads ".5" as "0.5"; a leading zero changes no other number's value.
        let start = digits.count > 1 && digits[1] == 0x2E ? 0 : 1
        guard let value = Double(String(decoding: digits[start...], as: UTF8.self)), value.isFinite else { return nil }
        self.text = text
        self.value = value
        self.decimals = decimals
        self.qualifier = .none
        self.roundNumber = false
    }
}
