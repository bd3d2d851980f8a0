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

    /// zsh (compinit, the script sourced, `compdef`) and fish (the script piped to `source`).
    @Test(arguments: [
        ("zsh -f", "autoload -U compinit && compinit -u && source <(trailhead --generate-completion-script zsh) && compdef _trailhead trailhead"),
        ("fish --no-config", "trailhead --generate-completion-script fish | source"),
    ])
    func zshAndFishCompleteTreesAndNodes(shell: String, setUp: String) async throws {
        let session = try await TmuxSession(columns: 120, rows: 30)
        defer { session.shutdown() }
        // The shells find `trailhead` on PATH, as a user's would.
        #expect(try session.trailheadCommand([]) == "trailhead", "the binary is not on the session's PATH")
        try session.runShell("exec " + shell)
        try session.runShell(setUp + "; printf 'READY_%s\\n' 2")
        try await session.waitFor("\(shell) to load the completion") { $0.contains("READY_2") }
        try session.type("trailhead show esc")
        try session.send("Tab")
        try await session.waitFor("Tab to complete the tree id in \(shell)") { $0.contains("trailhead show escape-vre") }
        try session.send("C-u")
        try session.type("trailhead show escape-vre/rucio-dow")
        try session.send("Tab")
        try await session.waitFor("Tab to complete the node id in \(shell)") { $0.contains("trailhead show escape-vre/rucio-download") }
        try session.send("C-u")
    }
}
