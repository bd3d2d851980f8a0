import Testing
@testable import TrailheadCore

@Suite struct NavigatorTests {
    static let size = ScreenSize(columns: 80, rows: 24)

    static func navigator(_ trees: [String] = [TestTrees.minimal()], start: NodeKey? = nil, size: ScreenSize = size) -> Navigator {
        Navigator(catalog: TestTrees.catalog(trees), start: start, size: size, version: "9.9")
    }

    static var bundled: Navigator {
        Navigator(catalog: TestTrees.bundledLibrary.catalog, size: size, version: "9.9")
    }

    @Test func oneTreeStartsAtItsStartSeveralAtTheList() {
        #expect(Self.navigator().state.trail?.current == NodeKey(tree: "demo", node: "start"))
        #expect(Self.bundled.state.place == .treeList)
        let direct = Self.navigator(start: NodeKey(tree: "demo", node: "docs"))
        #expect(direct.state.trail?.steps.map(\.label) == ["Documentation"])
    }

    @Test func walksForwardAndBackRestoringTheSelection() {
        var navigator = Self.navigator()
        navigator.handle(.move(1))
        #expect(navigator.state.selection == 1)
        navigator.handle(.choose)
        #expect(navigator.state.trail?.current == NodeKey(tree: "demo", node: "docs"))
        navigator.handle(.back)
        #expect(navigator.state.trail?.current == NodeKey(tree: "demo", node: "start"))
        #expect(navigator.state.selection == 1)
        navigator.handle(.back)
        #expect(navigator.state.status == "This is the start")
    }

    @Test func numbersChooseOnQuestionsButOnlySelectOnResources() {
        var navigator = Self.navigator()
        navigator.handle(.chooseNumber(2))
        #expect(navigator.state.trail?.current.node == "docs")
        let effect = navigator.handle(.chooseNumber(1))
        #expect(effect == nil)
        #expect(navigator.state.trail?.current.node == "docs")
        navigator.handle(.back)
        navigator.handle(.chooseNumber(7))
        #expect(navigator.state.status == "There is no choice 7; choose 1 to 2")
    }

    @Test func choosingALinkAsksToOpenIt() {
        var navigator = Self.navigator(start: NodeKey(tree: "demo", node: "data"))
        #expect(navigator.handle(.choose) == .openLink("https://data.example.org"))
    }

    @Test func choosingACommandQuitsAndPrintsIt() throws {
        var navigator = Navigator(catalog: TestTrees.bundledLibrary.catalog, start: NodeKey(tree: "escape-vre", node: "rucio-download"), size: Self.size, version: "1", prefilled: ["did": "a:b", "dir": "."])
        let handled = navigator.handle(.choose)
        let effect = try #require(handled)
        guard case .quit(0, let output) = effect else {
            Issue.record("expected quit, got \(effect)")
            return
        }
        #expect(output.first?.hasPrefix("rucio download") == true)
    }

    @Test func seeAlsoFollowsAndBackReturns() {
        var navigator = Self.navigator(start: NodeKey(tree: "demo", node: "docs"))
        navigator.handle(.choose)
        #expect(navigator.state.trail?.current.node == "data")
        #expect(navigator.state.trail?.steps.map(\.label) == ["Documentation", "see also"])
        navigator.handle(.back)
        #expect(navigator.state.trail?.current.node == "docs")
    }

    @Test func homeGoesToTheTreeStartThenTheList() {
        var navigator = Self.bundled
        navigator.handle(.choose)
        navigator.handle(.choose)
        #expect(navigator.state.trail?.steps.count == 1)
        navigator.handle(.home)
        #expect(navigator.state.trail?.isAtBeginning == true)
        navigator.handle(.home)
        #expect(navigator.state.place == .treeList)
        navigator.handle(.move(1))
        navigator.handle(.choose)
        navigator.handle(.back)
        #expect(navigator.state.place == .treeList)
        #expect(navigator.state.selection == 1)
    }

