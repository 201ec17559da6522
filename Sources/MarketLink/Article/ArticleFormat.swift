// MARK: - Article format

/// How an article file is written.
public enum ArticleFormat: String, Sendable, Hashable, CaseIterable {
    /// Plain text: read as it is; a blank line ends a paragraph.
    case text
    /// Markdown: heading markers, emphasis, link targets, code and HTML tags removed; link text kept.
    case markdown
    /// HTML: `<head>`, `<script>`, `<style>`, `<nav>` (and templates, SVG, forms, hidden
    /// elements) dropped with their content, other tags dropped, entities decoded, block elements
    /// ending paragraphs.
    case html

    /// The format a file's name says (`.html`, `.htm`, `.xhtml`; `.md`, `.markdown`), else what its
    /// first bytes say (`<!doctype html`, `<html`, or a first tag among `<head>`, `<body>`,
    /// `<article>`, `<p>`, `<div>`), else plain text.
    public static func detect(path: String, bytes: [UInt8]) -> ArticleFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdown") { return .markdown }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start] == 32 || bytes[start] == 9 || bytes[start] == 10 || bytes[start] == 13 { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 64)], as: UTF8.self).lowercased()
        for opening in ["<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<meta", "<!--"] where head.hasPrefix(opening) {
            return .html
        }
        return .text
    }
}
