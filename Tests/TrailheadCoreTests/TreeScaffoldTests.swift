import Testing
@testable import TrailheadCore

/// `trailhead new`: the starting file validates with no diagnostics at all.
@Suite struct TreeScaffoldTests {
    @Test func scaffoldValidatesClean() {
        #expect(TestTrees.diagnostics(TreeScaffold.yaml(for: "my-lab")) == [])
    }

    @Test func scaffoldHasAQuestionTwoChoicesAndAResourceWithLinkAndPlaceholder() throws {
        let tree = try #require(TestTrees.load(TreeScaffold.yaml(for: "lab-2")).tree)
        #expect(tree.id == "lab-2")
        let start = try #require(tree.nodes[tree.startID]?.question)
        #expect(start.choices.count == 2)
        let resources = tree.orderedNodes.compactMap(\.resource)
        #expect(resources.contains { !$0.links.isEmpty && $0.commands.contains { !$0.placeholders.isEmpty } })
    }

    @Test(arguments: ["Lab", "-lab", "lab_1", "lab/x", "", String(repeating: "a", count: 65), "lab tree"])
    func invalidIDsAreRefused(id: String) {
        #expect(!TreeScaffold.isValidID(id))
    }

    @Test(arguments: ["lab", "0lab", "my-lab-2", String(repeating: "a", count: 64)])
    func validIDsAreAccepted(id: String) {
        #expect(TreeScaffold.isValidID(id))
    }
}
