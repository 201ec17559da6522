// MARK: - JSON

/// A JSON document with object keys kept in the order written, so output is deterministic and
/// reads in a sensible order (Foundation's serializer sorts or shuffles keys).
public indirect enum JSONValue: Sendable, Equatable {
    /// JSON `null`: a value that is missing or not finite.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, written with the shortest digits that read back as the same `Double`.
    case number(Double)
    /// A number already formatted (fixed decimals).
    case raw(String)
    /// A string, escaped as JSON requires.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object whose keys keep the order given.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// `value` as a number, or `null` when it is `nil`, infinite or NaN.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// `value` as a string, or `null` when it is `nil`.
    public static func string(_ value: String?) -> JSONValue {
        guard let value else { return .null }
        return .string(value)
    }

    /// Serialized text, pretty-printed with two-space indentation (and a final newline), or on
    /// one line without spaces when `pretty` is false.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedUTF8(pretty: pretty), as: UTF8.self)
    }

    /// The same text as `serialized(pretty:)`, as UTF-8 bytes: for writing a large document
    /// without building (and validating) a `String` of it first.
    public func serializedUTF8(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0, pretty: pretty, inParts: true)
        if pretty { out.append(0x0A) }
        return out
    }

    /// Arrays of at least this many values are written in parts on worker threads (the
    /// outermost such array only), each part into its own buffer, joined in order.
    static let itemsWrittenInParts = 512

    /// Appends this value's UTF-8 to `out`: bytes rather than `String` appends, which cost a
    /// large article report a fifth of its run.
    private func write(to out: inout [UInt8], indent: Int, pretty: Bool, inParts: Bool = false) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): out.append(contentsOf: (value.isFinite ? NumberFormat.shortest(value) : "null").utf8)
        case .raw(let text): out.append(contentsOf: text.utf8)
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .array(let items):
            guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(0x5B)
            if inParts, items.count >= JSONValue.itemsWrittenInParts {
                let pieces = OrderedWork.inParts(count: items.count, minimum: JSONValue.itemsWrittenInParts, parts: 4) { range -> [UInt8] in
                    var piece: [UInt8] = []
                    JSONValue.writeItems(items, range, to: &piece, indent: indent, pretty: pretty, inParts: false)
                    return piece
                }
                for piece in pieces { out.append(contentsOf: piece) }
            } else {
                JSONValue.writeItems(items, items.indices, to: &out, indent: indent, pretty: pretty, inParts: inParts)
            }
            JSONValue.newline(&out, indent: indent, pretty: pretty)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(0x7B)
            for (k, (key, value)) in members.enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONValue.newline(&out, indent: indent + 1, pretty: pretty)
                JSONValue.writeString(key, to: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                value.write(to: &out, indent: indent + 1, pretty: pretty, inParts: inParts)
            }
            JSONValue.newline(&out, indent: indent, pretty: pretty)
            out.append(0x7D)
        }
    }

    /// `items[range]` of an array at `indent`, each after its comma (none before the array's
    /// first) and line break.
    private static func writeItems(_ items: [JSONValue], _ range: Range<Int>, to out: inout [UInt8], indent: Int, pretty: Bool, inParts: Bool) {
        for k in range {
            if k > 0 { out.append(0x2C) }
            newline(&out, indent: indent + 1, pretty: pretty)
            items[k].write(to: &out, indent: indent + 1, pretty: pretty, inParts: inParts)
        }
    }

    /// A line break and two spaces per level, when pretty-printing.
    private static func newline(_ out: inout [UInt8], indent: Int, pretty: Bool) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, every
    /// other byte copied as it is (the escapes are all ASCII, so UTF-8 passes through whole).
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape (most of any text) are copied whole.
            var run = 0
            for (k, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<k]))
                run = k + 1
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(0x22)
    }
}
