// MARK: - Report text as HTML

extension ReportText {
    /// The text as inline markup: each span escaped, styled spans in `<strong>`, `<code>` or
    /// `<span class="muted">`. Code of up to 20 characters (a window, an option) stays on one
    /// line; longer code (a file path) is `class="long"` and may wrap anywhere, so that it never
    /// runs out of a phone's width.
    var html: String {
        var markup = ""
        for span in spans {
            switch span {
            case .plain(let content): markup += MarkupText.escaped(content)
            case .strong(let content): markup += "<strong>" + MarkupText.escaped(content) + "</strong>"
            case .code(let content):
                markup += (content.count > 20 ? "<code class=\"long\">" : "<code>") + MarkupText.escaped(content) + "</code>"
            case .muted(let content): markup += "<span class=\"muted\">" + MarkupText.escaped(content) + "</span>"
            }
        }
        return markup
    }
}
