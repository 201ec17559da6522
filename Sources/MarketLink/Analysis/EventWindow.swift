import Foundation

// MARK: - Window

/// A window `[a, b]` in sessions relative to t0 (a ≤ b): the move from the close of session
/// t0+a−1 (the base) to the close of session t0+b (the end). `[0,0]` is the event-day move,
/// `[0,1]` the event day and the next, `[-1,1]` three sessions.
public struct EventWindow: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init?(start: Int, end: Int) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses `A:B` (`-1:1`, `0:0`, `0:5`). `A,B` and `[A,B]` are accepted too.
    public init(parsing text: String) throws(MarketLinkError) {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("["), body.hasSuffix("]") { body = String(body.dropFirst().dropLast()) }
        let parts = body.split(separator: body.contains(":") ? ":" : ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
            throw MarketLinkError(.unreadableWindow(text))
        }
        guard a <= b else {
            throw MarketLinkError(.backwardsWindow(text, start: a, end: b))
        }
        guard abs(a) <= 100_000, abs(b) <= 100_000 else {
            throw MarketLinkError(.windowTooWide(text, limit: 100_000))
        }
        self.start = a
        self.end = b
    }

    /// `-1:1`.
    public var description: String { "\(start):\(end)" }

    /// The number of sessions whose moves the window adds up (b − a + 1).
    public var sessionCount: Int { end - start + 1 }

    /// The default windows of `mlink changes`.
    public static let defaults: [EventWindow] = [EventWindow(uncheckedStart: -1, end: 1), EventWindow(uncheckedStart: 0, end: 0)]

    init(uncheckedStart: Int, end: Int) {
        self.start = uncheckedStart
        self.end = end
    }
}
