import Foundation

// MARK: - Description

extension Market: CustomStringConvertible {
    /// `NYSE (America/New_York, close 16:00)`; a close time that changed reads `15:00, 15:30 from 2024-11-05`.
    public var description: String {
        let times = closeTimes.map { time -> String in
            let clock = String(format: "%02d:%02d", time.hour, time.minute)
            if let since = time.since { return "\(clock) from \(since.iso)" }
            return clock
        }
        return "\(id) (\(timeZoneIdentifier), close \(times.joined(separator: ", ")))"
    }
}
