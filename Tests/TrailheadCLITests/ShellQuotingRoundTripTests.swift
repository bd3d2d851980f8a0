import Foundation
import Testing
import TrailheadCore

/// A quoted value must come back unchanged as one word from every shell the widgets support.
struct ShellQuotingRoundTripTests {
    static let values = [
        "plain", "two words", "it's", "a\\b", "ends with a backslash\\", "\\'", "a\\\\b", "$(id)", "`id`",
        "; rm -rf ~ #", "=ls", "%self", "x{a,b}", "x'\u{301}; id #", "tab\there", "new\nline", "--help", "*?[]{}~!", "ünïcødé ✓", "",
    ]

    static let shells = ["/bin/sh", "/bin/bash", "/usr/bin/zsh", "/usr/bin/fish"].filter { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(arguments: shells)
    func everyValueIsOneUnchangedWord(shell: String) throws {
        let directory = try CLIRunner.treeDirectory([:])
        for value in Self.values {
            // printf prints its first argument exactly, then a marker that shows how many words there were.
            let printed = try PlaceholderContextRoundTripTests.run("printf '%s|' " + ShellQuoting.quote(value), in: shell, directory: directory)
            #expect(printed == value + "|", "\(shell) read \(ShellQuoting.quote(value).debugDescription) as \(printed.debugDescription)")
        }
    }

    @Test func theTestRunsInEveryWidgetShell() {
        #expect(Self.shells.count == 4, "bash, zsh and fish come with make deps: \(Self.shells)")
    }
}
