import Testing

@testable import MarketLink

@Suite struct TextTableTests {
    /// Widths by hand: id 2; title max("title" 5, "北京 talks" 4 + 1 + 5, "📈 up" 2 + 1 + 2) = 10;
    /// points max(6, "+260.33" 7, 5) = 7, right-aligned. Two spaces between columns, so "points"
    /// starts 5 (pad) + 2 + 1 (pad) = 8 spaces after "title", and "-5.10" 5 + 2 + 2 = 9 after "📈 up".
    @Test func alignsByDisplayWidth() {
        var table = TextTable(headers: ["id", "title", "points"], alignments: [.left, .left, .right])
        table.append(["1", "北京 talks", "+260.33"])
        table.append(["22", "📈 up", "-5.10"])
        #expect(
            table.render() == """
                id  title        points
                ──  ──────────  ───────
                1   北京 talks  +260.33
                22  📈 up         -5.10

                """)
    }

    @Test func escapesAndShortensCellsForTheTerminal() {
        var table = TextTable(headers: ["title"], alignments: [.left], maxWidths: [12])
        table.append(["\u{1B}]0;pwned\u{7}\u{1B}[31mRed alert\u{1B}[0m"])
        let text = table.render()
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"))
        // "␛]0;pwned␇␛[31mRed alert␛[0m" cut to 12 columns: its first 11 characters and "…".
        #expect(text.contains("␛]0;pwned␇␛…"))
    }

    @Test func colourOnlyWhenAsked() {
        var table = TextTable(headers: ["points"], alignments: [.right])
        table.append([TextTable.Cell("+1.00", color: 32)])
        #expect(!table.render().contains("\u{1B}"))
        #expect(table.render(color: true).contains("\u{1B}[32m+1.00\u{1B}[0m"))
    }

    @Test func indentsEveryLineWithoutTrailingSpaces() {
        var table = TextTable(headers: ["part", "verdict"], alignments: [.left, .left])
        table.append(["level", ""])
        #expect(table.render(indent: 2) == "  part   verdict\n  ─────  ───────\n  level\n")
    }

    /// Trailing spaces go as `String` counts characters: after "…" (a character of its own) all
    /// of them; after U+0600 ARABIC NUMBER SIGN, a prepended letter that UAX #29 (GB9b) joins to
    /// the space after it, one space stays inside that character and the rest go.
    @Test func trailingSpacesGoByCharacter() {
        var table = TextTable(headers: ["a", "b"], alignments: [.left, .left], maxWidths: [4, nil])
        table.append(["abcdef", ""])
        table.append(["\u{600}", ""])
        table.append(["longer", "x"])
        #expect(table.render() == "a     b\n────  ─\nabc…\n\u{600} \nlon…  x\n")
    }

    /// A zero-width cell in a column of width 0 is dropped, as `DisplayWidth.truncated` drops
    /// everything for a limit of 0.
    @Test func aColumnOfNoWidthShowsNothing() {
        var table = TextTable(headers: ["", "b"], alignments: [.left, .left], maxWidths: [0, nil])
        table.append(["\u{200B}", "x"])
        #expect(table.render() == "  b\n  ─\n  x\n")
    }

    @Test func markdownCellsAreInert() {
        var table = TextTable(headers: ["title", "points"], alignments: [.left, .right])
        table.append(["<img src=x onerror=alert(1)> | [x](javascript:alert(1))\nnext", "-260.33"])
        #expect(
            table.markdown() == """
                | title | points |
                | --- | ---: |
                | \\<img src=x onerror=alert(1)\\> \\| \\[x\\](javascript:alert(1)) next | -260.33 |

                """)
    }
}