    @Test func searchJumpsWithTheBreadcrumbOfAWalk() throws {
        var navigator = Self.bundled
        navigator.handle(.openSearch)
        for character in "rucio download" {
            navigator.handle(.type(String(character)))
        }
        let pane = try #require(navigator.state.search)
        #expect(pane.results.first?.key == NodeKey(tree: "escape-vre", node: "rucio-download"))
        navigator.handle(.choose)
        #expect(navigator.state.search == nil)
        let trail = try #require(navigator.state.trail)
        #expect(trail.current == NodeKey(tree: "escape-vre", node: "rucio-download"))
        #expect(trail.steps.first?.from == NodeKey(tree: "escape-vre", node: "start"))
        #expect(trail.steps.map(\.label).contains("Find, download or share data"))
        navigator.handle(.back)
        #expect(navigator.state.trail?.steps.count == trail.steps.count - 1)
    }

    @Test func anIndexBuiltElsewhereIsUsedAndNotReplaced() {
        var navigator = Self.bundled
        let other = SearchIndex(catalog: TestTrees.catalog([TestTrees.minimal(
            id: "elsewhere", extraNodes: "  rucio-elsewhere:\n    title: Rucio somewhere else\n    body: Not in the bundled trees.\n")]))
        navigator.handle(.searchIndexReady(SearchIndexDelivery(other)))
        navigator.handle(.openSearch)
        navigator.handle(.type("rucio"))
        #expect(navigator.state.search?.results.first?.key == NodeKey(tree: "elsewhere", node: "rucio-elsewhere"))
        navigator.handle(.searchIndexReady(SearchIndexDelivery(SearchIndex(catalog: Self.bundled.catalog))))
        navigator.handle(.type(" "))
        #expect(navigator.state.search?.results.allSatisfy { $0.key.tree == "elsewhere" } == true)
    }

    @Test func searchEditingKeysAndClosing() {
        var navigator = Self.navigator()
        navigator.handle(.openSearch)
        navigator.handle(.type("get"))
        navigator.handle(.type(" da"))
        #expect(navigator.state.search?.query == "get da")
        navigator.handle(.deleteWord)
        #expect(navigator.state.search?.query == "get ")
        navigator.handle(.clearInput)
        #expect(navigator.state.search?.results == [])
        navigator.handle(.choose)
        #expect(navigator.state.status == "Type what you are looking for")
        navigator.handle(.deleteBackward)
        #expect(navigator.state.search == nil)
    }

    @Test func feedbackFillsTheTemplateUrlEncoded() {
        let tree = TestTrees.minimal() + "\nfeedback: https://example.org/report?where={tree}%2F{node}&path={path}&v={version}\n"
        var navigator = Self.navigator([tree], start: NodeKey(tree: "demo", node: "docs"))
        navigator.handle(.showFeedback)
        let expected = "https://example.org/report?where=demo%2Fdocs&path=start%2Fdocs&v=9.9"
        #expect(navigator.state.overlay == .feedback(url: expected, tree: "demo"))
        #expect(navigator.handle(.choose) == .openLink(expected))
    }

    @Test func feedbackWithoutATargetSaysSo() {
        var navigator = Self.navigator()
        navigator.handle(.showFeedback)
        #expect(navigator.state.overlay == .feedback(url: nil, tree: "demo"))
        #expect(navigator.handle(.choose) == nil)
        #expect(navigator.state.overlay == nil)
    }

    @Test func interruptExits130AndQuitExitsZero() {
        var navigator = Self.navigator()
        #expect(navigator.handle(.interrupt) == .quit(status: 130, output: []))
        #expect(navigator.handle(.quit) == .quit(status: 0, output: []))
    }

    @Test func clickingAChoiceChoosesIt() {
        var navigator = Self.navigator()
        let lines = navigator.layout.lines
        let row = 1 + (lines.firstIndex { $0.item == 1 } ?? 0)
        navigator.handle(.click(column: 5, row: row))
        #expect(navigator.state.trail?.current.node == "docs")
    }

    @Test func scrollingKeepsTheSelectionVisibleAndSurvivesResizes() {
        var navigator = Self.bundled
        navigator.handle(.choose)
        navigator.handle(.resize(ScreenSize(columns: 40, rows: 10)))
        navigator.handle(.moveToLast)
        let range = navigator.layout.lineRange(ofItem: navigator.state.selection)!
        #expect(range.upperBound < navigator.state.scroll + navigator.bodyHeight)
        #expect(range.lowerBound >= navigator.state.scroll)
        navigator.handle(.resize(ScreenSize(columns: 200, rows: 60)))
        #expect(navigator.state.scroll == 0)
        navigator.handle(.resize(ScreenSize(columns: 5, rows: 2)))
        #expect(navigator.state.scroll >= 0)
    }

