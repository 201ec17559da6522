// MARK: - Close time

extension Market {
    /// A regular close time, from the session it first applies to.
    public struct CloseTime: Sendable, Hashable {
        /// First session this close time applies to (`nil`: since always).
        public var since: Day?
        public var hour: Int
        public var minute: Int

        public init(since: Day? = nil, hour: Int, minute: Int) {
            self.since = since
            self.hour = hour
            self.minute = minute
        }
    }
}
