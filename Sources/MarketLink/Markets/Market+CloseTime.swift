// MARK: - Close time

extension Market {
    /// A regular close time, from the session it first applies to.
    public struct CloseTime: Sendable, Hashable {
        /// First session this close time applies to (`nil`: since always).
        public var since: Day?
        /// The hour of the close, 0–23, local time in the market's zone.
        public var hour: Int
        /// The minute of the close, 0–59.
        public var minute: Int

        /// The close at `hour`:`minute` from session `since` on (always, when `nil`).
        public init(since: Day? = nil, hour: Int, minute: Int) {
            self.since = since
            self.hour = hour
            self.minute = minute
        }
    }
}
