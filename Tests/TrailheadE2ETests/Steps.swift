import Foundation
import Testing

/// Steps that most tests share: open the interface, quit, check the exit status.
extension TmuxSession {
    /// Runs `trailhead` with `arguments` (on the checkout's trees unless `bundledTrees` is false)
    /// and waits for the full-screen interface.
    @discardableResult
    func openTrailhead(
        _ arguments: [String], bundledTrees: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let treeArguments = bundledTrees ? ["--trees", E2E.trees, "--no-default-trees"] : []
        try runTrailhead(treeArguments + arguments)
        return try await waitFor("the interface to open (trailhead \(arguments.joined(separator: " ")))", sourceLocation: sourceLocation) {
            $0.showsInterface
        }
    }

    /// Waits for the shell prompt, asks the shell for `$?` and waits until it shows `status`.
    func expectExitStatus(_ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await waitFor("the shell prompt after trailhead exits", sourceLocation: sourceLocation) { $0.promptIsBack }
        exitChecks += 1
        let tag = "(check \(exitChecks))"
        try runShell("echo \"EXIT=$? \(tag)\"")
        let shown = try await waitFor("`echo EXIT=$?` to show EXIT=\(status)", sourceLocation: sourceLocation) { screen in
            screen.screenRows.contains { $0.hasPrefix("EXIT=") && $0.hasSuffix(tag) }
        }
        let line = shown.screenRows.first { $0.hasPrefix("EXIT=") && $0.hasSuffix(tag) }
        #expect(line == "EXIT=\(status) \(tag)", "trailhead's exit status", sourceLocation: sourceLocation)
    }

    /// Presses q and expects exit status 0.
    func quitTrailhead(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try send("q")
        try await expectExitStatus(0, sourceLocation: sourceLocation)
    }

    /// Every captured row fits the pane: none is wider than `columns`, and there are `rows` of them.
    func expectScreenFits(_ screen: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = screen.screenRows
        #expect(lines.count == rows, "rows captured\n\(Self.framed(screen, columns: columns, rows: rows))", sourceLocation: sourceLocation)
        for (index, line) in lines.enumerated() where E2E.displayWidth(line) > columns {
            Issue.record("row \(index) is \(E2E.displayWidth(line)) columns wide in a \(columns)-column pane\n\(Self.framed(screen, columns: columns, rows: rows))", sourceLocation: sourceLocation)
        }
    }
}

extension String {
    /// Row `index` of a capture, or "" when there is none.
    func row(_ index: Int) -> String {
        let rows = screenRows
        return rows.indices.contains(index) ? rows[index] : ""
    }
}
