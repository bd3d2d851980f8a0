import Testing
@testable import TrailheadCore

/// Owners and review dates: read, kept, inherited, shown, used for feedback and checked.
@Suite struct StewardshipTests {
    static let tree = """
    format: 1
    id: kept
    title: Kept
    description: A tree with owners.
    start: start
    feedback: https://example.org/feedback?n={node}
    owner:
      name: Tree team
      contact: https://example.org/tree?n={node}
    reviewed: 2026-01-15
    nodes:
      start:
        question: Which?
        choices:
          - label: Own
            goto: own
          - label: Inherited
            goto: inherited
      own:
        title: Own owner
        body: x
        owner: {name: Node person, contact: "mailto:node@example.org?subject={tree}%2F{node}"}
        reviewed: 2026-12-01
      inherited:
        title: Tree's owner
        body: y

    """

    static var catalog: Catalog { TestTrees.catalog([tree]) }

    @Test func aNodesOwnOwnerAndDateWinOverItsTrees() throws {
        let file = TestTrees.load(Self.tree)
        #expect(file.diagnostics.map(\.description) == [])
        let own = Self.catalog.stewardship(of: NodeKey(tree: "kept", node: "own"))
        #expect(own.owner == Owner(name: "Node person", contact: "mailto:node@example.org?subject={tree}%2F{node}"))
        #expect(own.reviewed?.description == "2026-12-01")
        let inherited = Self.catalog.stewardship(of: NodeKey(tree: "kept", node: "inherited"))
        #expect(inherited.owner?.name == "Tree team" && inherited.reviewed?.description == "2026-01-15")
    }

    @Test func feedbackGoesToTheOwnersContact() {
        let own = FeedbackLink.url(for: NodeKey(tree: "kept", node: "own"), trail: [], in: Self.catalog, version: "1")
        #expect(own == "mailto:node@example.org?subject=kept%2Fown")
        let inherited = FeedbackLink.url(for: NodeKey(tree: "kept", node: "inherited"), trail: [], in: Self.catalog, version: "1")
        #expect(inherited == "https://example.org/tree?n=inherited")
    }

    @Test func everyFrontEndShowsTheReviewLine() {
        let key = NodeKey(tree: "kept", node: "own")
        #expect(NodeText(width: 80).lines(for: key, in: Self.catalog).last == "Reviewed 2026-12-01 · Node person")
        let page = PageLayout(place: .node(Trail(at: key)), catalog: Self.catalog, width: 80)
        #expect(page.lines.last?.spans.map(\.text).joined() == "Reviewed 2026-12-01 · Node person")
        let json = NodeJSON.node(key, in: Self.catalog).serialized(pretty: false)
        #expect(json.contains(#""owner":{"name":"Node person","contact":"mailto:node@example.org?subject={tree}%2F{node}"},"reviewed":"2026-12-01""#))
        #expect(HTMLPageAssets.script.contains("node.reviewed"))
    }

    @Test func theCacheKeepsOwnersAndDatesOfTheTreeAndItsNodes() throws {
        let tree = try #require(TestTrees.load(Self.tree).tree)
        let cached = try TreeCodec.decode(TreeCodec.encode(tree), file: "test.yaml")
        #expect(cached.owner == tree.owner && cached.reviewed == tree.reviewed)
        #expect(cached.nodes == tree.nodes)
    }

    @Test(arguments: [
        ("owner: {name: Someone}", "the owner is missing 'contact'"),
        ("owner: {name: Someone, contact: 'javascript:alert(1)'}", "owner contact:"),
        ("owner: Someone", "'owner' must be a mapping"),
        ("reviewed: 2026-13-01", "'reviewed' must be a date written YYYY-MM-DD"),
        ("reviewed: 2026-02-29", "'reviewed' must be a date written YYYY-MM-DD"),
        ("reviewed: yesterday", "'reviewed' must be a date written YYYY-MM-DD"),
        ("reviewed: 20261206", "'reviewed' must be a date written YYYY-MM-DD"),
    ])
    func badOwnersAndDatesAreErrors(line: String, message: String) {
        let yaml = TestTrees.minimal(extraNodes: "  extra:\n    title: Extra\n    body: x\n    \(line)\n")
        let found = TestTrees.diagnostics(yaml)
        #expect(found.contains { $0.contains(": error: ") && $0.contains(message) }, "\(found)")
    }

    @Test func aFutureDateIsAnErrorAndOldOrMissingDatesAreDueWithAMaximumAge() throws {
        let today = try #require(ReviewDate(parsing: "2026-12-06"))
        let tree = try #require(TestTrees.load(Self.tree).tree)
        let plain = ReviewCheck(today: today).diagnostics(of: tree)
        #expect(plain.isEmpty)
        let due = ReviewCheck(today: today, maxAge: 100).diagnostics(of: tree).map(\.message)
        #expect(due.count == 2 && due.allSatisfy { $0.contains("2026-01-15, 325 days ago (more than 100)") }, "\(due)")
        let early = ReviewCheck(today: try #require(ReviewDate(parsing: "2026-11-30"))).diagnostics(of: tree)
        #expect(early.map(\.code) == ["future-date"] && early.first?.message.contains("node 'own'") == true)
        let undated = try #require(TestTrees.load(TestTrees.minimal()).tree)
        #expect(ReviewCheck(today: today, maxAge: 365).diagnostics(of: undated).map(\.code) == ["never-reviewed", "never-reviewed", "never-reviewed"])
    }

    @Test func datesCountDaysAcrossLeapYearsAndComeFromTheClock() throws {
        let leapDay = try #require(ReviewDate(parsing: "2024-02-29"))
        #expect(try #require(ReviewDate(parsing: "2025-03-01")).dayNumber - leapDay.dayNumber == 366)
        #expect(ReviewDate(parsing: "1970-01-01")?.dayNumber == 0)
        #expect(ReviewDate(secondsSince1970: 1_796_515_200).description == "2026-12-06")
        #expect(ReviewDate(secondsSince1970: 1_796_515_199).description == "2026-12-05")
        for day in stride(from: -719_162, to: 2_932_897, by: 9_973) {  // 0001-01-01 to 9999-12-31
            let date = ReviewDate(secondsSince1970: day * 86_400)
            #expect(date.dayNumber == day && ReviewDate(parsing: date.description) == date)
        }
    }
}
