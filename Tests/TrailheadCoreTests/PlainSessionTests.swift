import Foundation
import Testing
@testable import TrailheadCore

/// Feeds scripted lines and records everything written.
struct ScriptedIO: LineIO {
    var lines: [String]
    var output = ""

    mutating func readLine() -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }

    mutating func write(_ text: String) {
        output += text
    }
}

@Suite struct PlainSessionTests {
    func run(_ lines: [String], trees: [String] = [TestTrees.minimal()], start: NodeKey? = nil) -> String {
        var session = PlainSession(catalog: TestTrees.catalog(trees), io: ScriptedIO(lines: lines), width: 60, start: start)
        #expect(session.run() == 0)
        return session.io.output
    }

    @Test func walksToAResourceByNumberAndShowsItsLinks() {
        let output = run(["1"])
        #expect(output.contains("What do you need?\n\n  1. Data — Files and datasets\n  2. Documentation\n"))
        #expect(output.contains("[Demo tree › Data]\n\nGet data\n========\n\nUse the data portal.\n\nLinks:\n  Data portal: https://data.example.org\n"))
    }

    @Test func answersByLabelPrefixAndGoesBack() {
        let output = run(["doc", "b", "q"])
        let screens = output.components(separatedBy: "\n[").count - 1
        #expect(screens == 3)
        #expect(output.contains("[Demo tree › Documentation]"))
        #expect(output.hasSuffix("> "))
    }

    /// Two answers deep, `b` goes back one step, not to the start (which `g` is for).
    @Test func backGoesOneStepNotHome() {
        var session = PlainSession(
            catalog: TestTrees.bundledLibrary.catalog, io: ScriptedIO(lines: ["2", "2", "b"]), width: 100,
            start: NodeKey(tree: "escape-vre", node: "start"))
        #expect(session.run() == 0)
        let breadcrumbs = session.io.output.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(breadcrumbs.last == "[ESCAPE Virtual Research Environment › Find, download or share data]", "\(breadcrumbs)")
    }

    @Test func explainsAnInvalidAnswer() {
        let output = run(["7"])
        #expect(output.contains("'7' is not one of the choices. Type a number from 1 to 2, or the start of a label."))
    }

    @Test func followsSeeAlsoByNumber() {
        let output = run(["2", "1"])
        #expect(output.contains("See also:\n  1. Get data [demo/data]"))
        #expect(output.contains("[Demo tree › Documentation › see also]"))
    }

    @Test func searchesAndJumpsWithTheBreadcrumb() {
        let output = run(["/portal", "1", "b"])
        #expect(output.contains("Results for 'portal':\n  1. Get data\n     Demo tree › Data\n"))
        #expect(output.contains("[Demo tree › Data]"))
        #expect(output.components(separatedBy: "[Demo tree]").count == 3)
    }

    @Test func listsTreesWhenThereAreSeveral() {
        let output = run(["2", "b", "b"], trees: [TestTrees.minimal(), TestTrees.minimal(id: "second")])
        #expect(output.components(separatedBy: "Choose a guide:").count == 3)
        #expect(output.contains("  1. Demo tree — A tree for tests.\n  2. Demo tree — A tree for tests.\n"))
    }

    @Test func startsAtTheRequestedNode() {
        let output = run([], start: NodeKey(tree: "demo", node: "docs"))
        #expect(output.contains("[Demo tree › Documentation]\n\nRead the docs"))
    }

    @Test func neverWritesControlCharactersFromTheTree() throws {
        var yaml = TestTrees.minimal()
        yaml = yaml.replacing("label: Data\n", with: "label: \"Data\\e[2J\"\n")
        let file = TestTrees.load(yaml)
        let tree = try #require(file.tree)
        let catalog = Catalog(trees: [tree])
        var session = PlainSession(catalog: catalog, io: ScriptedIO(lines: []), width: 60)
        _ = session.run()
        #expect(!session.io.output.contains("\u{1B}"))
        #expect(session.io.output.contains("Data^[[2J"))
    }
}
