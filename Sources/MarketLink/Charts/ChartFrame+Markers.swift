// MARK: - Chart markers

extension ChartFrame {
    /// A vertical line at an x position, labelled above the plot (an event, the event session).
    struct Marker: Equatable {
        var position: Double
        var label: String
        /// Written whole instead of `label` cut with `…` (`LineChart.Marker.shortLabel`).
        var shortLabel: String? = nil

        /// `label` if it fits in `width`, else `shortLabel` if that fits, else `label` cut to fit.
        func fitted(toWidth width: Double, size: Double) -> String {
            let full = ChartText.singleLine(label)
            if ChartText.width(full, size: size) <= width { return full }
            if let shortLabel {
                let short = ChartText.singleLine(shortLabel)
                if ChartText.width(short, size: size) <= width { return short }
            }
            return ChartText.truncated(full, toWidth: width, size: size)
        }
    }

    /// A marker laid out: its pixel position, its label as shortened to fit (empty when no room
    /// was left), the label row, and which side of its line the label hangs.
    struct PlacedMarker: Equatable {
        var x: Double
        var label: String
        var row: Int
        /// Horizontal extent of the label and its background.
        var low: Double
        var high: Double
        var anchorsAtEnd: Bool
    }

    // MARK: - Marker placement

    /// Places marker labels in rows above the plot, working from the rightmost marker leftwards.
    ///
    /// Each label hangs to the right of its line (to the left near the right edge) and takes the
    /// lowest row where (1) it overlaps no other label, (2) its line, which rises through the
    /// rows below, crosses no label there, and (3) no line of a marker in a higher row crosses
    /// it. When no row satisfies all three, the lowest row satisfying (1) is taken; when none
    /// satisfies (1), the label is shortened to the free space of the row that has most, and
    /// when that space cannot hold four characters and `…`, the marker keeps its line (up to the
    /// plot top) but loses its label, which the chart's `<desc>` still lists.
    static func placeMarkers(
        _ markers: [Marker], plotLeft: Double, plotRight: Double, width: Double, xLower: Double, xUpper: Double
    ) -> [PlacedMarker] {
        let size = ChartStyle.labelSize
        let gap = 6.0
        let order = markers.indices.sorted { a, b in
            markers[a].position != markers[b].position
                ? markers[a].position > markers[b].position : a < b
        }
        var placed: [PlacedMarker] = []
        let maxLabelWidth = min((plotRight - plotLeft) * 0.45, 280)
        for index in order {
            let marker = markers[index]
            let px = map(marker.position, from: (xLower, xUpper), to: (plotLeft, plotRight))
            var label = marker.fitted(toWidth: maxLabelWidth, size: size)
            var textWidth = ChartText.width(label, size: size)
            let rightLimit = width - margin
            let roomRight = rightLimit - (px + 4)
            let roomLeft = (px - 4) - margin
            let anchorsAtEnd = textWidth > roomRight && roomLeft > roomRight
            if textWidth > max(roomRight, roomLeft) {
                label = marker.fitted(toWidth: min(maxLabelWidth, max(roomRight, roomLeft)), size: size)
                textWidth = ChartText.width(label, size: size)
            }
            func span(_ labelWidth: Double) -> (Double, Double) {
                anchorsAtEnd ? (px - 4 - labelWidth - 2, px - 2) : (px + 2, px + 4 + labelWidth + 2)
            }
            var (low, high) = span(textWidth)
            func overlaps(_ other: PlacedMarker) -> Bool {
                !other.label.isEmpty && low < other.high + gap && other.low < high + gap
            }
            func fits(_ row: Int) -> Bool { !placed.contains { $0.row == row && overlaps($0) } }
            func clearOfLines(_ row: Int) -> Bool {
                !placed.contains { other in
                    guard !other.label.isEmpty else { return false }
                    return (other.row < row && other.low <= px && px <= other.high)
                        || (other.row > row && low <= other.x && other.x <= high)
                }
            }
            let rows = 0..<maxMarkerRows
            var chosen = rows.first { fits($0) && clearOfLines($0) } ?? rows.first(where: fits)
            if chosen == nil {
                // Shorten the label to the free space in the row that has most of it.
                var best = (row: 0, room: -Double.infinity)
                for row in rows {
                    let blockers = placed.filter { $0.row == row && !$0.label.isEmpty }
                    let room: Double
                    if anchorsAtEnd {
                        let edge = blockers.filter { $0.low < px }.map(\.high).max() ?? margin
                        room = px - 4 - 2 - gap - edge
                    } else {
                        let edge = blockers.filter { $0.high > px }.map(\.low).min() ?? rightLimit
                        room = edge - gap - (px + 4 + 2)
                    }
                    if room > best.room { best = (row, room) }
                }
                // Four characters and `…` at least; a stub such as `E…` says nothing.
                let stub = label.count > 4 ? String(label.prefix(4)) + "\u{2026}" : label
                let shortest = ChartText.width(stub, size: size)
                if best.room >= shortest {
                    label = marker.fitted(toWidth: min(best.room, maxLabelWidth, max(roomRight, roomLeft)), size: size)
                    textWidth = ChartText.width(label, size: size)
                    (low, high) = span(textWidth)
                    chosen = best.row
                } else {
                    label = ""
                    (low, high) = (px, px)
                    chosen = 0
                }
            }
            placed.append(
                PlacedMarker(
                    x: px, label: label, row: chosen ?? 0, low: low, high: high, anchorsAtEnd: anchorsAtEnd))
        }
        return placed.sorted { $0.x != $1.x ? $0.x < $1.x : $0.row < $1.row }
    }
}
