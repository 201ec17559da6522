import MarketLink

/// A usage error: printed as `mlink: error: ...` with the command's usage line, exit code 64.
struct UsageError: Error {
    var message: String
}

/// A small command-line reader: options by name (`--window -1:1`, `--window=-1:1`, repeatable),
/// flags, and positional arguments. Values that start with `-` are taken as values where an
/// option expects one (`--window -5:5`).
struct Arguments {
    private var items: [String]
    private var consumed: [Bool]

    init(_ items: [String]) {
        self.items = items
        self.consumed = Array(repeating: false, count: items.count)
    }

    /// True when `--help` or `-h` was given.
    var wantsHelp: Bool { items.contains("--help") || items.contains("-h") }

    mutating func flag(_ names: String...) -> Bool {
        var found = false
        for (k, item) in items.enumerated() where !consumed[k] && names.contains(item) {
            consumed[k] = true
            found = true
        }
        return found
    }

    /// Every value of a repeatable option.
    mutating func values(_ names: String...) throws -> [String] {
        var result: [String] = []
        var k = 0
        while k < items.count {
            defer { k += 1 }
            guard !consumed[k] else { continue }
            let item = items[k]
            if let name = names.first(where: { item.hasPrefix($0 + "=") }) {
                consumed[k] = true
                result.append(String(item.dropFirst(name.count + 1)))
            } else if names.contains(item) {
                consumed[k] = true
                guard k + 1 < items.count, !consumed[k + 1] else { throw UsageError(message: "\(item) needs a value") }
                consumed[k + 1] = true
                result.append(items[k + 1])
                k += 1
            }
        }
        return result
    }

    /// The value of an option given at most once.
    mutating func value(_ names: String...) throws -> String? {
        var result: [String] = []
        for name in names { result += try values(name) }
        guard result.count <= 1 else { throw UsageError(message: "\(names[0]) is given more than once") }
        return result.first
    }

    /// Everything not consumed; an unknown `--option` is an error.
    mutating func positionals() throws -> [String] {
        var result: [String] = []
        for (k, item) in items.enumerated() where !consumed[k] {
            if item.hasPrefix("-"), item.count > 1, !isNumber(item) {
                throw UsageError(message: "unknown option \(item)")
            }
            consumed[k] = true
            result.append(item)
        }
        return result
    }

    private func isNumber(_ text: String) -> Bool {
        if case .value = NumberReader.read(text) { return true }
        return false
    }
}
