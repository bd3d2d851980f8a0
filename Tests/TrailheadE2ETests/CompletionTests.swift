import Foundation
import Testing

/// Bash completion as a user meets it: subcommands, then tree ids and `tree/node` ids from the
/// trees that would load.
@Suite(.timeLimit(.minutes(1)))
struct CompletionTests {
    @Test func bashCompletesSubcommandsTreesAndNodes() async throws {
        let session = try await TmuxSession(columns: 120, rows: 30)
        defer { session.shutdown() }
        try session.runShell("source <(" + (try session.trailheadCommand(["--generate-completion-script", "bash"])) + ")")
        try await session.waitFor("the completion script to be sourced") { $0.promptIsBack }
        try session.type(try session.trailheadCommand(["expl"]))
        try session.send("Tab")
        try await session.waitFor("Tab to complete the subcommand") { $0.contains("$ trailhead explain") }
        try session.send("C-u")
        try session.type(try session.trailheadCommand(["show", "esc"]))
        try session.send("Tab")
        try await session.waitFor("Tab to complete the tree id") { $0.contains("show escape-vre") }
        try session.type("/rucio-dow")
        try session.send("Tab")
        try await session.waitFor("Tab to complete the node id") { $0.contains("show escape-vre/rucio-download") }
        try session.send("C-u")
    }
}
