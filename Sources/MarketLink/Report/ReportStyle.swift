// MARK: - Report style

/// The report's style sheet, inline in every report.
///
/// Screens: a readable column (at most 70rem), sections as white panels, numbers right-aligned
/// in digits of equal width. Phones (below 640 CSS pixels): narrower margins, definition lists
/// in one column, and each table row as a card — its text cell (a title) first and across the
/// card, then the short values side by side, each under its column name — so that nothing
/// needs sideways scrolling; a group's heading row (an event's title over its moves) stands
/// above its cards as a heading; charts switch to their narrow drawing below 600.
/// Print: no contents list or panel frames, black on white, table headers repeated on every
/// page, and no chart, card or table row split across pages.
///
/// Greyscale-safe: no meaning is carried by colour alone (moves carry their sign; chart lines
/// differ in dash and point shape as well as colour). The sheet holds no `<` or `&`, so the
/// document stays well-formed XML.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: #f4f4f1; color: #1a1a1a;
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
        .masthead, main, .colophon { max-width: 70rem; margin: 0 auto; padding: 0 1rem; }
        .masthead { padding-top: 1.75rem; }
        h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .4rem; }
        h2 { font-size: 1.3rem; line-height: 1.25; margin: 0 0 .75rem; }
        h3 { font-size: 1.05rem; line-height: 1.3; margin: 0 0 .35rem; }
        p { margin: 0 0 .75rem; }
        .lede { color: #404040; margin-bottom: 1rem; }
        nav ol { list-style: none; margin: 0 0 1.25rem; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.25rem; }
        a { color: #1f3a5f; }
        section { background: #fff; border: 1px solid #dcdcd6; border-radius: 6px; padding: 1.1rem 1.25rem .5rem;
          margin: 0 0 1.25rem; }
        .card { border-top: 1px solid #e3e3e3; padding: .9rem 0 .25rem; }
        section > .card:first-of-type { border-top: 0; padding-top: 0; }
        ul { margin: 0 0 .75rem; padding-left: 1.25rem; }
        li { margin: .15rem 0; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em;
          background: #f0f0ec; border-radius: 3px; padding: 0 .25em; white-space: nowrap; }
        code.long { white-space: normal; overflow-wrap: anywhere; }
        .muted { color: #5c5c5c; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem; margin: 0 0 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        figure.chart { margin: .5rem 0 1rem; }
        figure.chart svg { display: block; width: 100%; max-width: 760px; height: auto; }
        figure.chart .narrow { display: none; }
        .table-wrap { overflow-x: auto; margin: 0 0 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: .8125rem; }
        caption { caption-side: top; text-align: left; color: #404040; padding: 0 0 .4rem; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .4rem; border-bottom: 1px solid #e3e3e3; }
        th { background: #efefea; font-weight: 600; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #fafaf7; }
        tr.group-head th { background: #f7f7f3; font-weight: 600; white-space: normal; text-align: left;
          border-top: 2px solid #dcdcd6; padding-top: .55rem; font-size: .875rem; }
        tbody.group tr:nth-child(even) { background: none; }
        tbody.group tr:nth-child(odd):not(.group-head) { background: #fafaf7; }
        .label { white-space: nowrap; }
        td.text { min-width: 11rem; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .colophon { color: #5c5c5c; font-size: .875rem; padding-bottom: 2rem; }
        @media (max-width: 640px) {
          body { font-size: 15px; }
          .masthead, main, .colophon { padding: 0 .6rem; }
          .masthead { padding-top: 1rem; }
          h1 { font-size: 1.4rem; }
          section { padding: .8rem .75rem .25rem; border-radius: 4px; }
          dl { grid-template-columns: 1fr; gap: 0; }
          dd { margin-bottom: .5rem; }
          table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.stack, table.stack tbody { display: block; width: 100%; }
          table.stack caption { display: block; }
          table.stack tr { display: grid; grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr)); gap: .3rem .9rem;
            border: 1px solid #dcdcd6; border-radius: 4px; padding: .45rem .6rem; margin: 0 0 .6rem; }
          table.stack tbody tr:nth-child(even) { background: #fff; }
          table.stack td { display: block; border: 0; padding: 0; text-align: left; white-space: normal; min-width: 0; }
          table.stack td.text { grid-column: 1 / -1; }
          table.stack td.title { order: -1; font-weight: 600; }
          table.stack td.title::before { display: none; }
          table.stack tbody.group { margin: .5rem 0 0; }
          table.stack tr.group-head { display: block; border: 0; border-radius: 0; padding: .35rem 0 .3rem; margin: 0;
            background: none; }
          table.stack tr.group-head th { display: block; background: none; border: 0; padding: 0; font-size: .95rem; }
          table.stack tbody.group tr:nth-child(odd):not(.group-head) { background: #fff; }
          table.stack td::before { content: attr(data-label); display: block; font-size: .75rem; font-weight: 400;
            color: #5c5c5c; }
        }
        @media (max-width: 600px) {
          figure.chart .wide { display: none; }
          figure.chart .narrow { display: block; }
        }
        @media print {
          @page { margin: 15mm; }
          body { background: #fff; font-size: 10pt; }
          .masthead, main, .colophon { max-width: none; padding: 0; }
          nav { display: none; }
          section { border: 0; border-radius: 0; padding: 0; margin: 0 0 1.5rem; }
          a { color: inherit; text-decoration: none; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          .card, figure.chart, tr, dl { break-inside: avoid; page-break-inside: avoid; }
          tr.group-head { break-after: avoid; page-break-after: avoid; }
          tbody.group tr:nth-child(odd):not(.group-head) { background: #fff; }
          figure.chart .wide { display: block; }
          figure.chart .narrow { display: none; }
          figure.chart svg { max-width: 100%; }
          thead { display: table-header-group; }
          .table-wrap { overflow: visible; }
          tbody tr:nth-child(even) { background: #fff; }
          code { background: none; padding: 0; }
        }
        """
}
