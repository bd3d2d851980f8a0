import Foundation
import Testing
@testable import TrailheadCore

/// The block scanner must read exactly what libyaml reads, positions included, or leave the text to libyaml.
@Suite struct BlockYAMLScannerTests {
    func fast(_ text: String) -> YAMLDocument? {
        Array(text.utf8).withUnsafeBytes { YAMLReader().readBlockSubset($0) }
    }

    func libyaml(_ bytes: [UInt8]) -> Result<YAMLDocument, YAMLParseError> {
        bytes.withUnsafeBytes { YAMLReader(scanner: .libyaml).read($0) }
    }

    /// Fails unless the block scanner reads `text` (when `accepted`) and agrees with libyaml.
    func expectSameAsLibYAML(_ text: String, accepted: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ours = fast(text)
        if accepted {
            #expect(ours != nil, "the block scanner left this to libyaml: \(text.debugDescription)", sourceLocation: sourceLocation)
        }
        guard let ours else { return }
        switch libyaml(Array(text.utf8)) {
        case .success(let theirs):
            #expect(ours == theirs, "differs from libyaml: \(text.debugDescription)", sourceLocation: sourceLocation)
        case .failure(let error):
            Issue.record("libyaml refuses what the block scanner read (\(error.message)): \(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test func readsTheBlockStyleOfTreeFiles() {
        let cases = [
            "a: 1\nb: two words\n",
            "a: 1\nb:\n  - x\n  - 'y'\n",
            "a:\n- x\n- y\nb: z\n",
            "list:\n  - label: One\n    goto: one\n  - label: Two # comment\n    hint: \"quoted\"\n",
            "# leading comment\n\nroot:\n  # inner comment\n  key: value   \n\n",
            "a:\nb: \nc: ~\n",
            "- \n- x\n-\n",
            "outer:\n  - inner:\n      - deep: 1\n  - plain\n",
            "url: https://example.org/a:b?c=d#frag\n",
            "text: a # comment\nother: b#not-a-comment\n",
            "é: ünïcödé value\nkey: 日本語\n",
            "a: \"x \\\" \\\\ \\n \\t \\u00e9 \\x41 \\U0001F600 \\/\"\n",
            "a: 'it''s'\nb: ''\nc: \"\"\n",
            "tags: [a, b c, 'd', \"e\"]\nempty: []\nmap: {file: ~/.x, b: \"q\"}\nnone: {}\n",
            "body: |\n  line one\n    indented\n\n  after blank\nnext: 1\n",
            "body: |-\n  stripped\n\nnext: 1\n",
            "body: >\n  folded\n  lines\n\n  para\nnext: 1\n",
            "body: >-\n  folded\n  stripped\n",
            "body: |\n  no final newline",
            "body: |\n\n  leading blank\n",
            "- |\n  in a list\n- b\n",
            "  indented: root\n  second: key\n",
            "a:\n  b:\n    c: deep\n  d: back\ne: top\n",
            "key with spaces  : value\n",
            "é: [ü, 'ç d', \"ß\", e]\nñ: {á: é, b: ü}\n",
        ]
        for text in cases { expectSameAsLibYAML(text) }
        expectSameAsLibYAML("a: -\n", accepted: false)
    }

    @Test func leavesTheRestToLibYAML() {
        let unsupported = [
            "a: &x 1\nb: *x\n", "a: !tag 1\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "---\na: 1\n", "a: 1\n...\n",
            "a: multi\n  line plain\n", "a: \"multi\n  line\"\n", "? complex\n: key\n", "a: [nested, [flow]]\n",
            "a: [multi,\n  line]\n", "a: |2\n   explicit\n", "a: |+\n  keep\n\n", "a: >\n  folded\n    more\n",
            "\u{FEFF}a: 1\n", "a: b: c\n", "a: 1\n  b: 2\n", "- a\n  - b\n", "", "# only a comment\n", "plain scalar\n",
            "a: 1\na: 2\n", "\"quoted\": key\n", "a: {b}\n", "a: [b, ]\n", "a: \"unclosed\n", "a: 'x'#c\n",
            "a: \"\\ud800\"\n", "a: \"\\q\"\n", "a: \"\\'\"\n", "a:\n- x\nb\n", "%YAML 1.1\n---\na: 1\n",
        ]
        for text in unsupported {
            #expect(fast(text) == nil, "the block scanner read \(text.debugDescription)")
        }
    }

    /// Columns are counted in characters; counting each value's column from the start of its
    /// line made a line of many values quadratic (100,000 tags on one line took 54 s). Read in
    /// linear time this takes milliseconds; the limit only stops a hang.
    @Test(.timeLimit(.minutes(1))) func aLineOfManyValuesIsReadInLinearTime() throws {
        let tags = (0..<400_000).map { "é\($0)" }.joined(separator: ", ")
        let document = try #require(fast("tags: [\(tags)]\n"))
        let list = try #require(document.value(of: document.root, at: "tags"))
        let items = document.items(of: list)
        #expect(items.count == 400_000)
        #expect(items.last.map { document.column(of: $0) } == 8 + tags.count - "é399999".count)
    }

    @Test func refusesNestingPastTheLimitLikeLibYAML() {
        let text = (0..<70).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined() + String(repeating: "  ", count: 70) + "v: 1\n"
        #expect(fast(text) == nil)
        #expect(Array(text.utf8).withUnsafeBytes { YAMLReader().read($0) } == libyaml(Array(text.utf8)))
    }

    @Test func agreesWithLibYAMLOnEveryTreeAndFixtureInTheRepository() throws {
        let roots = [TestTrees.bundledTrees, TestTrees.fixtures, TestTrees.repositoryRoot + "/Tests/Fuzz/corpus/loader"]
        var read = 0
        for root in roots {
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            for name in files where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: root + "/" + name)))
                guard let ours = bytes.withUnsafeBytes({ YAMLReader().readBlockSubset($0) }) else { continue }
                read += 1
                switch libyaml(bytes) {
                case .success(let theirs): #expect(ours == theirs, "differs from libyaml: \(name)")
                case .failure(let error): Issue.record("libyaml refuses \(name), which the block scanner read: \(error.message)")
                }
            }
        }
        // The bundled trees and most fixtures are in the subset; if none were, this test would prove nothing.
        #expect(read >= 20)
    }

    @Test func readsBothBundledTreesItself() throws {
        for name in ["escape-vre.yaml", "login-node.yaml"] {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestTrees.bundledTrees + "/" + name)))
            #expect(bytes.withUnsafeBytes { YAMLReader().readBlockSubset($0) } != nil, "\(name) fell back to libyaml")
        }
    }
}
