import Testing
@testable import TrailheadCore

@Suite struct SearchTests {
    static let index = SearchIndex(catalog: TestTrees.bundledLibrary.catalog)

    @Test(arguments: [
        ("rucio download", "escape-vre/rucio-download"),
        ("iam account", "escape-vre/iam-account"),
        ("jupyterhub", "escape-vre/jupyterhub"),
        ("reana", "escape-vre/reana-about"),
        ("ssh key", "login-node/ssh-keygen"),
        ("sbatch", "login-node/slurm-sbatch"),
    ])
    func realisticQueriesFindTheExpectedNodeFirst(query: String, expected: String) throws {
        let first = try #require(Self.index.search(query, limit: 1).first)
        #expect(first.key.description == expected)
    }

    @Test func everyTermMustMatch() {
        #expect(Self.index.search("rucio zzzzqq").isEmpty)
    }

    @Test func foldsAccentsAndCase() {
        let catalog = TestTrees.catalog([TestTrees.minimal().replacing("title: Get data", with: "title: Données DÉSY")])
        let index = SearchIndex(catalog: catalog)
        #expect(index.search("desy").first?.key.node == "data")
        #expect(index.search("donnees").first?.key.node == "data")
    }

    @Test func smartCaseMakesUpperCaseQueriesExact() {
        let catalog = TestTrees.catalog([TestTrees.minimal().replacing("title: Get data", with: "title: Get PORTAL")])
        let index = SearchIndex(catalog: catalog)
        #expect(index.search("PORTAL").map(\.key.node) == ["data"])
        #expect(index.search("portal").map(\.key.node) == ["data"])
        #expect(index.search("Portal").isEmpty)
    }

    @Test func returnsCharacterPositionsInTheMatchedField() throws {
        let catalog = TestTrees.catalog([TestTrees.minimal().replacing("title: Get data", with: "title: Über data")])
        let result = try #require(SearchIndex(catalog: catalog).search("data").first)
        #expect(result.field == .title)
        #expect(result.matchedText == "Über data")
        #expect(result.positions == [5, 6, 7, 8])
    }

    @Test func titlesOutrankBodyText() {
        let catalog = TestTrees.catalog([TestTrees.minimal().replacing("body: Use the data portal.", with: "body: Read the docs there.")])
        let results = SearchIndex(catalog: catalog).search("docs")
        #expect(results.first?.key.node == "docs")
    }

    @Test func matcherPrefersWordStartsAndConsecutiveRuns() throws {
        let boundary = try #require(FuzzyMatcher.match(Array("dl".utf8), in: Array("rucio download list".utf8)))
        let scattered = try #require(FuzzyMatcher.match(Array("dl".utf8), in: Array("oddball".utf8)))
        #expect(boundary.score > scattered.score)
        #expect(FuzzyMatcher.match(Array("xyz".utf8), in: Array("xy".utf8)) == nil)
    }
}
