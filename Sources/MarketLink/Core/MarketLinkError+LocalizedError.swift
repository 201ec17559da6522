import Foundation

// MARK: - LocalizedError

extension MarketLinkError: LocalizedError {
    /// The message with its place and no `error:` tag: `prices.csv:3:18: cannot read "n/a" as a
    /// number in column "Close"`, or the message alone when the error has no place. This is what
    /// `localizedDescription` gives.
    public var errorDescription: String? {
        if let location { return "\(location): \(message)" }
        return message
    }
}
