import Testing
@testable import TrailheadCore

/// The documented scoring (FuzzyMatcher, SearchIndex.Field) as expected orders, so a bonus with
/// its sign flipped or a weight swapped is caught, not only a change of the engine against itself.
struct RankingOrderTests {
    static func score(_ term: String, _ text: String) -> Int? {
        FuzzyMatcher.match(Array(term.lowercased().utf8), in: Array(text.lowercased().utf8), cased: Array(text.utf8))?.score
    }

    @Test(arguments: [
        // camelCase hump beats letters in a row inside a word
        ("gp", "gridProxy", "grip"),
        // a word boundary after a separator beats the middle of a word
        ("gp", "grid proxy", "grip"),
        ("dl", "data-lake", "idle"),
        // the first digit after a letter is a hump
        ("x2", "xa2", "x02"),
        // a consecutive run beats the same letters apart
        ("ab", "abxx", "axbx"),
        ("rucio", "rucio download", "r-u-c-i-o download"),
        // inside a word, letters in a row beat the same letters at word starts with gaps between
        ("abc", "xabc", "xa-b-c"),
        // a whole word beats the start of a longer one
        ("cert", "renew a cert", "certificate"),
    ])
    func theBetterMatchScoresHigher(term: String, better: String, worse: String) throws {
        let high = try #require(Self.score(term, better), "\(term) must match \(better)")
        let low = try #require(Self.score(term, worse), "\(term) must match \(worse)")
        #expect(high > low, "\(term): \(better) scored \(high), \(worse) \(low)")
    }

    @Test func aTitleOutranksABodyWithTheSameWord() throws {
        let yaml = """
            format: 1
            id: rank
            title: Ranking
            description: Two nodes with the same word.
            start: start
            nodes:
              start:
                question: Which?
                choices:
                  - label: One
                    goto: body-match
                  - label: Two
                    goto: title-match
              body-match:
                title: Something else
                body: The zebra crossing is here.
              title-match:
                title: Zebra crossing
                body: Somewhere.
            """
        let catalog = TestTrees.catalog([yaml])
        let results = SearchIndex(catalog: catalog).search(SearchQuery("zebra"), limit: 10, within: nil, settled: nil).results
        #expect(results.map(\.key.node).prefix(2) == ["title-match", "body-match"], "\(results.map(\.key.node))")
        #expect(SearchIndex.Field.title.bonus > SearchIndex.Field.body.bonus)
    }
}
