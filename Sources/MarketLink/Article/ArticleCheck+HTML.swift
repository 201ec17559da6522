// MARK: - HTML page

extension ArticleCheck {
    /// A self-contained HTML page of the article's readable text with every claim highlighted by
    /// its outcome (green ✓ holds, red ✗ does not hold, grey ? not checked) and explained on hover,
    /// on keyboard focus and on tap (CSS only, no script: each claim is a focusable `<mark>` whose
    /// explanation shows under `:hover`, `:focus` and `:focus-within`); event sentences are
    /// underlined with their draft date as a title, unread sentences (coverage) marked apart. The
    /// claims, event drafts and coverage follow as lists, so nothing depends on hovering.
    ///
    /// Every piece of article text goes through `MarkupText.escaped` (by `MarkupWriter`): text
    /// such as `<img src=x onerror=alert(1)>` is shown, never run. Outcomes are told apart by a
    /// sign and a border style as well as by colour.
    public func reportHTML() -> String {
        var page = MarkupWriter()
        page.line("<!DOCTYPE html>")
        page.open("html", [("lang", Self.language(of: article.text.scalars))])
        page.open("head")
        page.empty("meta", [("charset", "utf-8")])
        page.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.text("title", [], "Claims and events in \(Self.fileName(article.file))")
        page.open("style")
        page.lines(ArticlePageStyle.css)
        page.close()
        page.close()
        page.open("body")
        page.open("header", [("class", "masthead")])
        page.text("h1", [], "Claims and events in \(Self.fileName(article.file))")
        page.element("p", [("class", "lede")], inner: "Published " + MarkupText.escaped(publishedLine))
        page.text("p", [("class", "lede")], summaryLine)
        page.element(
            "p", [("class", "legend")],
            inner: "<mark class=\"claim holds\">holds</mark> <mark class=\"claim off\">does not hold</mark> "
                + "<mark class=\"claim unchecked\">not checked</mark> <span class=\"event\">event draft</span> "
                + "<span class=\"unread\">names an index and a number, not read</span> — point at, tab to or tap a claim to see its verdicts.")
        page.close()
        page.open("main")

        page.open("section", [("class", "article"), ("aria-label", "The article")])
        page.text("h2", [], "The article")
        for (index, paragraph) in article.text.paragraphs.enumerated() {
            page.element("p", [("class", "text")], inner: paragraphMarkup(index, paragraph))
        }
        page.close()

        page.open("section", [("class", "claims")])
        page.text("h2", [], "Claims (\(claims.count))")
        if claims.isEmpty { page.text("p", [("class", "muted")], "No market claims in this article.") }
        for (k, claim) in claims.enumerated() {
            page.open("div", [("class", "card " + Self.outcomeClass(claim)), ("id", "claim-\(k + 1)")])
            page.element(
                "h3", [],
                inner: "<span class=\"badge\">" + MarkupText.escaped(claim.outcome.rawValue) + "</span> " + MarkupText.escaped("\(k + 1). " + claim.text))
            page.open("dl")
            page.text("dt", [], "index")
            page.text("dd", [], claim.index.name + (claim.series.map { " (checked against \($0))" } ?? " (no loaded series)"))
            page.text("dt", [], "days")
            page.text("dd", [], Self.daysText(claim))
            if let measured = claim.measured {
                page.text("dt", [], "measured")
                page.text("dd", [], measured)
            }
            for part in claim.verdicts.parts {
                page.text("dt", [], part.name)
                page.text("dd", [("class", Self.verdictClass(part.verdict))], part.verdict)
            }
            page.close()
            page.close()
        }
        page.close()

        page.open("section", [("class", "events")])
        page.text("h2", [], "Event drafts (\(events.count))")
        if events.isEmpty {
            page.text("p", [("class", "muted")], "No sentence reports a past action on a day or in a month.")
        } else {
            page.open("table", [("class", "stack")])
            page.open("thead")
            page.element("tr", [], inner: "<th>date</th><th>precision</th><th>title</th>")
            page.close()
            page.open("tbody")
            for event in events {
                page.element(
                    "tr", [],
                    inner: "<td class=\"num\" data-label=\"date\">" + MarkupText.escaped(event.eventDate ?? "no date") + "</td>"
                        + "<td data-label=\"precision\">" + MarkupText.escaped(event.precision.rawValue) + "</td>"
                        + "<td class=\"text\" data-label=\"title\">" + MarkupText.escaped(event.title) + "</td>")
            }
            page.close()
            page.close()
        }
        page.close()

        page.open("section", [("class", "coverage")])
        page.text("h2", [], "Coverage (\(coverage.count))")
        if coverage.isEmpty {
            page.text("p", [("class", "muted")], "Every sentence that names an index and a number was read as a claim.")
        } else {
            page.open("ul")
            for entry in coverage { page.element("li", [], inner: MarkupText.escaped(entry.sentenceText) + " <span class=\"muted\">— " + MarkupText.escaped(entry.why) + "</span>") }
            page.close()
        }
        page.close()
        page.close()
        page.text("footer", [("class", "colophon")], "Made by MarketLink from \(article.file). Verdicts are at each claim's own rounding; see docs/ARTICLES.md.")
        return page.finish()
    }

