import Testing
@testable import TrailheadCore

@Suite struct RendererTests {
    func frame(_ navigator: Navigator) -> Frame {
        Renderer.render(navigator)
    }

    func navigator(columns: Int, rows: Int, trees: [String] = [TestTrees.minimal()], start: NodeKey? = nil) -> Navigator {
        NavigatorTests.navigator(trees, start: start, size: ScreenSize(columns: columns, rows: rows))
    }

    @Test func drawsAQuestionAt40x12() {
        let text = frame(navigator(columns: 40, rows: 12)).text
        #expect(text == """
         Trailhead › Demo tree
         What do you need?

         ▸ 1  Data
              Files and datasets
           2  Documentation





         ↑↓ move  Enter choose  q quit  ? help
        """)
    }

    /// At 40×10 the bundled start page scrolls its question away to show the first choice.
    @Test func theBarKeepsAScrolledAwayQuestionInSight() throws {
        let catalog = TestTrees.bundledLibrary.catalog
        let start = try #require(catalog.tree("escape-vre")).startID
        var small = Navigator(catalog: catalog, size: ScreenSize(columns: 40, rows: 10), version: "9.9")
        small.handle(.choose)
        #expect(small.state.trail?.current == NodeKey(tree: "escape-vre", node: start))
        #expect(small.state.scroll > 0)
        let question = try #require(catalog.node(NodeKey(tree: "escape-vre", node: start))?.heading)
        #expect(frame(small).text.split(separator: "\n")[0] == " Trailhead › … › \(question)")
        small.handle(.resize(ScreenSize(columns: 100, rows: 40)))
        #expect(small.state.scroll == 0)
        #expect(frame(small).text.split(separator: "\n")[0] == " Trailhead › ESCAPE Virtual Research Environment")
    }

    @Test func drawsAResourceWithItsItems() {
        let text = frame(navigator(columns: 60, rows: 14, start: NodeKey(tree: "demo", node: "docs"))).text
        #expect(text == """
         Trailhead › Demo tree › Documentation
         Read the docs

         The documentation explains everything.

         See also
         ▸ → Get data






         ↑↓ move  Enter go there  q quit  ? help  ← back  / search
        """)
    }

    @Test func everyRowIsExactlyTheScreenWidth() {
        for (columns, rows) in [(40, 10), (41, 11), (80, 24), (100, 30), (200, 60)] {
            var navigator = NavigatorTests.bundled
            navigator.handle(.resize(ScreenSize(columns: columns, rows: rows)))
            for action in [Action.choose, .choose, .openSearch, .type("rucio"), .move(2), .closeOverlay, .toggleHelp] {
                navigator.handle(action)
                let frame = frame(navigator)
                #expect(frame.rows.count == rows)
                for row in frame.rows {
                    #expect(row.reduce(0) { $0 + DisplayWidth.of($1.text) } == columns, "\(columns)x\(rows) after \(action)")
                }
            }
        }
    }

    @Test func aTinyTerminalGetsANoticeNeverACrash() {
        for (columns, rows) in [(39, 10), (40, 9), (20, 5), (1, 1), (0, 0)] {
            let frame = frame(navigator(columns: columns, rows: rows))
            #expect(frame.rows.count == max(0, rows))
            if rows > 0 && columns >= 18 { #expect(frame.text.hasPrefix("Terminal too small")) }
        }
    }

    @Test func wideAndCombiningCharactersStayInTheirColumns() {
        let tree = TestTrees.minimal()
            .replacing("question: What do you need?", with: "question: 日本語のテキストを読みますか 🚀🔭 e\u{301}te\u{301}")
            .replacing("label: Documentation", with: "label: 文書 📚 café résumé naïve 日本語のテキスト日本語のテキスト日本語")
        let frame = frame(navigator(columns: 40, rows: 12, trees: [tree]))
        for row in frame.rows {
            #expect(row.reduce(0) { $0 + DisplayWidth.of($1.text) } == 40)
        }
        #expect(frame.text.contains("日本語のテキストを読みますか 🚀🔭"))
    }

    @Test func longBreadcrumbsKeepTheirEnd() {
        var navigator = NavigatorTests.bundled
        navigator.handle(.resize(ScreenSize(columns: 50, rows: 20)))
        navigator.handle(.choose)
        navigator.handle(.chooseNumber(2))
        navigator.handle(.choose)
        let bar = frame(navigator).text.split(separator: "\n")[0]
        #expect(bar.hasPrefix(" Trailhead › …"))
        #expect(bar.contains("›"))
    }

    @Test func searchResultsHighlightMatchesAndShowTheirPath() throws {
        var navigator = NavigatorTests.bundled
        navigator.handle(.openSearch)
        navigator.handle(.type("download"))
        let frame = frame(navigator)
        #expect(frame.text.contains(" / download"))
        #expect(frame.text.contains("── Preview"))
        let matches = frame.rows.flatMap { $0 }.filter { $0.style == .match || $0.style == .selectedMatch }
        #expect(matches.contains { $0.text.lowercased() == "download" })
        #expect(frame.cursor?.row == 1)
        #expect(frame.cursor?.column == 11)
    }

    @Test func aLongHelpScrollsAndSaysThereIsMore() {
        var navigator = navigator(columns: 60, rows: 14)
        navigator.handle(.toggleHelp)
        let first = frame(navigator).text
        #expect(first.contains("↓ more below (↑↓ scroll)"))
        for _ in 0..<40 { navigator.handle(.scroll(1)) }
        let last = frame(navigator).text
        #expect(last.contains("q  quit"))
        #expect(last.contains("↑ more above"))
        navigator.handle(.closeOverlay)
        #expect(navigator.state.overlay == nil)
    }

    @Test func helpListsEveryBindingGroup() {
        var navigator = navigator(columns: 80, rows: 30)
        navigator.handle(.toggleHelp)
        var seen = ""
        for _ in 0..<10 {
            seen += frame(navigator).text
            navigator.handle(.scroll(10))
        }
        for heading in KeyBindings.help.map(\.heading) {
            #expect(seen.contains("│ \(heading)"))
        }
        #expect(seen.contains("┌─ Keys "))
        #expect(seen.contains("jupyter | binder"))
    }

    /// Descriptions wrap instead of being cut, beside their keys or, in a very narrow box, below them.
    @Test(arguments: [60, 40])
    func helpDescriptionsWrapWhole(columns: Int) {
        var navigator = navigator(columns: columns, rows: 200)
        navigator.handle(.toggleHelp)
        let text = frame(navigator).text
        // The only ellipsis left is a key's own ("1 … 9"), never a cut.
        #expect(!text.replacing("1 … 9", with: "").contains("…"))
        let words = text.split(whereSeparator: { " │\n".contains($0) }).map(String.init)
        for entry in KeyBindings.help.flatMap(\.entries) {
            for word in entry.does.split(separator: " ") {
                #expect(words.contains(String(word)), "'\(word)' of '\(entry.does)' at \(columns) columns")
            }
        }
    }

    @Test func treeTextIsSanitizedOnScreen() {
        let catalog = Catalog(trees: [TestTrees.load(TestTrees.minimal().replacing("label: Data\n", with: "label: \"Da\\e]0;x\\u0007ta\\u202E\"\n")).tree!])
        let navigator = Navigator(catalog: catalog, size: ScreenSize(columns: 60, rows: 12), version: "1")
        let text = Renderer.render(navigator).text
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("Da^[]0;x^Gta<U+202E>"))
    }

    @Test func statusMessagesAppearAboveTheKeys() {
        var navigator = navigator(columns: 60, rows: 12)
        navigator.handle(.back)
        let rows = frame(navigator).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[10] == " This is the start")
    }
}
