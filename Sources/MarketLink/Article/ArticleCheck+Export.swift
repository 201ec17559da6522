// MARK: - JSON

extension ArticleCheck {
    /// Every claim with its character span (Unicode scalars and UTF-8 bytes of the file, and of
    /// the readable text), index, series, resolved days, claimed and actual values and verdicts;
    /// every event draft; the dated sentences that are not events; the coverage; and a summary.
    /// Keys are snake_case (DESIGN §3); numbers keep full precision.
    public func reportJSON() -> JSONValue {
        @Sendable func span(_ span: SourceSpan) -> JSONValue {
            .object([
                ("chars", .array([.number(Double(span.characters.lowerBound)), .number(Double(span.characters.upperBound))])),
                ("utf8", .array([.number(Double(span.utf8.lowerBound)), .number(Double(span.utf8.upperBound))])),
            ])
        }
        @Sendable func offset(_ span: SourceSpan) -> JSONValue {
            .object([("chars", .number(Double(span.characters.lowerBound))), ("utf8", .number(Double(span.utf8.lowerBound)))])
        }
        @Sendable func days(_ claim: ArticleClaim) -> JSONValue {
            switch claim.days {
            case .dates(let resolved)?:
                return .object([("from", .string(resolved.first.iso)), ("to", .string(resolved.last.iso)), ("precision", .string(resolved.precision.rawValue))])
            case .sessions(let count, let ending)?:
                return .object([("sessions", .number(Double(count))), ("ending", .string(ending?.iso))])
            case nil:
                return .null
            }
        }
        // Built in parts on worker threads for a long article (each value on its own).
        let claimsJSON = OrderedWork.map(claims, minimum: 256) { claim -> JSONValue in
            let move = claim.check?.move
            var fields: [(String, JSONValue)] = [
                ("text", .string(claim.text)),
                ("span", span(claim.span)),
                ("text_span", .array([.number(Double(claim.range.lowerBound)), .number(Double(claim.range.upperBound))])),
                ("sentence", .number(Double(claim.sentence))),
                ("index_text", .string(claim.indexText)),
                ("index", .string(claim.index.name)),
                ("series", .string(claim.series)),
                ("direction_text", .string(claim.claim.directionText)),
                ("direction", .string(claim.claim.direction.map { $0 == .unchanged ? "flat" : $0.rawValue })),
                (
                    "claimed",
                    .object([
                        ("points", .string(claim.claim.points?.phrase)), ("percent", .string(claim.claim.percent?.phrase)),
                        ("level", .string(claim.claim.level?.phrase)),
                    ])
                ),
                ("days_text", .string(claim.claim.days?.text)),
                ("days_from", .string(claim.daysSource?.rawValue)),
                ("days", days(claim)),
                ("level_session", .string(claim.check?.levelSession?.iso)),
                (
                    "sessions",
                    move.map { move in
                        .object([
                            ("first", .string(move.firstDay.iso)), ("last", .string(move.endDay.iso)), ("count", .number(Double(move.sessionCount))),
                            ("base", .string(move.baseDay.iso)),
                        ])
                    } ?? .null
                ),
                (
                    "actual",
                    move.map { move in
                        .object([
                            ("base_close", .number(move.baseClose)), ("end_close", .number(move.endClose)), ("points", .number(move.points)),
                            ("percent", .number(move.percent)),
                        ])
                    } ?? .null
                ),
            ]
            fields.append(("verdicts", .object(claim.verdicts.parts.map { ($0.name, .string($0.verdict)) })))
            fields.append(("holds", claim.holds.map { .bool($0) } ?? .null))
            fields.append(("summary", .string(claim.summary)))
            fields.append(("measured", .string(claim.measured)))
            fields.append(("notes", .array((claim.check?.notes ?? []).map { .string($0) })))
            return .object(fields)
        }
        let eventsJSON = OrderedWork.map(events, minimum: 256) { event -> JSONValue in
            .object([
                ("date", .string(event.eventDate)), ("precision", .string(event.precision.rawValue)), ("date_text", .string(event.dateText)),
                ("tense", .string(event.tense.rawValue)), ("title", .string(event.title)), ("sentence", .string(event.sentenceText)),
                ("offset", offset(event.offset)), ("source", .string(event.source)),
            ])
        }
        let notEventsJSON = notEvents.map { entry -> JSONValue in
            .object([
                ("sentence", .string(entry.sentenceText)), ("date_text", .string(entry.dateText)), ("tense", .string(entry.tense?.rawValue)),
                ("resolved", .string(entry.resolved?.description)), ("reason", .string(entry.reason)),
            ])
        }
        let coverageJSON = coverage.map { entry -> JSONValue in
            .object([
                ("sentence", .string(entry.sentenceText)), ("index", .string(entry.index.name)), ("why", .string(entry.why)),
                ("offset", offset(entry.offset)),
            ])
        }
        let publishedJSON: JSONValue =
            published.map { published in
                .object([
                    ("date", .string(published.day.iso)), ("found_by", .string(published.source.rawValue)), ("text", .string(published.text)),
                    ("notes", .array(published.notes.map { .string($0) })),
                ])
            } ?? .null
        let counts = self.counts
        return .object([
            ("file", .string(article.file)),
            ("format", .string(article.text.format.rawValue)),
            ("sentences", .number(Double(article.sentences.count))),
            ("published", publishedJSON),
            ("published_missing", .string(publicationMissing)),
            ("series", .array(seriesNames.map { .string($0) })),
            ("claims", .array(claimsJSON)),
            ("events", .array(eventsJSON)),
            ("not_events", .array(notEventsJSON)),
            ("coverage", .array(coverageJSON)),
            (
                "summary",
                .object([
                    ("claims", .number(Double(claims.count))), ("hold", .number(Double(counts.holds))),
                    ("do_not_hold", .number(Double(counts.doesNotHold))), ("not_checked", .number(Double(counts.notChecked))),
                    ("events", .number(Double(events.count))), ("coverage", .number(Double(coverage.count))),
                ])
            ),
        ])
    }