    /// One paragraph's markup: its text escaped, claims, event sentences and unread sentences
    /// wrapped in their elements.
    func paragraphMarkup(_ index: Int, _ paragraph: Range<Int>) -> String {
        let scalars = article.text.scalars
        struct Mark {
            var range: Range<Int>
            var open: String
            var close: String
        }
        var marks: [Mark] = []
        for (k, claim) in claims.enumerated() where paragraph.contains(claim.range.lowerBound) {
            var why = "<span class=\"why\" role=\"tooltip\"><span class=\"line\"><b>" + MarkupText.escaped(claim.summary) + "</b></span>"
            for part in claim.verdicts.parts {
                why += "<span class=\"line\"><span class=\"part\">" + MarkupText.escaped(part.name) + "</span> " + MarkupText.escaped(part.verdict) + "</span>"
            }
            if let measured = claim.measured { why += "<span class=\"line muted\">" + MarkupText.escaped(measured) + "</span>" }
            why += "</span>"
            marks.append(
                Mark(
                    range: claim.range,
                    open: "<mark class=\"claim \(Self.outcomeClass(claim))\" tabindex=\"0\" aria-describedby=\"claim-\(k + 1)\">",
                    close: why + "</mark><a class=\"ref\" href=\"#claim-\(k + 1)\" aria-label=\"claim \(k + 1)\">\(k + 1)</a>"))
        }
        for event in events where article.sentences[event.sentence].paragraph == index {
            let title = "event draft: " + (event.eventDate.map { "\($0) (\(event.precision.rawValue))" } ?? "no date") + " — " + event.title
            marks.append(Mark(range: article.sentences[event.sentence].range, open: "<span class=\"event\" title=\"\(MarkupText.escaped(title))\">", close: "</span>"))
        }
        for entry in coverage where article.sentences[entry.sentence].paragraph == index {
            let range = article.sentences[entry.sentence].range
            guard !marks.contains(where: { $0.range.overlaps(range) }) else { continue }
            marks.append(Mark(range: range, open: "<span class=\"unread\" title=\"\(MarkupText.escaped("not read: " + entry.why))\">", close: "</span>"))
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = ""
        var cursor = paragraph.lowerBound
        func text(_ range: Range<Int>) -> String {
            range.isEmpty ? "" : MarkupText.escaped(Self.spaced(scalars[range]))
        }
        for mark in marks where mark.range.lowerBound >= cursor {
            out += text(cursor..<mark.range.lowerBound)
            out += mark.open + text(mark.range) + mark.close
            cursor = mark.range.upperBound
        }
        out += text(cursor..<paragraph.upperBound)
        return out
    }

    /// The scalars as text with runs of white space as one space (kept at the edges, so words
    /// either side of a highlight stay apart).
    static func spaced(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        var space = false
        for scalar in scalars {
            if TextToken.isSpace(scalar) {
                if !space { view.append(" ") }
                space = true
            } else {
                view.append(scalar)
                space = false
            }
        }
        return String(view)
    }

    static func outcomeClass(_ claim: ArticleClaim) -> String {
        switch claim.outcome {
        case .holds: "holds"
        case .doesNotHold: "off"
        case .notChecked: "unchecked"
        }
    }

    static func verdictClass(_ verdict: String) -> String {
        if verdict.hasPrefix("off") || verdict.hasPrefix("wrong") || verdict.hasPrefix("inconsistent") { return "bad" }
        if verdict.hasPrefix("not ") || verdict.hasPrefix("no ") { return "muted" }
        return "good"
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `zh` for an article mostly in Chinese characters, `ja` with kana, else `en`.
    static func language(of scalars: [Unicode.Scalar]) -> String {
        var ideographs = 0
        var kana = 0
        var letters = 0
        for scalar in scalars.prefix(20_000) {
            if TextToken.isIdeograph(scalar) {
                if scalar.value >= 0x3040 && scalar.value <= 0x30FF { kana += 1 } else { ideographs += 1 }
            } else if TextToken.isLetter(scalar) {
                letters += 1
            }
        }
        if kana > 20 { return "ja" }
        return ideographs > letters / 2 ? "zh" : "en"
    }
}

// MARK: - Style

/// The article page's style sheet: a readable column; claims as highlighted, focusable marks
/// whose explanation opens below the line (full paragraph width, so it fits a phone); outcome
/// told by a sign (✓ ✗ ?) and a border style as well as by colour. No `<` or `&` in it.
enum ArticlePageStyle {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: #f4f4f1; color: #1a1a1a;
          font: 17px/1.6 Georgia, "Times New Roman", "Noto Serif CJK SC", "Songti SC", serif; }
        .masthead, main, .colophon { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
        .masthead { padding-top: 1.5rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 15px; }
        h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .5rem; }
        h2 { font: 600 1.15rem/1.3 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 0 0 .75rem; }
        h3 { font: 600 1rem/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 0 0 .4rem; }
        .lede { color: #404040; margin: 0 0 .4rem; }
        .legend { margin: .6rem 0 1rem; line-height: 2; }
        section { background: #fff; border: 1px solid #dcdcd6; border-radius: 6px; padding: 1.1rem 1.25rem .6rem; margin: 0 0 1.25rem; }
        section.claims, section.events, section.coverage { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 15px; }
        p.text { position: relative; margin: 0 0 1rem; overflow-wrap: anywhere; }
        mark.claim { color: inherit; border-radius: 3px; padding: 0 .12em; border-bottom: 2px solid; cursor: help;
          -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        mark.claim:focus { outline: 2px solid #1f3a5f; outline-offset: 1px; }
        mark.holds { background: #dcefe2; border-color: #2d6a4f; }
        mark.off { background: #fadcdc; border-color: #a4161a; }
        mark.unchecked { background: #ececea; border-color: #6c6c6c; border-bottom-style: dashed; }
        mark.holds::after { content: " \\2713"; color: #2d6a4f; font-weight: 700; }
        mark.off::after { content: " \\2717"; color: #a4161a; font-weight: 700; }
        mark.unchecked::after { content: " ?"; color: #555; font-weight: 700; }
        .legend mark.claim { cursor: default; }
        a.ref { font: 600 .7rem/1 system-ui, sans-serif; vertical-align: super; color: #1f3a5f; text-decoration: none; margin-left: .1em; }
        mark .why { display: none; position: absolute; left: 0; right: 0; z-index: 5; margin-top: .3rem;
          background: #fff; color: #1a1a1a; border: 1px solid #b9b9b2; border-radius: 6px;
          box-shadow: 0 6px 18px rgba(0, 0, 0, .18); padding: .55rem .75rem; text-align: left;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; white-space: normal; }
        mark:hover .why, mark:focus .why, mark:focus-within .why { display: block; }
        .why .line { display: block; }
        .why .part { display: inline-block; min-width: 6.5rem; color: #5c5c5c; }
        span.event { text-decoration: underline dotted #1f3a5f; text-decoration-thickness: 2px; text-underline-offset: .2em; }
        span.unread { text-decoration: underline wavy #b45309; text-underline-offset: .2em; }
        .card { border-top: 1px solid #e3e3e3; padding: .8rem 0 .3rem; }
        section > .card:first-of-type { border-top: 0; padding-top: 0; }
        .badge { display: inline-block; font-size: .75rem; font-weight: 700; border-radius: 3px; padding: 0 .4em; margin-right: .2em;
          border: 1px solid; vertical-align: .1em; }
        .card.holds .badge { color: #1b4332; background: #dcefe2; border-color: #2d6a4f; }
        .card.off .badge { color: #7a0c0f; background: #fadcdc; border-color: #a4161a; }
        .card.unchecked .badge { color: #333; background: #ececea; border-color: #6c6c6c; border-style: dashed; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .6rem; }
        dt { color: #5c5c5c; }
        dd { margin: 0; overflow-wrap: anywhere; }
        dd.bad { color: #7a0c0f; font-weight: 600; }
        dd.bad::before { content: "\\2717  "; }
        .muted { color: #5c5c5c; }
        table { border-collapse: collapse; width: 100%; font-size: .875rem; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid #e3e3e3; }
        th { background: #efefea; font-weight: 600; white-space: nowrap; }
        .num { white-space: nowrap; font-variant-numeric: tabular-nums; }
        ul { margin: 0 0 .75rem; padding-left: 1.25rem; }
        .colophon { color: #5c5c5c; font: 13px/1.5 system-ui, sans-serif; padding-bottom: 2rem; }
        @media (max-width: 640px) {
          body { font-size: 16px; }
          .masthead, main, .colophon { padding: 0 .6rem; }
          .masthead { padding-top: 1rem; }
          h1 { font-size: 1.3rem; }
          section { padding: .8rem .75rem .4rem; border-radius: 4px; }
          dl { grid-template-columns: 1fr; gap: 0; }
          dd { margin-bottom: .35rem; }
          table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.stack, table.stack tbody { display: block; width: 100%; }
          table.stack tr { display: grid; grid-template-columns: 1fr 1fr; gap: .1rem .8rem; border: 1px solid #dcdcd6;
            border-radius: 4px; padding: .4rem .55rem; margin: 0 0 .5rem; }
          table.stack td { display: block; border: 0; padding: 0; }
          table.stack td.text { grid-column: 1 / -1; }
          table.stack td::before { content: attr(data-label); display: block; font-size: .72rem; color: #5c5c5c; }
        }
        """
}
