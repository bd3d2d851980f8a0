import Foundation
import Testing

/// `trailhead preview FILE` in a real terminal: the interface on one file, read again on save.
@Suite(.timeLimit(.minutes(1)))
struct PreviewTests {
    static let lab = """
        format: 1
        id: lab
        title: Lab guide
        description: Where the lab starts.
        start: start
        nodes:
          start:
            question: What do you need?
            choices:
              - label: Python
                goto: python
              - label: The ESCAPE data lake
                goto: escape-vre/rucio
          python:
            title: Python on the cluster
            body: Load the module first.

        """

    @Test func aSavedFileIsReadAgainWhereTheWalkIs() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        let directory = try E2E.treeDirectory(in: session.home, ["lab.yaml": Self.lab])
        let file = directory + "/lab.yaml"
        try session.runTrailhead(["preview", file, "--trees", E2E.trees, "--no-default-trees"])
        try await session.waitFor("the preview to open at the file's start") { $0.row(1) == " What do you need?" }
        try session.send("1")
        try await session.waitFor("1 to open the Python page") { $0.row(1) == " Python on the cluster" }

        try Self.lab.replacing("Load the module first.", with: "Load the python module first.").write(toFile: file, atomically: true, encoding: .utf8)
        let reread = try await session.waitFor("the saved text on the same page, and the status saying so") {
            $0.row(1) == " Python on the cluster" && $0.contains("Load the python module first.") && $0.statusRow.contains("read lab.yaml again")
        }
        #expect(reread.barRow.hasSuffix("Lab guide › Python"), "the walk is kept: \(reread.barRow)")

        try Self.lab.replacing("start: start", with: "start: begin").write(toFile: file, atomically: false, encoding: .utf8)
        let broken = try await session.waitFor("a broken save to be reported, the last good version kept") {
            $0.statusRow.contains("has an error (line 5: start node 'begin' is not defined") && $0.contains("Load the python module first.")
        }
        #expect(broken.row(1) == " Python on the cluster")

        try Self.lab.replacing("  python:\n    title: Python on the cluster\n    body: Load the module first.\n", with: "")
            .replacing("goto: python", with: "goto: escape-vre/rucio")
            .write(toFile: file, atomically: true, encoding: .utf8)
        try await session.waitFor("the page gone, the walk back at the last node still there") {
            $0.row(1) == " What do you need?" && $0.statusRow.contains("read lab.yaml again")
        }
        try await session.quitTrailhead()
    }

    @Test func previewNeedsATerminalAndAGoodFile() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("th-preview-\(UUID().uuidString)")
        let directory = try E2E.treeDirectory(in: scratch, ["lab.yaml": Self.lab, "broken.yaml": "format: 1\nid: x\n"])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let binary = try E2E.requireBinary()
        let piped = try E2E.spawn(binary, ["preview", directory + "/lab.yaml"], environment: ["TERM": "xterm", "HOME": scratch.path], outputBase: scratch.path + "/piped")
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("preview needs a terminal; to check the file, run `trailhead validate"), "\(piped.stderr)")
        let broken = try E2E.spawn(binary, ["preview", directory + "/broken.yaml"], environment: ["TERM": "xterm", "HOME": scratch.path], outputBase: scratch.path + "/broken")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken.yaml has errors and was not previewed"), "\(broken.stderr)")
    }
}
