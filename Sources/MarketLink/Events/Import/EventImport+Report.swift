// MARK: - The import report

extension EventImport {
    /// What `mlink events import` prints: the layout seen, then rows read, matched, implausible,
    /// kept, events and merged, then what the events file got (new events, those already present,
    /// columns added to its header). Counts have thousands separators; text from the files is
    /// escaped for a terminal (`TerminalText`).
    public static func report(_ result: EventImportResult, _ outcome: Outcome) -> String {
        let counts = result.counts
        func number(_ value: Int) -> String { NumberFormat.string(Double(value), decimals: 0, grouping: true) }
        let width = [counts.rowsRead, counts.matched, counts.implausible, counts.kept, counts.events].map { number($0).count }.max() ?? 1
        func line(_ label: String, _ value: Int?, _ note: String = "") -> String {
            let shown = value.map(number) ?? "–"
            return "  " + label + String(repeating: " ", count: 12 - label.count) + String(repeating: " ", count: max(width - shown.count, 0))
                + shown + (note.isEmpty ? "" : "  " + note) + "\n"
        }
        var text = TerminalText.escaped(result.file) + ": " + result.layout + "\n"
        text += line("rows read", counts.rowsRead)
        text += line("matched", counts.matched, counts.matched == counts.rowsRead ? "" : "rows that pass every filter")
        if result.dataset != .gdelt {
            text += line("implausible", nil, "not checked: \(result.dataset.displayName) rows carry no date added")
        } else if !result.checksDateAdded {
            text += line("implausible", nil, "not checked: DATEADDED in GDELT's 57-field backfile is the date the backfile was built")
        } else {
            var note = ""
            if counts.implausible > 0 {
                let shown = result.implausibleLines.prefix(10).map(String.init).joined(separator: ", ")
                let more = counts.implausible > 10 ? ", …" : ""
                note = "dated more than 365 days before they were added, left out (line\(counts.implausible == 1 ? "" : "s") \(shown)\(more))"
            }
            text += line("implausible", counts.implausible, note)
        }
        text += line("kept", counts.kept)
        let group = result.dataset == .acled ? "event type" : "CAMEO root code"
        let mergedNote =
            counts.merged == 0
            ? "" : "\(number(counts.merged)) row\(counts.merged == 1 ? "" : "s") merged into the event of the same day, pair of sides and \(group)"
        text += line("events", counts.events, mergedNote)

        let file = TerminalText.escaped(outcome.file)
        var summary = "\(file): \(number(outcome.addedIDs.count)) new event\(outcome.addedIDs.count == 1 ? "" : "s")"
        if outcome.alreadyPresent > 0 || outcome.addedIDs.isEmpty { summary += ", \(number(outcome.alreadyPresent)) already present" }
        if let first = outcome.addedIDs.first, let last = outcome.addedIDs.last {
            summary += first == last ? " (id \(first))" : " (ids \(first)–\(last))"
        }
        if outcome.created { summary += "; the file was created" }
        text += summary + "\n"
        if !outcome.addedColumns.isEmpty {
            text +=
                "\(file): added the column\(outcome.addedColumns.count == 1 ? "" : "s") \(outcome.addedColumns.joined(separator: ", ")) to the header; existing rows are unchanged (their new cells are empty)\n"
        }
        return text
    }
}
