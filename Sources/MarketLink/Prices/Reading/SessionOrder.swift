// MARK: - Row marks

/// Where a row's date field is: its physical line and, once located, its column. While its
/// block is being read, `position` is the field's byte offset in the block and `line` counts from
/// the block's first line; `RowChunk` turns the offset into a column before the block's bytes
/// go, and `SeriesAssembly` moves the line to the file's numbering when it takes the block.
struct RowMark: Sendable, Equatable {
    var line: Int
    var position: Int

    func shifted(by lines: Int) -> RowMark { RowMark(line: line + lines, position: position) }

    /// A place already located (line and column).
    init(_ location: SourceLocation) { (line, position) = (location.line, location.column) }

    init(line: Int, position: Int) { (self.line, self.position) = (line, position) }

    /// The place in the file, once located and shifted.
    func location(file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: position) }
}

// MARK: - Session order

/// Whether a series' dates run one way, kept session by session as its rows are read, so that
/// the file need not be read again to name the lines of a duplicate or a step back.
///
/// The rule it answers for (`SeriesAssembly`): a series whose first date is after its last is
/// newest first and is reversed; then its dates must strictly increase. In file order that is:
/// oldest first, the first step that does not rise is the error; newest first, the last step
/// that does not fall (the first one met once the series is reversed). Both are kept, with the
/// places of the two rows, and the series' first and last day decide which applies.
///
/// Until the day/month order of the file is known, an ambiguous date (`06/08/2023`) is a day
/// under each order: then one reading is kept per order of `DateColumnResolver.Tally.orders`.
/// While every date the series has seen is unambiguous, one reading stands for all three.
struct SessionOrder: Sendable {
    /// Two consecutive sessions, in file order, and their days.
    struct Step: Sendable, Equatable {
        var earlier: RowMark
        var later: RowMark
        var earlierDay: Int32
        var laterDay: Int32
    }

    /// The series' days under one order.
    struct Lane: Sendable {
        var first: Int32 = 0
        var last: Int32 = 0
        /// The first step whose day is not after the one before.
        var notUp: Step?
        /// The last step whose day is not before the one before.
        var notDown: Step?
        /// Whether some session is no day under this order (which then cannot be the file's).
        var dead = false

        @inline(__always)
        mutating func add(_ day: Int32, at mark: RowMark, after previous: RowMark, isFirst: Bool) {
            guard day != DateCode.invalid else {
                dead = true
                return
            }
            if isFirst {
                first = day
                last = day
                return
            }
            if last >= day, notUp == nil { notUp = Step(earlier: previous, later: mark, earlierDay: last, laterDay: day) }
            if last <= day { notDown = Step(earlier: previous, later: mark, earlierDay: last, laterDay: day) }
            last = day
        }

        /// This lane followed by `next`, the two joined between the places `earlier` and `later`.
        mutating func append(_ next: Lane, earlier: RowMark, later: RowMark) {
            if dead || next.dead {
                dead = true
                return
            }
            let step = Step(earlier: earlier, later: later, earlierDay: last, laterDay: next.first)
            if notUp == nil { notUp = last >= next.first ? step : next.notUp }
            if let stepped = next.notDown {
                notDown = stepped
            } else if last <= next.first {
                notDown = step
            }
            last = next.last
        }

        func mapped(_ transform: (RowMark) -> RowMark) -> Lane {
            var copy = self
            copy.notUp = notUp.map { Step(earlier: transform($0.earlier), later: transform($0.later), earlierDay: $0.earlierDay, laterDay: $0.laterDay) }
            copy.notDown = notDown.map {
                Step(earlier: transform($0.earlier), later: transform($0.later), earlierDay: $0.earlierDay, laterDay: $0.laterDay)
            }
            return copy
        }
    }

    /// Sessions seen.
    private(set) var count = 0
    private var lane0 = Lane()
    /// The readings under the second and third order, once an ambiguous date came (else empty).
    private var others: [Lane] = []
    private(set) var firstMark = RowMark(line: 0, position: 0)
    private(set) var lastMark = RowMark(line: 0, position: 0)

    /// Adds the next session, whose date is unambiguous: `day`, or `DateCode.invalid`.
    @inline(__always)
    mutating func add(_ day: Int32, at mark: RowMark) {
        let isFirst = count == 0
        lane0.add(day, at: mark, after: lastMark, isFirst: isFirst)
        if !others.isEmpty {
            others[0].add(day, at: mark, after: lastMark, isFirst: isFirst)
            others[1].add(day, at: mark, after: lastMark, isFirst: isFirst)
        }
        note(mark)
    }

    /// Adds the next session, whose date is ambiguous: its day under each order.
    mutating func add(_ days: (Int32, Int32, Int32), at mark: RowMark) {
        let isFirst = count == 0
        split()
        lane0.add(days.0, at: mark, after: lastMark, isFirst: isFirst)
        others[0].add(days.1, at: mark, after: lastMark, isFirst: isFirst)
        others[1].add(days.2, at: mark, after: lastMark, isFirst: isFirst)
        note(mark)
    }

    @inline(__always)
    private mutating func note(_ mark: RowMark) {
        if count == 0 { firstMark = mark }
        lastMark = mark
        count += 1
    }

    private mutating func split() {
        if others.isEmpty { others = [lane0, lane0] }
    }

    /// These sessions followed by `next` (the series' sessions in the rows after these).
    mutating func append(_ next: SessionOrder) {
        guard next.count > 0 else { return }
        guard count > 0 else {
            self = next
            return
        }
        var next = next
        if !others.isEmpty || !next.others.isEmpty {
            split()
            next.split()
        }
        lane0.append(next.lane0, earlier: lastMark, later: next.firstMark)
        for k in others.indices { others[k].append(next.others[k], earlier: lastMark, later: next.firstMark) }
        count += next.count
        lastMark = next.lastMark
    }

    /// Every place, transformed (located in the block, or moved to the file's lines).
    mutating func mapMarks(_ transform: (RowMark) -> RowMark) {
        guard count > 0 else { return }
        firstMark = transform(firstMark)
        lastMark = transform(lastMark)
        lane0 = lane0.mapped(transform)
        others = others.map { $0.mapped(transform) }
    }

    /// The reading under `order` (`nil`: the file's dates are all unambiguous).
    func lane(_ order: DateOrder?) -> Lane {
        guard let order, !others.isEmpty, let index = DateColumnResolver.Tally.orders.firstIndex(of: order), index > 0 else { return lane0 }
        return others[index - 1]
    }

    /// Whether the series runs newest first under `order`: its first day after its last.
    func isNewestFirst(_ order: DateOrder?) -> Bool {
        let reading = lane(order)
        return count >= 2 && reading.first > reading.last
    }

    /// The two sessions that break the rule under `order`, if any (see the type's summary).
    func problem(_ order: DateOrder?) -> Step? {
        isNewestFirst(order) ? lane(order).notDown : lane(order).notUp
    }
}
