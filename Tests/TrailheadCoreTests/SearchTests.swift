import Testing
@testable import TrailheadCore

@Suite struct SearchTests {
    static let index = SearchIndex(catalog: TestTrees.bundledLibrary.catalog)

    @Test(arguments: [
        ("rucio download", "escape-vre/rucio-download"),
        // A tie on score: "Download" in this title against "rucio" in a tag of "What went wrong?".
        ("rucio down", "escape-vre/rucio-download"),
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

    /// The search loop knows fields only by their bonus; a heading must be told by it exactly.
    @Test func headingsAreTheFieldsWithTheHeadingBonus() {
        for field in SearchIndex.Field.allCases {
            #expect(field.isHeading == (field.bonus >= SearchIndex.Field.headingBonus), "\(field)")
        }
        #expect(SearchIndex.Field.allCases.filter(\.isHeading) == [.title, .label])
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

    /// Scoring and positions read one definition of each kind: `^ab$` matches only a field that
    /// is exactly "ab", in both.
    @Test func eachKindMatchesTheSameTextWhenScoredAndWhenPositionsAreReported() {
        let cases: [(SearchQuery.Kind, String, String, (Int, Int)?)] = [
            (.equal, "ab", "ab", (0, 1)), (.equal, "ab", "abc", nil), (.prefix, "ab", "abc", (0, 1)),
            (.suffix, "bc", "abc", (1, 2)), (.suffix, "ab", "abc", nil), (.exact, "bc", "abcd", (1, 2)),
            (.fuzzy, "ac", "abc", (0, 2)), (.prefix, "abcd", "abc", nil),
        ]
        for (kind, term, text, expected) in cases {
            let termBytes = Array(term.utf8), textBytes = Array(text.utf8)
            let found = termBytes.withUnsafeBufferPointer { termBuffer in
                textBytes.withUnsafeBufferPointer { textBuffer in
                    (bounds: kind.bounds(of: termBuffer, in: textBuffer, from: 0, to: textBuffer.count),
                     positions: SearchIndex.positions(of: termBuffer, kind: kind, in: textBuffer, cases: .bytes(textBuffer), from: 0, to: textBuffer.count))
                }
            }
            #expect(found.bounds?.start == expected?.0 && found.bounds?.end == expected?.1, "\(kind) \(term) in \(text)")
            #expect((found.positions == nil) == (expected == nil), "positions of \(kind) \(term) in \(text)")
        }
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
        let broad = Self.index.search(SearchQuery("ru"), limit: .max, within: nil, settled: nil)
        let narrowed = Self.index.search(SearchQuery("rucio dow"), limit: .max, within: broad.matches, settled: broad.settled)
        let full = Self.index.search(SearchQuery("rucio dow"), limit: .max, within: nil, settled: nil)
        #expect(narrowed == full)
    }

    /// As the pane does while typing: each prefix searches the previous matches, reusing the
    /// scores of the groups already typed. A small limit makes most nodes outranked, whose
    /// settled scores are only ceilings.
    @Test(arguments: ["rucio download dataset", "iam acc tok", "jupyter note book", "cert grid voms x509", "data  lake rucio"])
    func typingOnReusesSettledGroupsWithoutChangingResults(_ typed: String) {
        var previous: (text: String, outcome: SearchOutcome)?
        for length in 1...typed.count {
            let text = String(typed.prefix(length))
            let query = SearchQuery(text)
            let reuse = previous.flatMap { Navigator.narrows(text, previous: $0.text) ? $0.outcome : nil }
            let typedOn = Self.index.search(query, limit: 3, within: reuse?.matches, settled: reuse?.settled)
            let fresh = Self.index.search(query, limit: 3, within: nil, settled: nil)
            #expect(typedOn.results == fresh.results, "after typing \(text.debugDescription)")
            #expect(typedOn.matches == fresh.matches, "after typing \(text.debugDescription)")
            previous = (text, typedOn)
        }
    }

    /// Found by `make fuzz-smoke`: an empty query once asked for all groups but -1.
    @Test(arguments: ["", " ", "   ", "|", " | "])
    func aQueryWithNoWordsFindsNothing(_ text: String) {
        let outcome = Self.index.search(SearchQuery(text), limit: 5, within: nil, settled: nil)
        #expect(outcome.results.isEmpty)
        #expect(outcome.matches.isEmpty)
        #expect(outcome.settled.groups.isEmpty)
    }

    /// More than 4,096 results are built on two cores; they must be the same, in the same order.
    @Test func aLongResultListIsTheSameAsAShortOne() {
        let nodes = (0..<5000).map { "  leaf-\($0):\n    title: Leaf number \($0) of the data lake\n    body: Text.\n" }.joined()
        let index = SearchIndex(catalog: TestTrees.catalog([TestTrees.minimal(extraNodes: nodes)]))
        let all = index.search("leaf lake")
        #expect(all.count == 5000)
        #expect(Array(all.prefix(4000)) == index.search("leaf lake", limit: 4000))
        #expect(all.allSatisfy { !$0.positions.isEmpty })
    }

    /// Over 4,096 nodes the index is built in halves on two cores and joined; the second half's
    /// upper-case bits land at an offset that is not a multiple of 64. Each node must score and
    /// highlight as it does in an index built in one pass (a small catalog of that node alone).
    @Test func anIndexBuiltInHalvesMatchesOneBuiltWhole() {
        let leaf = { (number: Int) in
            "  leaf-\(number):\n    title: Étape \(number) NodeHump\(number)Z\(String(repeating: "x", count: number % 7)) of the data lake\n    body: Text.\n"
        }
        let large = SearchIndex(catalog: TestTrees.catalog([TestTrees.minimal(extraNodes: (0..<5001).map(leaf).joined())]))
        for number in stride(from: 3, to: 5001, by: 97) {
            let query = "NodeHump\(number)Z étape"
            let alone = SearchIndex(catalog: TestTrees.catalog([TestTrees.minimal(extraNodes: leaf(number))])).search(query, limit: 1)
            let found = large.search(query, limit: 1)
            #expect(found.first?.key.node == "leaf-\(number)", "\(query)")
            #expect(found.map(\.score) == alone.map(\.score), "\(query)")
            #expect(found.map(\.positions) == alone.map(\.positions), "\(query)")
        }
    }

    /// Proves the reuse happens: settled scores that were tampered with show in the results.
    @Test func settledGroupsAreNotScoredAgain() {
        let first = Self.index.search(SearchQuery("rucio d"), limit: .max, within: nil, settled: nil)
        #expect(first.settled.groups.count == 1)
        var tampered = first.settled
        tampered.entries = tampered.entries.map { SettledScores.Entry(score: $0.score + 1000, field: $0.field, exact: true) }
        let next = Self.index.search(SearchQuery("rucio do"), limit: .max, within: first.matches, settled: tampered)
        let fresh = Self.index.search(SearchQuery("rucio do"), limit: .max, within: nil, settled: nil)
        #expect(!fresh.results.isEmpty)
        #expect(next.results.map(\.score) == fresh.results.map { $0.score + 1000 })
    }

    /// The top N skips nodes by score ceilings (lower for letters never adjacent in a field): an
    /// unsound ceiling would drop a node that belongs there.
    @Test(arguments: ["a", "ru", "rdl", "cert grid", "jpy nb", "iam tok", "x509 voms", "da la"])
    func topNIsTheSameAsSortingEverything(_ query: String) {
        let all = Self.index.search(query)
        for limit in [1, 3, 7] {
            #expect(Array(all.prefix(limit)) == Self.index.search(query, limit: limit), "\(query) limit \(limit)")
        }
    }
}
