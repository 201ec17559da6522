import Testing

@testable import MarketLink

@Suite struct WordFilterTests {
    /// No false negative: every word of the vocabularies it guards passes, whatever its script.
    @Test func everyVocabularyWordPasses() {
        for word in IndexNameMatcher.table.keys { #expect(IndexNameMatcher.keys.mayContain(word), "\(word)") }
        for word in DatePhraseReader.leads { #expect(DatePhraseReader.leadFilter.mayContain(word), "\(word)") }
        let filter = WordFilter(["dow", "上", "s&p", "", "x"])
        for word in ["dow", "上", "s&p", "", "x"] { #expect(filter.mayContain(word)) }
    }

    /// Few false positives: of 10,000 words that are in neither vocabulary, about 300 × 10,000 /
    /// 65,536 ≈ 46 may pass the date-phrase filter at random; far fewer than 2% must.
    @Test func mostOtherWordsAreTurnedAway() {
        let others = (0..<10_000).map { "zq\($0)w" }
        #expect(others.filter(DatePhraseReader.leadFilter.mayContain).count < 200)
        #expect(others.filter(IndexNameMatcher.keys.mayContain).count < 200)
        #expect(!WordFilter(["dow"]).mayContain("the"))
    }
}