    /// A choice into a tree that is not loaded is not offered (no key can reveal it), and the
    /// page says one answer is left out.
    @Test func aDanglingChoiceIsNotOffered() {
        let tree = TestTrees.minimal().replacing("goto: docs", with: "goto: other/x")
        let file = TestTrees.load(tree)
        let catalog = Catalog(trees: [file.tree!])
        var navigator = Navigator(catalog: catalog, size: Self.size, version: "1")
        let question = catalog.node(NodeKey(tree: file.tree!.id, node: "start"))!.question!
        let dangling = question.choices.firstIndex { $0.target.key(from: file.tree!.id).tree == "other" }!
        #expect(!navigator.items.contains(.choice(dangling)))
        #expect(navigator.items.count == question.choices.count - 1)
        navigator.handle(.toggleHidden)
        #expect(!navigator.items.contains(.choice(dangling)), "v does not reveal it")
        let text = navigator.layout.lines.map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("1 answer is not offered: it leads to a guide that is not loaded here."), "\(text)")
    }
}

@Suite struct ReadingTests {
    @Test func aLongResourceOpensAtItsTitleAndDownReadsOnThenSelects() {
        var navigator = Navigator(catalog: TestTrees.bundledLibrary.catalog, start: NodeKey(tree: "escape-vre", node: "jupyterhub"), size: ScreenSize(columns: 60, rows: 15), version: "1")
        #expect(navigator.state.selection == -1)
        #expect(navigator.state.scroll == 0)
        #expect(Renderer.render(navigator).text.split(separator: "\n")[1].contains("JupyterHub"))
        #expect(navigator.handle(.choose) == nil)
        #expect(navigator.state.status?.contains("Read on") == true)
        var steps = 0
        while navigator.state.selection < 0 && steps < 20 {
            navigator.handle(.move(1))
            steps += 1
        }
        #expect(navigator.state.selection == 0)
        #expect(steps > 1)
        #expect(Renderer.render(navigator).text.contains("▸ ↗ VRE JupyterHub"))
    }

    @Test func aShortResourceSelectsItsFirstItemAtOnce() {
        let navigator = Navigator(catalog: TestTrees.bundledLibrary.catalog, start: NodeKey(tree: "escape-vre", node: "jupyterhub"), size: ScreenSize(columns: 100, rows: 40), version: "1")
        #expect(navigator.state.selection == 0)
    }
}

/// A click in the search pane lands on the result drawn under it: the renderer and the navigator
/// read one `SearchPaneLayout`.
@Suite struct SearchPaneClickTests {
    @Test(arguments: [ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 60, rows: 13), ScreenSize(columns: 100, rows: 40)])
    func clickingARowJumpsToTheResultDrawnThere(size: ScreenSize) throws {
        var searching = NavigatorTests.bundled
        searching.handle(.resize(size))
        searching.handle(.openSearch)
        searching.handle(.type("rucio"))
        searching.handle(.move(3))
        let pane = try #require(searching.state.search)
        #expect(pane.results.count > searching.searchLayout.visibleResults)
        let rows = Renderer.render(searching).rows.map { $0.map(\.text).joined() }
        var clicked = 0
        for (row, text) in rows.enumerated() {
            var navigator = searching
            navigator.handle(.click(column: 5, row: row))
            let drawn = pane.results.indices.dropFirst(pane.scroll).first { index in
                let heading = navigator.catalog.node(pane.results[index].key)?.heading ?? ""
                return text.hasPrefix(" ▸ " + heading) || text.hasPrefix("   " + heading)
            }
            if let drawn, row < SearchPaneLayout.firstResultRow + searching.searchLayout.listHeight {
                #expect(navigator.state.trail?.current == pane.results[drawn].key, "row \(row) shows result \(drawn)")
                clicked += 1
            } else if navigator.state.search == nil {
                // Only a result's second row (its path) may also jump: to the result above it.
                let above = rows[row - 1]
                #expect(pane.results.contains { above.contains(navigator.catalog.node($0.key)?.heading ?? "\u{0}") }, "row \(row) jumped: \(text)")
            }
        }
        #expect(clicked == searching.searchLayout.visibleResults)
    }
}