    // MARK: - CSV

    /// The columns of `reportCSV()`, in order.
    public static let csvColumns = [
        "record", "offset", "end", "index", "series", "text", "days", "level", "points", "percent", "direction", "weekday", "consistency",
        "holds", "base_date", "base_close", "end_date", "end_close", "actual_points", "actual_percent", "date", "precision", "title", "note",
    ]

    /// One table, a row per claim, event draft and coverage sentence, told apart by `record`
    /// (`claim`, `event`, `coverage`). `offset` and `end` are Unicode-scalar offsets in the file.
    /// Text cells are neutralised against formula injection (a title starting with `=` gets a
    /// leading `'`); numbers keep full precision.
    public func reportCSV() -> [UInt8] {
        var out: [UInt8] = []
        CSVWriter.appendHeader(Self.csvColumns, to: &out)
        func text(_ value: String?) {
            CSVWriter.appendText(value ?? "", to: &out)
            out.append(44)
        }
        func plain(_ value: String?) {
            CSVWriter.appendEscaped(Array((value ?? "").utf8), to: &out)
            out.append(44)
        }
        func number(_ value: Double?, decimals: Int = 10) {
            CSVWriter.appendNumber(value, decimals: decimals, to: &out)
            out.append(44)
        }
        func end() {
            if out.last == 44 { out.removeLast() }
            out.append(10)
        }
        for claim in claims {
            let move = claim.check?.move
            let v = claim.verdicts
            plain("claim")
            number(Double(claim.span.characters.lowerBound), decimals: 0)
            number(Double(claim.span.characters.upperBound), decimals: 0)
            text(claim.index.name)
            text(claim.series)
            text(claim.text)
            text(Self.daysText(claim))
            text(v.level ?? v.data)
            text(v.points)
            text(v.percent)
            text(v.direction)
            text(v.weekday)
            text(v.consistency)
            plain(claim.holds.map { $0 ? "true" : "false" })
            plain(move?.baseDay.iso)
            number(move?.baseClose)
            plain(move?.endDay.iso)
            number(move?.endClose)
            number(move?.points)
            number(move?.percent)
            plain(nil)
            plain(nil)
            plain(nil)
            text(claim.summary)
            end()
        }
        for event in events {
            plain("event")
            number(Double(event.offset.characters.lowerBound), decimals: 0)
            number(Double(event.offset.characters.upperBound), decimals: 0)
            for _ in 0..<2 { plain(nil) }
            text(event.sentenceText)
            text(event.dateText)
            for _ in 0..<13 { plain(nil) }
            plain(event.eventDate)
            plain(event.precision.rawValue)
            text(event.title)
            text(event.source)
            end()
        }
        for entry in coverage {
            plain("coverage")
            number(Double(entry.offset.characters.lowerBound), decimals: 0)
            number(Double(entry.offset.characters.upperBound), decimals: 0)
            text(entry.index.name)
            plain(nil)
            text(entry.sentenceText)
            for _ in 0..<17 { plain(nil) }
            text(entry.why)
            end()
        }
        return out
    }
}
