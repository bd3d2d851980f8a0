import Testing
@testable import TrailheadCore

@Suite struct TreeDecoderTests {
    @Test func decodesAMinimalTree() throws {
        let file = TestTrees.load(TestTrees.minimal())
        #expect(file.diagnostics.isEmpty)
        let tree = try #require(file.tree)
        #expect(tree.id == "demo")
        #expect(tree.nodeOrder == ["start", "data", "docs"])
        let start = try #require(tree.nodes["start"]?.question)
        #expect(start.choices.map(\.label) == ["Data", "Documentation"])
        #expect(start.choices[0].hint == "Files and datasets")
        #expect(start.choices[1].target.nodeID == "docs")
        #expect(tree.nodes["data"]?.location == SourceLocation(file: "test.yaml", line: 15, column: 3))
        #expect(tree.nodes["docs"]?.resource?.seeAlso.map(\.nodeID) == ["data"])
    }

    @Test func namesInlineNodesAfterTheirParentAndChoice() throws {
        let yaml = """
        format: 1
        id: t
        title: T
        description: D
        start: start
        nodes:
          start:
            question: Q?
            choices:
              - label: Inline
                node:
                  title: Inline leaf
                  body: Hello.
              - label: Named inline
                node:
                  id: named
                  question: Deeper?
                  choices:
                    - label: Leaf
                      node: {title: Deepest, body: Bye.}
        """
        let file = TestTrees.load(yaml)
        #expect(file.diagnostics.isEmpty)
        let tree = try #require(file.tree)
        #expect(tree.nodeOrder == ["start", "start.1", "named", "named.1"])
        #expect(tree.nodes["named.1"]?.resource?.title == "Deepest")
    }

    @Test func parsesCrossTreeReferences() throws {
        let file = TestTrees.load(TestTrees.minimal(extraNodes: """
          more:
            title: More
            see-also: [other-tree/node-x]
        """))
        let reference = try #require(file.tree?.nodes["more"]?.resource?.seeAlso.first)
        #expect(reference.treeID == "other-tree")
        #expect(reference.nodeID == "node-x")
        #expect(reference.key(from: "demo") == NodeKey(tree: "other-tree", node: "node-x"))
    }

    @Test func decodesCommandsAndPlaceholders() throws {
        let file = TestTrees.load(TestTrees.minimal(extraNodes: """
          get:
            title: Download
            commands:
              - run: rucio download {did} && awk '{print $1}' ${HOME}/x
                does: Downloads it.
                placeholders:
                  did:
                    prompt: Data identifier
                    default: "user:file"
                    pattern: '^[a-z]+:[a-z]+$'
        """))
        #expect(file.diagnostics.filter { $0.severity == .error }.isEmpty)
        let command = try #require(file.tree?.nodes["get"]?.resource?.commands.first)
        #expect(command.placeholders.map(\.name) == ["did"])
        #expect(command.placeholders[0].defaultValue == "user:file")
        #expect(PlaceholderScanner.names(in: command.run, declared: ["did"]) == ["did"])
    }

    @Test(arguments: [
        ("titel: x\n", "unknown key 'titel' in a tree file; did you mean 'title'?"),
        ("feedback: javascript:alert(1)\n", "feedback: the URL scheme 'javascript' is not allowed; use https, http or mailto"),
    ])
    func reportsTopLevelProblems(extra: String, message: String) {
        let diagnostics = TestTrees.load(TestTrees.minimal() + "\n" + extra).diagnostics
        #expect(diagnostics.map(\.message) == [message])
    }

    @Test func reportsMissingFormatAndUnsupportedVersion() {
        let missing = TestTrees.load(String(TestTrees.minimal().dropFirst("format: 1\n".count)))
        #expect(missing.diagnostics.map(\.code) == ["missing-key"])
        #expect(missing.diagnostics.first?.message.contains("format: 1") == true)
        let newer = TestTrees.load(TestTrees.minimal().replacing("format: 1", with: "format: 2"))
        #expect(newer.diagnostics.map(\.code) == ["unsupported-format"])
        #expect(newer.diagnostics.first?.message.contains("update Trailhead") == true)
    }

    @Test func reportsUnsafeTextWithTheCharacterMadeVisible() {
        let file = TestTrees.load(TestTrees.minimal().replacing("title: Get data", with: "title: \"Get \\e]0;owned\\a data\""))
        #expect(file.diagnostics.map(\.message) == ["'title' contains a control character (<U+001B>); remove it"])
        #expect(file.isBroken)
        let bidi = TestTrees.load(TestTrees.minimal().replacing("label: Data\n", with: "label: \"Da\\u202Eta\"\n"))
        #expect(bidi.diagnostics.map(\.message) == ["'label' contains a bidirectional-override character (<U+202E>); remove it"])
    }

    @Test func requiresOneLineForSingleLineTexts() {
        let file = TestTrees.load(TestTrees.minimal().replacing("title: Get data", with: "title: |\n      Get data"))
        #expect(file.diagnostics.map(\.code) == ["multiline-text"])
    }

    @Test func reportsPlaceholderProblems() {
        let file = TestTrees.load(TestTrees.minimal(extraNodes: """
          get:
            title: Download
            commands:
              - run: rucio download {did} {dir}
                does: Downloads it.
                placeholders:
                  scope: {prompt: Scope}
                  did: {prompt: DID, default: "BAD", pattern: '^[a-z]+$'}
                  rse: {prompt: RSE, pattern: '[a-'}
        """))
        let messages = file.diagnostics.map(\.message)
        #expect(messages.contains("placeholder 'scope' is declared but '{scope}' does not appear in 'run'"))
        #expect(messages.contains("default 'BAD' does not match the pattern '^[a-z]+$'"))
        #expect(messages.contains { $0.hasPrefix("'pattern' is not a valid regular expression") })
        #expect(messages.contains { $0.hasPrefix("'{dir}' in 'run' looks like a placeholder") })
    }

    @Test func refusesFilesOverTheSizeLimit() {
        let file = TestTrees.load(TestTrees.minimal(), limits: LoaderLimits(maxFileBytes: 100))
        #expect(file.diagnostics.map(\.code) == ["file-too-large"])
    }

    @Test func stopsAtTheNodeLimit() {
        let extra = (1...5).map { "  n\($0):\n    title: N\($0)\n    body: x\n" }.joined()
        let file = TestTrees.load(TestTrees.minimal(extraNodes: extra), limits: LoaderLimits(maxNodesPerFile: 6))
        #expect(file.diagnostics.map(\.code) == ["too-many-nodes"])
        #expect(file.tree?.nodes.count == 6)
    }

    @Test func keepsGoingAfterAnErrorToReportTheNextOne() {
        let yaml = TestTrees.minimal()
            .replacing("label: Data", with: "lable: Data")
            .replacing("https://data.example.org", with: "ftp://data.example.org")
        let codes = TestTrees.load(yaml).diagnostics.map(\.code)
        #expect(codes.contains("unknown-key"))
        #expect(codes.contains("bad-url"))
    }
}
