import Testing
@testable import TrailheadCore

@Suite struct TreeValidatorTests {
    @Test func aValidTreeHasNoDiagnostics() {
        #expect(TestTrees.diagnostics(TestTrees.minimal()).isEmpty)
    }

    @Test func reportsDanglingReferencesWithSuggestions() {
        let yaml = TestTrees.minimal().replacing("goto: docs", with: "goto: dosc")
        #expect(TestTrees.diagnostics(yaml) == [
            "test.yaml:14:15: error: there is no node 'dosc' in this tree; did you mean 'docs'?",
            "test.yaml:21:3: warning: node 'docs' cannot be reached from start 'start'; link to it from a choice or see-also, or remove it",
        ])
    }

    @Test func resolvesReferencesAcrossTrees() {
        let main = TestTrees.minimal(extraNodes: "  more:\n    title: More\n    see-also: [other/leaf]\n")
            .replacing("goto: docs", with: "goto: other/leaf")
        let other = TestTrees.minimal(id: "other", extraNodes: "  leaf:\n    title: Leaf\n    body: Hi.\n")
        let diagnostics = TestTrees.diagnostics([("main.yaml", main), ("other.yaml", other)])
        #expect(diagnostics.contains { $0.contains("error") } == false)
        let alone = TestTrees.diagnostics([("main.yaml", main)])
        #expect(alone.contains("main.yaml:14:15: error: 'other/leaf' points into tree 'other', which is not loaded"))
    }

    @Test func reportsATrapOnceWhereAWalkEntersIt() {
        let yaml = TestTrees.minimal(extraNodes: """
          loop-a:
            question: A?
            choices: [{label: To B, goto: loop-b}]
          loop-b:
            question: B?
            choices: [{label: To A, goto: loop-a}]
        """).replacing("goto: docs", with: "goto: loop-a")
        let traps = TestTrees.diagnostics(yaml).filter { $0.contains("error") }
        #expect(traps == [
            "test.yaml:27:3: error: no resource can be reached from question 'loop-a'; its choices only lead round in a loop (loop-a → loop-b → loop-a)",
        ])
    }

    @Test func warnsAboutUnreachableNodesButDoesNotFail() {
        let run = ValidationRun(checked: [TestTrees.load(TestTrees.minimal(extraNodes: "  orphan:\n    title: O\n    body: x\n"))], context: [])
        #expect(run.diagnostics.map(\.code) == ["unreachable"])
        #expect(!run.diagnostics.hasErrors)
        #expect(run.summary == "1 file checked: 0 errors, 1 warning")
    }

    @Test func aFileWithErrorsStillHearsOfItsUnreachableNodesInTheSameRun() {
        let yaml = TestTrees.minimal(extraNodes: "  orphan:\n    title: O\n    body: x\n")
            .replacing("description: A tree for tests.\n", with: "")
        let codes = TestTrees.diagnostics(yaml)
        #expect(codes.contains { $0.contains("is missing 'description'") })
        #expect(codes.contains { $0.contains("node 'orphan' cannot be reached") })
    }

    @Test func nodesABrokenChoiceMayLeadToAreNotCalledUnreachable() {
        let yaml = TestTrees.minimal(extraNodes: "  more:\n    title: More\n    see-also: [docs]\n  orphan:\n    title: O\n    body: x\n")
            .replacing("goto: docs", with: "next: more")
        let diagnostics = TestTrees.diagnostics(yaml)
        #expect(diagnostics.contains { $0.contains("unknown key 'next'") })
        let unreachable = diagnostics.filter { $0.contains("cannot be reached") }
        #expect(unreachable.count == 1 && unreachable[0].contains("'orphan'"), "\(unreachable)")
    }

    @Test func aReusedLinkIsCheckedOnceWhereItIsWritten() throws {
        let yaml = TestTrees.minimal()
            .replacing("      - url: https://data.example.org\n", with: "      - &portal\n        url: javascript:alert(1)\n")
            .replacing("    see-also: [data]\n", with: "    see-also: [data]\n    links: [*portal, *portal]\n")
        let diagnostics = TestTrees.diagnostics(yaml)
        #expect(diagnostics == ["test.yaml:20:14: error: the URL scheme 'javascript' is not allowed; use https, http or mailto"], "once, at the anchor's url")
        let fixed = TestTrees.load(yaml.replacing("javascript:alert(1)", with: "https://data.example.org"))
        #expect(fixed.diagnostics.isEmpty, "\(fixed.diagnostics)")
        let docs = try #require(fixed.tree?.nodes["docs"]?.resource)
        #expect(docs.links.map(\.url) == ["https://data.example.org", "https://data.example.org"])
    }

    @Test func duplicateTreeIdsInOneDirectoryAreErrorsAcrossLayersOverrides() {
        let first = TestTrees.load(TestTrees.minimal(), path: "a/one.yaml")
        let sameDirectory = TestTrees.load(TestTrees.minimal(), path: "a/two.yaml")
        let otherLayer = TestTrees.load(TestTrees.minimal(), path: "b/one.yaml")
        let library = Library.assemble(files: [first, sameDirectory, otherLayer])
        #expect(library.catalog.trees.count == 1)
        #expect(library.catalog.trees[0].file == "a/one.yaml")
        #expect(library.crossFileDiagnostics.map(\.severity) == [.error, .warning])
        #expect(library.crossFileDiagnostics[0].location.file == "a/two.yaml")
        #expect(library.crossFileDiagnostics[1].message == "tree 'demo' is overridden by a/one.yaml, which comes first in the search order")
    }

    @Test func brokenFilesStayOutOfTheCatalogButOthersLoad() {
        let good = TestTrees.load(TestTrees.minimal(id: "good"), path: "good.yaml")
        let bad = TestTrees.load("format: 1\nid: bad\n  oops: [\n", path: "bad.yaml")
        let library = Library.assemble(files: [bad, good])
        #expect(library.catalog.trees.map(\.id) == ["good"])
        #expect(library.brokenFiles.map(\.path) == ["bad.yaml"])
    }
}
