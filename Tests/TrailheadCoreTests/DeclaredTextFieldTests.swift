import Testing
@testable import TrailheadCore

/// Every declared free text field (`FormatKeys`) is read, kept in the cache, printed, searched
/// and shown without code of its own: each one set in a tree file must reach every front end.
@Suite struct DeclaredTextFieldTests {
    /// A tree whose question and resource set every declared text field to a word of its own.
    static let tree: String = {
        let questionTexts = FormatKeys.questionTexts.map { "    \($0.key.name): zq\($0.field.jsonName)word\n" }.joined()
        let resourceTexts = FormatKeys.resourceTexts.map { "    \($0.key.name): zr\($0.field.jsonName)word\n" }.joined()
        return """
        format: 1
        id: fields
        title: Fields
        description: Every declared text field.
        start: ask
        nodes:
          ask:
            question: Which?
        \(questionTexts)    choices:
              - label: That
                goto: leaf
          leaf:
            title: Leaf
        \(resourceTexts)    links:
              - url: https://example.org

        """
    }()

    static func words(_ prefix: String, _ fields: [TextField]) -> [(field: TextField, word: String)] {
        fields.map { ($0, "\(prefix)\($0.jsonName)word") }
    }

    static let all = words("zq", FormatKeys.questionTexts.map(\.field)).map { ($0.field, $0.word, "ask") }
        + words("zr", FormatKeys.resourceTexts.map(\.field)).map { ($0.field, $0.word, "leaf") }

    @Test func everyDeclaredTextReachesJSONTextPagesSearchAndTheCache() throws {
        let file = TestTrees.load(Self.tree)
        #expect(file.diagnostics.map(\.description) == [])
        let tree = try #require(file.tree)
        let catalog = Catalog(trees: [tree])
        let cached = Catalog(trees: [try TreeCodec.decode(TreeCodec.encode(tree), file: "test.yaml")])
        let index = SearchIndex(catalog: catalog)
        for (field, word, node) in Self.all {
            let key = NodeKey(tree: "fields", node: node)
            #expect(NodeJSON.node(key, in: catalog).serialized(pretty: false).contains("\"\(field.jsonName)\":\"\(word)\""))
            #expect(NodeText(width: 80).lines(for: key, in: catalog).contains(word), "plain text lacks \(word)")
            #expect(NodeText(width: 80).lines(for: key, in: cached).contains(word), "the cache dropped \(word)")
            let page = PageLayout(place: .node(Trail(at: key)), catalog: catalog, width: 80)
            #expect(page.lines.contains { line in line.spans.contains { $0.text == word } }, "the page lacks \(word)")
            #expect(HTMLPageAssets.script.contains("blocks(node.\(field.jsonName)Blocks, "), "the web page does not show \(field.jsonName)")
            #expect(field.jsonName.utf8.allSatisfy { (0x61...0x7A).contains($0 | 0x20) }, "\(field.jsonName) must be a plain identifier")
            let hit = index.search(word).first
            #expect(hit?.key == key && hit?.field == field.search, "search for \(word) found \(String(describing: hit))")
        }
    }
}
