import MarketLink

// MARK: - The progress line

/// What the progress line on a terminal says, and the bytes that draw and clear it in place.
///
/// One line, redrawn over itself: a carriage return, the text, then "erase to the end of the
/// line" (`ESC [ K`), so a shorter text leaves nothing of a longer one behind; the cursor stays
/// on that line. Cleared the same way, with no text. Never wider than the terminal less one
/// column, so it cannot wrap onto a second line (which `\r` would not return to).
///
/// - reading: `reading panel.csv: 1,234,567 rows, 45% · about 3 s left`
/// - computing: `changes: 420 of 1,000 events, 42% · about 1 s left`
///
/// Without a size (a pipe), the percent and the estimate are left out and the time spent so far
/// is shown instead; the estimate is left out too while less than a second has passed or less than
/// 1% is done (too little to go by). Numbers are grouped by `NumberFormat`; a path is shown
/// through `TerminalText` (no control character from a file name reaches the terminal) and
/// shortened with `…` first when the line is too wide.
enum ProgressLine {
    /// Erases the line the cursor is on and returns to its start.
    static let clear = "\r\u{1B}[K"

    /// The bytes that draw `text` over the current line.
    static func draw(_ text: String) -> String {
        "\r" + text + "\u{1B}[K"
    }

    /// The line for `snapshot` on a terminal `width` columns wide; empty while nothing is under way.
    static func text(_ snapshot: WorkProgress.Snapshot, width: Int) -> String {
        let room = max(width - 1, 0)
        let subject: String
        var counts: String
        switch snapshot.stage {
        case .idle:
            return ""
        case .reading(let path):
            subject = "reading " + TerminalText.escaped(path)
            counts = count(snapshot.rowsRead, snapshot.rowsRead == 1 ? "row" : "rows")
        case .computing(let what):
            subject = TerminalText.escaped(what)
            counts = grouped(snapshot.done) + " of " + count(snapshot.total, snapshot.unit)
        }
        if let fraction = snapshot.fraction {
            counts += ", " + percent(fraction)
            if let left = snapshot.secondsLeft, snapshot.elapsed >= 1, fraction >= 0.01, fraction < 1 {
                counts += " · about " + duration(left) + " left"
            }
        } else if snapshot.elapsed >= 1 {
            counts += " · " + duration(snapshot.elapsed)
        }
        let tail = ": " + counts
        let tailWidth = DisplayWidth.columns(tail)
        // The subject gives way first (at least "reading …"), then the whole line.
        if DisplayWidth.columns(subject) + tailWidth > room {
            let shortened = DisplayWidth.truncated(subject, toColumns: max(room - tailWidth, 10))
            return DisplayWidth.truncated(shortened + tail, toColumns: room)
        }
        return subject + tail
    }

    /// `1,234,567`.
    static func grouped(_ value: Int) -> String {
        NumberFormat.string(Double(value), decimals: 0, grouping: true)
    }

    /// `1,234 rows`, `1 row`: the unit as given (the caller gives the singular where it matters).
    static func count(_ value: Int, _ unit: String) -> String {
        grouped(value) + (unit.isEmpty ? "" : " " + unit)
    }

    /// `42%`, whole percents rounded down, so that 100% means done.
    static func percent(_ fraction: Double) -> String {
        grouped(Int((fraction * 100).rounded(.down))) + "%"
    }

    /// `7 s`, `2 min 5 s`, `1 h 3 min`: whole seconds rounded up (a second left reads `1 s`, not `0 s`).
    static func duration(_ seconds: Double) -> String {
        let total = Int(min(max(seconds, 0), 360_000).rounded(.up))
        if total < 60 { return "\(total) s" }
        if total < 3_600 { return "\(total / 60) min \(total % 60) s" }
        return "\(total / 3_600) h \(total % 3_600 / 60) min"
    }
}
