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

@Suite struct QuerySyntaxTests {
    static let index = SearchTests.index

    func nodes(_ query: String) -> [String] {
        Self.index.search(query).map(\.key.description)
    }

    @Test func parsesTermKinds() {
        let query = SearchQuery("rucio 'exact ^pre suf$ !not ^both$ a | b")
        let kinds = query.groups.map { $0.map(\.kind) }
        #expect(kinds == [[.fuzzy], [.exact], [.prefix], [.suffix], [.exact], [.equal], [.fuzzy, .fuzzy]])
        #expect(query.groups[4][0].inverse)
        #expect(query.groups[6].map(\.text) == ["a", "b"])
        #expect(SearchQuery("  ").isEmpty)
        #expect(SearchQuery("| x").groups.count == 1)
        #expect(SearchQuery("Rucio").groups[0][0].caseSensitive)
    }

    @Test func exactTermsNeedContiguousText() {
        #expect(nodes("'rcdwnld").isEmpty)
        #expect(!nodes("rcdwnld").isEmpty)
        #expect(nodes("'rucio download").first == "escape-vre/rucio-download")
    }

    @Test func prefixAndSuffixAnchorToAField() {
        for result in Self.index.search("^download") {
            #expect(result.matchedText.lowercased().hasPrefix("download") || result.field != .title)
        }
        #expect(nodes("^zzz").isEmpty)
        #expect(!nodes("rucio.cfg$").isEmpty || !nodes("cfg$").isEmpty)
    }

    @Test func negationExcludes() {
        let all = Set(nodes("rucio"))
        let withoutUpload = Set(nodes("rucio !upload"))
        #expect(withoutUpload.isSubset(of: all))
        #expect(withoutUpload.count < all.count)
        #expect(!withoutUpload.contains("escape-vre/rucio-upload"))
    }

    @Test func alternativesMatchEither() {
        let either = Set(nodes("jupyterhub | mybinder"))
        #expect(either.contains("escape-vre/jupyterhub"))
        #expect(either.contains("escape-vre/mybinder"))
    }

    @Test func narrowingTheCandidatesGivesTheSameResults() {
        let broad = Self.index.search(SearchQuery("ru"), limit: .max, within: nil)
        let narrowed = Self.index.search(SearchQuery("rucio dow"), limit: .max, within: broad.matches)
        let full = Self.index.search(SearchQuery("rucio dow"), limit: .max, within: nil)
        #expect(narrowed == full)
    }

    @Test func topNIsTheSameAsSortingEverything() {
        let all = Self.index.search("a")
        let top = Self.index.search("a", limit: 7)
        #expect(Array(all.prefix(7)) == top)
    }
}
