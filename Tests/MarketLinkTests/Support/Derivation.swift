import Foundation
import Testing

/// The JSON a derivation script wrote beside itself (`Study/Derivations/NAME.json`), for tests
/// that compare against it.
enum Derivation {
    struct Missing: Error, CustomStringConvertible {
        var path: [String]
        var description: String { "no " + path.joined(separator: ".") + " in the derivation" }
    }

    /// The parsed JSON of `Tests/MarketLinkTests/Study/Derivations/<name>.json`.
    static func load(_ name: String) throws -> [String: Any] {
        let url = CLI.packageRoot.appendingPathComponent("Tests/MarketLinkTests/Study/Derivations/\(name).json")
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    /// The value at `path` (object keys, or array indexes written as numbers).
    static func value(_ root: Any, _ path: String...) throws -> Any {
        var current = root
        for (depth, key) in path.enumerated() {
            if let object = current as? [String: Any], let next = object[key] {
                current = next
            } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                current = array[index]
            } else {
                throw Missing(path: Array(path.prefix(depth + 1)))
            }
        }
        return current
    }

    static func number(_ root: Any, _ path: String...) throws -> Double {
        let found = try path.indices.reduce(root) { node, k in try value(node, path[k]) }
        return try #require((found as? NSNumber)?.doubleValue, "\(path.joined(separator: ".")) is not a number")
    }

    static func strings(_ root: Any, _ path: String...) throws -> [String] {
        let found = try path.indices.reduce(root) { node, k in try value(node, path[k]) }
        return try #require(found as? [String], "\(path.joined(separator: ".")) is not a list of strings")
    }
}
