// MARK: - HTML report rendering

extension HTMLReport {
    /// Chart sizes in pixels: wide for screens and print, narrow (shown below 600 CSS pixels
    /// of width) so that chart text stays readable on a phone rather than shrinking to half.
    static let wideChart = (width: 760, height: 320)
    static let narrowChart = (width: 360, height: 340)

    /// The report as one self-contained HTML5 document (UTF-8).
    ///
    /// Structure: a masthead with the title, the lede and a list of the sections; each section
    /// as `<section id>` with an `<h2>`; a colophon naming the generator. CSS is inline
    /// (`ReportStyle.css`), charts are inline SVG, and there is no script, no external link
    /// and no clock-dependent text, so the same report is the same bytes. The document is
    /// written in XHTML-compatible syntax (every element closed), which XML parsers accept too.
    public func html() -> String {
        var writer = MarkupWriter()
        writer.line("<!DOCTYPE html>")
        writer.open("html", [("lang", "en")])
        writer.open("head")
        writer.empty("meta", [("charset", "utf-8")])
        writer.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        writer.empty("meta", [("name", "generator"), ("content", generator)])
        writer.text("title", [], title)
        writer.open("style")
        writer.lines(ReportStyle.css)
        writer.close()
        writer.close()

        writer.open("body")
        writer.open("header", [("class", "masthead")])
        writer.text("h1", [], title)
        if let lede { writer.element("p", [("class", "lede")], inner: lede.html) }
        if sections.count > 1 {
            writer.open("nav", [("aria-label", "Contents")])
            writer.open("ol")
            for section in sections {
                writer.element("li", inner: "<a href=\"#" + MarkupText.escaped(section.id) + "\">" + MarkupText.escaped(section.heading) + "</a>")
            }
            writer.close()
            writer.close()
        }
        writer.close()

        writer.open("main")
        for section in sections {
            writer.open("section", [("id", section.id)])
            writer.text("h2", [], section.heading)
            for block in section.blocks { HTMLReport.write(block, into: &writer) }
            writer.close()
        }
        writer.close()

        writer.open("footer", [("class", "colophon")])
        writer.text(
            "p", [],
            "Made by " + generator + ". One self-contained file: no scripts, nothing fetched from the network.")
        writer.close()
        writer.close()
        writer.close()
        return writer.finish()
    }

    // MARK: - Blocks

    static func write(_ block: ReportBlock, into writer: inout MarkupWriter) {
        switch block {
        case .heading(let text):
            writer.element("h3", inner: text.html)
        case .paragraph(let text):
            writer.element("p", inner: text.html)
        case .list(let items):
            guard !items.isEmpty else { return }
            writer.open("ul")
            for item in items { writer.element("li", inner: item.html) }
            writer.close()
        case .definitions(let definitions):
            guard !definitions.isEmpty else { return }
            writer.open("dl")
            for definition in definitions {
                writer.element("dt", inner: definition.term.html)
                writer.element("dd", inner: definition.detail.html)
            }
            writer.close()
        case .table(let table):
            write(table, into: &writer)
        case .lineChart(let chart):
            writeChart(into: &writer) {
                chart.fittingBoldTitle(width: Double($0)).render(width: $0, height: $1, standalone: false)
            }
        case .bandChart(let chart):
            writeChart(into: &writer) {
                chart.fittingBoldTitle(width: Double($0)).render(width: $0, height: $1, standalone: false)
            }
        case .group(let id, let blocks):
            writer.open("article", id.map { [("id", $0), ("class", "card")] } ?? [("class", "card")])
            for block in blocks { write(block, into: &writer) }
            writer.close()
        }
    }

    private static func writeChart(into writer: inout MarkupWriter, render: (Int, Int) -> String) {
        writer.open("figure", [("class", "chart")])
        writer.open("div", [("class", "wide")])
        writer.lines(render(wideChart.width, wideChart.height))
        writer.close()
        writer.open("div", [("class", "narrow")])
        writer.lines(render(narrowChart.width, narrowChart.height))
        writer.close()
        writer.close()
    }

    private static func cellClass(_ kind: ReportTable.Kind) -> String {
        switch kind {
        case .label: return "label"
        case .number: return "num"
        case .text: return "text"
        case .title: return "text title"
        }
    }

    private static func write(_ table: ReportTable, into writer: inout MarkupWriter) {
        writer.open("div", [("class", "table-wrap")])
        writer.open("table", [("class", "stack")])
        if let caption = table.caption { writer.element("caption", inner: caption.html) }
        writer.open("thead")
        writer.open("tr")
        for column in table.columns {
            writer.text("th", [("scope", "col"), ("class", cellClass(column.kind))], column.name)
        }
        writer.close()
        writer.close()
        if !table.rows.isEmpty || table.groups.isEmpty {
            writer.open("tbody")
            for row in table.rows { write(row, of: table, into: &writer) }
            writer.close()
        }
        let span = String(max(1, table.columns.count))
        for group in table.groups {
            writer.open("tbody", [("class", "group")])
            writer.open("tr", [("class", "group-head")])
            writer.element("th", [("scope", "rowgroup"), ("colspan", span)], inner: group.heading.html)
            writer.close()
            for row in group.rows { write(row, of: table, into: &writer) }
            writer.close()
        }
        writer.close()
        writer.close()
    }

    private static func write(_ row: [ReportText], of table: ReportTable, into writer: inout MarkupWriter) {
        writer.open("tr")
        for (index, column) in table.columns.enumerated() {
            let cell = index < row.count ? row[index] : ReportText("")
            writer.element("td", [("class", cellClass(column.kind)), ("data-label", column.name)], inner: cell.html)
        }
        writer.close()
    }
}
