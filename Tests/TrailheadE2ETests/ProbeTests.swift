import Foundation
import Testing

/// Probes in the interface: answers appear beside the question, and a slow one never holds up a key.
@Suite(.timeLimit(.minutes(1)))
struct ProbeScreenTests {
    static let tree = """
        format: 1
        id: tools
        title: Tools
        description: Which tools this machine has.
        start: start
        nodes:
          start:
            question: How will you run the client?
            probes:
              - command: goodtool
                version-matches: "goodtool 2\\\\."
              - command: slowtool
                version-matches: "slowtool 1"
              - command: missingtool
            choices:
              - label: It is installed
                suggest-if: {command: goodtool}
                goto: done
              - label: Install it
                goto: done
          done:
            title: Done
            body: Nothing more.

        """

    static func tool(_ name: String, in directory: URL, script: String) throws {
        let path = directory.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
    }

    /// Timing-bound: the screens must be seen within the product's fixed 2-second probe deadline,
    /// which a sanitized debug binary (TRAILHEAD_TEST_TIME_SCALE > 1) does not reliably meet.
    @Test(.enabled(if: E2E.timeScale == 1, "needs an unsanitized binary to beat the 2-second probe deadline"))
    func answersAppearBesideTheQuestionAndASlowVersionNeverBlocksKeys() async throws {
        let session = try await TmuxSession(columns: 100, rows: 30)
        defer { session.shutdown() }
        // A short directory, so each answer fits on one line of the page.
        let tools = URL(fileURLWithPath: "/tmp/thp-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tools) }
        try Self.tool("goodtool", in: tools, script: "echo 'goodtool 2.4.1'")
        try Self.tool("slowtool", in: tools, script: "exec sleep 30")
        let trees = try E2E.treeDirectory(in: session.home, ["tools.yaml": Self.tree])
        try session.runShell("PATH=\(E2E.shellQuote(tools.path)):$PATH " + session.trailheadCommand(["--trees", trees, "--no-default-trees"]))
        let first = try await session.waitFor("the question with the missing tool already answered") {
            $0.showsInterface && $0.screenRows.contains { $0.hasPrefix("   ✗ missingtool is not on your PATH") }
        }
        #expect(first.screenRows.contains { $0.hasPrefix("   … checking slowtool") }, "slowtool's --version is still running\n\(first)")
        try session.send("j")
        let moved = try await session.waitFor("j to move while slowtool's --version still runs") {
            $0.selectedRow?.hasPrefix(" ▸ 2  Install it") == true
        }
        #expect(moved.screenRows.contains { $0.hasPrefix("   … checking slowtool") }, "the key was handled before the probe finished\n\(moved)")
        let answered = try await session.waitFor("every probe answered, slowtool's after its 2-second deadline") { screen in
            screen.screenRows.contains { $0.hasPrefix("   ✓ goodtool found at \(tools.path)/goodtool (goodtool 2.4.1)") }
                && screen.screenRows.contains { $0.hasPrefix("   ? slowtool found at \(tools.path)/slowtool, but 'slowtool --version' did not answer in time") }
        }
        #expect(answered.screenRows.contains { $0.hasPrefix("      ✓ suggested: goodtool found at") }, "\(answered)")
        try await session.quitTrailhead()
    }
}
